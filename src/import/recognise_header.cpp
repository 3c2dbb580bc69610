// Recognising the header block of a Council report: session, symbol, dates, title, summary, references.
#include "recognise_impl.hpp"

#include <fmt/format.h>

#include <regex>

namespace itucollab::import {

using namespace detail;

namespace {

const std::map<std::string, std::string>& languages_by_suffix() {
    static const std::map<std::string, std::string> map{{"E", "en"}, {"F", "fr"}, {"S", "es"},
                                                        {"A", "ar"}, {"C", "zh"}, {"R", "ru"}};
    return map;
}

bool is_rule(const std::string& text) { return !text.empty() && text.find_first_not_of("_-\u2014 ") == std::string::npos; }

}  // namespace

void Recogniser::header_lines(std::vector<Line>& lines) {
    const Labels& labels = labels_for("en");
    Document& doc = out_.document;
    // The styled title (our Title paragraph, pandoc's metadata title) and pandoc's Date/Author lines.
    std::vector<Line> rest;
    for (Line& l : lines) {
        std::string style = l.style_name.empty() ? l.style : l.style_name;
        for (char& c : style) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (style == "title" && doc.title.empty()) doc.title = l.text;
        else if (style == "date" || style == "author" || style == "subtitle" || style == "title") continue;
        else if (!l.text.empty() || !l.runs.empty()) rest.push_back(std::move(l));
    }
    std::size_t summary_at = rest.size();
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i].text == labels.summary) {
            summary_at = i;
            break;
        }
    }
    std::size_t symbol_at = summary_at;
    for (std::size_t i = 0; i < summary_at; ++i) {
        if (rest[i].text.starts_with(labels.document + " ")) {
            symbol_at = i;
            break;
        }
    }
    if (symbol_at == summary_at) {
        for (std::size_t i = 0; i < summary_at; ++i) unplaced("header, line " + std::to_string(i + 1), rest[i].text);
    } else {
        std::string full = trim(rest[symbol_at].text.substr(labels.document.size() + 1));
        static const std::regex suffix(R"(^(.+)-([A-Z])$)");
        std::smatch m;
        if (full.size() < 100 && std::regex_match(full, m, suffix) && languages_by_suffix().count(m[2])) {
            doc.symbol = m[1];
            doc.language = languages_by_suffix().at(m[2]);
        } else {
            doc.symbol = full;
        }
        if (symbol_at >= 1) doc.session.name = rest[0].text;
        if (symbol_at >= 2) {
            const std::string& line = rest[1].text;
            // The dates are the last 60 characters at most: only the commas there are tried.
            for (std::size_t comma = line.rfind(", "); comma != std::string::npos && comma > 0 && line.size() - comma < 64;
                 comma = line.rfind(", ", comma - 1)) {
                if (parse_date_range(line.substr(comma + 2), doc.session.start, doc.session.end)) {
                    doc.session.venue = line.substr(0, comma);
                    break;
                }
            }
            if (doc.session.venue.empty()) unplaced("header, line 2", line);
        }
        for (std::size_t i = 2; i < symbol_at; ++i) unplaced(fmt::format("header, line {}", i + 1), rest[i].text);
        std::size_t at = symbol_at + 1;
        if (at < summary_at) {
            if (auto d = parse_date(rest[at].text); d && d->month && d->year) {
                doc.date = *d;
                ++at;
            }
        }
        if (at < summary_at) doc.distribution = rest[at++].text;
        if (at < summary_at) doc.origin = rest[at++].text;
        if (doc.title.empty() && at < summary_at) doc.title = rest[at++].text;
        for (; at < summary_at; ++at) unplaced(fmt::format("header, line {}", at + 1), rest[at].text);
    }
    if (doc.language.empty()) doc.language = meta_.core_language.empty() ? "en" : meta_.core_language.substr(0, 2);
    // The box: Summary, Action required, References, each followed by its lines.
    std::vector<std::string>* pieces = nullptr;
    std::vector<std::string> summary, action;
    bool in_references = false;
    for (std::size_t i = summary_at; i < rest.size(); ++i) {
        const Line& l = rest[i];
        if (l.text == labels.summary) pieces = &summary, in_references = false;
        else if (l.text == labels.action_required) pieces = &action, in_references = false;
        else if (l.text == labels.references) pieces = nullptr, in_references = true;
        else if (is_rule(l.text)) continue;
        else if (in_references) {
            std::string text = l.text;
            for (const std::string& lead : {labels.documents + " ", labels.document + " "}) {
                if (text.starts_with(lead)) {
                    text = text.substr(lead.size());
                    break;
                }
            }
            std::size_t and_at = text.rfind(" and ");
            if (and_at != std::string::npos) text.replace(and_at, 5, ", ");
            std::size_t start = 0;
            for (;;) {
                std::size_t comma = text.find(", ", start);
                std::string ref = trim(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
                if (!ref.empty()) doc.references.push_back(ref);
                if (comma == std::string::npos) break;
                start = comma + 2;
            }
        } else if (pieces) {
            std::vector<Run> runs = l.runs;
            trim_runs(runs);
            pieces->push_back(markup(runs));
        } else {
            unplaced(fmt::format("header, line {}", i + 1), l.text);
        }
    }
    doc.summary = make_text(fmt::format("{}", fmt::join(summary, "\n")));
    doc.action_required = make_text(fmt::format("{}", fmt::join(action, "\n")));
    doc.short_title = !meta_.running_head.empty() ? meta_.running_head
                      : !meta_.core_title.empty() && meta_.core_title != doc.title ? meta_.core_title
                                                                                    : doc.title;
}

std::size_t Recogniser::header() {
    std::vector<Line> lines;
    std::size_t i = 0;
    for (; i < body_.blocks.size(); ++i) {
        const Block& b = body_.blocks[i];
        if (!b.is_table && b.paragraph.outline_level == 0 && has_content(b.paragraph)) break;
        std::vector<const Para*> paras;
        if (b.is_table) {
            for (const auto& row : b.table.rows) {
                for (const auto& cell : row) {
                    for (const Para& p : cell.paragraphs) paras.push_back(&p);
                }
            }
        } else {
            paras.push_back(&b.paragraph);
        }
        for (const Para* p : paras) {
            for (Line& l : split_lines(*p)) lines.push_back(std::move(l));
        }
    }
    header_lines(lines);
    return i;
}

}  // namespace itucollab::import
