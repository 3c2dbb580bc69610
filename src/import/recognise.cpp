// Recognising the Council report layout in a DOCX body: header block, sections, initiatives.
#include "recognise_impl.hpp"

#include "../load/inline_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace itucollab::import {

std::string slug(const std::string& text, std::size_t max_words) {
    std::string out;
    std::size_t words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 0x80) {
            if (!in_word) {
                if (words == max_words) break;
                if (!out.empty()) out += '-';
                ++words;
                in_word = true;
            }
            out += static_cast<char>(std::tolower(c));
        } else if (c != '\'') {
            in_word = false;
        }
    }
    if (out.size() > 56) out.resize(56);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

namespace detail {

// Leading blanks: spaces, tabs, line breaks and no-break spaces (two bytes in UTF-8).
std::size_t leading_blanks(const std::string& s, bool line_breaks = true) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t' || (line_breaks && s[i] == '\n')) ++i;
        else if (s.compare(i, 2, "\u00a0") == 0) i += 2;
        else break;
    }
    return i;
}

std::string trim(const std::string& s) {
    std::size_t a = leading_blanks(s);
    if (a == s.size()) return {};
    std::size_t b = s.find_last_not_of(" \t\n");
    return s.substr(a, b + 1 - a);
}

Text make_text(const std::string& source) {
    Text t;
    t.source = source;  // spans are parsed once, when the document is complete (fill_spans)
    return t;
}

void fill_spans(Document& doc) {
    auto parse = [](Text& t) {
        t.spans = load::parse_inlines(t.source, load::InlineReporter([](const std::string&, const std::string&) {}));
    };
    auto cell = [&](Cell& c) {
        if (c) parse(*c);
    };
    parse(doc.summary);
    parse(doc.action_required);
    for (Section& s : doc.sections) {
        for (Paragraph& p : s.paragraphs) {
            parse(p.text);
            for (Text& b : p.bullets) parse(b);
        }
        for (Footnote& f : s.footnotes) parse(f.text);
        for (InitiativeGroup& g : s.initiatives) {
            for (Text& t : g.intro) parse(t);
            for (InitiativeItem& i : g.items) parse(i.text);
        }
    }
    parse(doc.annex.intro);
    for (Text& b : doc.annex.benefits) parse(b);
    parse(doc.annex.note.text);
    for (Mechanism& m : doc.annex.mechanisms) {
        cell(m.key_activity);
        cell(m.frequency);
        cell(m.time_spent);
        cell(m.financial);
        for (RelevanceBlock& b : m.relevance) {
            if (b.text) parse(*b.text);
        }
    }
}

std::vector<Line> split_lines(const Para& p) {
    std::vector<Line> out(1);
    out.back().style = p.style_id;
    out.back().style_name = p.style_name;
    for (const Run& r : p.runs) {
        std::size_t start = 0;
        for (;;) {
            std::size_t nl = r.text.find('\n', start);
            Run piece = r;
            piece.text = r.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            if (!piece.text.empty() || !piece.footnote.empty()) out.back().runs.push_back(piece);
            if (nl == std::string::npos) break;
            out.emplace_back();
            out.back().style = p.style_id;
            out.back().style_name = p.style_name;
            start = nl + 1;
        }
    }
    for (Line& l : out) {
        for (const Run& r : l.runs) l.text += r.text;
        l.text = trim(l.text);
    }
    return out;
}

// Drops the first `count` characters (bytes) of text from the runs, then leading blanks.
void strip_prefix(std::vector<Run>& runs, std::size_t count) {
    bool blanks = false;
    for (auto it = runs.begin(); it != runs.end();) {
        if (!it->footnote.empty()) break;
        if (count > 0) {
            std::size_t take = std::min(count, it->text.size());
            it->text.erase(0, take);
            count -= take;
        }
        if (count == 0) blanks = true;
        if (blanks) it->text.erase(0, leading_blanks(it->text, false));
        if (it->text.empty()) {
            it = runs.erase(it);
            continue;
        }
        if (count == 0) break;
        ++it;
    }
}

void trim_runs(std::vector<Run>& runs) {
    while (!runs.empty() && runs.front().footnote.empty()) {
        std::size_t keep = runs.front().text.find_first_not_of(" \t\n");
        if (keep == std::string::npos) {
            runs.erase(runs.begin());
            continue;
        }
        runs.front().text.erase(0, keep);
        break;
    }
    while (!runs.empty() && runs.back().footnote.empty()) {
        std::size_t last = runs.back().text.find_last_not_of(" \t\n");
        if (last == std::string::npos) {
            runs.pop_back();
            continue;
        }
        runs.back().text.erase(last + 1);
        break;
    }
}

