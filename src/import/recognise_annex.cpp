// Recognising the annex: introduction, benefits, the six-column mechanisms table, its note, citations.
#include "recognise_impl.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace itucollab::import {

using namespace detail;

namespace {

// Splits a trailing note mark ("*", "**", "†") from a heading.
std::pair<std::string, std::string> split_mark(const std::string& heading) {
    std::string text = trim(heading);
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '*') --end;
    if (end < text.size() && end > 0) return {trim(text.substr(0, end)), text.substr(end)};
    for (const char* dagger : {"\u2020", "\u2021"}) {
        if (text.ends_with(dagger) && text.size() > 3) return {trim(text.substr(0, text.size() - 3)), dagger};
    }
    return {text, ""};
}

std::string cell_plain(const CellBlock& c) {
    std::string out;
    for (const Para& p : c.paragraphs) {
        std::string t = trim(p.text());
        if (t.empty()) continue;
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

// The registry entry a published label stands for: "PP Res. 131 (Rev. Dubai, 2018)".
Instrument parse_label(const std::string& label) {
    Instrument ins;
    static const std::regex generated(R"(^(\S+) (Res|Dec|Rec|Decl)\. (\S+) \((Rev\. )?([^,()]+), (\d{4})\)$)");
    std::smatch m;
    if (label.size() > 200) {  // no published label is this long; std::regex recurses per character
        ins.label = label;
        ins.body = label.substr(0, std::min<std::size_t>(label.find(' '), 32));
        ins.kind = "resolution";
        return ins;
    }
    if (std::regex_match(label, m, generated)) {
        ins.body = m[1];
        std::string abbr = m[2];
        ins.kind = abbr == "Res" ? "resolution" : abbr == "Dec" ? "decision" : abbr == "Rec" ? "recommendation" : "declaration";
        ins.number = m[3];
        ins.revised = m[4].matched;
        ins.place = m[5];
        ins.year = std::stoi(m[6]);
        return ins;
    }
    // A label of its own: its parts guessed, the label kept as published.
    ins.label = label;
    std::string lower = label;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ins.body = label.substr(0, label.find(' '));
    ins.kind = lower.find("decl") != std::string::npos  ? "declaration"
               : lower.find("dec.") != std::string::npos ? "decision"
               : lower.find("rec") != std::string::npos  ? "recommendation"
                                                         : "resolution";
    static const std::regex year(R"(\b(1[89]\d\d|20\d\d)\b)");
    for (auto it = std::sregex_iterator(label.begin(), label.end(), year); it != std::sregex_iterator(); ++it) {
        ins.year = std::stoi((*it)[1]);
    }
    static const std::regex number(R"(\s(\d+[A-Za-z]?)\b)");
    if (std::regex_search(label, m, number) && std::stoi(m[1]) != ins.year) ins.number = m[1];
    static const std::regex place(R"(\((?:Rev\.\s*)?([^,()]+?)[, ]+\d{4}\))");
    if (std::regex_search(label, m, place)) {
        ins.place = trim(m[1]);
        ins.revised = label.find("Rev.") != std::string::npos;
    }
    return ins;
}

// Drops the printed mark of the note, "(*) ", and the bare custom mark some producers write before it.
void strip_note_mark(std::vector<Run>& runs, const std::string& mark) {
    std::string text;
    for (const Run& r : runs) text += r.text;
    std::size_t at = 0;
    if (!mark.empty() && text.compare(0, mark.size(), mark) == 0 && text.size() > mark.size() &&
        (text[mark.size()] == '\t' || text[mark.size()] == ' ')) {
        at = text.find_first_not_of(" \t", mark.size());
    }
    std::string lead = "(" + mark + ")";
    if (at != std::string::npos && text.compare(at, lead.size(), lead) == 0) at += lead.size();
    if (at != std::string::npos && at > 0) strip_prefix(runs, at);
}

// Published labels use ordinary spaces; producers such as pandoc put no-break spaces after "Rev.".
std::string ordinary_spaces(std::string s) {
    for (std::size_t at = s.find("\u00a0"); at != std::string::npos; at = s.find("\u00a0", at)) s.replace(at, 2, " ");
    return s;
}

bool looks_like_label(const std::string& line) {
    static const std::regex tail(R"(\([^()]*\d{4}[^()]*\)$)");
    return line.size() < 120 && std::regex_search(line, tail);
}

}  // namespace

void Recogniser::annex_paragraph(const Para& p) {
    if (!has_content(p)) return;
    Annex& a = out_.document.annex;
    std::vector<Run> runs = p.runs;
    trim_runs(runs);
    std::string text = trim(p.text());
    if (p.outline_level == 1 && a.title.empty()) {
        a.title = text;
        return;
    }
    if (table_seen_) {
        // The note printed under the table by producers without custom footnote marks.
        std::string mark = a.note.mark.empty() ? "*" : a.note.mark;
        std::string lead = "(" + mark + ")";
        if (a.note.text.source.empty() && text.starts_with(lead)) {
            strip_prefix(runs, lead.size());
            a.note.text = make_text(markup(runs));
            if (a.note.mark.empty()) a.note.mark = mark;
            return;
        }
        unplaced(where(p), text);
        return;
    }
    if (p.numbered || p.bullet || p.style_name.find("list") != std::string::npos) {
        std::size_t typed = 0;
        static const std::regex number(R"(^\d+\.[ \t]+)");
        std::smatch m;
        std::string head = text.substr(0, 16);
        if (!p.numbered && std::regex_search(head, m, number)) typed = static_cast<std::size_t>(m.length(0));
        if (typed) strip_prefix(runs, typed);
        a.benefits.push_back(make_text(markup(runs)));
        return;
    }
    if (!a.benefits.empty()) {
        unplaced(where(p), text);
        return;
    }
    intro_pieces_.push_back(markup(runs));
}

void Recogniser::annex_table(const Table& t) {
    Annex& a = out_.document.annex;
    if (table_seen_ || t.rows.empty()) {
        for (const auto& row : t.rows) {
            for (const auto& cell : row) {
                for (const Para& p : cell.paragraphs) {
                    if (has_content(p)) unplaced("annex, " + p.where, p.text());
                }
            }
        }
        return;
    }
    table_seen_ = true;
    // Grid columns: a cell spanning several counts once, at its first column.
    auto columns = [](const std::vector<CellBlock>& row) {
        std::vector<const CellBlock*> out;
        for (const CellBlock& c : row) {
            out.push_back(&c);
            for (int i = 1; i < c.span; ++i) out.push_back(nullptr);
        }
        return out;
    };
    std::vector<const CellBlock*> head = columns(t.rows.front());
    std::array<std::string*, 6> headings{&a.headings.name,       &a.headings.key_activity, &a.headings.relevance,
                                         &a.headings.frequency,  &a.headings.time_spent,   &a.headings.financial};
    static const std::array<const char*, 6> keys{"name", "key_activity", "relevance", "frequency", "time_spent", "financial"};
    for (std::size_t i = 0; i < head.size() && i < 6; ++i) {
        if (!head[i]) continue;
        for (const Para& p : head[i]->paragraphs) {
            for (const Run& r : p.runs) {
                if (!r.footnote.empty() && note_wid_.empty()) note_wid_ = r.footnote;
            }
        }
        auto [text, mark] = split_mark(cell_plain(*head[i]));
        *headings[i] = text;
        if (!mark.empty()) {
            a.note.mark = mark;
            a.note.columns.push_back(keys[i]);
        }
    }
    if (head.size() != 6) unplaced("annex, " + t.where + " row 1", fmt::format("{} columns where 6 are expected", head.size()));
    std::vector<const CellBlock*> above;
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
        std::vector<const CellBlock*> cells = columns(t.rows[r]);
        // A cell continuing a vertical merge carries the value of the cell above.
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c] && cells[c]->merged_from_above && c < above.size() && above[c]) cells[c] = above[c];
        }
        above = cells;
        mechanism_row(cells, fmt::format("annex, {} row {}", t.where, r + 1));
    }
}

