// Reading a .docx package defensively: entry names, decompressed-size caps, XML without DTDs.
#include "package.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstring>

namespace itucollab::import {

struct Package::Zip {
    zip_t* archive = nullptr;
};

namespace {

// A name is refused when it could leave the package root or names a device: "..", absolute, "\".
std::string unsafe_name_reason(const std::string& name) {
    if (name.empty()) return "an empty entry name";
    if (name.find('\\') != std::string::npos) return "a backslash in the entry name";
    if (name.front() == '/') return "an absolute entry name";
    if (name.size() > 1 && name[1] == ':') return "a drive letter in the entry name";
    if (name.find('\0') != std::string::npos) return "a NUL in the entry name";
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        std::string segment = name.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (segment == "..") return "a '..' segment in the entry name";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return {};
}

}  // namespace

std::string line_col(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return fmt::format("{}:{}", line, col);
}

pugi::xml_document parse_part_xml(const std::string& name, const std::string& bytes) {
    // pugixml skips a DTD without expanding it; a package has no business carrying one at all.
    for (const char* banned : {"<!DOCTYPE", "<!ENTITY"}) {
        if (auto at = bytes.find(banned); at != std::string::npos) {
            throw ImportError(fmt::format("{}:{}: {} declarations are not allowed in a package part", name,
                                          line_col(bytes, at), banned + 2));
        }
    }
    pugi::xml_document doc;
    pugi::xml_parse_result result =
        doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
    if (!result) {
        throw ImportError(fmt::format("{}:{}: malformed XML: {}", name,
                                      line_col(bytes, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
                                      result.description()));
    }
    if (!doc.document_element()) throw ImportError(fmt::format("{}: no root element", name));
    return doc;
}

Package::Package(const std::string& bytes, PackageLimits limits) : zip_(new Zip), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        throw ImportError("not a zip package: cannot read the buffer");
    }
    zip_->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip_->archive) {
        std::string why = zip_error_strerror(&error);
        zip_source_free(source);
        zip_error_fini(&error);
        delete zip_;
        zip_ = nullptr;
        throw ImportError("not a readable zip package (.docx): " + why);
    }
    zip_error_fini(&error);
    zip_int64_t count = zip_get_num_entries(zip_->archive, 0);
    if (count < 0 || static_cast<std::size_t>(count) > limits_.max_entries) {
        std::string message = fmt::format("the package has {} entries, over the limit of {}", count, limits_.max_entries);
        zip_discard(zip_->archive);
        delete zip_;
        zip_ = nullptr;
        throw ImportError(message);
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* raw = zip_get_name(zip_->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        std::string name = raw ? raw : "";
        if (std::string why = unsafe_name_reason(name); !why.empty()) {
            zip_discard(zip_->archive);
            delete zip_;
            zip_ = nullptr;
            throw ImportError(fmt::format("entry \"{}\": {}; refused", name, why));
        }
        index_.emplace(name, i);
    }
}

Package::~Package() {
    if (zip_) {
        if (zip_->archive) zip_discard(zip_->archive);
        delete zip_;
    }
}

bool Package::has(const std::string& name) const {
    return index_.count(name.starts_with("/") ? name.substr(1) : name) != 0;
}

std::vector<std::string> Package::names() const {
    std::vector<std::string> out;
    for (const auto& [name, _] : index_) out.push_back(name);
    return out;
}

std::string Package::read(const std::string& given) {
    std::string name = given.starts_with("/") ? given.substr(1) : given;
    auto it = index_.find(name);
    if (it == index_.end()) throw ImportError(fmt::format("{}: missing from the package", name));
    zip_file_t* file = zip_fopen_index(zip_->archive, static_cast<zip_uint64_t>(it->second), 0);
    if (!file) {
        throw ImportError(fmt::format("{}: cannot open the entry: {}", name, zip_strerror(zip_->archive)));
    }
    // Declared sizes are not trusted: the bytes are counted as they come out of the decompressor.
    std::string out;
    char block[64 * 1024];
    for (;;) {
        zip_int64_t n = zip_fread(file, block, sizeof block);
        if (n < 0) {
            std::string why = zip_file_strerror(file);
            zip_fclose(file);
            throw ImportError(fmt::format("{}: cannot decompress the entry: {}", name, why));
        }
        if (n == 0) break;
        std::size_t got = static_cast<std::size_t>(n);
        if (out.size() + got > limits_.max_part_bytes) {
            zip_fclose(file);
            throw ImportError(fmt::format("{}: decompresses to more than {} bytes, the limit for one part (zip bomb?)",
                                          name, limits_.max_part_bytes));
        }
        if (total_read_ + got > limits_.max_total_bytes) {
            zip_fclose(file);
            throw ImportError(fmt::format("{}: the parts read decompress to more than {} bytes in all, the limit (zip bomb?)",
                                          name, limits_.max_total_bytes));
        }
        total_read_ += got;
        out.append(block, got);
    }
    zip_fclose(file);
    return out;
}

pugi::xml_document Package::xml(const std::string& name) { return parse_part_xml(name, read(name)); }

std::optional<pugi::xml_document> Package::optional_xml(const std::string& name) {
    if (!has(name)) return std::nullopt;
    return xml(name);
}

}  // namespace itucollab::import
