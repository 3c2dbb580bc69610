// Helpers of the import tests: DOCX packages built, unpacked and edited in memory.
#include "test_import_support.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <zip.h>

#include <filesystem>

namespace testsupport {

ZipEntries unzip_file(const std::string& path) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    REQUIRE(archive != nullptr);
    ZipEntries out;
    zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0);
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(f != nullptr);
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        REQUIRE(zip_fread(f, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        out.emplace_back(st.name, bytes);
    }
    zip_discard(archive);
    return out;
}

void zip_file(const std::string& path, const ZipEntries& entries) {
    int error = 0;
    std::filesystem::remove(path);
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(archive != nullptr);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* src = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        REQUIRE(src != nullptr);
        REQUIRE(zip_file_add(archive, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(archive) == 0);
}

std::string& entry(ZipEntries& entries, const std::string& name) {
    for (auto& [n, bytes] : entries) {
        if (n == name) return bytes;
    }
    FAIL("no entry " << name);
    throw std::logic_error("unreachable");
}

std::string build_docx(const std::string& corpus, const std::string& dir) {
    RunResult r = run(binary() + " build '" + corpus + "' --out '" + dir + "' --format docx,text,md");
    INFO(r.output);
    REQUIRE(r.status == 0);
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".docx") return e.path().string();
    }
    FAIL("no .docx in " << dir);
    return {};
}

std::string text_report(const std::string& corpus, const std::string& scratch) {
    std::filesystem::remove_all(scratch);
    RunResult r = run(binary() + " build '" + corpus + "' --out '" + scratch + "' --format text");
    INFO(r.output);
    REQUIRE(r.status == 0);
    for (const auto& e : std::filesystem::directory_iterator(scratch)) {
        if (e.path().extension() == ".txt") return read_file(e.path().string());
    }
    FAIL("no .txt in " << scratch);
    return {};
}

ImportRun run_import(const std::string& docx, const std::string& out, const std::string& flags) {
    RunResult r = run(binary() + " import '" + docx + "' --out '" + out + "' " + flags);
    return {r.status, r.output};
}

}  // namespace testsupport
