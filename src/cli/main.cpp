// itucollab entry point: registers the subcommands and maps parse errors to exit code 2.
#include "cli.hpp"
#include "output.hpp"
#include "reference.hpp"

#include <exception>
#include <iostream>
#include <new>

int main(int argc, char** argv) {
    using namespace itucollab::cli;
    int exit_code = exit_ok;
    try {
        CLI::App app{"itucollab: compiles the ITU Council report \"Collaboration with the United Nations system\" "
                     "from its YAML corpus"};
        app.set_version_flag("--version", version_text());
        app.require_subcommand(1);
        app.footer(
            "Examples:\n"
            "  itucollab build                      build the newest corpus under ./data into ./out\n"
            "  itucollab build data/c21-inf-2 --out reports --format text --width 100\n"
            "  itucollab check data/c21-inf-2       validate only; exit 1 when the corpus has errors\n"
            "  itucollab check --format github      annotations for a GitHub pull request\n"
            "  itucollab schema --out schema        JSON Schemas for editor completion\n"
            "  itucollab rollover data/c21-inf-2 data/c22-inf-2   start next year's report\n"
            "  itucollab diff data/c21-inf-2 data/c22-inf-2       what changed; exit 1 when anything did\n"
            "\nExit codes: 0 success, 1 the corpus has errors, 2 usage or I/O trouble, 130/143 interrupted.");
        setup_build(app, exit_code);
        setup_check(app, exit_code);
        setup_schema(app, exit_code);
        setup_diff(app, exit_code);
        setup_rollover(app, exit_code);
        setup_import(app, exit_code);
        setup_serve(app, exit_code);
        setup_reference(app, exit_code);  // last: it describes the subcommands above
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            int code = app.exit(e);
            return finish_stdout(code == 0 ? exit_ok : exit_trouble);
        }
    } catch (const std::bad_alloc&) {
        say_error("out of memory");
        return exit_trouble;
    } catch (const std::exception& e) {
        say_error(std::string("internal error: ") + e.what());
        return exit_trouble;
    } catch (...) {
        say_error("internal error");
        return exit_trouble;
    }
    return finish_stdout(exit_code);
}
