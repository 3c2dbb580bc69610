// Whole-document rules: unique ids, resolvable references, well-formed symbol and annex note.
#include <itucollab/loader.hpp>

#include <fmt/format.h>

#include <map>
#include <regex>
#include <set>

namespace itucollab {
namespace {

class Validator {
public:
    Validator(const Document& doc, Diagnostics& diags, ValidationScope scope)
        : doc_(doc), diags_(diags), scope_(scope) {}

    void run() {
        if (scope_.header) check_header();
        for (const auto& e : doc_.un_entities) declare(entity_ids_, e.id, "UN entity");
        for (const auto& i : doc_.instruments) {
            declare(instrument_ids_, i.id, "instrument");
            check_instrument(i);
        }
        for (const auto& s : doc_.sections) {
            declare(content_ids_, s.id, "section");
            for (const auto& p : s.paragraphs) declare(content_ids_, p.id, "paragraph");
            for (const auto& f : s.footnotes) {
                declare(content_ids_, f.id, "footnote");
                footnote_ids_.insert(f.id.value);
            }
            for (const auto& g : s.initiatives) {
                for (const auto& item : g.items) {
                    declare(content_ids_, item.id, "initiative item");
                    if (item.agency) resolve(entity_ids_, *item.agency, "UN entity");
                }
            }
        }
        for (const auto& m : doc_.annex.mechanisms) {
            declare(content_ids_, m.id, "mechanism");
            for (const auto& b : m.relevance) check_relevance(b);
        }
        check_annex_note();
        visit_texts(doc_, [&](const Text& t, const std::string&) { check_footnote_refs(t.spans, t.loc); });
        for (const auto& s : doc_.sections) {
            for (const auto& f : s.footnotes) {
                if (!referenced_footnotes_.contains(f.id.value)) {
                    diags_.warning("unused-footnote", f.id.loc,
                                   fmt::format("footnote '{}' is never referenced; cite it as [^{}] or remove it",
                                               f.id.value, f.id.value));
                }
            }
        }
    }

private:
    using IdTable = std::map<std::string, SourceLoc>;

    void declare(IdTable& table, const Id& id, const char* what) {
        if (id.value.empty()) return;
        auto [it, inserted] = table.emplace(id.value, id.loc);
        if (!inserted) {
            diags_.error("duplicate-id", id.loc,
                         fmt::format("duplicate {} id '{}' (first declared at {}:{}:{})", what, id.value,
                                     display_path(it->second.file), it->second.line, it->second.column));
        }
    }

    void resolve(const IdTable& table, const Ref& ref, const char* what) {
        if (!scope_.references || table.contains(ref.id)) return;
        std::string near;
        if (!diags_.full()) {  // one suggester per table, built at the first miss (the table is complete by then)
            auto [it, fresh] = suggesters_.try_emplace(&table, std::vector<std::string>{});
            if (fresh) {
                std::vector<std::string> names;
                names.reserve(table.size());
                for (const auto& [name, loc] : table) names.push_back(name);
                it->second = Suggester(std::move(names));
            }
            near = it->second.near(ref.id);
        }
        diags_.error("dangling-reference", ref.loc,
                     fmt::format("no {} with id '{}' in the registries{}", what, ref.id.substr(0, 64),
                                 near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
    }

    void check_header() {
        static const std::set<std::string> languages{"en", "fr", "es", "ar", "zh", "ru"};
        if (!languages.contains(doc_.language)) {
            diags_.error("unknown-language", doc_.field_loc("language"),
                         fmt::format("language '{}' is not one of en, fr, es, ar, zh, ru", doc_.language));
        }
        static const std::regex symbol(R"(C\d{2}(/[A-Z]+)?/\d+(\(Rev\.\d+\))?)");
        if (doc_.symbol.size() > 64 || !std::regex_match(doc_.symbol, symbol)) {  // std::regex recurses per character
            diags_.error("bad-symbol", doc_.field_loc("symbol"),
                         fmt::format("document symbol '{}' is not of the form C21/INF/2", doc_.symbol.substr(0, 40)));
        }
        if (doc_.session.end < doc_.session.start) {
            diags_.error("session-dates", doc_.session.loc, "the session ends before it starts");
        }
    }

    void check_instrument(const Instrument& i) {
        static const std::vector<std::string> kinds{"resolution", "decision", "recommendation", "declaration"};
        if (std::find(kinds.begin(), kinds.end(), i.kind) == kinds.end()) {
            std::string near = closest_match(i.kind, kinds);
            diags_.error("unknown-kind", i.loc,
                         fmt::format("instrument kind '{}' is not resolution, decision, recommendation or "
                                     "declaration{}", i.kind.substr(0, 40),
                                     near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
        }
    }

    void check_relevance(const RelevanceBlock& b) {
        if (b.text.has_value() == b.cite.has_value()) {
            diags_.error("relevance-block", b.loc, "a relevance block holds either 'text' or 'cite', not both or neither");
            return;
        }
        if (b.cite) {
            resolve(instrument_ids_, *b.cite, "instrument");
        } else if (b.append || !b.show_title) {
            diags_.error("relevance-block", b.loc, "'title' and 'append' apply to a 'cite' block only");
        }
    }

    void check_annex_note() {
        static const std::vector<std::string> columns{"name", "key_activity", "relevance", "frequency", "time_spent",
                                                      "financial"};
        std::set<std::string> seen;
        for (const auto& c : doc_.annex.note.columns) {
            if (std::find(columns.begin(), columns.end(), c) == columns.end()) {
                std::string near = closest_match(c, columns);
                diags_.error("unknown-column", doc_.annex.note.loc,
                             fmt::format("unknown annex column '{}'{}", c.substr(0, 40),
                                         near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
            } else if (!seen.insert(c).second) {
                diags_.error("unknown-column", doc_.annex.note.loc, fmt::format("column '{}' is listed twice", c));
            }
        }
    }

    void check_footnote_refs(const std::vector<Span>& spans, const SourceLoc& loc) {
        for (const auto& s : spans) {
            if (s.kind == Span::Kind::footnote_ref) {
                referenced_footnotes_.insert(s.text);
                if (!footnote_ids_.contains(s.text)) {
                    diags_.error("dangling-reference", loc, fmt::format("no footnote with id '{}'", s.text.substr(0, 64)));
                }
            }
            check_footnote_refs(s.children, loc);
        }
    }

    const Document& doc_;
    Diagnostics& diags_;
    ValidationScope scope_;
    IdTable content_ids_, entity_ids_, instrument_ids_;
    std::set<std::string> footnote_ids_;  // every footnote id, for the references in the texts
    std::set<std::string> referenced_footnotes_;
    std::map<const IdTable*, Suggester> suggesters_;
};

}  // namespace

void validate_document(const Document& doc, Diagnostics& diags, ValidationScope scope) {
    Validator(doc, diags, scope).run();
}

}  // namespace itucollab