bool has_content(const Para& p) {
    for (const Run& r : p.runs) {
        if (!r.footnote.empty() || leading_blanks(r.text) < r.text.size()) return true;
    }
    return false;
}

std::optional<Date> parse_date(const std::string& text) {
    static const std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                    "July",    "August",   "September", "October", "November", "December"};
    static const std::regex pattern(R"(^\s*(\d{1,2})(?:\s+([A-Za-z]+))?(?:\s+(\d{4}))?\s*$)");
    std::smatch m;
    if (text.size() > 40 || !std::regex_match(text, m, pattern)) return std::nullopt;
    Date d;
    d.day = std::stoi(m[1]);
    if (m[2].matched) {
        auto it = std::find(months.begin(), months.end(), m[2].str());
        if (it == months.end()) return std::nullopt;
        d.month = static_cast<int>(it - months.begin()) + 1;
    }
    if (m[3].matched) d.year = std::stoi(m[3]);
    return d;
}

bool parse_date_range(const std::string& text, Date& start, Date& end) {
    if (text.size() > 60) return false;
    for (std::size_t dash = text.find('-'); dash != std::string::npos; dash = text.find('-', dash + 1)) {
        auto a = parse_date(text.substr(0, dash));
        auto b = parse_date(text.substr(dash + 1));
        if (!a || !b || !b->month || !b->year) continue;
        if (!a->month) a->month = b->month;
        if (!a->year) a->year = b->year;
        start = *a;
        end = *b;
        return true;
    }
    if (auto one = parse_date(text); one && one->month && one->year) {
        start = end = *one;
        return true;
    }
    return false;
}

}  // namespace detail

using namespace detail;

Recogniser::Recogniser(const Body& body, const PackageMetadata& meta) : body_(body), meta_(meta) {
    // Our own DOCX brings its registries, in order, and its accepted warnings.
    Document& doc = out_.document;
    for (const UnEntity& e : meta_.carried.entities) {
        if (used_ids_.insert(e.id.value).second) doc.un_entities.push_back(e);
    }
    for (const Instrument& i : meta_.carried.instruments) {
        if (!used_ids_.insert(i.id.value).second) continue;
        doc.instruments.push_back(i);
        carried_instruments_.insert(i.id.value);
    }
    doc.accepted = meta_.carried.accepted;
    doc.reviews = meta_.carried.reviews;
    for (const auto& [kind, marks] : meta_.carried.records_by_kind) {
        for (std::size_t i = 0; i < marks.size(); ++i) record_positions_.try_emplace(marks[i], kind, i);
    }
    if (!meta_.carried.ids.empty()) {
        auto add = [&](const Para& p) { present_bookmarks_.insert(p.bookmarks.begin(), p.bookmarks.end()); };
        for (const Block& b : body_.blocks) {
            if (!b.is_table) add(b.paragraph);
            for (const auto& row : b.table.rows) {
                for (const auto& cell : row) {
                    for (const Para& p : cell.paragraphs) add(p);
                }
            }
        }
        for (const auto& [wid, paras] : body_.footnotes) {
            for (const Para& p : paras) add(p);
        }
    }
    for (const UnEntity& e : doc.un_entities) entity_index_.try_emplace(e.acronym, e.id.value);
    for (const Instrument& i : doc.instruments) instrument_index_.try_emplace(instrument_label(i), i.id.value);
}

// The id the record's bookmark stands for. A record whose bookmark was lost in editing takes the id of
// the next record of its kind in reading order when the document no longer holds that record's
// bookmark (matched by position); else an id derived from its text.
std::string Recogniser::record_id(const std::vector<std::string>& bookmarks, const std::string& fallback, const char* kind) {
    const auto& ids = meta_.carried.ids;
    std::size_t& cursor = kind_cursor_[kind];
    for (const std::string& mark : bookmarks) {
        auto it = ids.find(mark);
        if (it == ids.end()) continue;
        if (auto at = record_positions_.find(mark); at != record_positions_.end() && at->second.first == kind) {
            cursor = at->second.second + 1;
        }
        if (!it->second.empty() && used_ids_.insert(it->second).second) return it->second;
    }
    auto list = meta_.carried.records_by_kind.find(kind);
    if (list != meta_.carried.records_by_kind.end() && cursor < list->second.size()) {
        const std::string& next = list->second[cursor];
        auto it = ids.find(next);
        if (!present_bookmarks_.count(next) && it != ids.end() && used_ids_.insert(it->second).second) {
            ++cursor;
            return it->second;
        }
    }
    return unique_id(fallback);
}

