// libFuzzer target: every corpus that loads renders in every registered format; XML parts re-parse,
// HTML carries no markup from the data, and no output holds a character XML 1.0 forbids.
#include "fuzz_corpus.hpp"

#include <itucollab/emitter.hpp>

#include <pugixml.hpp>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, std::string_view format, std::string_view detail) {
    std::fprintf(stderr, "fuzz_emitters: %s in %.*s: %.*s\n", what, static_cast<int>(format.size()), format.data(),
                 static_cast<int>(std::min<std::size_t>(detail.size(), 200)), detail.data());
    std::abort();
}

// C0 controls other than tab, newline and carriage return, and U+FFFE/U+FFFF.
void check_characters(std::string_view format, std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) fail("control character", format, bytes.substr(i >= 40 ? i - 40 : 0, 80));
        if (c == 0xEF && i + 2 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(bytes[i + 2]) & 0xFE) == 0xBE) {
            fail("noncharacter", format, bytes.substr(i >= 40 ? i - 40 : 0, 80));
        }
    }
}

void check_xml(std::string_view format, std::string_view part, std::string_view bytes) {
    check_characters(format, bytes);
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size());
    if (!parsed) fail("XML does not re-parse", format, part);
}

// Every part of a DOCX package that is XML re-parses.
void check_docx(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) fail("not a zip package", "docx", "");
    zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
        if (!(name.ends_with(".xml") || name.ends_with(".rels"))) continue;
        zip_stat_t st;
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
        std::string content(st.size, '\0');
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (!f || zip_fread(f, content.data(), st.size) != static_cast<zip_int64_t>(st.size)) fail("unreadable part", "docx", name);
        zip_fclose(f);
        check_xml("docx", name, content);
    }
    zip_close(archive);
}

// Every '<' starts a tag the emitter writes, a comment or the doctype: data never becomes markup.
void check_html(std::string_view html) {
    static const std::set<std::string, std::less<>> tags{
        "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer", "section", "h1", "h2",
        "h3", "p", "span", "div", "ol", "ul", "li", "a", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "strong", "em", "sup", "br", "abbr", "time"};
    check_characters("html", html);
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
        std::string_view rest = html.substr(at + 1);
        if (rest.starts_with("!DOCTYPE") || rest.starts_with("!--")) continue;
        if (rest.starts_with('/')) rest.remove_prefix(1);
        std::size_t end = rest.find_first_of(" >/\n");
        if (!tags.contains(rest.substr(0, end))) fail("unexpected markup", "html", html.substr(at, 80));
    }
    for (std::size_t at = html.find("href=\""); at != std::string_view::npos; at = html.find("href=\"", at + 1)) {
        std::string_view target = html.substr(at + 6);
        if (!(target.starts_with("#") || target.starts_with("http://") || target.starts_with("https://") ||
              target.starts_with("mailto:"))) {
            fail("unsafe link", "html", target.substr(0, 80));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    itucollab::MemoryFileSystem fs = fuzzsupport::corpus_from(data, size);
    itucollab::LoadResult result = itucollab::load_corpus(fs, "mini");
    if (!result.document) return 0;
    itucollab::EmitOptions options;
    options.templates_dir = std::string(ITUCOLLAB_SOURCE_DIR) + "/templates";
    options.source_date_epoch = 0;
    for (const auto& e : itucollab::emitters()) {
        std::string out;
        try {
            out = e.render(*result.document, options);
        } catch (const std::runtime_error& ex) {
            if (std::string_view(ex.what()).find("not implemented") != std::string_view::npos) continue;  // placeholder
            fail("render threw", e.name, ex.what());
        }
        if (e.name == "html") check_html(out);
        else if (e.name == "xml") check_xml("xml", "flat OPC", out);
        else if (e.name == "docx") check_docx(out);
        else check_characters(e.name, out);
    }
    return 0;
}
