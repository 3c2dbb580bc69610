// Rollover of report.yaml to the next Council by minimal text edits at the parsed values' positions.
#include <itucollab/rollover.hpp>

#include "../load/yaml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace itucollab {
namespace {

// The file as lines without their '\n'; `final_newline` tells whether the last had one.
struct Lines {
    std::vector<std::string> lines;
    bool final_newline = true;

    explicit Lines(const std::string& text) {
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) {
                lines.push_back(text.substr(start));
                final_newline = false;
                return;
            }
            lines.push_back(text.substr(start, end - start));
            start = end + 1;
        }
    }

    [[nodiscard]] std::string text() const {
        std::string out;
        for (const auto& l : lines) out += l + "\n";
        return out;
    }
};

const yaml::Node* member(const yaml::Node& map, const std::string& key) {
    for (const auto& [k, v] : map.entries) {
        if (k.value == key) return &v;
    }
    return nullptr;
}

// Replaces the scalar `node`'s text `from` by `to` on its line, searching from its column.
bool replace_scalar(Lines& lines, const yaml::Node& node, const std::string& from, const std::string& to) {
    if (node.pos.line < 1 || static_cast<std::size_t>(node.pos.line) > lines.lines.size()) return false;
    std::string& line = lines.lines[static_cast<std::size_t>(node.pos.line - 1)];
    std::size_t column = node.pos.column > 0 ? static_cast<std::size_t>(node.pos.column - 1) : 0;
    std::size_t at = line.find(from, std::min(column, line.size()));
    if (at == std::string::npos) at = line.find(from);
    if (at == std::string::npos) return false;
    line.replace(at, from.size(), to);
    return true;
}

std::string yaml_scalar(const std::string& s) {
    static const std::regex plain(R"([A-Za-z0-9][A-Za-z0-9/._-]*)");
    if (std::regex_match(s, plain)) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Appends `symbol` to the references list, block or flow style.
bool append_reference(Lines& lines, const yaml::Node& key, const yaml::Node& refs, const std::string& symbol) {
    if (refs.kind != yaml::Node::Kind::sequence) return false;
    std::string& key_line = lines.lines[static_cast<std::size_t>(key.pos.line - 1)];
    std::size_t colon = key_line.find(':', static_cast<std::size_t>(std::max(0, key.pos.column - 1)));
    std::size_t open = colon == std::string::npos ? std::string::npos : key_line.find('[', colon);
    if (open != std::string::npos) {  // flow style on one line: "references: [a, b]"
        std::size_t close = key_line.rfind(']');
        if (close == std::string::npos || close < open) return false;
        bool empty = key_line.find_first_not_of(' ', open + 1) == close;
        key_line.insert(close, (empty ? "" : ", ") + yaml_scalar(symbol));
        return true;
    }
    if (refs.items.empty()) return false;
    const yaml::Node& last = refs.items.back();
    std::size_t row = static_cast<std::size_t>(last.pos.line - 1);
    const std::string& last_line = lines.lines[row];
    std::size_t column = static_cast<std::size_t>(std::max(1, last.pos.column) - 1);
    if (column > last_line.size() || last_line.find("- ") == std::string::npos) return false;
    std::string prefix = last_line.substr(0, column);
    if (prefix.find_first_not_of(" -") != std::string::npos) return false;
    lines.lines.insert(lines.lines.begin() + static_cast<std::ptrdiff_t>(row) + 1, prefix + yaml_scalar(symbol));
    return true;
}

std::string iso(const Date& d) { return iso_date(d); }

}  // namespace

Date next_year(const Date& date) {
    Date d = date;
    ++d.year;
    bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (d.month == 2 && d.day == 29 && !leap) d.day = 28;
    return d;
}

std::string next_symbol(const std::string& symbol, std::optional<int> number) {
    static const std::regex pattern(R"(C(\d{2})((?:/[A-Z]+)?)/(\d+).*)");
    std::smatch m;
    if (!std::regex_match(symbol, m, pattern)) return {};
    int year = (std::stoi(m[1].str()) + 1) % 100;
    std::string n = number ? std::to_string(*number) : m[3].str();
    return fmt::format("C{:02}{}/{}", year, m[2].str(), n);
}

