// The model-level diff, walked from the schema in code (describe.hpp): every field of both documents
// is compared by what it holds and reported as the report prints it, at its published place.
#include "comparer.hpp"
#include "places.hpp"
#include "renumbering.hpp"

#include "../model/describe.hpp"
#include "../present/present.hpp"

#include <fmt/format.h>


namespace itucollab::diff {
namespace {

// Collects the address of each field of a record, in describe order.
struct FieldAddresses {
    std::vector<const void*> at;
    template <class T> void field(std::string_view, const T& value, Need, std::string_view) { at.push_back(&value); }
};

// Visits the fields of OLD's record and hands each, with NEW's field of the same position (and so
// the same type), to the walk.
template <class Walk>
struct FieldPairs {
    Walk& walk;
    const std::vector<const void*>& other;
    const Where& where;
    std::size_t next = 0;
    template <class T> void field(std::string_view key, const T& old_value, Need, std::string_view) {
        const T& new_value = *static_cast<const T*>(other[next++]);
        walk.value(std::string(key), old_value, new_value, where);
    }
};

std::string yes_no(bool b) { return b ? "yes" : "no"; }

class Walk {
public:
    Walk(const Document& a, const Document& b, const Options& options, Result& result)
        : a_(a), b_(b), old_(a), new_(b), names_(a, b, old_, new_), result_(result), c_(options, result.changes) {}

    void run() {
        Where header{Part::header, "header", "Header", "", "", true, "header"};
        pair_with(a_, b_, header, [](auto& v, const Document& d) { describe_header(v, d); });
        sections();
        Where annex{Part::annex, "annex", "Annex", "", "", true, "annex"};
        pair(a_.annex, b_.annex, annex);
        value("mechanisms", a_.annex.mechanisms, b_.annex.mechanisms, annex);
        Where registries{Part::registries, "registries", "Registry", "", "", true, "registry"};
        value("un_entities", a_.un_entities, b_.un_entities, registries);
        value("instruments", a_.instruments, b_.instruments, registries);
        Where editorial{Part::editorial, "report", "report.yaml", "", "", false, "report.yaml"};
        pair_with(a_, b_, editorial, [](auto& v, const Document& d) { describe_editorial(v, d); });
        result_.renumbered = renumbering_.finish(a_, b_, old_, new_, c_);
    }

    // ---- leaves: compared by what they hold, shown as printed ----
    void value(const std::string&, const Id&, const Id&, const Where&) {}  // ids are how records match
    void value(const std::string& key, const std::string& a, const std::string& b, const Where& w) {
        leaf(w, key, {a, a}, {b, b});
    }
    void value(const std::string& key, const std::optional<std::string>& a, const std::optional<std::string>& b,
               const Where& w) {
        leaf(w, key, {a.value_or(""), a.value_or("")}, {b.value_or(""), b.value_or("")});
    }
    void value(const std::string& key, int a, int b, const Where& w) {
        leaf(w, key, {std::to_string(a), std::to_string(a)}, {std::to_string(b), std::to_string(b)});
    }
    void value(const std::string& key, bool a, bool b, const Where& w) {
        leaf(w, key, {yes_no(a), yes_no(a)}, {yes_no(b), yes_no(b)});
    }
    void value(const std::string& key, const Date& a, const Date& b, const Where& w) {
        leaf(w, key, {iso_date(a), format_date(a)}, {iso_date(b), format_date(b)});
    }
    void value(const std::string& key, Sector a, Sector b, const Where& w) {
        leaf(w, key, {sector_label(a), sector_label(a)}, {sector_label(b), sector_label(b)});
    }
    void value(const std::string& key, const std::optional<Ref>& a, const std::optional<Ref>& b, const Where& w) {
        leaf(w, key, ref_shown(a, old_), ref_shown(b, new_));
    }
    void value(const std::string& key, const Ref& a, const Ref& b, const Where& w) {
        leaf(w, key, {a.id, a.id}, {b.id, b.id});
    }
    void value(const std::string& key, const Text& a, const Text& b, const Where& w) {
        auto [sa, sb] = texts(&a, &b);
        leaf(w, key, sa, sb);
    }
    void value(const std::string& key, const Cell& a, const Cell& b, const Where& w) {
        auto [sa, sb] = texts(a ? &*a : nullptr, b ? &*b : nullptr);
        leaf(w, key, sa, sb);
    }
    void value(const std::string& key, const std::vector<std::string>& a, const std::vector<std::string>& b,
               const Where& w) {
        if (key == "references") {
            leaf(w, key, {join(a, "\n"), present::references_sentence(a_)}, {join(b, "\n"), present::references_sentence(b_)});
        } else {  // the annex note's marked columns, shown as their headings
            leaf(w, key, {join(a, "\n"), names_.column_headings(a, false)}, {join(b, "\n"), names_.column_headings(b, true)});
        }
    }

