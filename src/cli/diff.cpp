// `itucollab diff OLD NEW`: the semantic differences between two corpora, as text, HTML or JSON.
#include "cli.hpp"
#include "output.hpp"

#include <itucollab/diff.hpp>
#include <itucollab/emitter.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace itucollab::cli {
namespace {

struct DiffCliOptions {
    std::string old_corpus;
    std::string new_corpus;
    std::string format = "text";
    std::string out;  // empty: stdout
    std::string templates;
    bool ignore_whitespace = false;
    std::size_t context = 8;
    bool full = false;
    std::string author = "itucollab";
    std::vector<std::string> only;
    LoadOptions limits;
};

bool colour_on_stdout() {
    const char* no_colour = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && (no_colour == nullptr || *no_colour == '\0');
}

// Loads one side; on trouble prints its diagnostics and returns nullopt.
std::optional<Document> load_side(const std::string& corpus, const LoadOptions& limits) {
    LoadResult loaded = load_quietly(corpus, limits);
    if (loaded.status == LoadResult::Status::ok && loaded.document) return std::move(*loaded.document);
    for (const auto& d : loaded.diagnostics.all()) std::cerr << format_human(d, loaded.sources, false);
    say_error(fmt::format("{}: cannot compare: {} error(s)", corpus, loaded.diagnostics.error_count()));
    return std::nullopt;
}

int run_diff(const DiffCliOptions& cli) {
    diff::Options options;
    options.ignore_whitespace = cli.ignore_whitespace;
    for (const auto& name : cli.only) {
        diff::Part part;
        if (!diff::parse_part(name, part)) {
            say_error(fmt::format("--only: unknown part '{}' (header, sections, initiatives, annex, registries, editorial)",
                                  name));
            return exit_trouble;
        }
        options.only.insert(part);
    }
    for (const std::string* corpus : {&cli.old_corpus, &cli.new_corpus}) {
        if (!cli.out.empty() && path_inside(cli.out, *corpus)) {
            say_error(fmt::format("refusing to write {} inside the corpus directory {}", cli.out, *corpus));
            return exit_trouble;
        }
    }
    auto old_doc = load_side(cli.old_corpus, cli.limits);
    auto new_doc = load_side(cli.new_corpus, cli.limits);
    if (!old_doc || !new_doc) return exit_trouble;
    diff::Result result = diff::compare(*old_doc, *new_doc, options);
    std::string text;
    diff::TextOptions text_options;
    text_options.colour = cli.out.empty() && colour_on_stdout();
    text_options.context = cli.context;
    text_options.full = cli.full;
    if (cli.format == "docx" || cli.format == "html") {
        if (cli.format == "docx" && cli.out.empty()) {
            say_error("--format docx needs --out FILE");
            return exit_trouble;
        }
        EmitOptions emit;
        emit.templates_dir = cli.templates.empty() ? default_templates_dir() : cli.templates;
        try {
            text_options.colour = false;
            text = cli.format == "docx" ? diff::render_docx(result, *old_doc, *new_doc, options, emit, cli.author)
                                        : diff::render_html(result, *old_doc, *new_doc, options, emit, text_options);
        } catch (const std::exception& e) {
            say_error(std::string("cannot write the redline: ") + e.what());
            return exit_trouble;
        }
    } else if (cli.format == "json") {
        text = diff::render_json(result);
    } else {
        text = diff::render_text(result, text_options);
    }
    if (cli.out.empty()) {
        if (std::string why = write_stdout(text); !why.empty()) {
            say_error(why);
            return exit_trouble;
        }
    } else if (std::string why = write_file_atomically(cli.out, text); !why.empty()) {
        say_error(why);
        return exit_trouble;
    }
    return result.changes.empty() ? exit_ok : exit_corpus_errors;
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<DiffCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "diff", "Compare two corpora record by record; exit 0 when equal, 1 when they differ, 2 on trouble");
    sub->add_option("old", options->old_corpus, "The earlier corpus directory")->required();
    sub->add_option("new", options->new_corpus, "The later corpus directory")->required();
    sub->add_option("-f,--format", options->format,
                    "text (default: one line per change, colour on a terminal unless NO_COLOR), html (NEW's report "
                    "with the changes marked, under a summary), json (itucollab-diff version 2) or docx (NEW with tracked changes; needs --out)")
        ->check(CLI::IsMember({"text", "html", "json", "docx"}));
    sub->add_option("-o,--out", options->out, "Write to this file instead of stdout");
    sub->add_option("-t,--templates", options->templates, "Template directory for docx and html (default: the installed templates)");
    sub->add_option("--author", options->author, "Author of the tracked changes in a docx redline (default: itucollab)");
    sub->add_flag("--ignore-whitespace", options->ignore_whitespace, "Whitespace-only differences are not changes");
    sub->add_option("--only", options->only,
                    "Limit to these parts: header, sections, initiatives, annex, registries, editorial (accept: and "
                    "review: lists)")
        ->delimiter(',');
    sub->add_option("--context", options->context,
                    "Words of unchanged text kept either side of a change in a long text (default: 8)")
        ->check(CLI::Range(0, 1000));
    sub->add_flag("--full", options->full, "Print whole texts, not the changed words with context");
    add_limit_options(*sub, options->limits);
    sub->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

}  // namespace itucollab::cli
