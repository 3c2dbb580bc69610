// `itucollab import`: a .docx package read, its revisions resolved, and the report recognised.
#pragma once

#include "body.hpp"
#include "package.hpp"
#include "recognise.hpp"
#include "revisions.hpp"

#include <string>
#include <vector>

namespace itucollab::import {

/// What to do with tracked changes.
enum class RevisionMode { refuse, accept, reject };

/// Options of one import.
struct ImportOptions {
    RevisionMode revisions = RevisionMode::refuse;
    PackageLimits package;
    BodyLimits body;
};

/// The recognised report and what happened on the way.
struct ImportOutcome {
    Recognised recognised;
    RevisionCounts revisions;  ///< resolved revisions
    int comments = 0;          ///< comments dropped
};

/// Imports the .docx held in `bytes`; throws ImportError for an unreadable or hostile package or
/// for revisions left unresolved under RevisionMode::refuse.
ImportOutcome import_docx(const std::string& bytes, const ImportOptions& options = {});

/// The default corpus directory for a symbol: "data/c21-inf-2" for "C21/INF/2".
std::string default_corpus_dir(const std::string& symbol);

}  // namespace itucollab::import
