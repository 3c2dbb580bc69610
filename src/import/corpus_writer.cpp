// Writing a document model as a corpus in the project's layout (report.yaml, sections/, annex/, registry/).
#include "corpus_writer.hpp"

#include "../emit/wrap.hpp"

#include <fmt/format.h>

#include <regex>

namespace itucollab::import {
namespace {

constexpr std::size_t line_width = 88;

// Characters YAML treats as line breaks or that are best kept visible as escapes.
bool has_special_characters(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) == 0x85 ||
                                              static_cast<unsigned char>(s[i + 1]) == 0xA0)) {
            return true;  // NEL, NBSP
        }
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
            return true;  // LS, PS
        }
        if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
            static_cast<unsigned char>(s[i + 2]) == 0xBF) {
            return true;  // BOM
        }
    }
    return false;
}

bool resolves_to_non_string(const std::string& s) {
    // std::regex recurses per character: long values get a cheap test (anything number-like is quoted).
    if (s.size() > 64) return std::string_view("0123456789+-.").find(s.front()) != std::string_view::npos;
    static const std::regex special(
        R"(^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$)");
    static const std::regex number(R"(^[-+]?(\.[0-9]+|[0-9][0-9_,]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$)");
    static const std::regex other(R"(^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$)");
    return std::regex_match(s, special) || std::regex_match(s, number) || std::regex_match(s, other);
}

bool plain_safe(const std::string& s) {
    if (s.empty() || has_special_characters(s)) return false;
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) return false;
    if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
    return !resolves_to_non_string(s);
}

bool folded_safe(const std::string& s) {
    if (s.empty() || has_special_characters(s)) return false;
    if (s.front() == ' ' || s.back() == ' ' || s.find("  ") != std::string::npos) return false;
    return true;
}

std::string comment(const std::string& schema_dir, const char* depth, const char* file) {
    return fmt::format("# yaml-language-server: $schema={}{}/{}\n", depth, schema_dir, file);
}

std::string key(std::size_t indent, const char* name, const std::string& text) {
    return std::string(indent, ' ') + name + ":" + yaml_value(text, indent + std::string_view(name).size() + 1, indent + 2);
}

std::string item(std::size_t indent, const std::string& text) {
    return std::string(indent, ' ') + "-" + yaml_value(text, indent + 1, indent + 2);
}

std::string cell(std::size_t indent, const char* name, const Cell& c) {
    if (!c) return std::string(indent, ' ') + name + ": ~\n";
    return key(indent, name, c->source);
}

std::string section_file(const Section& s, const std::string& schema_dir) {
    std::string out = comment(schema_dir, "../", "section.schema.json");
    out += key(0, "id", s.id.value);
    out += key(0, "title", s.title);
    if (s.paragraphs.empty()) out += "paragraphs: []\n";
    else out += "paragraphs:\n";
    for (const Paragraph& p : s.paragraphs) {
        out += "  - id:" + yaml_value(p.id.value, 7, 6);
        out += key(4, "text", p.text.source);
        if (!p.bullets.empty()) {
            out += "    bullets:\n";
            for (const Text& b : p.bullets) out += item(6, b.source);
        }
    }
    if (!s.footnotes.empty()) {
        out += "footnotes:\n";
        for (const Footnote& f : s.footnotes) {
            out += "  - id:" + yaml_value(f.id.value, 7, 6);
            out += key(4, "text", f.text.source);
        }
    }
    if (!s.initiatives.empty()) {
        out += "initiatives:\n";
        for (const InitiativeGroup& g : s.initiatives) {
            out += "  - sector: " + sector_label(g.sector) + "\n";
            if (!g.intro.empty()) {
                out += "    intro:\n";
                for (const Text& t : g.intro) out += item(6, t.source);
            }
            out += g.items.empty() ? "    items: []\n" : "    items:\n";
            for (const InitiativeItem& i : g.items) {
                out += "      - id:" + yaml_value(i.id.value, 11, 10);
                if (i.agency) out += key(8, "agency", i.agency->id);
                out += key(8, "text", i.text.source);
            }
        }
    }
    return out;
}

std::string report_file(const Document& doc, const std::vector<std::string>& section_paths, const std::string& schema_dir) {
    std::string out = comment(schema_dir, "", "report.schema.json");
    out += key(0, "language", doc.language);
    out += key(0, "symbol", doc.symbol);
    out += key(0, "short_title", doc.short_title);
    out += key(0, "title", doc.title);
    out += "session:\n";
    out += key(2, "name", doc.session.name);
    out += key(2, "venue", doc.session.venue);
    out += "  start: " + iso_date(doc.session.start) + "\n";
    out += "  end: " + iso_date(doc.session.end) + "\n";
    out += "date: " + iso_date(doc.date) + "\n";
    out += key(0, "distribution", doc.distribution);
    out += key(0, "origin", doc.origin);
    out += key(0, "summary", doc.summary.source);
    out += key(0, "action_required", doc.action_required.source);
    out += doc.references.empty() ? "references: []\n" : "references:\n";
    for (const std::string& r : doc.references) out += item(2, r);
    out += "sections:\n";
    for (const std::string& p : section_paths) out += item(2, p);
    out += "annex: annex/annex.yaml\n";
    out += "mechanisms: [annex/mechanisms.yaml]\n";
    out += "registries: [registry/un-entities.yaml, registry/instruments.yaml]\n";
    if (!doc.accepted.empty()) out += "accept:\n";
    for (const Acceptance& a : doc.accepted) {
        out += "  - rule:" + yaml_value(a.rule, 9, 6);
        out += key(4, "in", a.in.id);
        out += key(4, "reason", a.reason);
    }
    if (!doc.reviews.empty()) out += "review:\n";
    for (const Review& r : doc.reviews) {
        out += "  - in:" + yaml_value(r.in.id, 7, 6);
        out += key(4, "reason", r.reason);
    }
    if (!doc.unplaced.empty()) out += "unplaced:\n";
    for (const UnplacedContent& u : doc.unplaced) {
        out += "  - where:" + yaml_value(u.where, 10, 6);
        out += key(4, "text", u.text);
    }
    return out;
}

