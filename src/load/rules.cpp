// Content rules beyond the schema: header consistency, references, registries, links, annex, hygiene.
#include "rules.hpp"

#include "inline_parser.hpp"

#include <itucollab/rules.hpp>

#include <fmt/format.h>

#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string_view>
#include <utility>

namespace itucollab {
namespace {

// The Council year of a symbol such as C21/INF/2 (2021), or 0 when it has none.
int council_year(const std::string& symbol) {
    if (symbol.size() < 3 || symbol[0] != 'C' || !std::isdigit(static_cast<unsigned char>(symbol[1])) ||
        !std::isdigit(static_cast<unsigned char>(symbol[2]))) {
        return 0;
    }
    return 2000 + (symbol[1] - '0') * 10 + (symbol[2] - '0');
}

// std::regex (libstdc++) matches recursively, one stack frame per character: a multi-megabyte
// string from a hostile file would exhaust the stack. Longer inputs are refused without a match.
constexpr std::size_t max_regex_input = 2048;

// "(see )", "(cf. )", "()" — an empty pair of parentheses, written out (a regex would recurse
// once per space of a hostile "(      …)").
bool has_empty_parentheses(std::string_view s) {
    for (std::size_t at = s.find('('); at != std::string_view::npos; at = s.find('(', at + 1)) {
        std::string_view rest = s.substr(at + 1);
        if (rest.starts_with("see")) rest.remove_prefix(3);
        else if (rest.starts_with("cf.")) rest.remove_prefix(3);
        std::size_t close = rest.find_first_not_of(" \t\n\r\f\v");
        if (close != std::string_view::npos && rest[close] == ')') return true;
    }
    return false;
}

bool well_formed_symbol(const std::string& s) {
    static const std::regex pattern(R"(C\d{2}(/[A-Z]+)?/\d+(\(Rev\.\d+\))?(/Add\.\d+)?)");
    // std::regex recurses per character: hostile lengths are refused before it runs.
    return s.size() <= max_regex_input && std::regex_match(s, pattern);
}

class Rules {
public:
    Rules(const Document& doc, Diagnostics& diags, ValidationScope scope) : doc_(doc), diags_(diags), scope_(scope) {}

    void run() {
        if (scope_.header) {
            header();
            references();
        }
        if (scope_.references && scope_.complete) unused_registry_entries();
        annex();
        visit_texts(doc_, [&](const Text& t, const std::string& owner) { text(t, owner); });
        for (const auto& s : doc_.sections) plain_string(s.title, s.loc, s.id.value, "section title");
        for (const auto& m : doc_.annex.mechanisms) plain_string(m.name, m.loc, m.id.value, "mechanism name");
    }

private:
    void header() {
        int year = council_year(doc_.symbol);
        if (year != 0 && doc_.session.start.year != 0 && year != doc_.session.start.year) {
            diags_.error("symbol-year", doc_.field_loc("symbol"),
                         fmt::format("symbol {} belongs to Council {}, but the session starts in {}", doc_.symbol,
                                     year, doc_.session.start.year));
        }
        if (doc_.date.year != 0 && doc_.session.start.year != 0 && !(doc_.date < doc_.session.start)) {
            diags_.error("date-after-session", doc_.field_loc("date"),
                         fmt::format("the document date {} is not before the session's first day {}",
                                     iso_date(doc_.date), iso_date(doc_.session.start)));
        }
    }

    void references() {
        int own_year = council_year(doc_.symbol);
        int previous = 0;
        bool has_previous_session = false;
        for (std::size_t i = 0; i < doc_.references.size(); ++i) {
            const std::string& ref = doc_.references[i];
            SourceLoc where = doc_.field_loc("references." + std::to_string(i));
            if (!well_formed_symbol(ref)) {
                diags_.error("bad-reference", where,
                             fmt::format("reference '{}' is not a document symbol like C20/INF/3", ref.substr(0, 40)));
                continue;
            }
            if (ref == doc_.symbol) {
                diags_.error("self-reference", where, fmt::format("the references list the document itself ({})", ref));
            }
            int year = council_year(ref);
            if (year < previous) {
                diags_.warning("references-order", where,
                               fmt::format("reference {} comes after a later Council's document; list them "
                                           "chronologically", ref), "report");
            }
            previous = std::max(previous, year);
            has_previous_session |= (own_year != 0 && year == own_year - 1);
        }
        if (own_year != 0 && !has_previous_session) {
            diags_.warning("missing-previous-report", doc_.field_loc("references"),
                           fmt::format("the references hold no C{:02} document: cite the previous session's report",
                                       (own_year - 1) % 100), "report");
        }
    }