void Recogniser::mechanism_row(const std::vector<const CellBlock*>& cells, const std::string& where) {
    if (cells.size() != 6) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c] && !cell_plain(*cells[c]).empty()) {
                unplaced(fmt::format("{} column {}", where, c + 1), cell_plain(*cells[c]));
            }
        }
        return;
    }
    auto text_cell = [&](const CellBlock* c) -> Cell {
        if (!c) return std::nullopt;
        std::vector<std::string> pieces;
        for (const Para& p : c->paragraphs) {
            std::vector<Run> runs = p.runs;
            trim_runs(runs);
            if (!runs.empty()) pieces.push_back(markup(runs));
        }
        if (pieces.empty()) return std::nullopt;
        return make_text(fmt::format("{}", fmt::join(pieces, "\n")));
    };
    Mechanism m;
    m.name = cells[0] ? cell_plain(*cells[0]) : "";
    if (m.name.empty()) {
        for (std::size_t c = 1; c < 6; ++c) {
            if (cells[c] && !cell_plain(*cells[c]).empty()) unplaced(fmt::format("{} column {}", where, c + 1), cell_plain(*cells[c]));
        }
        return;
    }
    static const std::regex acronym(R"(\(([A-Z][A-Za-z0-9&\-]*[A-Z0-9])\)$)");
    std::smatch match;
    std::string tail = m.name.size() > 64 ? m.name.substr(m.name.size() - 64) : m.name;
    if (std::regex_search(tail, match, acronym)) m.acronym = match[1];
    std::vector<std::string> marks;
    if (cells[0]) {
        for (const Para& p : cells[0]->paragraphs) marks.insert(marks.end(), p.bookmarks.begin(), p.bookmarks.end());
    }
    m.id.value = record_id(marks, m.acronym ? slug(*m.acronym) : slug(m.name, 4), "mechanism");
    if (!meta_.carried.empty()) {
        // Our DOCX says which acronym a row has, printed in its name or not.
        auto it = meta_.carried.acronyms.find(m.id.value);
        m.acronym = it == meta_.carried.acronyms.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    m.key_activity = text_cell(cells[1]);
    m.frequency = text_cell(cells[3]);
    m.time_spent = text_cell(cells[4]);
    m.financial = text_cell(cells[5]);
    std::size_t index = out_.document.annex.mechanisms.size();
    if (cells[2]) {
        for (const Para& p : cells[2]->paragraphs) {
            if (!has_content(p)) continue;
            std::vector<Line> lines = split_lines(p);
            const Line& first = lines.front();
            bool bold = !first.runs.empty() &&
                        std::all_of(first.runs.begin(), first.runs.end(), [](const Run& r) { return r.bold; });
            bool label = first.runs.size() > 0 && (bold || looks_like_label(first.text)) &&
                         (lines.size() > 1 || bold || parse_label(first.text).label == std::nullopt);
            if (!label) {
                std::vector<Run> runs = p.runs;
                trim_runs(runs);
                RelevanceBlock block;
                block.text = make_text(markup(runs));
                m.relevance.push_back(std::move(block));
                continue;
            }
            RelevanceBlock block;
            std::string id = instrument_for(ordinary_spaces(first.text), bold);
            block.cite = Ref{id, {}};
            std::string after;
            for (std::size_t l = 1; l < lines.size(); ++l) {
                if (l > 1) after += "\n";
                for (const Run& r : lines[l].runs) after += r.text;
            }
            citations_.push_back({index, m.relevance.size(), id, after});
            m.relevance.push_back(std::move(block));
        }
    }
    out_.document.annex.mechanisms.push_back(std::move(m));
}

