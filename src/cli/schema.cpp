// `itucollab schema`: prints or writes the JSON Schemas editors use to check corpus files as people type.
#include "cli.hpp"
#include "output.hpp"

#include <itucollab/schema.hpp>

#include <fmt/format.h>

#include <iostream>

namespace itucollab::cli {
namespace {

struct SchemaOptions {
    std::string kind = "report";
    std::string out_dir;
};

int run_schema(const SchemaOptions& options) {
    if (options.out_dir.empty()) {
        if (std::string why = write_stdout(corpus_json_schema(options.kind)); !why.empty()) {
            say_error(why);
            return exit_trouble;
        }
        return exit_ok;
    }
    std::vector<OutputFile> files;
    for (const auto& kind : corpus_file_kinds()) files.push_back({kind + ".schema.json", corpus_json_schema(kind)});
    if (std::string why = write_all_or_nothing(options.out_dir, files); !why.empty()) {
        say_error(why);
        return exit_trouble;
    }
    std::cerr << fmt::format("itucollab: wrote {} schemas to {}/\n", files.size(), options.out_dir);
    return exit_ok;
}

}  // namespace

void setup_schema(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<SchemaOptions>();
    CLI::App* sub = app.add_subcommand("schema", "Print the JSON Schema (draft-07) of a kind of corpus file");
    sub->add_option("kind", options->kind, "report (default), section, annex, mechanisms or registry")
        ->check(CLI::IsMember(corpus_file_kinds()));
    sub->add_option("-o,--out", options->out_dir, "Write every kind's schema to KIND.schema.json in this directory");
    sub->callback([options, &exit_code] { exit_code = run_schema(*options); });
}

}  // namespace itucollab::cli