    void unused_registry_entries() {
        std::set<std::string> cited;
        for (const auto& s : doc_.sections) {
            for (const auto& g : s.initiatives) {
                for (const auto& item : g.items) {
                    if (item.agency) cited.insert("entity:" + item.agency->id);
                }
            }
        }
        for (const auto& m : doc_.annex.mechanisms) {
            for (const auto& b : m.relevance) {
                if (b.cite) cited.insert("instrument:" + b.cite->id);
            }
        }
        for (const auto& e : doc_.un_entities) {
            if (!cited.contains("entity:" + e.id.value)) {
                diags_.warning("unused-registry-entry", e.id.loc,
                               fmt::format("UN entity '{}' is never cited; remove it or cite it", e.id.value), e.id.value);
            }
        }
        for (const auto& i : doc_.instruments) {
            if (!cited.contains("instrument:" + i.id.value)) {
                diags_.warning("unused-registry-entry", i.id.loc,
                               fmt::format("instrument '{}' is never cited; remove it or cite it", i.id.value), i.id.value);
            }
        }
    }

    void annex() {
        std::map<std::string, const Mechanism*> names, acronyms;
        for (const auto& m : doc_.annex.mechanisms) {
            if (auto [it, fresh] = names.emplace(m.name, &m); !fresh) {
                diags_.error("duplicate-mechanism-name", m.loc,
                             fmt::format("mechanism '{}' has the same name as '{}' (line {})", m.id.value,
                                         it->second->id.value, it->second->loc.line));
            }
            if (m.acronym) {
                if (auto [it, fresh] = acronyms.emplace(*m.acronym, &m); !fresh) {
                    diags_.error("duplicate-acronym", m.loc,
                                 fmt::format("mechanism '{}' has the same acronym {} as '{}' (line {})", m.id.value,
                                             *m.acronym, it->second->id.value, it->second->loc.line));
                }
            }
            for (const Cell* cell : {&m.key_activity, &m.frequency, &m.time_spent, &m.financial}) {
                if (*cell && (*cell)->source.find_first_not_of(" \t\n\u00a0") == std::string::npos) {
                    diags_.error("empty-cell", (*cell)->loc,
                                 fmt::format("empty cell in mechanism '{}': write ~ when the cell is blank on purpose",
                                             m.id.value));
                }
            }
        }
    }

    void links(const std::vector<Span>& spans, const SourceLoc& loc) {
        static const std::regex web(R"(https?://[A-Za-z0-9.-]+(:\d+)?([/?#][^\s]*)?)", std::regex::icase);
        static const std::regex mail(R"(mailto:[^@\s]+@[^@\s]+)", std::regex::icase);
        for (const auto& s : spans) {
            if (s.kind == Span::Kind::link && load::allowed_link_target(s.target) &&
                (s.target.size() > max_regex_input ||
                 (!std::regex_match(s.target, web) && !std::regex_match(s.target, mail)))) {
                diags_.error("bad-link", loc, fmt::format("malformed link target '{}'", s.target.substr(0, 80)));
            }
            links(s.children, loc);
        }
    }

    void text(const Text& t, const std::string& owner) {
        links(t.spans, t.loc);
        const std::string& s = t.source;
        if (s.find("HYPERLINK") != std::string::npos || s.find("MERGEFIELD") != std::string::npos) {
            diags_.error("field-code-remnant", t.loc, "Word field code remnant in the text; remove it");
        }
        if (has_empty_parentheses(s)) {
            diags_.warning("empty-parentheses", t.loc, "empty parentheses, often a lost link: \"(see )\"", owner);
        }
        plain_checks(s, t.loc, owner);
        brackets(s, t.loc, owner);
        quotes(s, t.loc, owner);
    }

    void plain_string(const std::string& s, const SourceLoc& loc, const std::string& owner, const char* what) {
        (void)what;
        plain_checks(s, loc, owner);
    }

    void plain_checks(const std::string& s, const SourceLoc& loc, const std::string& owner) {
        for (unsigned char c : s) {
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
                diags_.error("control-character", loc, fmt::format("control character U+{:04X} in the text", c));
                break;
            }
        }
        if (auto at = s.find("  "); at != std::string::npos) {
            diags_.warning("doubled-space", loc, fmt::format("two spaces in a row: \"{}\"", excerpt(s, at)), owner);
        }
        if (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) ||
                           std::isspace(static_cast<unsigned char>(s.back())))) {
            diags_.warning("stray-whitespace", loc, "the text starts or ends with whitespace", owner);
        }
    }

    static std::string excerpt(const std::string& s, std::size_t at) {
        std::size_t from = at > 20 ? at - 20 : 0;
        while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;
        std::size_t to = std::min(s.size(), at + 22);
        while (to < s.size() && (static_cast<unsigned char>(s[to]) & 0xC0) == 0x80) ++to;
        return s.substr(from, to - from);
    }

    void brackets(const std::string& s, const SourceLoc& loc, const std::string& owner) {
        int round = 0, square = 0;
        bool bad = false;
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c == '(') ++round;
            if (c == '[') ++square;
            if (c == ']' && --square < 0) bad = true;
            if (c == ')') {
                // "a) ", "1) ", "iv) " opening a line or following "; " or "and " are list markers, not brackets.
                std::size_t j = i;
                while (j > 0 && std::isalnum(static_cast<unsigned char>(s[j - 1])) && i - j < 2) --j;
                std::string_view before(s.data(), j);
                bool opens_item = j == 0 || before.ends_with('\n') || before.ends_with("; ") ||
                                  before.ends_with(": ") || before.ends_with(" and ") || before.ends_with(" or ");
                bool marker = j < i && opens_item;
                if (!marker && --round < 0) bad = true;
            }
        }
        if (bad || round != 0 || square != 0) {
            diags_.warning("unbalanced-brackets", loc, "parentheses or square brackets do not pair", owner);
        }
    }

    void quotes(const std::string& s, const SourceLoc& loc, const std::string& owner) {
        auto count = [&](std::string_view q) {
            std::size_t n = 0;
            for (auto at = s.find(q); at != std::string::npos; at = s.find(q, at + q.size())) ++n;
            return n;
        };
        bool curly = count("\u201c") != count("\u201d");
        bool guillemets = count("\u00ab") != count("\u00bb");
        bool straight = count("\"") % 2 != 0;
        if (curly || guillemets || straight) {
            diags_.warning("unbalanced-quotes", loc, "quotation marks do not pair", owner);
        }
    }

    const Document& doc_;
    Diagnostics& diags_;
    ValidationScope scope_;
};

}  // namespace

