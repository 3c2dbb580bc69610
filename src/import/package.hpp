// Reading a .docx package defensively: entry names, decompressed-size caps, XML without DTDs.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace itucollab::import {

/// A package or part that cannot be read; `what()` names the part and, for XML, line:col.
class ImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Caps on what a package may hold, counted on the bytes actually decompressed.
struct PackageLimits {
    std::size_t max_entries = 2000;
    std::size_t max_part_bytes = 64u << 20;    ///< one part, decompressed
    std::size_t max_total_bytes = 256u << 20;  ///< every part read, decompressed
};

/// The entries of a zip package; parts are decompressed on demand, in blocks, up to the caps.
class Package {
public:
    /// Opens the zip held in `bytes` (kept by reference: it must outlive the package); throws
    /// ImportError for an unreadable zip, too many entries or an unsafe entry name.
    Package(const std::string& bytes, PackageLimits limits = {});
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    /// True when the package holds the part (names compare without a leading '/').
    [[nodiscard]] bool has(const std::string& name) const;
    /// Every entry name, sorted.
    [[nodiscard]] std::vector<std::string> names() const;
    /// The part's bytes; throws ImportError when it is missing or breaks a size cap.
    std::string read(const std::string& name);
    /// The part parsed as XML; throws ImportError for DOCTYPE/ENTITY or malformed XML (line:col).
    pugi::xml_document xml(const std::string& name);
    /// As xml(), or nullopt when the part is absent.
    std::optional<pugi::xml_document> optional_xml(const std::string& name);

private:
    struct Zip;
    Zip* zip_ = nullptr;
    PackageLimits limits_;
    std::map<std::string, long long> index_;  // entry name -> libzip index
    std::size_t total_read_ = 0;
};

/// Parses `bytes` as the XML part `name`; refuses DOCTYPE and entity declarations.
pugi::xml_document parse_part_xml(const std::string& name, const std::string& bytes);

/// "LINE:COL" of byte `offset` in `text` (1-based).
std::string line_col(const std::string& text, std::size_t offset);

}  // namespace itucollab::import
