// The docx and Flat OPC outputs opened by real consumers: LibreOffice (PDF, seed coverage) and python-docx.
#include "support.hpp"
#include "test_docx_support.hpp"
#include "word_coverage.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

namespace fs = std::filesystem;
using namespace testsupport;
using namespace docxtest;

namespace {

std::string tools_dir() { return source_dir() + "/tests/tools/docx"; }

// Writes the bundled report in `format` into `dir`; returns the file path.
std::string write_bundled(const std::string& dir, const std::string& format) {
    std::string path = dir + "/C21-INF-2-E." + format;
    write_file(path, render(load_bundled(), format));
    return path;
}

// The Flat OPC file repacked into a zip package by the python script.
std::string repack_flat_opc(const std::string& dir) {
    std::string flat = write_bundled(dir, "xml");
    std::string repacked = dir + "/C21-INF-2-E-repacked.docx";
    auto result = run("/usr/bin/python3 " + quote(tools_dir() + "/flat_opc_to_docx.py") + " " + quote(flat) + " " + quote(repacked));
    INFO(result.output);
    REQUIRE(result.status == 0);
    return repacked;
}

// LibreOffice → PDF → pdftotext: the seed coverage, checked ≥ 0.99 and reported.
void check_pdf_coverage(const std::string& file, const std::string& what) {
    std::string dir = fs::path(file).parent_path().string();
    std::string log;
    std::string pdf = convert_to_pdf(file, dir, log);
    INFO("soffice: " << log);
    REQUIRE(!pdf.empty());
    auto text = run("pdftotext -raw -enc UTF-8 " + quote(pdf) + " -");
    REQUIRE(text.status == 0);
    Coverage c = coverage(read_file(source_dir() + "/tests/seed/c21-inf-2-seed.txt"), text.output);
    std::string missing;
    for (const auto& run : c.missing_runs) missing += "  [" + run + "]\n";
    INFO("matched " << c.matched << " of " << c.reference_words << "; unmatched runs:\n" << missing);
    CHECK(c.ratio() >= 0.99);
    WARN("seed word coverage of the " << what << " through LibreOffice: " << c.matched << "/" << c.reference_words
                                      << " = " << 100.0 * c.ratio() << "%");
    // Page X of Y from the PAGE/NUMPAGES fields, portrait body, landscape annex.
    auto info = run("pdfinfo " + quote(pdf));
    std::smatch pages;
    REQUIRE(std::regex_search(info.output, pages, std::regex(R"(Pages:\s+(\d+))")));
    CHECK(text.output.find("C21/INF/2-E – Page 1 of " + pages[1].str()) != std::string::npos);
    auto first = run("pdfinfo -f 1 -l 1 " + quote(pdf));
    auto last = run("pdfinfo -f " + pages[1].str() + " -l " + pages[1].str() + " " + quote(pdf));
    CHECK(first.output.find("595.3") < first.output.find("841.89"));  // width × height: portrait
    CHECK(last.output.find("841.89") < last.output.find("595.3"));    // landscape
    CHECK(text.output.find("More than half of the meetings") != std::string::npos);  // the (*) note
    // The first page opens with the header block, not the running head; page 2 carries it.
    auto page1 = run("pdftotext -raw -enc UTF-8 -f 1 -l 1 " + quote(pdf) + " -");
    auto page2 = run("pdftotext -raw -enc UTF-8 -f 2 -l 2 " + quote(pdf) + " -");
    CHECK(page1.output.starts_with("Council 2021"));
    CHECK(page1.output.find("Collaboration with UN system") == std::string::npos);
    CHECK(page2.output.starts_with("Collaboration with UN system"));
}

bool have_libreoffice() {
    return have_tools({tool_command("soffice", "libreoffice-writer-nogui"), tool_command("pdftotext", "poppler-utils"),
                       tool_command("pdfinfo", "poppler-utils")});
}

bool have_python_docx() { return have_tools({tool_python_module("docx", "python3-docx")}); }

void check_annex_shape(const std::string& file) {
    auto result = run("/usr/bin/python3 " + quote(tools_dir() + "/table_shape.py") + " " + quote(file));
    INFO(result.output);
    REQUIRE(result.status == 0);
    CHECK(result.output.find("annex_table 6 56\n") != std::string::npos);
    CHECK(result.output.find("heading Heading1 Introduction\n") != std::string::npos);
    CHECK(result.output.find("heading Heading2 BR\n") != std::string::npos);
    CHECK(result.output.find("heading Heading1 ANNEX\n") != std::string::npos);
}

}  // namespace

TEST_CASE("LibreOffice converts the docx of the bundled report with at least 99% seed coverage") {
    if (!have_libreoffice()) return;
    std::string dir = temp_dir("docx-lo");
    check_pdf_coverage(write_bundled(dir, "docx"), "docx");
    fs::remove_all(dir);
}

TEST_CASE("python-docx opens the docx and sees the annex table as 6 columns by 56 rows") {
    if (!have_python_docx()) return;
    std::string dir = temp_dir("docx-py");
    check_annex_shape(write_bundled(dir, "docx"));
    fs::remove_all(dir);
}

TEST_CASE("the Flat OPC file repacked into a package opens in python-docx") {
    if (!have_python_docx()) return;
    std::string dir = temp_dir("flat-py");
    check_annex_shape(repack_flat_opc(dir));
    fs::remove_all(dir);
}

TEST_CASE("the Flat OPC file repacked into a package converts in LibreOffice with at least 99% seed coverage") {
    if (!have_tools({tool_python3()}) || !have_libreoffice()) return;
    std::string dir = temp_dir("flat-lo");
    check_pdf_coverage(repack_flat_opc(dir), "Flat OPC");
    fs::remove_all(dir);
}
