// Shared by the fuzz targets that render: what every output must satisfy, aborting with a reason if not.
#pragma once

#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

namespace fuzzsupport {

[[noreturn]] inline void fail(const char* what, std::string_view format, std::string_view detail) {
    std::fprintf(stderr, "fuzz: %s in %.*s: %.*s\n", what, static_cast<int>(format.size()), format.data(),
                 static_cast<int>(std::min<std::size_t>(detail.size(), 200)), detail.data());
    std::abort();
}

/// No C0 control other than tab, newline and carriage return, no DEL, no U+FFFE/U+FFFF.
inline void check_characters(std::string_view format, std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            fail("control character", format, bytes.substr(i >= 40 ? i - 40 : 0, 80));
        }
        if (c == 0xEF && i + 2 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(bytes[i + 2]) & 0xFE) == 0xBE) {
            fail("noncharacter", format, bytes.substr(i >= 40 ? i - 40 : 0, 80));
        }
    }
}

/// Allowed characters only, and the bytes re-parse as XML.
inline void check_xml(std::string_view format, std::string_view part, std::string_view bytes) {
    check_characters(format, bytes);
    pugi::xml_document doc;
    if (!doc.load_buffer(bytes.data(), bytes.size())) fail("XML does not re-parse", format, part);
}

/// A zip package whose XML parts (.xml, .rels) all pass check_xml.
inline void check_docx(std::string_view format, std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) fail("not a zip package", format, "");
    zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
        if (!(name.ends_with(".xml") || name.ends_with(".rels"))) continue;
        zip_stat_t st;
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
        std::string content(st.size, '\0');
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (!f || zip_fread(f, content.data(), st.size) != static_cast<zip_int64_t>(st.size)) fail("unreadable part", format, name);
        zip_fclose(f);
        check_xml(format, name, content);
    }
    zip_close(archive);
}

/// Every '<' starts one of `tags` (the elements the renderer writes), a comment or the doctype, so data
/// never becomes markup; every href inside a tag is a fragment or an http, https or mailto link. (Text
/// may hold `href="` itself: HTML text needs no escaped quotes.)
inline void check_html(std::string_view format, std::string_view html, std::initializer_list<std::string_view> tags) {
    check_characters(format, html);
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
        std::string_view rest = html.substr(at + 1);
        if (rest.starts_with("!DOCTYPE") || rest.starts_with("!--")) continue;
        if (rest.starts_with('/')) rest.remove_prefix(1);
        std::string_view name = rest.substr(0, rest.find_first_of(" >/\n"));
        if (std::find(tags.begin(), tags.end(), name) == tags.end()) fail("unexpected markup", format, html.substr(at, 80));
        std::string_view tag = rest.substr(0, rest.find('>'));  // attribute values escape '>'
        for (std::size_t href = tag.find(" href=\""); href != std::string_view::npos; href = tag.find(" href=\"", href + 1)) {
            std::string_view target = tag.substr(href + 7);
            if (!(target.starts_with("#") || target.starts_with("http://") || target.starts_with("https://") ||
                  target.starts_with("mailto:"))) {
                fail("unsafe link", format, target.substr(0, 80));
            }
        }
    }
}

}  // namespace fuzzsupport