std::string Recogniser::instrument_for(const std::string& label, bool /*bold*/) {
    if (auto it = instrument_index_.find(label); it != instrument_index_.end()) return it->second;
    Instrument ins = parse_label(label);
    std::string base = ins.label && ins.number.empty() ? slug(*ins.label, 5)
                                 : fmt::format("{}-{}-{}", slug(ins.body), ins.kind == "resolution" ? "res"
                                                                              : ins.kind == "decision" ? "dec"
                                                                              : ins.kind == "recommendation" ? "rec"
                                                                                                             : "decl",
                                               slug(ins.number));
    ins.id.value = unique_id(base);
    out_.document.instruments.push_back(ins);
    instrument_index_.try_emplace(label, ins.id.value);
    return ins.id.value;
}

void Recogniser::finish_annex() {
    Annex& a = out_.document.annex;
    a.intro = make_text(fmt::format("{}", fmt::join(intro_pieces_, "\n")));
    if (!note_wid_.empty()) {
        if (auto it = body_.footnotes.find(note_wid_); it != body_.footnotes.end()) {
            std::vector<std::string> pieces;
            for (const Para& p : it->second) {
                std::vector<Run> runs = p.runs;
                trim_runs(runs);
                if (pieces.empty()) strip_note_mark(runs, a.note.mark);
                if (!runs.empty()) pieces.push_back(runs_markup(runs, note_ids_));
            }
            a.note.text = make_text(fmt::format("{}", fmt::join(pieces, "\n")));
        }
    }
    // An instrument's title is what every citation prints after its label, when one is a prefix of the others;
    // the rest of each citation is its `append`.
    for (Instrument& ins : out_.document.instruments) {
        std::vector<std::string> afters;
        for (const Citation& c : citations_) {
            if (c.instrument == ins.id.value && !c.after.empty()) afters.push_back(c.after);
        }
        if (!afters.empty() && !carried_instruments_.count(ins.id.value)) {
            std::string title = *std::min_element(afters.begin(), afters.end(),
                                                  [](const auto& x, const auto& y) { return x.size() < y.size(); });
            bool prefix = std::all_of(afters.begin(), afters.end(), [&](const std::string& s) { return s.starts_with(title); });
            if (!prefix) title = afters.front();
            ins.title = trim(title);
        }
        for (const Citation& c : citations_) {
            if (c.instrument != ins.id.value) continue;
            RelevanceBlock& block = a.mechanisms[c.mechanism].relevance[c.block];
            if (!ins.title) continue;
            if (c.after.empty()) {
                block.show_title = false;
                continue;
            }
            if (c.after.starts_with(*ins.title)) {
                std::string rest = c.after.substr(ins.title->size());
                if (!rest.empty()) block.append = rest;
            } else {
                block.show_title = false;
                block.append = c.after;
            }
        }
    }
    for (const CarriedData::Cite& c : meta_.carried.cites) {
        for (Mechanism& m : a.mechanisms) {
            if (m.id.value != c.mechanism || c.block >= m.relevance.size() || !m.relevance[c.block].cite) continue;
            m.relevance[c.block].show_title = c.show_title;
            m.relevance[c.block].append = c.append;
        }
    }
}

}  // namespace itucollab::import