std::string annex_file(const Annex& a, const std::string& schema_dir) {
    std::string out = comment(schema_dir, "../", "annex.schema.json");
    out += key(0, "title", a.title);
    out += key(0, "intro", a.intro.source);
    out += a.benefits.empty() ? "benefits: []\n" : "benefits:\n";
    for (const Text& b : a.benefits) out += item(2, b.source);
    out += "headings:\n";
    for (const auto& [name, heading] : annex_columns(a.headings)) out += key(2, name, *heading);
    if (!a.note.mark.empty() || !a.note.text.source.empty()) {
        out += "note:\n";
        out += key(2, "mark", a.note.mark);
        out += "  columns: [";
        for (std::size_t i = 0; i < a.note.columns.size(); ++i) out += (i ? ", " : "") + a.note.columns[i];
        out += "]\n";
        out += key(2, "text", a.note.text.source);
    }
    return out;
}

std::string mechanisms_file(const Annex& a, const std::string& schema_dir) {
    std::string out = comment(schema_dir, "../", "mechanisms.schema.json");
    out += a.mechanisms.empty() ? "mechanisms: []\n" : "mechanisms:\n";
    for (const Mechanism& m : a.mechanisms) {
        out += "  - id:" + yaml_value(m.id.value, 7, 6);
        out += key(4, "name", m.name);
        if (m.acronym) out += key(4, "acronym", *m.acronym);
        out += cell(4, "key_activity", m.key_activity);
        out += m.relevance.empty() ? "    relevance: []\n" : "    relevance:\n";
        for (const RelevanceBlock& b : m.relevance) {
            if (b.text) {
                out += item(6, b.text->source);
                continue;
            }
            if (!b.cite) continue;
            out += "      - cite:" + yaml_value(b.cite->id, 13, 10);
            if (!b.show_title) out += "        title: false\n";
            if (b.append) out += "        append: " + yaml_double_quoted(*b.append) + "\n";
        }
        out += cell(4, "frequency", m.frequency);
        out += cell(4, "time_spent", m.time_spent);
        out += cell(4, "financial", m.financial);
    }
    return out;
}

std::string entities_file(const Document& doc, const std::string& schema_dir) {
    std::string out = comment(schema_dir, "../", "registry.schema.json");
    out += doc.un_entities.empty() ? "un_entities: []\n" : "un_entities:\n";
    for (const UnEntity& e : doc.un_entities) {
        out += "  - id:" + yaml_value(e.id.value, 7, 6);
        out += key(4, "acronym", e.acronym);
        out += key(4, "name", e.name);
    }
    return out;
}

std::string instruments_file(const Document& doc, const std::string& schema_dir) {
    std::string out = comment(schema_dir, "../", "registry.schema.json");
    out += doc.instruments.empty() ? "instruments: []\n" : "instruments:\n";
    for (const Instrument& i : doc.instruments) {
        out += "  - id:" + yaml_value(i.id.value, 7, 6);
        out += key(4, "body", i.body);
        out += key(4, "kind", i.kind);
        out += "    number: " + yaml_double_quoted(i.number) + "\n";
        out += fmt::format("    revised: {}\n", i.revised ? "true" : "false");
        out += key(4, "place", i.place);
        out += fmt::format("    year: {}\n", i.year);
        if (i.title) out += key(4, "title", *i.title);
        if (i.label) out += key(4, "label", *i.label);
    }
    return out;
}

}  // namespace

std::string yaml_double_quoted(const std::string& text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\n': out += "\\n"; continue;
            case '\t': out += "\\t"; continue;
            default: break;
        }
        if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\x{:02X}", c);
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
            out += "\\N";
            ++i;
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
            out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\L" : "\\P";
            i += 2;
        } else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
                   static_cast<unsigned char>(text[i + 2]) == 0xBF) {
            out += "\\uFEFF";
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string yaml_value(const std::string& text, std::size_t column, std::size_t indent) {
    if (plain_safe(text) && column + 1 + emit::display_width(text) <= line_width) return " " + text + "\n";
    if (folded_safe(text)) {
        std::string pad(indent, ' ');
        return " >-\n" + emit::wrap(text, line_width, pad, pad);
    }
    return " " + yaml_double_quoted(text) + "\n";
}

std::vector<CorpusFile> write_corpus(const Document& doc, const std::string& schema_dir) {
    std::vector<CorpusFile> files;
    std::vector<std::string> section_paths;
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
        std::string path = fmt::format("sections/{:02}-{}.yaml", i + 1, doc.sections[i].id.value);
        section_paths.push_back(path);
        files.push_back({path, section_file(doc.sections[i], schema_dir)});
    }
    files.insert(files.begin(), {"report.yaml", report_file(doc, section_paths, schema_dir)});
    files.push_back({"annex/annex.yaml", annex_file(doc.annex, schema_dir)});
    files.push_back({"annex/mechanisms.yaml", mechanisms_file(doc.annex, schema_dir)});
    files.push_back({"registry/un-entities.yaml", entities_file(doc, schema_dir)});
    files.push_back({"registry/instruments.yaml", instruments_file(doc, schema_dir)});
    return files;
}

}  // namespace itucollab::import
