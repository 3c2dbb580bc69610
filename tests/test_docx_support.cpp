// Helpers of the DOCX tests: loading corpora, unzipping packages, pretty XML, external tools.
#include "test_docx_support.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace testsupport;

namespace docxtest {

std::string render(const itucollab::Document& doc, const std::string& format, const itucollab::EmitOptions& options) {
    const itucollab::Emitter* emitter = itucollab::find_emitter(format);
    REQUIRE(emitter != nullptr);
    return emitter->render(doc, options);
}

std::vector<Entry> unzip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(source != nullptr);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    INFO("libzip: " << zip_error_strerror(&error));
    REQUIRE(archive != nullptr);
    std::vector<Entry> entries;
    zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0);
        Entry entry{stat.name, std::string(stat.size, '\0'), stat.comp_method, static_cast<long long>(stat.mtime)};
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(file != nullptr);
        REQUIRE(zip_fread(file, entry.data.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
        zip_fclose(file);
        entries.push_back(std::move(entry));
    }
    zip_close(archive);
    zip_error_fini(&error);
    return entries;
}

std::map<std::string, std::string> unzip_map(const std::string& bytes) {
    std::map<std::string, std::string> parts;
    for (auto& entry : unzip(bytes)) parts[entry.name] = std::move(entry.data);
    return parts;
}

std::string pretty(const std::string& xml) {
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration | pugi::parse_pi |
                                                              pugi::parse_ws_pcdata_single);
    INFO("parse error: " << parsed.description() << " at " << parsed.offset);
    REQUIRE(parsed);
    std::ostringstream s;
    doc.save(s, "  ", pugi::format_indent, pugi::encoding_utf8);
    return s.str();
}

std::string golden_file(const std::string& part) {
    std::string name = part;
    for (char& c : name) {
        if (c == '/') c = '-';
    }
    if (!name.ends_with(".xml")) name += ".xml";
    return "mini-docx/" + name;
}

namespace {

fs::path ooxml_schemas_root() {
    const char* root = std::getenv("ITUCOLLAB_OOXML_SCHEMAS");
    return root && *root ? fs::path(root) : fs::path(source_dir()).parent_path() / "shared" / "ooxml-schemas";
}

}  // namespace

testsupport::Tool ooxml_schemas() {
    return testsupport::tool_path((ooxml_schemas_root() / "schemas").string(),
                                  "the OOXML schemas: ../shared/ooxml-schemas beside the source tree, or $ITUCOLLAB_OOXML_SCHEMAS");
}

std::string ooxml_schema(const std::string& relative) {
    return fs::weakly_canonical(ooxml_schemas_root() / "schemas" / relative).string();
}

std::string wml_schema() { return ooxml_schema("microsoft/wml-2010.xsd"); }

std::string convert_with_libreoffice(const std::string& file, const std::string& out_dir, const std::string& format,
                                    std::string& log) {
    std::string profile = temp_dir("lo-profile");
    auto result = run("timeout 120 soffice -env:UserInstallation=file://" + profile + " --headless --convert-to " +
                      format + " --outdir " + quote(out_dir) + " " + quote(file));
    log = result.output;
    fs::remove_all(profile);
    fs::path out = fs::path(out_dir) / (fs::path(file).stem().string() + "." + format);
    return result.status == 0 && fs::exists(out) ? out.string() : std::string();
}

std::string convert_to_pdf(const std::string& file, const std::string& out_dir, std::string& log) {
    return convert_with_libreoffice(file, out_dir, "pdf", log);
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    REQUIRE(out.good());
}

std::string quote(const std::string& path) {
    std::string q = "'";
    for (char c : path) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

}  // namespace docxtest
