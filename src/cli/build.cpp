// `itucollab build`: load, validate, render the chosen formats one by one, write them all or nothing.
#include "cli.hpp"
#include "output.hpp"

#include <itucollab/emitter.hpp>

#include "../present/present.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace itucollab::cli {
namespace {

struct BuildOptions {
    std::string corpus;
    std::string out = "out";
    std::string formats = "all";
    int width = default_text_width;
    std::string templates;
    LoadOptions limits;
};

// SOURCE_DATE_EPOCH (reproducible-builds.org): unset or empty means none; otherwise whole seconds
// since 1970 up to the end of year 9999 (what the DOCX dates can say). A malformed value is an
// error, as the specification asks, never silently ignored.
constexpr long long last_second_of_9999 = 253'402'300'799;

std::optional<std::optional<long long>> source_date_epoch() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value) return std::optional<long long>{};
    std::string_view text(value);
    bool digits = text.size() <= 12 && text.find_first_not_of("0123456789") == std::string_view::npos;
    long long seconds = digits ? std::stoll(std::string(text)) : -1;
    if (!digits || seconds > last_second_of_9999) {
        say_error(fmt::format("SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 up to {} (the end of "
                              "year 9999), not '{}'",
                              last_second_of_9999, terminal_safe(text.substr(0, 40))));
        return std::nullopt;
    }
    return std::optional<long long>{seconds};
}

// Turns "text,html" or "all" into emitters; prints a suggestion for an unknown name.
std::optional<std::vector<const Emitter*>> select_formats(const std::string& list) {
    std::vector<const Emitter*> chosen;
    std::vector<std::string> names;
    for (const auto& e : emitters()) names.emplace_back(e.name);
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        std::string name = list.substr(start, end - start);
        start = end + 1;
        if (name.empty()) continue;
        if (name == "all") {
            for (const auto& e : emitters()) chosen.push_back(&e);
            continue;
        }
        const Emitter* e = find_emitter(name);
        if (!e) {
            std::string near = closest_match(name, names);
            say_error(fmt::format("unknown format '{}'{}; formats: {}, all", name,
                                  near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near),
                                  fmt::join(names, ", ")));
            return std::nullopt;
        }
        if (std::find(chosen.begin(), chosen.end(), e) == chosen.end()) chosen.push_back(e);
    }
    if (chosen.empty()) {
        say_error("no format selected");
        return std::nullopt;
    }
    return chosen;
}

std::string human_size(std::size_t bytes) {
    return bytes < 10 * 1024 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
}

int run_build(const BuildOptions& options) {
    auto formats = select_formats(options.formats);
    if (!formats) return exit_trouble;
    auto epoch = source_date_epoch();
    if (!epoch) return exit_trouble;
    auto corpus = resolve_corpus(options.corpus);
    if (!corpus) return exit_trouble;
    LoadResult loaded = load_and_report(*corpus, options.limits);
    if (loaded.status == LoadResult::Status::unreadable) return exit_trouble;
    if (!loaded.document) {
        say_error(fmt::format("{}: {} error(s), {} warning(s); nothing written", *corpus,
                              loaded.diagnostics.error_count(), loaded.diagnostics.warning_count()));
        return exit_corpus_errors;
    }
    const Document& doc = *loaded.document;
    EmitOptions emit_options;
    emit_options.width = options.width;
    emit_options.templates_dir = options.templates.empty() ? default_templates_dir() : options.templates;
    emit_options.source_date_epoch = *epoch;
    // Each format is rendered, then written to its temporary before the next is rendered: only
    // one output is in memory at a time; the renames happen once every format has succeeded.
    std::vector<std::string> names;
    for (const Emitter* e : *formats) {
        names.push_back(output_stem(doc) + std::string(e->extension));
        if (path_inside((std::filesystem::path(options.out) / names.back()).string(), *corpus)) {
            say_error(fmt::format("refusing to write {} inside the corpus directory {}", names.back(), *corpus));
            return exit_trouble;
        }
    }
    // Locked before the first render: a second build into the same directory fails at once.
    OutputTransaction transaction(options.out);
    if (std::string why = transaction.open(); !why.empty()) {
        say_error(why + "; nothing written");
        return exit_trouble;
    }
    std::vector<std::string> written;
    for (std::size_t i = 0; i < formats->size(); ++i) {
        const Emitter* e = (*formats)[i];
        const std::string& name = names[i];
        std::string bytes;
        try {
            bytes = e->render(doc, emit_options);
        } catch (const std::exception& ex) {
            say_error(fmt::format("cannot render {}: {}; nothing written", e->name, ex.what()));
            return exit_trouble;
        }
        if (std::string why = transaction.stage(name, bytes); !why.empty()) {
            say_error(why);
            return exit_trouble;
        }
        written.push_back(fmt::format("{} ({})", name, human_size(bytes.size())));
    }
    if (std::string why = transaction.commit(); !why.empty()) {
        say_error(why);
        return exit_trouble;
    }
    std::cout << fmt::format("itucollab: wrote {} to {}/ from {} ({} sections, {} mechanisms{})\n",
                             fmt::join(written, ", "), options.out, *corpus, doc.sections.size(),
                             doc.annex.mechanisms.size(),
                             loaded.diagnostics.warning_count() > 0
                                 ? fmt::format(", {} warning(s)", loaded.diagnostics.warning_count())
                                 : "");
    return exit_ok;
}

}  // namespace

void setup_build(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<BuildOptions>();
    std::string format_help = "Comma-separated formats, or all (default):";
    for (const auto& e : emitters()) format_help += fmt::format("\n  {:<6} {} ({})", e.name, e.description, e.extension);
    CLI::App* sub = app.add_subcommand("build", "Validate a corpus and write the report in every chosen format");
    sub->add_option("corpus", options->corpus, "Corpus directory (default: the newest under ./data)");
    sub->add_option("-o,--out", options->out, "Output directory (default: ./out)");
    sub->add_option("-f,--format", options->formats, format_help);
    sub->add_option("-w,--width", options->width,
                    fmt::format("Line width of the text format (default: {})", default_text_width))
        ->check(CLI::Range(30, 1000));
    sub->add_option("-t,--templates", options->templates,
                    "Template directory holding html/ and docx/ (default: the installed templates)")
        ->check(CLI::ExistingDirectory);
    add_limit_options(*sub, options->limits);
    sub->callback([options, &exit_code] { exit_code = run_build(*options); });
}

}  // namespace itucollab::cli
