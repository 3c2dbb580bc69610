// JSON, GitHub-annotation and SARIF renderings of diagnostics, for CI systems.
#include <itucollab/report_formats.hpp>
#include <itucollab/rules.hpp>

#include <fmt/format.h>

namespace itucollab {
namespace {

const char* severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

// GitHub workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string github_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            case ':': out += property ? "%3A" : ":"; break;
            case ',': out += property ? "%2C" : ","; break;
            default: out += c;
        }
    }
    return out;
}

// A relative path as a URI reference: '/' separators, reserved and non-ASCII bytes percent-encoded.
std::string uri_path(std::string_view path) {
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += fmt::format("%{:02X}", c);
        }
    }
    return out;
}

}  // namespace

std::string json_quote(std::string_view text) {
    // JSON must be UTF-8: a malformed byte (a file name holding 0xFF) becomes U+FFFD; C1 controls
    // are written as \u escapes like C0, so no consumer prints them raw.
    std::string s = valid_utf8_or_replacement(text);
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[++i]));
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += fmt::format("\\u{:04x}", c);
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

// `, "notes": [...]` for a diagnostic with notes, else nothing.
static std::string json_notes(const Diagnostic& d) {
    if (d.notes.empty()) return {};
    std::string out = ", \"notes\": [";
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
        const DiagnosticNote& n = d.notes[i];
        out += fmt::format("{}{{\"file\": {}, \"line\": {}, \"column\": {}, \"message\": {}}}", i ? ", " : "",
                           json_quote(display_path(n.loc.file)), n.loc.line, n.loc.column, json_quote(n.message));
    }
    return out + "]";
}

std::string diagnostics_json(const std::vector<Diagnostic>& diags, const RunInfo& run) {
    std::size_t errors = 0;
    for (const auto& d : diags) errors += d.severity == Severity::error;
    std::string out = fmt::format(
        "{{\n  \"format\": \"itucollab-diagnostics\",\n  \"version\": 1,\n  \"tool\": {{\"name\": \"itucollab\", "
        "\"version\": {}}},\n  \"corpus\": {},\n  \"summary\": {{\"errors\": {}, \"warnings\": {}}},\n  \"diagnostics\": [",
        json_quote(run.tool_version), json_quote(run.corpus), errors, diags.size() - errors);
    for (std::size_t i = 0; i < diags.size(); ++i) {
        const Diagnostic& d = diags[i];
        out += fmt::format("{}\n    {{\"severity\": \"{}\", \"code\": {}, \"file\": {}, \"line\": {}, \"column\": {}, "
                           "\"message\": {}{}{}}}",
                           i ? "," : "", severity_name(d.severity), json_quote(d.code), json_quote(display_path(d.loc.file)),
                           d.loc.line, d.loc.column, json_quote(d.message),
                           d.subject.empty() ? "" : ", \"subject\": " + json_quote(d.subject), json_notes(d));
    }
    out += diags.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

std::string diagnostics_github(const std::vector<Diagnostic>& diags) {
    std::string out;
    for (const auto& d : diags) {
        std::string props = "file=" + github_escape(terminal_safe(display_path(d.loc.file)), true);
        if (d.loc.line > 0) props += fmt::format(",line={},col={}", d.loc.line, d.loc.column);
        props += ",title=" + github_escape(d.code, true);
        // A note has no annotation of its own: it follows the message on a line of its own.
        std::string message = d.message;
        for (const auto& n : d.notes) {
            message += fmt::format("\nnote: {}:{}:{}: {}", terminal_safe(display_path(n.loc.file)), n.loc.line,
                                   n.loc.column, n.message);
        }
        out += fmt::format("::{} {}::{}\n", severity_name(d.severity), props, github_escape(message, false));
    }
    return out;
}

// A SARIF physicalLocation object for `loc`.
static std::string sarif_physical(const SourceLoc& loc) {
    std::string region = loc.line > 0 ? fmt::format(", \"region\": {{\"startLine\": {}, \"startColumn\": {}}}", loc.line,
                                                    std::max(1, loc.column))
                                      : "";
    return fmt::format("\"physicalLocation\": {{\"artifactLocation\": {{\"uri\": {}}}{}}}",
                       json_quote(uri_path(display_path(loc.file))), region);
}

static std::string sarif_location(const SourceLoc& loc) { return "{" + sarif_physical(loc) + "}"; }

// `, "relatedLocations": [...]`: the notes, each with its own message.
static std::string sarif_related(const Diagnostic& d) {
    if (d.notes.empty()) return {};
    std::string out = ", \"relatedLocations\": [";
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
        out += fmt::format("{}{{\"id\": {}, \"message\": {{\"text\": {}}}, {}}}", i ? ", " : "", i,
                           json_quote(d.notes[i].message), sarif_physical(d.notes[i].loc));
    }
    return out + "]";
}

std::string diagnostics_sarif(const std::vector<Diagnostic>& diags, const RunInfo& run) {
    std::string rules;
    auto catalogue = rule_catalogue();
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const RuleInfo& r = catalogue[i];
        rules += fmt::format("{}\n            {{\"id\": {}, \"shortDescription\": {{\"text\": {}}}, "
                             "\"defaultConfiguration\": {{\"level\": \"{}\"}}, \"properties\": {{\"group\": {}}}}}",
                             i ? "," : "", json_quote(r.code), json_quote(r.summary), severity_name(r.severity),
                             json_quote(r.group));
    }
    std::string results;
    for (std::size_t i = 0; i < diags.size(); ++i) {
        const Diagnostic& d = diags[i];
        std::string rule_index;
        for (std::size_t k = 0; k < catalogue.size(); ++k) {
            if (catalogue[k].code == d.code) rule_index = fmt::format(", \"ruleIndex\": {}", k);
        }
        results += fmt::format(
            "{}\n        {{\"ruleId\": {}{}, \"level\": \"{}\", \"message\": {{\"text\": {}}}, \"locations\": [{}]{}}}",
            i ? "," : "", json_quote(d.code), rule_index, severity_name(d.severity), json_quote(d.message),
            sarif_location(d.loc), sarif_related(d));
    }
    return fmt::format(
        "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n"
        "    {{\n      \"tool\": {{\n        \"driver\": {{\n          \"name\": \"itucollab\",\n"
        "          \"version\": {},\n          \"rules\": [{}\n          ]\n        }}\n      }},\n"
        "      \"results\": [{}{}]\n    }}\n  ]\n}}\n",
        json_quote(run.tool_version), rules, results, diags.empty() ? "" : "\n      ");
}

}  // namespace itucollab
