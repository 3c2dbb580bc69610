// `itucollab reference man|bash|zsh` (hidden): itucollab(1) and the shell completions, written at build time
// from the very CLI11 definitions that parse the command line, so the page, the completions and --help agree.
#include "reference.hpp"
#include "output.hpp"

#include "cli.hpp"
#include "itucollab_version.hpp"

#include <itucollab/emitter.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

namespace itucollab::cli {
namespace {

struct ReferenceOptions {
    std::string kind;
    std::string out;
    std::string datadir = "/usr/share";
};

// What completes the value of an option or a positional argument.
enum class ValueKind { none, words, word_list, corpus, path };

struct Param {
    std::vector<std::string> names;  // "-f", "--format"; empty for a positional argument
    std::string positional;          // the positional argument's name
    std::string metavar;             // TEXT, INT, UINT, ...
    std::string description;
    bool takes_value = false;
    bool required = false;
    ValueKind kind = ValueKind::none;
    std::vector<std::string> words;  // the allowed values, for words and word_list
};

struct Command {
    std::string name;
    std::string description;
    std::vector<Param> options;      // flags and options, in --help order
    std::vector<Param> positionals;  // in command-line order
};

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

// The {a,b,c} set that a CLI::IsMember check appends to an option's type name, or nothing.
std::vector<std::string> member_set(const std::string& type_name) {
    auto open = type_name.find(":{");
    auto close = type_name.find('}', open);
    if (open == std::string::npos || close == std::string::npos) return {};
    return split(type_name.substr(open + 2, close - open - 2), ',');
}

Param describe(const CLI::Option& option) {
    Param p;
    for (const auto& name : option.get_snames()) p.names.push_back("-" + name);
    for (const auto& name : option.get_lnames()) p.names.push_back("--" + name);
    if (p.names.empty()) p.positional = option.get_name(true, false);
    p.description = option.get_description();
    p.takes_value = option.get_type_size() != 0 && option.get_expected_max() != 0;  // flags expect 0 values
    p.required = option.get_required();
    std::string type = option.get_type_name();
    p.metavar = type.substr(0, type.find_first_of(": ["));
    if (!p.takes_value) return p;
    const auto& long_names = option.get_lnames();
    p.words = member_set(type);
    if (!p.words.empty()) {
        p.kind = ValueKind::words;
    } else if (std::find(long_names.begin(), long_names.end(), "format") != long_names.end()) {
        // `build --format`: a comma-separated list of the emitter registry's names, or all.
        for (const auto& emitter : emitters()) p.words.emplace_back(emitter.name);
        p.words.emplace_back("all");
        p.kind = ValueKind::word_list;
    } else if (p.metavar == "TEXT" && option.get_delimiter() == '\0') {
        p.kind = p.names.empty() ? ValueKind::corpus : ValueKind::path;
    }
    return p;
}

Command describe(const CLI::App& app) {
    Command command{app.get_name(), app.get_description(), {}, {}};
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_group().empty()) continue;  // hidden
        Param p = describe(*option);
        (p.names.empty() ? command.positionals : command.options).push_back(std::move(p));
    }
    return command;
}

// The visible subcommands, in registration order.
std::vector<Command> subcommands(const CLI::App& app) {
    std::vector<Command> commands;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        commands.push_back(describe(*sub));
    }
    return commands;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// ---- man page ----------------------------------------------------------------------------------

