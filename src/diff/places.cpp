// Places, labels and visibility of changes, in the words of the report.
#include "places.hpp"

#include "../present/present.hpp"

#include <fmt/format.h>

#include <cctype>

namespace itucollab::diff {
namespace {

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string words_of_key(std::string key) {
    for (auto& ch : key) {
        if (ch == '_') ch = ' ';
    }
    return key;
}

std::string number_or_empty(std::size_t n) { return n ? std::to_string(n) : ""; }

void collect_citations(const Document& d, std::set<std::string>& instruments, std::set<std::string>& entities,
                       std::set<std::string>& labelled) {
    for (const Mechanism& m : d.annex.mechanisms) {
        for (const RelevanceBlock& b : m.relevance) {
            if (b.cite) instruments.insert(b.cite->id);
        }
    }
    for (const Section& s : d.sections) {
        for (const InitiativeGroup& g : s.initiatives) {
            for (const InitiativeItem& i : g.items) {
                if (i.agency) entities.insert(i.agency->id);
            }
        }
    }
    for (const Instrument& i : d.instruments) {
        if (i.label) labelled.insert(i.id.value);
    }
}

}  // namespace

std::string numbered(const std::string& new_number, const std::string& old_number) {
    if (new_number.empty()) return old_number;
    if (old_number.empty() || old_number == new_number) return new_number;
    return fmt::format("{} (was {})", new_number, old_number);
}

Names::Names(const Document& old_doc, const Document& new_doc, const DocumentIndex& old_index,
             const DocumentIndex& new_index)
    : old_(old_doc), new_(new_doc), old_index_(old_index), new_index_(new_index) {
    collect_citations(old_doc, cited_instruments_, cited_entities_, labelled_instruments_);
    collect_citations(new_doc, cited_instruments_, cited_entities_, labelled_instruments_);
}

std::string Names::field_label(const Where& w, const std::string& key) const {
    const std::string& r = w.record;
    if (r == "header") {
        const Labels& labels = labels_for(new_.language);
        if (key == "symbol") return "document symbol";
        if (key == "date") return "document date";
        if (key == "summary") return labels.summary;
        if (key == "action_required") return labels.action_required;
        if (key == "references") return labels.references;
        return words_of_key(key);
    }
    if (r == "session") return "session " + key;
    if (r == "section" && key == "title") return "heading";
    if (r == "initiative" && key == "agency") return "agency label";
    if (r == "mechanism") {
        for (const auto& [column, heading] : annex_columns(new_.annex.headings)) {
            if (key == column) return *heading;
        }
        return words_of_key(key);
    }
    if (r == "column headings") return words_of_key(key) + " heading";
    if (r == "table note") return key == "text" ? "" : key == "columns" ? "marked columns" : key;
    if (r == "UN entity" && key == "name") return "full name";
    if (r == "instrument") {
        if (key == "body") return "adopting body";
        if (key == "label") return "printed label";
        return key;
    }
    if (r == "accepted warning" || r == "review entry") return key == "in" ? "record" : key;
    if (key == "text") return "";  // a paragraph's, footnote's or item's own text: the place says it
    return words_of_key(key);
}

bool Names::field_visible(const Where& w, const std::string& key) const {
    if (!w.visible) return false;
    const std::string& r = w.record;
    if (r == "header") return key != "language";
    if (r == "mechanism") return key != "acronym";
    if (r == "UN entity") return key == "acronym" && w.visible;
    if (r == "instrument") {
        // A printed label replaces everything but the title.
        bool labelled = labelled_instruments_.contains(w.location.substr(w.location.rfind('/') + 1));
        return !labelled || key == "title" || key == "label";
    }
    return true;
}

std::string Names::item_label(const std::string& key, std::size_t n) {
    if (key == "bullets") return fmt::format("bullet {}", n);
    if (key == "benefits") return fmt::format("benefit {}", n);
    if (key == "intro") return fmt::format("introduction, paragraph {}", n);
    return fmt::format("{} {}", words_of_key(key), n);
}

std::string Names::column_headings(const std::vector<std::string>& keys, bool new_side) const {
    const AnnexHeadings& h = (new_side ? new_ : old_).annex.headings;
    std::string out;
    for (const std::string& key : keys) {
        std::string heading = key;
        for (const auto& [column, text] : annex_columns(h)) {
            if (key == column) heading = *text;
        }
        out += (out.empty() ? "" : ", ") + heading;
    }
    return out;
}

Where Names::nested(const Where& w, const std::string& key, const char* record, const std::string& suffix) const {
    Where n = w;
    n.location = w.location + "/" + key;
    if (!suffix.empty()) n.place = w.place + ", " + suffix;
    n.record = record;
    return n;
}

Where Names::section(const Section* x, std::size_t xi, const Section* y, std::size_t yi) const {
    Where w;
    w.part = Part::sections;
    w.record = "section";
    w.location = "sections/" + (y ? y->id.value : x->id.value);
    w.old_number = x ? std::to_string(xi + 1) : "";
    w.new_number = y ? std::to_string(yi + 1) : "";
    w.place = fmt::format("Section {}, {}", numbered(w.new_number, w.old_number), y ? y->title : x->title);
    return w;
}

Where Names::paragraph(const Where& w, const std::string& key, const Paragraph* x, std::size_t xi, const Paragraph* y,
                       std::size_t yi, const SectionPair& section) const {
    Where p;
    p.part = w.part;
    p.record = "paragraph";
    p.location = w.location + "/" + key + "/" + (y ? y->id.value : x->id.value);
    p.old_number = x && section.old_section ? paragraph_number(section.old_index, xi) : "";
    p.new_number = y && section.new_section ? paragraph_number(section.new_index, yi) : "";
    const Section* s = section.new_section ? section.new_section : section.old_section;
    p.place = fmt::format("{}, {}", numbered(p.new_number, p.old_number), s ? s->title : "");
    return p;
}

Where Names::footnote(const Where& w, const std::string& key, const Footnote* x, const Footnote* y) const {
    Where f;
    f.part = w.part;
    f.record = "footnote";
    f.location = w.location + "/" + key + "/" + (y ? y->id.value : x->id.value);
    f.old_number = x ? number_or_empty(static_cast<std::size_t>(old_index_.footnote_number(x->id.value))) : "";
    f.new_number = y ? number_or_empty(static_cast<std::size_t>(new_index_.footnote_number(y->id.value))) : "";
    std::string n = numbered(f.new_number, f.old_number);
    f.place = n.empty() ? "Footnote (not referenced)" : "Footnote " + n;
    return f;
}

Where Names::group(const Where& w, const std::string& key, const InitiativeGroup* g) const {
    Where out = w;
    out.part = Part::initiatives;
    out.record = "initiative group";
    out.location = w.location + "/" + key + "/" + lower(sector_label(g->sector));
    out.place = w.place + ", " + sector_label(g->sector);
    out.old_number.clear();
    out.new_number.clear();
    return out;
}

Where Names::item(const Where& w, const std::string& key, const InitiativeItem* x, std::size_t xi,
                  const InitiativeItem* y, std::size_t yi) const {
    Where out = w;
    out.part = Part::initiatives;
    out.record = "initiative";
    const InitiativeItem& item = y ? *y : *x;
    out.location = w.location + "/" + key + "/" + item.id.value;
    const DocumentIndex& index = y ? new_index_ : old_index_;
    const UnEntity* agency = item.agency ? index.entity(item.agency->id) : nullptr;
    out.place = fmt::format("{}, item {}{}", w.place, (y ? yi : xi) + 1, agency ? " (" + agency->acronym + ")" : "");
    return out;
}

// A keyed record's place: its part, its noun, its id after the list's key, what the report calls it.
Where Names::record_at(const Where& w, Part part, const char* record, const std::string& key, const std::string& id,
                       std::string place, bool visible) const {
    Where out = w;
    out.part = part;
    out.record = record;
    out.location = w.location + "/" + key + "/" + id;
    out.place = std::move(place);
    out.visible = w.visible && visible;
    return out;
}

Where Names::mechanism(const Where& w, const std::string& key, const Mechanism* x, const Mechanism* y) const {
    const Mechanism& m = y ? *y : *x;
    return record_at(w, Part::annex, "mechanism", key, m.id.value,
                     "Annex, " + (m.acronym && !m.acronym->empty() ? *m.acronym : m.name), true);
}

Where Names::entity(const Where& w, const std::string& key, const UnEntity* x, const UnEntity* y) const {
    const UnEntity& e = y ? *y : *x;
    return record_at(w, Part::registries, "UN entity", key, e.id.value, "Registry, UN entity " + e.acronym,
                     cited_entities_.contains(e.id.value));
}

Where Names::instrument(const Where& w, const std::string& key, const Instrument* x, const Instrument* y) const {
    const Instrument& i = y ? *y : *x;
    return record_at(w, Part::registries, "instrument", key, i.id.value, "Registry, " + instrument_label(i),
                     cited_instruments_.contains(i.id.value) && (!x || !y || prints_differently(i.id.value)));
}

bool Names::prints_differently(const std::string& instrument_id) const {
    // The citations of the instrument, printed with OLD's registry and with NEW's; NEW's citations
    // decide when NEW cites it at all.
    for (const Document* d : {&new_, &old_}) {
        bool cited = false;
        for (const Mechanism& m : d->annex.mechanisms) {
            for (const RelevanceBlock& b : m.relevance) {
                if (!b.cite || b.cite->id != instrument_id) continue;
                cited = true;
                if (present::relevance_text(b, old_index_) != present::relevance_text(b, new_index_)) return true;
            }
        }
        if (cited) return false;
    }
    return false;
}

Where Names::editorial(const Where& w, const std::string& key, const std::string& id, const std::string& place) const {
    Where out = w;
    out.location = w.location + "/" + key + "/" + id;
    out.place = place;
    out.record = key == "accept" ? "accepted warning" : key == "review" ? "review entry" : "unplaced content";
    out.visible = false;
    return out;
}

}  // namespace itucollab::diff
