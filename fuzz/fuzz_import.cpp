// libFuzzer target: bytes as a .docx package (first byte even) or as word/document.xml inside a valid
// package (first byte odd) must end in an ImportError or a corpus whose files are valid YAML, never a crash.
#include "../src/import/corpus_writer.hpp"
#include "../src/import/import.hpp"

#include <yaml-cpp/yaml.h>
#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// A zip holding `entries`, built in memory.
std::string zip_entries(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    if (!archive) std::abort();
    zip_source_keep(buffer);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* src = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        if (!src || zip_file_add(archive, name.c_str(), src, 0) < 0) std::abort();
    }
    if (zip_close(archive) != 0) std::abort();
    zip_stat_t st;
    zip_source_stat(buffer, &st);
    std::string out(static_cast<std::size_t>(st.size), '\0');
    zip_source_open(buffer);
    zip_source_read(buffer, out.data(), st.size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] & 1) {
        bytes = zip_entries({{"[Content_Types].xml",
                              "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                             {"word/document.xml", bytes}});
    }
    itucollab::import::ImportOptions options;
    options.package.max_part_bytes = 4u << 20;  // small caps keep each run fast
    options.package.max_total_bytes = 8u << 20;
    options.body.max_blocks = 20'000;
    options.body.max_table_rows = 2'000;
    options.revisions = (data[0] & 2) ? itucollab::import::RevisionMode::accept : itucollab::import::RevisionMode::reject;
    try {
        itucollab::import::ImportOutcome outcome = itucollab::import::import_docx(bytes, options);
        for (const auto& file : itucollab::import::write_corpus(outcome.recognised.document)) {
            try {
                (void)YAML::Load(file.bytes);  // whatever the text, the corpus files are YAML
            } catch (const YAML::Exception&) {
                std::abort();
            }
        }
    } catch (const itucollab::import::ImportError& e) {
        if (std::string(e.what()).empty()) std::abort();  // a refusal always says why
    }
    return 0;
}
