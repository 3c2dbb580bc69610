// `itucollab import FILE.docx [--out DIR] [--accept | --reject]`: a Word report back into a corpus.
#include "cli.hpp"
#include "scratch.hpp"

#include "../import/corpus_writer.hpp"
#include "../import/import.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace itucollab::cli {
namespace {
namespace fs = std::filesystem;

struct ImportCliOptions {
    std::string file;
    std::string out;
    bool accept = false;
    bool reject = false;
    std::uintmax_t max_package_size = 64u << 20;
};

// The package bytes, refused before reading when the file is larger than the limit.
std::optional<std::string> read_package(const std::string& path, std::uintmax_t limit, std::string& why) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        why = fmt::format("{}: not a regular file", path);
        return std::nullopt;
    }
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size > limit) {
        why = fmt::format("{}: {} bytes, over the limit of {} bytes for a package", path, size, limit);
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
        why = fmt::format("{}: cannot read", path);
        return std::nullopt;
    }
    return bytes;
}

// The schema directory relative to the corpus directory, when ./schema exists; else data/'s usual one.
std::string schema_dir_for(const fs::path& corpus) {
    std::error_code ec;
    if (!fs::is_directory("schema", ec)) return "../../schema";
    fs::path rel = fs::absolute("schema", ec).lexically_normal().lexically_relative(fs::absolute(corpus, ec).lexically_normal());
    return rel.empty() ? std::string("../../schema") : rel.generic_string();
}

int run_import(const ImportCliOptions& cli) {
    std::string why;
    auto bytes = read_package(cli.file, cli.max_package_size, why);
    if (!bytes) {
        say_error(why);
        return exit_trouble;
    }
    import::ImportOptions options;
    options.revisions = cli.accept ? import::RevisionMode::accept
                        : cli.reject ? import::RevisionMode::reject
                                     : import::RevisionMode::refuse;
    import::ImportOutcome outcome;
    try {
        outcome = import::import_docx(*bytes, options);
    } catch (const import::ImportError& e) {
        std::cerr << fmt::format("{}: error: {}; nothing written\n", cli.file, e.what());
        return exit_trouble;
    }
    const Document& doc = outcome.recognised.document;
    if (outcome.comments > 0) {
        std::cerr << fmt::format("{}: warning: {} comment(s) dropped\n", cli.file, outcome.comments);
    }
    if (outcome.revisions.total() > 0) {
        std::cerr << fmt::format("{}: {} {}\n", cli.file, cli.accept ? "accepted" : "rejected", outcome.revisions.describe());
    }
    for (const auto& u : outcome.recognised.unplaced) {
        std::cerr << fmt::format("{}: {}: warning: cannot place this content: \"{}\" [unplaced-content]\n", cli.file,
                                 u.where, u.text.size() > 80 ? u.text.substr(0, 77) + "..." : u.text);
    }
    fs::path target(cli.out.empty() ? import::default_corpus_dir(doc.symbol) : cli.out);
    if (!absent_or_empty_directory(target)) {
        say_error(fmt::format("{} exists and is not an empty directory; import writes a new corpus; nothing written",
                              target.string()));
        return exit_trouble;
    }
    std::vector<import::CorpusFile> files = import::write_corpus(doc, schema_dir_for(target));
    std::error_code ec;
    fs::create_directories(target.has_parent_path() ? target.parent_path() : fs::path("."), ec);
    Scratch scratch = Scratch::beside(target, "import");
    if (std::string w = scratch.create(); !w.empty()) return scratch.abandon(w);
    for (const auto& f : files) {
        if (std::string w = scratch.write(f.path, f.bytes); !w.empty()) return scratch.abandon(w);
    }
    if (std::string w = scratch.commit(target); !w.empty()) {
        return scratch.abandon(fmt::format("cannot move the new corpus to {}: {}", target.string(), w));
    }
    LoadResult check = load_and_report(target.string());
    bool errors = check.status != LoadResult::Status::ok;
    std::cerr << fmt::format("itucollab: wrote {} ({}) from {}: {} sections, {} mechanisms, {} unplaced\n",
                             target.string(), doc.symbol, cli.file, doc.sections.size(), doc.annex.mechanisms.size(),
                             outcome.recognised.unplaced.size());
    return errors || !outcome.recognised.unplaced.empty() ? exit_corpus_errors : exit_ok;
}

}  // namespace

void setup_import(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ImportCliOptions>();
    CLI::App* sub = app.add_subcommand("import", "Read a Word report (.docx) back into a new corpus, then check it");
    sub->add_option("file", options->file, "The .docx file")->required();
    sub->add_option("-o,--out", options->out, "The new corpus directory (default: data/<symbol>; must not exist, or be empty)");
    auto* accept = sub->add_flag("--accept", options->accept, "Accept every tracked change");
    auto* reject = sub->add_flag("--reject", options->reject, "Reject every tracked change");
    accept->excludes(reject);
    sub->add_option("--max-package-size", options->max_package_size, "Refuse .docx files larger than this (default: 64 MiB)")
        ->transform(CLI::AsSizeValue(false));
    sub->callback([options, &exit_code] { exit_code = run_import(*options); });
}

}  // namespace itucollab::cli