    // ---- records without ids: nested, or lists compared as an edit script ----
    void value(const std::string& key, const Session& a, const Session& b, const Where& w) {
        pair(a, b, names_.nested(w, key, "session", ""));
    }
    void value(const std::string& key, const AnnexHeadings& a, const AnnexHeadings& b, const Where& w) {
        pair(a, b, names_.nested(w, key, "column headings", "column headings"));
    }
    void value(const std::string& key, const AnnexNote& a, const AnnexNote& b, const Where& w) {
        pair(a, b, names_.nested(w, key, "table note", "table note"));
    }
    void value(const std::string& key, const std::vector<Text>& a, const std::vector<Text>& b, const Where& w) {
        std::vector<Shown> sa, sb;
        for (const Text& t : a) sa.push_back(texts(&t, &t).first);
        for (const Text& t : b) sb.push_back(texts(&t, &t).second);
        c_.plain_list(w, key, [&](std::size_t n) { return names_.item_label(key, n); }, sa, sb);
    }
    void value(const std::string& key, const std::vector<RelevanceBlock>& a, const std::vector<RelevanceBlock>& b,
               const Where& w) {
        std::vector<Shown> sa, sb;
        for (const RelevanceBlock& block : a) sa.push_back({block_key(block), present::relevance_text(block, old_)});
        for (const RelevanceBlock& block : b) sb.push_back({block_key(block), present::relevance_text(block, new_)});
        std::string heading = names_.field_label(w, key);
        bool several = a.size() > 1 || b.size() > 1;
        c_.plain_list(w, key, [&](std::size_t n) { return several ? fmt::format("{}, block {}", heading, n) : heading; },
                      sa, sb);
    }

