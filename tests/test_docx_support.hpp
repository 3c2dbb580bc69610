// Helpers of the DOCX tests: loading corpora, unzipping packages, pretty XML, external tools.
#pragma once

#include <itucollab/emitter.hpp>
#include <itucollab/model.hpp>

#include "support.hpp"

#include <map>
#include <string>
#include <vector>

namespace docxtest {

using testsupport::load_bundled;  // the mini fixture and the bundled report, loaded
using testsupport::load_mini;

/// Renders `doc` in `format` ("docx" or "xml").
std::string render(const itucollab::Document& doc, const std::string& format, const itucollab::EmitOptions& options = {});

/// One zip entry read back with libzip.
struct Entry {
    std::string name;
    std::string data;
    int compression = 0;  ///< ZIP_CM_*
    long long mtime = 0;
};

/// The entries of a zip package in archive order (never compares zip bytes).
std::vector<Entry> unzip(const std::string& bytes);

/// Entry data by name.
std::map<std::string, std::string> unzip_map(const std::string& bytes);

/// `xml` re-serialized with two-space indentation (whitespace-only w:t content kept).
std::string pretty(const std::string& xml);

/// tests/golden/mini-docx/<file> for a part name: '/' becomes '-', ".xml" appended when missing.
std::string golden_file(const std::string& part);

/// The ECMA-376 / ISO/IEC 29500 schemas: $ITUCOLLAB_OOXML_SCHEMAS, else ../shared/ooxml-schemas
/// beside the source tree; present when its schemas/ directory exists.
testsupport::Tool ooxml_schemas();

/// `<ooxml_schemas()>/schemas/<relative>`.
std::string ooxml_schema(const std::string& relative);

/// The schema validating every word/*.xml part.
std::string wml_schema();

/// Converts `file` to PDF with a private LibreOffice profile; returns the PDF path ("" on failure,
/// with the tool's output in `log`).
std::string convert_to_pdf(const std::string& file, const std::string& out_dir, std::string& log);

/// Converts `file` to `format` ("pdf", "odt") the same way.
std::string convert_with_libreoffice(const std::string& file, const std::string& out_dir, const std::string& format,
                                    std::string& log);

/// Writes bytes to a file.
void write_file(const std::string& path, const std::string& bytes);

/// The shell-quoted form of a path.
std::string quote(const std::string& path);

}  // namespace docxtest
