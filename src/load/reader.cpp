// Scalar conversions and the mapping reader behind the schema-driven loader.
#include "reader.hpp"

#include "inline_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <regex>

namespace itucollab::load {

SourceLoc loc_of(const Context& ctx, const yaml::Node& node) {
    return SourceLoc{ctx.file, node.pos.line, node.pos.column};
}

void wrong_type(Context& ctx, const yaml::Node& node, std::string_view expected) {
    std::string found = yaml::describe_kind(node);
    if (node.kind == yaml::Node::Kind::scalar) found = fmt::format("'{}'", node.value.substr(0, 40));
    std::string subject = ctx.key.empty() ? std::string("the file") : fmt::format("'{}'", ctx.key);
    ctx.diags.error("wrong-type", loc_of(ctx, node), fmt::format("{} must be {}, found {}", subject, expected, found));
}

static bool expect_scalar(const yaml::Node& node, Context& ctx, std::string_view expected) {
    if (node.kind == yaml::Node::Kind::scalar) return true;
    wrong_type(ctx, node, expected);
    return false;
}

void read_value(const yaml::Node& node, std::string& out, Context& ctx) {
    if (expect_scalar(node, ctx, "text")) out = node.value;
}

void read_value(const yaml::Node& node, int& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "a whole number")) return;
    const std::string& v = node.value;
    int value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (node.quoted || ec != std::errc{} || end != v.data() + v.size() || v.empty()) {
        if (ec == std::errc::result_out_of_range) {
            ctx.diags.error("out-of-range", loc_of(ctx, node), fmt::format("'{}' is out of range: {}", ctx.key, v));
        } else {
            wrong_type(ctx, node, "a whole number");
        }
        return;
    }
    out = value;
}

void read_value(const yaml::Node& node, bool& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "true or false")) return;
    if (!node.quoted && node.value == "true") {
        out = true;
    } else if (!node.quoted && node.value == "false") {
        out = false;
    } else {
        wrong_type(ctx, node, "true or false");
    }
}

static bool valid_date(const Date& d) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1865 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    int max = d.month == 2 ? (leap ? 29 : 28) : days[d.month - 1];
    return d.day <= max;
}

void read_value(const yaml::Node& node, Date& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "a date (YYYY-MM-DD)")) return;
    static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    Date d;
    if (std::regex_match(node.value, m, pattern)) {
        d = Date{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
    }
    if (!valid_date(d)) {
        ctx.diags.error("invalid-date", loc_of(ctx, node),
                        fmt::format("'{}' must be a calendar date written YYYY-MM-DD, found '{}'", ctx.key,
                                    node.value.substr(0, 40)));
        return;
    }
    out = d;
}

void read_value(const yaml::Node& node, Text& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "text")) return;
    out.source = node.value;
    out.loc = loc_of(ctx, node);
    // Each problem is reported where its markup was written, inside a block or quoted text too.
    out.spans = parse_inlines(out.source, [&](const std::string& code, const std::string& message, std::size_t offset) {
        yaml::Pos at = yaml::position_in_scalar(node, offset);
        ctx.diags.error(code, {ctx.file, at.line, at.column}, message);
    });
}

// [a-z0-9][a-z0-9-]{0,63}, by hand: this runs for every id of the corpus.
static bool valid_id(const std::string& s) {
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (s.empty() || s.size() > 64 || !lower_or_digit(s.front())) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return lower_or_digit(c) || c == '-'; });
}

void read_value(const yaml::Node& node, Id& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "an id")) return;
    out.value = node.value;
    out.loc = loc_of(ctx, node);
    if (!valid_id(node.value)) {
        ctx.diags.error("invalid-id", out.loc,
                        fmt::format("'{}' is not a valid id: use lower-case letters, digits and dashes "
                                    "(at most 64), found '{}'", ctx.key, node.value.substr(0, 40)));
    }
}

void read_value(const yaml::Node& node, Ref& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "an id")) return;
    out.id = node.value;
    out.loc = loc_of(ctx, node);
}

void read_value(const yaml::Node& node, FileRef& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "a file path")) return;
    out.path = node.value;
    out.loc = loc_of(ctx, node);
}

void read_value(const yaml::Node& node, Sector& out, Context& ctx) {
    if (!expect_scalar(node, ctx, "a sector")) return;
    static const std::pair<const char*, Sector> names[] = {
        {"BR", Sector::br}, {"TSB", Sector::tsb}, {"BDT", Sector::bdt}, {"GS", Sector::gs}};
    for (const auto& [name, sector] : names) {
        if (node.value == name) {
            out = sector;
            return;
        }
    }
    std::vector<std::string> all{"BR", "TSB", "BDT", "GS"};
    std::string near = closest_match(node.value, all);
    ctx.diags.error("unknown-sector", loc_of(ctx, node),
                    fmt::format("unknown sector '{}': expected BR, TSB, BDT or GS{}", node.value.substr(0, 40),
                                near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
}

void read_value(const yaml::Node& node, RelevanceBlock& out, Context& ctx) {
    if (node.kind == yaml::Node::Kind::scalar) {
        out.loc = loc_of(ctx, node);
        out.text.emplace();
        read_value(node, *out.text, ctx);
        return;
    }
    read_record(node, out, ctx);
}

MapReader::MapReader(const yaml::Node& map, Context& ctx, const char* record)
    : node_(map), ctx_(ctx), record_(record) {
    entries_.reserve(map.entries.size());
    for (const auto& entry : map.entries) entries_.emplace(entry.first.value, &entry);  // first wins
}

void MapReader::missing(std::string_view key) {
    ctx_.diags.error("missing-field", loc_of(ctx_, node_),
                     fmt::format("missing required key '{}' in {}", key, record_));
}

void MapReader::finish() {
    for (const auto& [key, value] : node_.entries) {
        if (std::find(known_.begin(), known_.end(), key.value) != known_.end()) continue;
        std::string near = ctx_.diags.full() ? std::string() : closest_match(key.value, known_);
        ctx_.diags.error("unknown-key", loc_of(ctx_, key),
                         fmt::format("unknown key '{}' in {}{}", key.value.substr(0, 60), record_,
                                     near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
    }
}

}  // namespace itucollab::load
