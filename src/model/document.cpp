// Values derived from the model: symbols, dates, labels, numbering, and document lookups.
#include <itucollab/model.hpp>

#include <fmt/format.h>

#include <array>

namespace itucollab {

std::string language_suffix(const std::string& language) {
    static const std::array<std::pair<const char*, const char*>, 6> suffixes{
        {{"en", "E"}, {"fr", "F"}, {"es", "S"}, {"ar", "A"}, {"zh", "C"}, {"ru", "R"}}};
    for (const auto& [lang, suffix] : suffixes) {
        if (language == lang) return suffix;
    }
    return {};
}

std::string full_symbol(const Document& doc) { return doc.symbol + "-" + language_suffix(doc.language); }

std::string output_stem(const Document& doc) {
    std::string stem;
    for (char c : full_symbol(doc)) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
            stem.push_back(c);
        } else if (c == '/') {
            stem.push_back('-');
        }
    }
    // Never hidden, never "." or "..", never empty, whatever the symbol (validated, but cheap to be sure).
    stem.erase(0, stem.find_first_not_of('.'));
    return stem.empty() ? "report" : stem;
}

static const char* month_name(int month) {
    static const std::array<const char*, 12> names{"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
    return (month >= 1 && month <= 12) ? names[static_cast<std::size_t>(month - 1)] : "?";
}

std::string format_date(const Date& d) { return fmt::format("{} {} {}", d.day, month_name(d.month), d.year); }

std::string format_date_range(const Date& start, const Date& end) {
    if (start.year != end.year) return format_date(start) + "-" + format_date(end);
    if (start.month != end.month) {
        return fmt::format("{} {}-{} {} {}", start.day, month_name(start.month), end.day, month_name(end.month), end.year);
    }
    if (start.day == end.day) return format_date(start);
    return fmt::format("{}-{} {} {}", start.day, end.day, month_name(end.month), end.year);
}

std::string iso_date(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string sector_label(Sector s) {
    switch (s) {
        case Sector::br: return "BR";
        case Sector::tsb: return "TSB";
        case Sector::bdt: return "BDT";
        case Sector::gs: return "GS";
    }
    return "?";
}

std::string instrument_label(const Instrument& ins) {
    if (ins.label) return *ins.label;
    const char* abbr = ins.kind == "decision"         ? "Dec."
                       : ins.kind == "recommendation" ? "Rec."
                       : ins.kind == "declaration"    ? "Decl."
                                                      : "Res.";
    return fmt::format("{} {} {} ({}{}, {})", ins.body, abbr, ins.number, ins.revised ? "Rev. " : "", ins.place, ins.year);
}

std::array<std::pair<const char*, const std::string*>, 6> annex_columns(const AnnexHeadings& h) {
    return {{{"name", &h.name},
             {"key_activity", &h.key_activity},
             {"relevance", &h.relevance},
             {"frequency", &h.frequency},
             {"time_spent", &h.time_spent},
             {"financial", &h.financial}}};
}

std::string paragraph_number(std::size_t section_index, std::size_t paragraph_index) {
    return fmt::format("{}.{}", section_index + 1, paragraph_index + 1);
}

void visit_texts(const Document& doc, const std::function<void(const Text&, const std::string& owner)>& fn) {
    static const std::string report = "report", annex = "annex";
    fn(doc.summary, report);
    fn(doc.action_required, report);
    for (const auto& s : doc.sections) {
        for (const auto& p : s.paragraphs) {
            fn(p.text, p.id.value);
            for (const auto& b : p.bullets) fn(b, p.id.value);
        }
        for (const auto& g : s.initiatives) {
            for (const auto& t : g.intro) fn(t, s.id.value);
            for (const auto& item : g.items) fn(item.text, item.id.value);
        }
        for (const auto& f : s.footnotes) fn(f.text, f.id.value);
    }
    fn(doc.annex.intro, annex);
    for (const auto& b : doc.annex.benefits) fn(b, annex);
    for (const auto& m : doc.annex.mechanisms) {
        if (m.key_activity) fn(*m.key_activity, m.id.value);
        for (const auto& b : m.relevance) {
            if (b.text) fn(*b.text, m.id.value);
        }
        for (const Cell* cell : {&m.frequency, &m.time_spent, &m.financial}) {
            if (*cell) fn(**cell, m.id.value);
        }
    }
    fn(doc.annex.note.text, annex);
}

static void number_footnotes(const std::vector<Span>& spans, std::map<std::string, int>& numbers) {
    for (const auto& s : spans) {
        if (s.kind == Span::Kind::footnote_ref && !numbers.contains(s.text)) {
            int next = static_cast<int>(numbers.size()) + 1;
            numbers.emplace(s.text, next);
        }
        number_footnotes(s.children, numbers);
    }
}

DocumentIndex::DocumentIndex(const Document& doc) {
    for (const auto& i : doc.instruments) instruments_.emplace(i.id.value, &i);
    for (const auto& e : doc.un_entities) entities_.emplace(e.id.value, &e);
    for (const auto& s : doc.sections) {
        for (const auto& f : s.footnotes) footnotes_.emplace(f.id.value, &f);
    }
    visit_texts(doc, [&](const Text& t, const std::string&) { number_footnotes(t.spans, footnote_numbers_); });
}

template <class Map> static auto find_in(const Map& map, const std::string& id) -> typename Map::mapped_type {
    auto it = map.find(id);
    return it == map.end() ? nullptr : it->second;
}

const Instrument* DocumentIndex::instrument(const std::string& id) const { return find_in(instruments_, id); }
const UnEntity* DocumentIndex::entity(const std::string& id) const { return find_in(entities_, id); }
const Footnote* DocumentIndex::footnote(const std::string& id) const { return find_in(footnotes_, id); }

int DocumentIndex::footnote_number(const std::string& id) const {
    auto it = footnote_numbers_.find(id);
    return it == footnote_numbers_.end() ? 0 : it->second;
}

const Labels& labels_for(const std::string& /*language*/) {
    static const Labels english;
    return english;  // further languages add a table here
}

std::string plain_text(const std::vector<Span>& spans, const DocumentIndex* index) {
    std::string out;
    for (const auto& s : spans) {
        switch (s.kind) {
            case Span::Kind::text: out += s.text; break;
            case Span::Kind::footnote_ref:
                out += fmt::format("[{}]", index ? std::to_string(index->footnote_number(s.text)) : s.text);
                break;
            default: out += plain_text(s.children, index); break;
        }
    }
    return out;
}

bool allowed_link_target(std::string_view target) {
    std::string lower;
    for (char c : target.substr(0, 8)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:");
}

}  // namespace itucollab