std::string Recogniser::unique_id(std::string base) {
    if (base.empty()) base = "x";
    std::string id = base;
    // Each base remembers its next suffix, so many records of one text cost no more than one each.
    for (int& n = next_suffix_[base]; !used_ids_.insert(id).second;) id = fmt::format("{}-{}", base, n == 0 ? (n = 2) : ++n);
    return id;
}

std::string Recogniser::markup(const std::vector<Run>& runs) {
    for (const Run& r : runs) {
        if (!r.footnote.empty()) note_referenced(r.footnote);
    }
    return runs_markup(runs, note_ids_);
}

void Recogniser::note_referenced(const std::string& wid) {
    if (wid == note_wid_ || note_ids_.count(wid)) return;
    auto it = body_.footnotes.find(wid);
    if (it == body_.footnotes.end()) return;
    std::string text;
    for (const Para& p : it->second) text += p.text() + " ";
    std::vector<std::string> marks;
    for (const Para& p : it->second) marks.insert(marks.end(), p.bookmarks.begin(), p.bookmarks.end());
    std::string id = record_id(marks, slug(trim(text), 4), "footnote");
    note_ids_[wid] = id;
    pending_notes_.emplace_back(wid, id);
}

// Footnotes are defined by the section that first refers to them (the last one for the annex).
void Recogniser::flush_notes() {
    Document& doc = out_.document;
    if (pending_notes_.empty() || doc.sections.empty()) return;
    Section& target = doc.sections.back();
    for (const auto& [wid, id] : pending_notes_) {
        std::vector<std::string> pieces;
        for (const Para& p : body_.footnotes.at(wid)) {
            std::vector<Run> runs = p.runs;
            trim_runs(runs);
            if (!runs.empty()) pieces.push_back(runs_markup(runs, note_ids_));
        }
        Footnote note;
        note.id.value = id;
        note.text = make_text(fmt::format("{}", fmt::join(pieces, "\n")));
        target.footnotes.push_back(std::move(note));
    }
    pending_notes_.clear();
}

void Recogniser::unplaced(const std::string& where, const std::string& text) {
    out_.unplaced.push_back({where, trim(text)});
}

Recognised Recogniser::run() {
    Document& doc = out_.document;
    std::size_t i = header();
    for (; i < body_.blocks.size(); ++i) {
        const Block& b = body_.blocks[i];
        if (b.is_table) {
            if (in_annex_) annex_table(b.table);
            else {
                for (const auto& row : b.table.rows) {
                    for (const auto& cell : row) {
                        for (const Para& p : cell.paragraphs) {
                            if (has_content(p)) unplaced(p.where, p.text());
                        }
                    }
                }
            }
            continue;
        }
        const Para& p = b.paragraph;
        if (p.outline_level == 0 && has_content(p)) {
            flush_notes();
            std::string text = trim(p.text());
            const Labels& labels = labels_for(doc.language);
            if (text == labels.annex || text.starts_with(labels.annex + "\n") || text.starts_with(labels.annex + " ")) {
                in_annex_ = true;
                std::size_t nl = text.find('\n');
                if (nl != std::string::npos) doc.annex.title = trim(text.substr(nl + 1));
                continue;
            }
            start_section(p);
            continue;
        }
        if (in_annex_) annex_paragraph(p);
        else section_paragraph(p);
    }
    flush_notes();
    finish_annex();
    fill_spans(out_.document);
    return std::move(out_);
}

void Recogniser::start_section(const Para& p) {
    Section s;
    std::string title = trim(p.text());
    static const std::regex typed(R"(^(\d+)\.?[ \t\u00a0]+)");
    std::smatch m;
    std::string head = title.substr(0, 16);  // std::regex recurses per character: only the start is read
    if (!p.numbered && std::regex_search(head, m, typed) &&
        std::stoul(m[1]) == out_.document.sections.size() + 1) {
        title = trim(title.substr(static_cast<std::size_t>(m.length(0))));
    }
    std::replace(title.begin(), title.end(), '\n', ' ');
    s.title = title;
    s.id.value = record_id(p.bookmarks, slug(title, 5), "section");
    out_.document.sections.push_back(std::move(s));
}

std::string Recogniser::where(const Para& p) const {
    if (in_annex_) return "annex, " + p.where;
    if (out_.document.sections.empty()) return p.where;
    return fmt::format("section {}, {}", out_.document.sections.size(), p.where);
}

