// Hostile .docx packages for `itucollab import`: zip bombs, unsafe entry names, DTDs, broken XML,
// missing parts and enormous tables each end in exit 2 with a clear message, fast, nothing written.
#include "support.hpp"
#include "test_import_support.hpp"

#include "import/import.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace testsupport;
using namespace itucollab;
namespace fs = std::filesystem;

namespace {

const std::string w_ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// Our DOCX of the bundled corpus, unpacked once per test case.
ZipEntries base_entries(const std::string& dir) {
    return unzip_file(build_docx(source_dir() + "/data/c21-inf-2", dir + "/out"));
}

void set_entry(ZipEntries& entries, const std::string& name, std::string bytes) {
    for (auto& [n, b] : entries) {
        if (n == name) {
            b = std::move(bytes);
            return;
        }
    }
    entries.emplace_back(name, std::move(bytes));
}

void remove_entry(ZipEntries& entries, const std::string& name) {
    std::erase_if(entries, [&](const auto& e) { return e.first == name; });
}

// Runs the import under the hostile runner's limits (10 s, 1 GB of address space) and checks the
// refusal: exit 2, `expect` in the message, no output directory, within the time limit.
void expect_refused(const std::string& docx, const std::string& dir, const std::string& expect) {
    std::string limits = "ulimit -v 1000000; ";
#ifdef ITUCOLLAB_SANITIZED
    limits.clear();
#endif
    auto start = std::chrono::steady_clock::now();
    RunResult r = run(limits + "timeout 10 " + binary() + " import '" + docx + "' --out '" + dir + "/corpus'");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.output);
    WARN(fs::path(docx).filename().string() << ": refused in " << seconds << " s");
    CHECK(r.status == 2);
    CHECK(r.output.find(expect) != std::string::npos);
    CHECK(r.output.find("nothing written") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/corpus"));
    CHECK(seconds < 10.0);
}

// Sets the uncompressed size that the local header and the central directory declare for `name`.
void lie_about_size(std::string& zip, const std::string& name, std::uint32_t size) {
    auto patch = [&](const char* signature, std::size_t name_length_at, std::size_t name_at, std::size_t size_at) {
        int patched = 0;
        for (std::size_t at = zip.find(signature); at != std::string::npos; at = zip.find(signature, at + 4)) {
            std::uint16_t length = static_cast<std::uint16_t>(static_cast<unsigned char>(zip[at + name_length_at]) |
                                                              (static_cast<unsigned char>(zip[at + name_length_at + 1]) << 8));
            if (zip.compare(at + name_at, length, name) != 0) continue;
            for (int i = 0; i < 4; ++i) zip[at + size_at + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
            ++patched;
        }
        REQUIRE(patched == 1);
    };
    patch("PK\x03\x04", 26, 30, 22);
    patch("PK\x01\x02", 28, 46, 24);
}

}  // namespace

TEST_CASE("import hostile: a zip bomb is stopped at the bytes actually decompressed") {
    std::string dir = temp_dir("import-bomb");
    ZipEntries entries = base_entries(dir);
    // 100 MiB of blanks inside the root element: about 100 KiB compressed.
    std::string bomb = "<w:document " + w_ns + "><w:body>" + std::string(100u << 20, ' ') + "</w:body></w:document>";
    set_entry(entries, "word/document.xml", std::move(bomb));
    zip_file(dir + "/bomb.docx", entries);
    CHECK(fs::file_size(dir + "/bomb.docx") < 1'000'000);
    expect_refused(dir + "/bomb.docx", dir, "word/document.xml: decompresses to more than 67108864 bytes");
}

TEST_CASE("import hostile: an entry whose declared size lies is read no further than the cap") {
    std::string dir = temp_dir("import-lying-size");
    ZipEntries entries = base_entries(dir);
    set_entry(entries, "word/document.xml",
              "<w:document " + w_ns + "><w:body>" + std::string(100u << 20, ' ') + "</w:body></w:document>");
    zip_file(dir + "/lie.docx", entries);
    std::string zip = read_file(dir + "/lie.docx");
    lie_about_size(zip, "word/document.xml", 100);
    { std::ofstream(dir + "/lie.docx", std::ios::binary) << zip; }
    expect_refused(dir + "/lie.docx", dir, "word/document.xml: decompresses to more than 67108864 bytes");
}

TEST_CASE("import hostile: the caps on one part and on all parts count decompressed bytes") {
    std::string dir = temp_dir("import-caps");
    ZipEntries entries = base_entries(dir);
    std::string padded = "<w:styles " + w_ns + ">" + std::string(900'000, ' ') + "</w:styles>";
    set_entry(entries, "word/styles.xml", padded);
    set_entry(entries, "word/numbering.xml", "<w:numbering " + w_ns + ">" + std::string(900'000, ' ') + "</w:numbering>");
    zip_file(dir + "/caps.docx", entries);
    std::string bytes = read_file(dir + "/caps.docx");
    import::ImportOptions options;
    options.package.max_part_bytes = 1'000'000;
    options.package.max_total_bytes = 1'500'000;
    CHECK_THROWS_WITH(import::import_docx(bytes, options), Catch::Contains("the limit") && Catch::Contains("in all"));
    options.package.max_part_bytes = 800'000;
    options.package.max_total_bytes = 100'000'000;
    CHECK_THROWS_WITH(import::import_docx(bytes, options), Catch::Contains("the limit for one part"));
    options.package.max_part_bytes = 100'000'000;
    CHECK_NOTHROW(import::import_docx(bytes, options));
}

TEST_CASE("import hostile: entry names with '..', absolute paths or backslashes are refused") {
    std::string dir = temp_dir("import-names");
    const std::vector<std::pair<std::string, std::string>> names{
        {"../evil.xml", "a '..' segment in the entry name"},
        {"word/../../evil.xml", "a '..' segment in the entry name"},
        {"/etc/evil.xml", "an absolute entry name"},
        {"word\\evil.xml", "a backslash in the entry name"}};
    ZipEntries base = base_entries(dir);
    int n = 0;
    for (const auto& [name, why] : names) {
        ZipEntries entries = base;
        entries.emplace_back(name, "<x/>");
        std::string docx = dir + "/name" + std::to_string(++n) + ".docx";
        zip_file(docx, entries);
        expect_refused(docx, dir, why);
    }
}

TEST_CASE("import hostile: DOCTYPE and entity declarations are refused, with the part and line:col") {
    std::string dir = temp_dir("import-dtd");
    ZipEntries entries = base_entries(dir);
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
                         "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n"
                         "<w:document " + w_ns + "><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>";
    set_entry(entries, "word/document.xml", laughs);
    zip_file(dir + "/dtd.docx", entries);
    expect_refused(dir + "/dtd.docx", dir, "word/document.xml:2:1: DOCTYPE declarations are not allowed");
    set_entry(entries, "word/document.xml", "<w:document " + w_ns + "/>");
    set_entry(entries, "word/styles.xml", "<!ENTITY x \"y\">");
    zip_file(dir + "/entity.docx", entries);
    expect_refused(dir + "/entity.docx", dir, "word/styles.xml:1:1: ENTITY declarations are not allowed");
}

TEST_CASE("import hostile: malformed XML names the part and line:col") {
    std::string dir = temp_dir("import-malformed");
    ZipEntries entries = base_entries(dir);
    set_entry(entries, "word/document.xml", "<w:document " + w_ns + ">\n<w:body>\n  <w:p></w:r>\n</w:body></w:document>");
    zip_file(dir + "/malformed.docx", entries);
    expect_refused(dir + "/malformed.docx", dir, "word/document.xml:3:10: malformed XML");
}

TEST_CASE("import hostile: missing parts, a non-zip file and too many entries are refused") {
    std::string dir = temp_dir("import-missing");
    ZipEntries base = base_entries(dir);
    ZipEntries no_body = base;
    remove_entry(no_body, "word/document.xml");
    zip_file(dir + "/no-body.docx", no_body);
    expect_refused(dir + "/no-body.docx", dir, "word/document.xml: missing from the package");
    ZipEntries no_types = base;
    remove_entry(no_types, "[Content_Types].xml");
    zip_file(dir + "/no-types.docx", no_types);
    expect_refused(dir + "/no-types.docx", dir, "[Content_Types].xml: missing from the package");
    { std::ofstream(dir + "/text.docx") << "this is not a zip file\n"; }
    expect_refused(dir + "/text.docx", dir, "not a readable zip package");
    ZipEntries many = base;
    for (int i = 0; i < 2500; ++i) many.emplace_back("extra/item" + std::to_string(i) + ".xml", "");
    zip_file(dir + "/many.docx", many);
    expect_refused(dir + "/many.docx", dir, "entries, over the limit of 2000");
}

TEST_CASE("import hostile: a table of 100,000 rows and elements nested 100,000 deep are refused fast") {
    std::string dir = temp_dir("import-huge");
    ZipEntries entries = base_entries(dir);
    std::string rows;
    for (int i = 0; i < 100'000; ++i) rows += "<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>";
    set_entry(entries, "word/document.xml",
              "<w:document " + w_ns + "><w:body><w:tbl>" + rows + "</w:tbl></w:body></w:document>");
    zip_file(dir + "/rows.docx", entries);
    expect_refused(dir + "/rows.docx", dir, "table 1 has more than 20000 rows, the limit");
    std::string deep;
    for (int i = 0; i < 100'000; ++i) deep += "<w:sdt>";
    set_entry(entries, "word/document.xml", "<w:document " + w_ns + "><w:body>" + deep + "</w:body></w:document>");
    zip_file(dir + "/deep.docx", entries);
    expect_refused(dir + "/deep.docx", dir, "word/document.xml");
    std::string nested;
    for (int i = 0; i < 100'000; ++i) nested += "<w:sdt>";
    for (int i = 0; i < 100'000; ++i) nested += "</w:sdt>";
    set_entry(entries, "word/document.xml", "<w:document " + w_ns + "><w:body>" + nested + "</w:body></w:document>");
    zip_file(dir + "/nested.docx", entries);
    expect_refused(dir + "/nested.docx", dir, "elements nested deeper than 200 levels");
}

namespace {

// Imports `document_xml` as the body of an otherwise valid package, under the hostile limits;
// returns the exit status after checking the run took under 10 s.
int import_body(const std::string& dir, const std::string& name, const std::string& document_xml, const std::string& flags = "") {
    ZipEntries entries{{"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                       {"word/document.xml", document_xml}};
    std::string docx = dir + "/" + name + ".docx";
    zip_file(docx, entries);
    std::string limits = "ulimit -v 1000000; ";
#ifdef ITUCOLLAB_SANITIZED
    limits.clear();
#endif
    auto start = std::chrono::steady_clock::now();
    RunResult r = run(limits + "timeout 10 " + binary() + " import '" + docx + "' --out '" + dir + "/" + name + "' " + flags +
                      " 2>&1 | tail -3");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.output);
    WARN(name << ": " << seconds << " s");
    CHECK(seconds < 10.0);
    CHECK(r.output.find("itucollab: wrote") != std::string::npos);
    return r.status;
}

std::string body_of(const std::string& paragraphs) {
    return "<w:document " + w_ns + "><w:body><w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Intro</w:t></w:r></w:p>" +
           paragraphs + "</w:body></w:document>";
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("import hostile: 100,000 records of one kind stay linear (ids, joins, continuations, labels)") {
    std::string dir = temp_dir("import-linear");
    // One text 100,000 times: ids "x", "x-2" … handed out without rescanning.
    import_body(dir, "same-text", body_of(repeat("<w:p><w:r><w:t>1.1 Same words</w:t></w:r></w:p>", 100'000)));
    // 100,000 deleted paragraph marks, accepted: one paragraph, each run moved once.
    import_body(dir, "joins",
                body_of("<w:p><w:r><w:t>1.1 Start</w:t></w:r></w:p>" +
                        repeat("<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>", 100'000) +
                        "<w:p><w:r><w:t>end</w:t></w:r></w:p>"),
                "--accept");
    // 100,000 continuation paragraphs of one numbered paragraph: the text is parsed once.
    import_body(dir, "continuations",
                body_of("<w:p><w:r><w:t>1.1 Start</w:t></w:r></w:p>" + repeat("<w:p><w:r><w:t>more *text*</w:t></w:r></w:p>", 100'000)));
    // 50,000 initiative items with distinct agency labels.
    std::string items;
    for (int i = 0; i < 50'000; ++i) {
        items += "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>A" + std::to_string(i) +
                 ":</w:t></w:r><w:r><w:t xml:space=\"preserve\"> item</w:t></w:r></w:p>";
    }
    import_body(dir, "agencies",
                body_of("<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>BR</w:t></w:r></w:p>" + items));
    // Megabyte lines where dates, numbers and labels are looked for: no regular expression sees them whole.
    std::string blanks(1u << 20, ' ');
    import_body(dir, "long-lines",
                "<w:document " + w_ns + "><w:body><w:p><w:r><w:t xml:space=\"preserve\">Document 1" + blanks +
                    "-E</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">1" + blanks + "2 March 2021</w:t></w:r></w:p>" +
                    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1" + blanks +
                    "</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">1.1" + blanks + "x</w:t></w:r></w:p>"
                    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>ANNEX</w:t></w:r></w:p>"
                    "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr><w:tr>" +
                    repeat("<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">2021-01-01" + std::string(200'000, '1') +
                               "(" + std::string(200'000, 'A') + ")</w:t></w:r></w:p></w:tc>",
                           6) +
                    "</w:tr></w:tbl></w:body></w:document>");
}