void check_content_rules(const Document& doc, Diagnostics& diags, ValidationScope scope) {
    Rules(doc, diags, scope).run();
}

// Every id an accept or review entry may name: records, "report" and "annex".
static std::set<std::string> record_ids(const Document& doc) {
    std::set<std::string> ids{"report", "annex"};
    visit_texts(doc, [&](const Text&, const std::string& owner) { ids.insert(owner); });
    for (const auto& s : doc.sections) ids.insert(s.id.value);
    for (const auto& m : doc.annex.mechanisms) ids.insert(m.id.value);
    for (const auto& e : doc.un_entities) ids.insert(e.id.value);
    for (const auto& i : doc.instruments) ids.insert(i.id.value);
    return ids;
}

void check_reviews(const Document& doc, Diagnostics& diags) {
    if (doc.reviews.empty()) return;
    std::set<std::string> ids = record_ids(doc);
    for (const auto& r : doc.reviews) {
        if (!ids.contains(r.in.id)) {
            diags.error("dangling-reference", r.in.loc, fmt::format("no record with id '{}'", r.in.id.substr(0, 64)));
            continue;
        }
        diags.warning("review-needed", r.loc,
                      fmt::format("review '{}': {}; remove this entry once done", r.in.id, r.reason.substr(0, 200)),
                      r.in.id);
    }
}

void check_unplaced(const Document& doc, Diagnostics& diags) {
    for (const UnplacedContent& u : doc.unplaced) {
        std::string text = u.text.size() > 80 ? u.text.substr(0, 77) + "..." : u.text;
        diags.warning("unplaced-content", u.loc,
                      fmt::format("content the import could not place ({}): \"{}\"; move it into the corpus, then "
                                  "remove this entry",
                                  u.where.substr(0, 120), text));
    }
}

void apply_acceptances(const Document& doc, Diagnostics& diags) {
    std::set<std::string> ids = record_ids(doc);
    std::vector<std::string> acceptable;
    for (const auto& r : rule_catalogue()) {
        if (r.severity == Severity::warning && r.code != "review-needed") acceptable.emplace_back(r.code);
    }
    // One pass over the diagnostics for all entries (not one per entry: both lists grow with the corpus).
    // The first entry naming a (rule, record) pair takes its warnings; a repeated entry is unused.
    std::map<std::pair<std::string, std::string>, bool> wanted;  // (rule, id) -> took a warning
    std::vector<char> first(doc.accepted.size(), 0);  // the entry owns its (rule, id) pair
    for (std::size_t k = 0; k < doc.accepted.size(); ++k) {
        const Acceptance& a = doc.accepted[k];
        const RuleInfo* rule = find_rule(a.rule);
        if (!rule || rule->severity != Severity::warning || a.rule == "review-needed") {
            std::string near = diags.full() ? std::string() : closest_match(a.rule, acceptable);
            diags.error("unknown-rule", a.loc,
                        fmt::format("'{}' is not a warning that can be accepted{}", a.rule.substr(0, 40),
                                    near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
            continue;
        }
        if (!ids.contains(a.in.id)) {
            diags.error("dangling-reference", a.in.loc, fmt::format("no record with id '{}'", a.in.id.substr(0, 64)));
            continue;
        }
        first[k] = wanted.emplace(std::pair(a.rule, a.in.id), false).second;
    }
    diags.remove_if([&](const Diagnostic& d) {
        if (d.severity != Severity::warning) return false;
        auto it = wanted.find(std::pair(d.code, d.subject));
        if (it == wanted.end()) return false;
        it->second = true;
        return true;
    });
    for (std::size_t k = 0; k < doc.accepted.size(); ++k) {
        const Acceptance& a = doc.accepted[k];
        auto it = wanted.find(std::pair(a.rule, a.in.id));
        if (it == wanted.end() || (first[k] && it->second)) continue;  // invalid (reported above) or used
        diags.warning("unused-accept", a.loc,
                      fmt::format("nothing to accept: '{}' raises no {} warning; remove this entry", a.in.id, a.rule));
    }
}

}  // namespace itucollab