std::vector<Review> date_bound_texts(const Document& doc) {
    static const std::regex years(R"(\b(19|20)\d\d\b)");
    static const std::regex months(
        R"(\b(January|February|March|April|May|June|July|August|September|October|November|December)\b)");
    std::vector<std::string> order;
    std::map<std::string, std::set<std::string>> found_years;
    std::map<std::string, std::set<std::string>> found_months;
    // Years near the session are date-bound ("in 2020"); far ones name programmes ("2030 Agenda").
    int session_year = doc.session.start.year;
    visit_texts(doc, [&](const Text& t, const std::string& owner) {
        bool any = false;
        for (std::sregex_iterator it(t.source.begin(), t.source.end(), years), end; it != end; ++it) {
            int year = std::stoi(it->str());
            if (session_year != 0 && (year < session_year - 3 || year > session_year + 1)) continue;
            found_years[owner].insert(it->str());
            any = true;
        }
        for (std::sregex_iterator it(t.source.begin(), t.source.end(), months), end; it != end; ++it) {
            found_months[owner].insert(it->str());
            any = true;
        }
        if (any && std::find(order.begin(), order.end(), owner) == order.end()) order.push_back(owner);
    });
    std::vector<Review> out;
    for (const auto& owner : order) {
        std::string list;
        for (const auto* found : {&found_years[owner], &found_months[owner]}) {
            for (const auto& w : *found) list += (list.empty() ? "" : ", ") + w;
        }
        Review r;
        r.in.id = owner;
        r.reason = "mentions " + list;
        out.push_back(std::move(r));
    }
    return out;
}

RolloverResult rollover_report(const std::string& report_yaml, const std::string& path, const Document& old_doc,
                               const RolloverOptions& options) {
    RolloverResult result;
    Diagnostics diags;
    auto root = yaml::parse(report_yaml, path, diags);
    if (!root || root->kind != yaml::Node::Kind::mapping) {
        result.error = "cannot parse " + path;
        return result;
    }
    if (member(*root, "review") != nullptr) {
        result.error = path + " still has a review: list; finish the review and remove it before rolling over";
        return result;
    }
    result.new_symbol = next_symbol(old_doc.symbol, options.number);
    if (result.new_symbol.empty()) {
        result.error = fmt::format("symbol '{}' is not a Council symbol such as C21/INF/2", old_doc.symbol);
        return result;
    }
    Lines lines(report_yaml);
    const yaml::Node* symbol = member(*root, "symbol");
    const yaml::Node* session = member(*root, "session");
    const yaml::Node* date = member(*root, "date");
    const yaml::Node* name = session ? member(*session, "name") : nullptr;
    const yaml::Node* start = session ? member(*session, "start") : nullptr;
    const yaml::Node* end = session ? member(*session, "end") : nullptr;
    const yaml::Node* refs = nullptr;
    const yaml::Node* refs_key = nullptr;
    for (const auto& [k, v] : root->entries) {
        if (k.value == "references") {
            refs_key = &k;
            refs = &v;
        }
    }
    if (!symbol || !date || !name || !start || !end || !refs) {
        result.error = path + " lacks a header field (symbol, date, session name/start/end, references)";
        return result;
    }
    bool ok = replace_scalar(lines, *symbol, old_doc.symbol, result.new_symbol);
    ok = ok && replace_scalar(lines, *date, iso(old_doc.date), iso(next_year(old_doc.date)));
    ok = ok && replace_scalar(lines, *start, iso(old_doc.session.start), iso(next_year(old_doc.session.start)));
    ok = ok && replace_scalar(lines, *end, iso(old_doc.session.end), iso(next_year(old_doc.session.end)));
    std::string old_year = std::to_string(old_doc.session.start.year);
    std::string new_year = std::to_string(old_doc.session.start.year + 1);
    bool renamed_session = old_doc.session.name.find(old_year) != std::string::npos;
    if (renamed_session) {
        std::string new_name = old_doc.session.name;
        new_name.replace(new_name.find(old_year), old_year.size(), new_year);
        ok = ok && replace_scalar(lines, *name, old_doc.session.name, new_name);
    }
    if (!ok) {
        result.error = path + ": a header value is not written on one line where the parser found it";
        return result;
    }
    // Lines are inserted from here on: the references first, the review list at the end.
    if (!append_reference(lines, *refs_key, *refs, old_doc.symbol)) {
        result.error = path + ": references is neither a block list nor a one-line flow list";
        return result;
    }
    Review header;
    header.in.id = "report";
    header.reason = renamed_session
                        ? "session name, session dates and document date advanced by one year: confirm them and the venue"
                        : "session dates and document date advanced by one year: confirm them and the venue, and "
                          "give the session its new name";
    result.reviews.push_back(header);
    for (auto& r : date_bound_texts(old_doc)) {
        if (r.in.id == "report") {
            result.reviews.front().reason += "; the summary or action required " + r.reason;
        } else {
            result.reviews.push_back(std::move(r));
        }
    }
    lines.lines.push_back("");
    lines.lines.push_back(fmt::format("# Added by `itucollab rollover` from {}: texts that may name last year's dates",
                                      old_doc.symbol));
    lines.lines.push_back("# or events. Review each, then remove its entry; `check` warns (review-needed) until then.");
    lines.lines.push_back("review:");
    for (const auto& r : result.reviews) {
        lines.lines.push_back("  - in: " + r.in.id);
        lines.lines.push_back("    reason: " + yaml_scalar(r.reason));
    }
    result.report_yaml = lines.text();
    return result;
}

}  // namespace itucollab