    // ---- keyed lists ----
    void value(const std::string& key, const std::vector<Paragraph>& a, const std::vector<Paragraph>& b,
               const Where& w) {
        KeyedList<Paragraph> list{"paragraph", [](const Paragraph& p) { return p.id.value; },
                                  [this](const Paragraph& p, bool old_side) { return paragraph_text(p, old_side); },
                                  [&](const Paragraph* x, std::size_t xi, const Paragraph* y, std::size_t yi) {
                                      return names_.paragraph(w, key, x, xi, y, yi, section_);
                                  },
                                  [this](const Paragraph& x, const Paragraph& y, const Where& at) { pair(x, y, at); }};
        ListMatch m = c_.keyed_list(w.part, a, b, list);
        renumbering_.paragraphs(m, section_);
    }
    void value(const std::string& key, const std::vector<Footnote>& a, const std::vector<Footnote>& b,
               const Where& w) {
        KeyedList<Footnote> list{"footnote", [](const Footnote& f) { return f.id.value; },
                                 [this](const Footnote& f, bool old_side) { return plain(f.text, old_side); },
                                 [&](const Footnote* x, std::size_t, const Footnote* y, std::size_t) {
                                     return names_.footnote(w, key, x, y);
                                 },
                                 [this](const Footnote& x, const Footnote& y, const Where& at) { pair(x, y, at); }};
        c_.keyed_list(w.part, a, b, list);
    }
    void value(const std::string& key, const std::vector<InitiativeGroup>& a, const std::vector<InitiativeGroup>& b,
               const Where& w) {
        KeyedList<InitiativeGroup> list{
            "initiative group", [](const InitiativeGroup& g) { return sector_label(g.sector); },
            [this](const InitiativeGroup& g, bool old_side) {
                std::string out = sector_label(g.sector);
                for (const Text& t : g.intro) out += "\n" + plain(t, old_side);
                for (const InitiativeItem& item : g.items) out += "\n" + plain(item.text, old_side);
                return out;
            },
            [&](const InitiativeGroup* x, std::size_t, const InitiativeGroup* y, std::size_t) {
                return names_.group(w, key, x ? x : y);
            },
            [this](const InitiativeGroup& x, const InitiativeGroup& y, const Where& at) { pair(x, y, at); }, false};
        c_.keyed_list(Part::initiatives, a, b, list);
    }
    void value(const std::string& key, const std::vector<InitiativeItem>& a, const std::vector<InitiativeItem>& b,
               const Where& w) {
        KeyedList<InitiativeItem> list{
            "initiative", [](const InitiativeItem& i) { return i.id.value; },
            [this](const InitiativeItem& i, bool old_side) { return plain(i.text, old_side); },
            [&](const InitiativeItem* x, std::size_t xi, const InitiativeItem* y, std::size_t yi) {
                return names_.item(w, key, x, xi, y, yi);
            },
            [this](const InitiativeItem& x, const InitiativeItem& y, const Where& at) { pair(x, y, at); }};
        c_.keyed_list(Part::initiatives, a, b, list);
    }
    void value(const std::string& key, const std::vector<Mechanism>& a, const std::vector<Mechanism>& b,
               const Where& w) {
        KeyedList<Mechanism> list{"mechanism", [](const Mechanism& m) { return m.id.value; },
                                  [this](const Mechanism& m, bool old_side) { return mechanism_text(m, old_side); },
                                  [&](const Mechanism* x, std::size_t, const Mechanism* y, std::size_t) {
                                      return names_.mechanism(w, key, x, y);
                                  },
                                  [this](const Mechanism& x, const Mechanism& y, const Where& at) { pair(x, y, at); }};
        c_.keyed_list(Part::annex, a, b, list);
    }
    void value(const std::string& key, const std::vector<UnEntity>& a, const std::vector<UnEntity>& b,
               const Where& w) {
        KeyedList<UnEntity> list{"UN entity", [](const UnEntity& e) { return e.id.value; },
                                 [](const UnEntity& e, bool) { return e.acronym + "\n" + e.name; },
                                 [&](const UnEntity* x, std::size_t, const UnEntity* y, std::size_t) {
                                     return names_.entity(w, key, x, y);
                                 },
                                 [this](const UnEntity& x, const UnEntity& y, const Where& at) { pair(x, y, at); }};
        c_.keyed_list(Part::registries, a, b, list);
    }
    void value(const std::string& key, const std::vector<Instrument>& a, const std::vector<Instrument>& b,
               const Where& w) {
        KeyedList<Instrument> list{"instrument", [](const Instrument& i) { return i.id.value; },
                                   [](const Instrument& i, bool) {
                                       return instrument_label(i) + (i.title ? "\n" + *i.title : "");
                                   },
                                   [&](const Instrument* x, std::size_t, const Instrument* y, std::size_t) {
                                       return names_.instrument(w, key, x, y);
                                   },
                                   [this](const Instrument& x, const Instrument& y, const Where& at) { pair(x, y, at); }};
        c_.keyed_list(Part::registries, a, b, list);
    }
    void value(const std::string& key, const std::vector<Acceptance>& a, const std::vector<Acceptance>& b,
               const Where& w) {
        KeyedList<Acceptance> list{"accepted warning", [](const Acceptance& x) { return x.rule + " in " + x.in.id; },
                                   [](const Acceptance& x, bool) { return x.rule + " in " + x.in.id + ": " + x.reason; },
                                   [&](const Acceptance* x, std::size_t, const Acceptance* y, std::size_t) {
                                       const Acceptance& r = y ? *y : *x;
                                       return names_.editorial(w, key, r.rule + "-" + r.in.id, "Accepted warning " + r.rule + " in " + r.in.id);
                                   },
                                   [this](const Acceptance& x, const Acceptance& y, const Where& at) { pair(x, y, at); },
                                   false};
        c_.keyed_list(Part::editorial, a, b, list);
    }
    void value(const std::string& key, const std::vector<Review>& a, const std::vector<Review>& b, const Where& w) {
        KeyedList<Review> list{"review entry", [](const Review& x) { return x.in.id; },
                               [](const Review& x, bool) { return x.in.id + ": " + x.reason; },
                               [&](const Review* x, std::size_t, const Review* y, std::size_t) {
                                   const Review& r = y ? *y : *x;
                                   return names_.editorial(w, key, r.in.id, "Review of " + r.in.id);
                               },
                               [this](const Review& x, const Review& y, const Where& at) { pair(x, y, at); }, false};
        c_.keyed_list(Part::editorial, a, b, list);
    }
    void value(const std::string& key, const std::vector<UnplacedContent>& a, const std::vector<UnplacedContent>& b,
               const Where& w) {
        KeyedList<UnplacedContent> list{
            "unplaced content", [](const UnplacedContent& x) { return x.where + "\n" + x.text; },
            [](const UnplacedContent& x, bool) { return x.where + ": " + x.text; },
            [&](const UnplacedContent* x, std::size_t, const UnplacedContent* y, std::size_t) {
                const UnplacedContent& u = y ? *y : *x;
                return names_.editorial(w, key, u.where, "Unplaced content from " + u.where);
            },
            [this](const UnplacedContent& x, const UnplacedContent& y, const Where& at) { pair(x, y, at); }, false};
        c_.keyed_list(Part::editorial, a, b, list);
    }

private:
    template <class R, class Describe> void pair_with(const R& a, const R& b, const Where& w, Describe describe_fn) {
        FieldAddresses addresses;
        describe_fn(addresses, b);
        FieldPairs<Walk> pairs{*this, addresses.at, w};
        describe_fn(pairs, a);
    }
    template <class R> void pair(const R& a, const R& b, const Where& w) {
        pair_with(a, b, w, [](auto& v, const R& r) { describe(v, r); });
    }