// Text for a roff line: backslashes escaped, the hyphens that start a word (--width) as minus signs so
// that they copy as typed, a leading control character neutralised.
std::string roff(const std::string& text) {
    std::string out;
    bool word_start = true;
    for (char c : text) {
        if (c == '\\') out += "\\e";
        else if (c == '-' && word_start) out += "\\-";
        else out += c;
        word_start = (c == '-' && word_start) || c == ' ' || c == '(' || c == '"' || c == '`';
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
    return out;
}

// A command-line word in bold, all its hyphens as minus signs.
std::string roff_literal(const std::string& word) {
    std::string out;
    for (char c : roff(word)) out += c == '-' && (out.empty() || out.back() != '\\') ? std::string("\\-") : std::string(1, c);
    return "\\fB" + out + "\\fR";
}

// A description that may hold more lines; indented "name  what it is" lines (the --format list of
// `build`) become a nested list.
std::string roff_paragraph(const std::string& text) {
    std::string out;
    bool in_list = false;
    for (const auto& line : split(text, '\n')) {
        auto start = line.find_first_not_of(' ');
        auto gap = start == std::string::npos ? std::string::npos : line.find(' ', start);
        if (start >= 2 && start != std::string::npos && gap != std::string::npos) {
            out += std::string(in_list ? "" : ".RS\n.PD 0\n") + ".TP 8\n" + roff_literal(line.substr(start, gap - start)) + "\n" +
                   roff(line.substr(line.find_first_not_of(' ', gap))) + "\n";
            in_list = true;
            continue;
        }
        if (in_list) out += ".PD\n.RE\n";
        in_list = false;
        out += (out.empty() ? "" : ".br\n") + roff(line) + "\n";
    }
    return out + (in_list ? ".PD\n.RE\n" : "");
}

std::string man_param(const Param& p) {
    std::string head;
    if (p.names.empty()) {
        head = "\\fI" + roff(p.positional) + "\\fR";
    } else {
        std::vector<std::string> names;
        for (const auto& name : p.names) names.push_back(roff_literal(name));
        head = join(names, ", ");
        if (p.takes_value) head += " \\fI" + roff(p.metavar) + "\\fR";
    }
    return ".TP\n" + head + "\n" + roff_paragraph(p.description);
}

std::string usage(const Command& command) {
    std::string out = roff_literal("itucollab " + command.name) + " [\\fIoptions\\fR]";
    for (const auto& p : command.positionals) {
        std::string name = "\\fI" + roff(p.positional) + "\\fR";
        out += p.required ? " " + name : " [" + name + "]";
    }
    return out;
}

// "  itucollab build data/x --out y    what it does" lines after "Examples:" in the footer.
std::vector<std::pair<std::string, std::string>> footer_examples(const std::string& footer) {
    std::vector<std::pair<std::string, std::string>> examples;
    bool inside = false;
    for (const auto& line : split(footer, '\n')) {
        if (line == "Examples:") {
            inside = true;
        } else if (inside && line.empty()) {
            break;
        } else if (inside) {
            auto start = line.find_first_not_of(' ');
            if (start == std::string::npos) continue;
            auto gap = line.find("  ", start);  // the command, then its explanation after two spaces or more
            examples.emplace_back(line.substr(start, gap == std::string::npos ? gap : gap - start),
                                  gap == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', gap)));
        }
    }
    return examples;
}

std::string man_page(const CLI::App& app, const ReferenceOptions& options) {
    std::vector<Command> commands = subcommands(app);
    std::string summary = app.get_description();
    if (summary.rfind("itucollab: ", 0) == 0) summary = summary.substr(11);
    std::ostringstream out;
    out << ".\\\" itucollab(1), generated by `itucollab reference man` from the command-line definitions: do not edit.\n"
        << ".TH ITUCOLLAB 1 \"" << ITUCOLLAB_COMMIT_DATE << "\" \"itucollab " << ITUCOLLAB_VERSION
        << "\" \"User Commands\"\n"
        << ".nh\n.ad l\n"
        << ".SH NAME\nitucollab \\- " << roff(summary) << "\n"
        << ".SH SYNOPSIS\n";
    for (const auto& command : commands) out << usage(command) << "\n.br\n";
    out << roff_literal("itucollab --version") << "\n"
        << ".SH DESCRIPTION\n"
        << "\\fBitucollab\\fR " << roff(summary)
        << ". It loads the corpus into a typed document model, validates it, and writes the report in the "
           "chosen formats. Each command has a section below; \\fBitucollab\\fR \\fIcommand\\fR "
        << roff_literal("--help") << " prints the same text.\n";
    for (const auto& command : commands) out << ".TP\n" << roff_literal(command.name) << "\n" << roff(command.description) << "\n";
    out << ".SH OPTIONS\n";
    for (const CLI::Option* option : app.get_options()) out << man_param(describe(*option));
    for (const auto& command : commands) {
        std::string heading = "ITUCOLLAB " + command.name;
        std::transform(heading.begin(), heading.end(), heading.begin(), [](unsigned char c) { return std::toupper(c); });
        out << ".SH \"" << heading << "\"\n" << usage(command) << "\n.PP\n"
            << roff(command.description) << ".\n";
        if (!command.positionals.empty()) {
            out << ".SS Arguments\n";
            for (const auto& p : command.positionals) out << man_param(p);
        }
        out << ".SS Options\n";
        for (const auto& p : command.options) out << man_param(p);
    }
    out << ".SH \"EXIT STATUS\"\n"
        << ".TP\n" << int{exit_ok} << "\nSuccess (\\fBdiff\\fR: the corpora are equal).\n"
        << ".TP\n" << int{exit_corpus_errors}
        << "\nThe corpus has errors, every one printed with file, line and column "
           "(\\fBcheck \\-\\-strict\\fR: warnings too; \\fBdiff\\fR: the corpora differ).\n"
        << ".TP\n" << int{exit_trouble}
        << "\nUsage or I/O trouble: a bad option, no corpus, an unwritable output, standard output lost, "
           "the output directory in use by another run. "
           "\\fBbuild\\fR writes nothing when the corpus has errors.\n"
        << ".TP\n130, 143\nInterrupted by SIGINT (Ctrl-C) or SIGTERM: temporaries removed, earlier outputs kept.\n"
        << ".SH ENVIRONMENT\n"
        << ".TP\n.B NO_COLOR\nWhen set and not empty, diagnostics and diffs on a terminal are not coloured.\n"
        << ".TP\n.B SOURCE_DATE_EPOCH\nSeconds since 1970: the timestamp written into DOCX package metadata "
           "instead of the document date, for reproducible builds (0 to 253402300799; anything else is an error).\n"
        << ".TP\n.B ITUCOLLAB_TEMPLATES\nThe template directory (holding \\fIhtml/\\fR and \\fIdocx/\\fR) "
           "when \\fB\\-\\-templates\\fR is not given.\n"
        << ".SH FILES\n"
        << ".TP\n.I ./data/\nWhere \\fBbuild\\fR and \\fBcheck\\fR look for a corpus when none is named: "
           "the newest directory holding a \\fIreport.yaml\\fR.\n"
        << ".TP\n.I ./out/\nWhere \\fBbuild\\fR writes the report by default.\n"
        << ".TP\n.I " << roff(options.datadir) << "/itucollab/templates/\n"
        << "The installed look: \\fIhtml/style.css\\fR and the Word reference parts under \\fIdocx/\\fR.\n"
        << ".TP\n.I " << roff(options.datadir) << "/itucollab/docs/\n"
        << "Corpus format, rules, editors' guide, restyling, security and limits.\n"
        << ".TP\n.I " << roff(options.datadir) << "/doc/itucollab/examples/c21-inf-2/\n"
        << "The 2021 report (C21/INF/2) as a corpus.\n"
        << ".SH EXAMPLES\n";
    for (const auto& [command, what] : footer_examples(app.get_footer())) {
        out << ".TP\n" << roff_literal(command) << "\n" << (what.empty() ? "" : roff(what) + "\n");
    }
    out << ".SH \"SEE ALSO\"\n"
        << "The corpus format: \\fI" << roff(options.datadir) << "/itucollab/docs/corpus-format.md\\fR.\n";
    return out.str();
}

// ---- bash --------------------------------------------------------------------------------------

std::string names_of(const std::vector<Param>& params, bool with_value) {
    std::vector<std::string> names;
    for (const auto& p : params) {
        if (with_value && !p.takes_value) continue;
        names.insert(names.end(), p.names.begin(), p.names.end());
    }
    return join(names, " ");
}

std::string bash_value(const Param& p) {
    switch (p.kind) {
        case ValueKind::words: return fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", join(p.words, " "));
        case ValueKind::word_list: return fmt::format("_itucollab_list \"{}\"", join(p.words, " "));
        case ValueKind::corpus: return "_itucollab_corpora";
        case ValueKind::path: return "_itucollab_paths";
        case ValueKind::none: break;
    }
    return ":";
}

std::string bash_completion(const CLI::App& app) {
    std::vector<Command> commands = subcommands(app);
    Command top = describe(app);
    std::vector<std::string> command_names;
    for (const auto& c : commands) command_names.push_back(c.name);
    std::ostringstream out;
    out << "# bash completion for itucollab(1), generated by `itucollab reference bash` from its command-line\n"
           "# definitions: do not edit.\n\n"
           "# Corpus directories under ./data first, then any directory.\n"
           "_itucollab_corpora() {\n"
           "    local dir corpora=()\n"
           "    for dir in data/*/; do\n"
           "        [[ -f ${dir}report.yaml ]] && corpora+=(\"${dir%/}\")\n"
           "    done\n"
           "    compopt -o filenames 2>/dev/null\n"
           "    COMPREPLY=($(compgen -W \"${corpora[*]}\" -- \"$cur\") $(compgen -d -- \"$cur\"))\n"
           "}\n\n"
           "_itucollab_paths() {\n"
           "    compopt -o filenames 2>/dev/null\n"
           "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
           "}\n\n"
           "# A comma-separated list of the words in $1.\n"
           "_itucollab_list() {\n"
           "    local prefix=\"\" last=$cur\n"
           "    if [[ $cur == *,* ]]; then prefix=${cur%,*},; last=${cur##*,}; fi\n"
           "    COMPREPLY=($(compgen -P \"$prefix\" -W \"$1\" -- \"$last\"))\n"
           "}\n\n"
           "_itucollab() {\n"
           "    local cur prev words cword split\n"
           "    if declare -F _init_completion >/dev/null; then\n"
           "        _init_completion -s || return\n"
           "    else\n"
           "        cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
           "        words=(\"${COMP_WORDS[@]}\") cword=$COMP_CWORD\n"
           "    fi\n"
           "    local command=\"\" command_at=0 i n\n"
           "    for ((i = 1; i < cword; i++)); do\n"
           "        case ${words[i]} in\n"
        << "            " << join(command_names, "|") << ") command=${words[i]} command_at=$i; break ;;\n"
        << "        esac\n"
           "    done\n"
           "    case $command in\n"
           "        \"\")\n"
        << "            COMPREPLY=($(compgen -W \"" << join(command_names, " ") << " " << names_of(top.options, false)
        << "\" -- \"$cur\"))\n"
           "            ;;\n";
    for (const auto& c : commands) {
        out << "        " << c.name << ")\n"
            << "            case $prev in\n";
        for (const auto& p : c.options) {
            if (p.takes_value) out << "                " << join(p.names, "|") << ") " << bash_value(p) << "; return ;;\n";
        }
        out << "            esac\n"
            << "            if [[ $cur == -* ]]; then\n"
            << "                COMPREPLY=($(compgen -W \"" << names_of(c.options, false) << "\" -- \"$cur\"))\n"
            << "                return\n"
            << "            fi\n"
            << "            n=0\n"
            << "            for ((i = command_at + 1; i < cword; i++)); do\n"
            << "                case ${words[i]} in\n";
        std::string with_value = names_of(c.options, true);
        if (!with_value.empty()) {
            std::string alternatives = with_value;
            std::replace(alternatives.begin(), alternatives.end(), ' ', '|');
            out << "                    " << alternatives << ") i=$((i + 1)) ;;\n";
        }
        out << "                    -*) ;;\n"
            << "                    *) n=$((n + 1)) ;;\n"
            << "                esac\n"
            << "            done\n"
            << "            case $n in\n";
        for (std::size_t i = 0; i < c.positionals.size(); ++i) {
            out << "                " << i << ") " << bash_value(c.positionals[i]) << " ;;\n";
        }
        out << "            esac\n"
            << "            ;;\n";
    }
    out << "    esac\n"
           "}\n\n"
           "complete -F _itucollab itucollab\n";
    return out.str();
}

// ---- zsh ---------------------------------------------------------------------------------------

// A description inside a single-quoted _arguments spec: first line, brackets and colons escaped.
std::string zsh_text(const std::string& text) {
    std::string out;
    for (char c : first_line(text)) {
        if (c == '\'') out += "'\\''";
        else if (c == '[' || c == ']' || c == ':') out += std::string("\\") + c;
        else out += c;
    }
    return out;
}

std::string zsh_action(const Param& p) {
    switch (p.kind) {
        case ValueKind::words: return "(" + join(p.words, " ") + ")";
        case ValueKind::word_list: return "_sequence compadd - " + join(p.words, " ");
        case ValueKind::corpus: return "_itucollab_corpora";
        case ValueKind::path: return "_files";
        case ValueKind::none: break;
    }
    return " ";
}

std::string zsh_spec(const Param& p) {
    std::string label = p.names.empty() ? p.positional : p.metavar;
    std::string value = p.takes_value ? ":" + zsh_text(label) + ":" + zsh_action(p) : "";
    std::string description = "[" + zsh_text(p.description) + "]";
    bool is_help = std::find(p.names.begin(), p.names.end(), "--help") != p.names.end() ||
                   std::find(p.names.begin(), p.names.end(), "--version") != p.names.end();
    std::string exclusions = is_help ? "- *" : join(p.names, " ");
    if (p.names.size() == 1) {
        return "'" + std::string(is_help ? "(- *)" : "") + p.names[0] + description + value + "'";
    }
    return "'(" + exclusions + ")'{" + join(p.names, ",") + "}'" + description + value + "'";
}

std::string zsh_completion(const CLI::App& app) {
    std::vector<Command> commands = subcommands(app);
    std::ostringstream out;
    out << "#compdef itucollab\n"
           "# zsh completion for itucollab(1), generated by `itucollab reference zsh` from its command-line\n"
           "# definitions: do not edit.\n\n"
           "_itucollab_corpora() {\n"
           "  local -a corpora\n"
           "  corpora=(data/*/report.yaml(N:h))\n"
           "  _alternative 'corpora:corpus:compadd -a corpora' 'directories:directory:_directories'\n"
           "}\n\n"
           "_itucollab() {\n"
           "  local curcontext=$curcontext state line ret=1\n"
           "  typeset -A opt_args\n"
           "  _arguments -C \\\n";
    for (const CLI::Option* option : app.get_options()) out << "    " << zsh_spec(describe(*option)) << " \\\n";
    out << "    '1:command:->command' \\\n"
           "    '*::argument:->argument' && ret=0\n"
           "  case $state in\n"
           "    command)\n"
           "      local -a commands\n"
           "      commands=(\n";
    for (const auto& c : commands) out << "        '" << c.name << ":" << zsh_text(c.description) << "'\n";
    out << "      )\n"
           "      _describe -t commands 'itucollab command' commands && ret=0\n"
           "      ;;\n"
           "    argument)\n"
           "      curcontext=${curcontext%:*:*}:itucollab-$line[1]:\n"
           "      case $line[1] in\n";
    for (const auto& c : commands) {
        out << "        " << c.name << ")\n"
            << "          _arguments";
        for (const auto& p : c.options) out << " \\\n            " << zsh_spec(p);
        for (std::size_t i = 0; i < c.positionals.size(); ++i) {
            const Param& p = c.positionals[i];
            out << " \\\n            '" << i + 1 << (p.required ? ":" : "::") << zsh_text(p.positional) << ":"
                << zsh_action(p) << "'";
        }
        out << " && ret=0\n"
            << "          ;;\n";
    }
    out << "      esac\n"
           "      ;;\n"
           "  esac\n"
           "  return ret\n"
           "}\n\n"
           "_itucollab \"$@\"\n";
    return out.str();
}

int run_reference(const CLI::App& app, const ReferenceOptions& options) {
    std::string text = options.kind == "man"    ? man_page(app, options)
                       : options.kind == "bash" ? bash_completion(app)
                                                : zsh_completion(app);
    std::string why = options.out.empty() ? write_stdout(text) : write_file_atomically(options.out, text);
    if (!why.empty()) {
        say_error(why);
        return exit_trouble;
    }
    return exit_ok;
}

}  // namespace

std::string version_text() {
    return fmt::format("itucollab {} (commit {}, {})", ITUCOLLAB_VERSION, ITUCOLLAB_COMMIT, ITUCOLLAB_COMMIT_DATE);
}

void setup_reference(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ReferenceOptions>();
    CLI::App* sub = app.add_subcommand("reference", "Write the man page or a shell completion script (build time)");
    sub->group("");  // hidden: not in --help, the man page or the completions
    sub->add_option("kind", options->kind, "man, bash or zsh")->required()->check(CLI::IsMember({"man", "bash", "zsh"}));
    sub->add_option("-o,--out", options->out, "Write to this file instead of stdout");
    sub->add_option("--datadir", options->datadir, "The installed data directory the man page names (default: /usr/share)");
    sub->callback([&app, options, &exit_code] { exit_code = run_reference(app, *options); });
}

}  // namespace itucollab::cli
