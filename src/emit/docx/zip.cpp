// The .docx packager: the parts zipped in memory with libzip, deterministically.
#include "package.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace itucollab::emit::docx {
namespace {

// 1980-01-01 00:00:00, the DOS epoch: every entry gets this fixed time, never the clock.
constexpr zip_uint16_t dos_time = 0;
constexpr zip_uint16_t dos_date = (0 << 9) | (1 << 5) | 1;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    std::string message = "cannot write the .docx package: " + what + ": " + zip_error_strerror(error);
    zip_error_fini(error);
    throw std::runtime_error(message);
}

}  // namespace

std::string zip_package(const std::vector<Part>& parts) {
    std::vector<std::pair<std::string, const std::string*>> entries;
    std::string content_types = content_types_xml(parts);
    entries.emplace_back("[Content_Types].xml", &content_types);
    for (const Part& part : parts) entries.emplace_back(part.name, &part.xml);

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) fail("buffer", &error);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        fail("open", &error);
    }
    zip_source_keep(buffer);  // still ours after zip_close, to read the bytes back

    for (const auto& [name, data] : entries) {
        zip_source_t* source = zip_source_buffer(archive, data->data(), data->size(), 0);
        zip_int64_t index = source ? zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
            zip_discard(archive);
            zip_source_free(buffer);
            fail(name, &error);
        }
        auto at = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(archive, at, ZIP_CM_DEFLATE, 9) != 0 ||
            zip_file_set_dostime(archive, at, dos_time, dos_date, 0) != 0) {
            zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
            zip_discard(archive);
            zip_source_free(buffer);
            fail(name, &error);
        }
    }
    if (zip_close(archive) != 0) {
        zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
        zip_discard(archive);
        zip_source_free(buffer);
        fail("close", &error);
    }

    std::string bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
        zip_source_free(buffer);
        throw std::runtime_error("cannot read back the .docx package");
    }
    bytes.resize(stat.size);
    zip_int64_t got = zip_source_read(buffer, bytes.data(), stat.size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) throw std::runtime_error("cannot read back the .docx package");
    zip_error_fini(&error);
    return bytes;
}

}  // namespace itucollab::emit::docx