    void sections() {
        KeyedList<Section> list{
            "section", [](const Section& s) { return s.id.value; },
            [this](const Section& s, bool old_side) {
                std::string out = s.title;
                for (const Paragraph& p : s.paragraphs) out += "\n" + paragraph_text(p, old_side);
                return out;
            },
            [this](const Section* x, std::size_t xi, const Section* y, std::size_t yi) {
                return names_.section(x, xi, y, yi);
            },
            [this](const Section& x, const Section& y, const Where& at) {
                section_ = SectionPair{&x, section_index(a_, x), &y, section_index(b_, y)};
                pair(x, y, at);
                section_ = {};
            }};
        ListMatch m = c_.keyed_list(Part::sections, a_.sections, b_.sections, list);
        renumbering_.sections(m);
    }

    static std::size_t section_index(const Document& d, const Section& s) {
        return static_cast<std::size_t>(&s - d.sections.data());
    }

    void leaf(const Where& w, const std::string& key, const Shown& a, const Shown& b) {
        c_.field(w, key, names_.field_label(w, key), a, b, names_.field_visible(w, key));
    }

    // A text's compared key is its source; it is shown as printed. A change that printing hides
    // (a link target, emphasis) is shown with the targets, then as the source.
    std::pair<Shown, Shown> texts(const Text* a, const Text* b) const {
        Shown sa{a ? a->source : "", a ? present::plain(a->spans, old_) : ""};
        Shown sb{b ? b->source : "", b ? present::plain(b->spans, new_) : ""};
        if (c_.normal(sa.key) == c_.normal(sb.key) || c_.normal(sa.text) != c_.normal(sb.text)) return {sa, sb};
        sa.text = a ? present::plain(a->spans, old_, present::LinkStyle::text_and_target) : "";
        sb.text = b ? present::plain(b->spans, new_, present::LinkStyle::text_and_target) : "";
        if (c_.normal(sa.text) != c_.normal(sb.text)) return {sa, sb};
        return {Shown{sa.key, sa.key}, Shown{sb.key, sb.key}};
    }
    std::string plain(const Text& t, bool old_side) const { return present::plain(t.spans, old_side ? old_ : new_); }

    static Shown ref_shown(const std::optional<Ref>& ref, const DocumentIndex& index) {
        if (!ref) return {"", ""};
        const UnEntity* e = index.entity(ref->id);
        return {ref->id, e ? e->acronym : ref->id};
    }
    // A relevance block's values, readable: "[cite pp-res-71] [without title] [append \" - Goal 2\"]".
    static std::string block_key(const RelevanceBlock& b) {
        std::string out = b.text ? b.text->source : "";
        if (b.cite) out += (out.empty() ? "" : " ") + fmt::format("[cite {}]", b.cite->id);
        if (!b.show_title) out += " [without title]";
        if (b.append) out += fmt::format(" [append \"{}\"]", *b.append);
        return out;
    }
    std::string paragraph_text(const Paragraph& p, bool old_side) const {
        std::string out = plain(p.text, old_side);
        for (const Text& bullet : p.bullets) out += "\n" + plain(bullet, old_side);
        return out;
    }
    std::string mechanism_text(const Mechanism& m, bool old_side) const {
        const DocumentIndex& index = old_side ? old_ : new_;
        std::string out = m.name + "\n" + present::cell_text(m.key_activity, index);
        for (const auto& b : m.relevance) out += "\n" + present::relevance_text(b, index);
        for (const Cell* cell : {&m.frequency, &m.time_spent, &m.financial}) out += "\n" + present::cell_text(*cell, index);
        return out;
    }
    static std::string join(const std::vector<std::string>& items, const std::string& separator) {
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
        return out;
    }

    const Document& a_;
    const Document& b_;
    DocumentIndex old_;
    DocumentIndex new_;
    Names names_;
    Result& result_;
    Comparer c_;
    RenumberingFinder renumbering_;
    SectionPair section_;
};

}  // namespace

Result compare(const Document& old_doc, const Document& new_doc, const Options& options) {
    Result result;
    result.old_symbol = old_doc.symbol;
    result.new_symbol = new_doc.symbol;
    Walk(old_doc, new_doc, options, result).run();
    return result;
}

}  // namespace itucollab::diff