// A paragraph number typed in the text ("3.2 ") when Word numbering is absent; the prefix length or 0.
std::size_t Recogniser::typed_paragraph_number(const Para& p) const {
    static const std::regex typed(R"(^(\d+)\.(\d+)\.?[ \t\u00a0]+)");
    std::string text = p.text().substr(0, 24);
    std::smatch m;
    if (!std::regex_search(text, m, typed)) return 0;
    if (std::stoul(m[1]) != out_.document.sections.size()) return 0;
    return static_cast<std::size_t>(m.length(0));
}

void Recogniser::section_paragraph(const Para& p) {
    if (!has_content(p)) return;
    Document& doc = out_.document;
    if (doc.sections.empty()) {
        unplaced(where(p), p.text());
        return;
    }
    Section& s = doc.sections.back();
    std::string text = trim(p.text());
    if (p.outline_level == 1) {
        static const std::map<std::string, Sector> sectors{
            {"BR", Sector::br}, {"TSB", Sector::tsb}, {"BDT", Sector::bdt}, {"GS", Sector::gs}};
        if (auto it = sectors.find(text); it != sectors.end()) {
            InitiativeGroup g;
            g.sector = it->second;
            s.initiatives.push_back(std::move(g));
            return;
        }
        unplaced(where(p), text);
        return;
    }
    bool is_bullet = p.bullet || p.style_name.find("list bullet") != std::string::npos;
    std::vector<Run> runs = p.runs;
    bool numbered = p.numbered && !p.bullet && p.number.find('.') != std::string::npos &&
                    p.number.back() != '.';
    if (!p.numbered) {
        if (std::size_t n = typed_paragraph_number(p)) {
            strip_prefix(runs, n);
            numbered = true;
        }
    }
    trim_runs(runs);
    if (!s.initiatives.empty()) {
        InitiativeGroup& g = s.initiatives.back();
        if (is_bullet) {
            g.items.push_back(initiative_item(g, runs, p.bookmarks));
            return;
        }
        if (g.items.empty() && !numbered) {
            g.intro.push_back(make_text(markup(runs)));
            return;
        }
        unplaced(where(p), text);
        return;
    }
    if (numbered) {
        Paragraph para;
        std::string plain;
        for (const Run& r : runs) plain += r.text;
        para.id.value = record_id(p.bookmarks, slug(plain, 5), "paragraph");
        para.text = make_text(markup(runs));
        s.paragraphs.push_back(std::move(para));
        return;
    }
    if (s.paragraphs.empty()) {
        unplaced(where(p), text);
        return;
    }
    Paragraph& last = s.paragraphs.back();
    if (is_bullet) {
        last.bullets.push_back(make_text(markup(runs)));
    } else if (last.bullets.empty()) {
        last.text.source += "\n" + markup(runs);
    } else {
        unplaced(where(p), text);
    }
}

InitiativeItem Recogniser::initiative_item(const InitiativeGroup& group, std::vector<Run> runs,
                                           const std::vector<std::string>& bookmarks) {
    InitiativeItem item;
    static const std::regex label(R"(^([A-Za-z0-9][A-Za-z0-9&/.\- ]{0,40}):\s*$)");
    std::smatch m;
    if (!runs.empty() && runs.front().footnote.empty() && (runs.front().bold || runs.front().style == "AgencyLabel") &&
        runs.front().text.size() < 48 && std::regex_match(runs.front().text, m, label)) {
        std::string acronym = trim(m[1]);
        item.agency = Ref{entity_for(acronym), {}};
        runs.erase(runs.begin());
        trim_runs(runs);
    }
    std::string plain;
    for (const Run& r : runs) plain += r.text;
    std::string base = sector_label(group.sector);
    for (char& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    item.id.value = record_id(bookmarks, item.agency ? base + "-" + item.agency->id : slug(plain, 5), "item");
    item.text = make_text(markup(runs));
    return item;
}

std::string Recogniser::entity_for(const std::string& acronym) {
    if (auto it = entity_index_.find(acronym); it != entity_index_.end()) return it->second;
    UnEntity e;
    e.acronym = acronym;
    e.name = acronym;
    e.id.value = unique_id(slug(acronym, 6));
    out_.document.un_entities.push_back(e);
    entity_index_.try_emplace(e.acronym, e.id.value);
    return e.id.value;
}

Recognised recognise(const Body& body, const PackageMetadata& meta) { return Recogniser(body, meta).run(); }

}  // namespace itucollab::import
