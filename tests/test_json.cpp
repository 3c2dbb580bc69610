// The JSON emitter: golden, a strict parse, key facts of the bundled corpus, escaping, schema keys.
#include "support.hpp"

#include "model/describe.hpp"

#include <itucollab/emitter.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <stdexcept>

using namespace testsupport;
using namespace itucollab;

namespace {

// A parsed JSON value; objects keep their members in document order.
struct Json {
    enum class Kind { null, boolean, number, string, array, object };
    Kind kind = Kind::null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;

    [[nodiscard]] const Json& at(const std::string& key) const {
        for (const auto& [k, v] : members)
            if (k == key) return v;
        throw std::runtime_error("no member '" + key + "'");
    }
    [[nodiscard]] std::vector<std::string> keys() const {
        std::vector<std::string> out;
        for (const auto& m : members) out.push_back(m.first);
        return out;
    }
};

// A strict RFC 8259 parser: enough to prove the output is JSON and to read it back.
class JsonParser {
public:
    explicit JsonParser(std::string_view text) : s_(text) {}

    Json parse() {
        Json v = value();
        space();
        if (pos_ != s_.size()) fail("trailing characters");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error(what + " at byte " + std::to_string(pos_));
    }
    void space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
    }
    bool take(char c) {
        space();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!take(c)) fail(std::string("expected '") + c + "'");
    }
    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    Json value() {
        space();
        if (pos_ >= s_.size()) fail("unexpected end");
        Json v;
        char c = s_[pos_];
        if (c == '{') {
            v.kind = Json::Kind::object;
            ++pos_;
            if (take('}')) return v;
            do {
                space();
                std::string key = string_literal();
                expect(':');
                v.members.emplace_back(key, value());
            } while (take(','));
            expect('}');
        } else if (c == '[') {
            v.kind = Json::Kind::array;
            ++pos_;
            if (take(']')) return v;
            do v.items.push_back(value());
            while (take(','));
            expect(']');
        } else if (c == '"') {
            v.kind = Json::Kind::string;
            v.string = string_literal();
        } else if (literal("true")) {
            v.kind = Json::Kind::boolean;
            v.boolean = true;
        } else if (literal("false")) {
            v.kind = Json::Kind::boolean;
        } else if (literal("null")) {
            v.kind = Json::Kind::null;
        } else {
            std::size_t start = pos_;
            if (s_[pos_] == '-') ++pos_;
            while (pos_ < s_.size() && std::string_view("0123456789.eE+-").find(s_[pos_]) != std::string_view::npos) ++pos_;
            if (pos_ == start) fail("unexpected character");
            v.kind = Json::Kind::number;
            v.number = std::stod(std::string(s_.substr(start, pos_ - start)));
        }
        return v;
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    unsigned hex4() {
        if (pos_ + 4 > s_.size()) fail("short \\u escape");
        unsigned v = static_cast<unsigned>(std::stoul(std::string(s_.substr(pos_, 4)), nullptr, 16));
        pos_ += 4;
        return v;
    }

    std::string string_literal() {
        if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a string");
        ++pos_;
        std::string out;
        while (true) {
            if (pos_ >= s_.size()) fail("unterminated string");
            char c = s_[pos_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail("raw control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size()) fail("unterminated escape");
            char e = s_[pos_++];
            switch (e) {
                case '"': case '\\': case '/': out += e; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF && literal("\\u")) cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
                    append_utf8(out, cp);
                    break;
                }
                default: fail("bad escape");
            }
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

Json parse_json(const std::string& text) { return JsonParser(text).parse(); }

std::string render_json(const Document& doc) { return find_emitter("json")->render(doc, {}); }

// The YAML keys `describe` declares for a record type.
struct KeyCollector {
    std::vector<std::string> keys;
    template <class T> void field(std::string_view key, T&, Need, std::string_view) { keys.emplace_back(key); }
};
template <class T> std::vector<std::string> schema_keys() {
    T record{};
    KeyCollector c;
    describe(c, record);
    return c.keys;
}

void check_has_keys(const Json& object, const std::vector<std::string>& keys) {
    auto present = object.keys();
    for (const auto& k : keys) {
        INFO("schema key " << k);
        CHECK(std::find(present.begin(), present.end(), k) != present.end());
    }
}

}  // namespace

TEST_CASE("json: the mini fixture renders as its golden, deterministically") {
    Document doc = load_mini();
    std::string json = render_json(doc);
    CHECK(json == render_json(doc));
    CHECK(json.ends_with("}\n"));
    CHECK(json.find('\t') == std::string::npos);
    check_golden("mini.json", json);
}

TEST_CASE("json: the output parses as JSON and carries the typed model") {
    Json root = parse_json(render_json(load_mini()));
    CHECK(root.keys().at(0) == "format");
    CHECK(root.at("format").string == "itucollab-report");
    CHECK(root.at("version").number == 1);
    CHECK(root.at("full_symbol").string == "C99/INF/7-E");
    CHECK(root.at("session").at("dates").string == "8-18 June 2099");
    const Json& opening = root.at("sections").items.at(0).at("paragraphs").items.at(0);
    CHECK(opening.at("number").string == "1.1");
    CHECK(opening.at("text").at("plain").string ==
          "The opening paragraph cites a footnote.[1] It also has a link and strong words.");
    CHECK(opening.at("text").at("source").string.find("[^a-note]") != std::string::npos);
    const Json& mechanisms = root.at("annex").at("mechanisms");
    REQUIRE(mechanisms.items.size() == 2);
    CHECK(mechanisms.items[0].at("time_spent").at("source").string == "2 days per meeting\nplus preparation");
    CHECK(mechanisms.items[1].at("frequency").kind == Json::Kind::null);  // a deliberately blank cell
    const Json& dec = mechanisms.items[1].at("relevance").items.at(1);
    CHECK(dec.at("instrument_label").string == "PP Dec. 5 (Rev. Dubai 2018)");
    CHECK(dec.at("title").boolean == false);
    const Json& item = root.at("sections").items.at(1).at("initiatives").items.at(0).at("items").items.at(0);
    CHECK(item.at("agency_label").string == "ICAO");
}

TEST_CASE("json: every schema key of describe.hpp appears in the output") {
    Json root = parse_json(render_json(load_mini()));
    const Json& section = root.at("sections").items.at(0);
    check_has_keys(section, schema_keys<Section>());
    check_has_keys(section.at("paragraphs").items.at(0), schema_keys<Paragraph>());
    check_has_keys(section.at("footnotes").items.at(0), schema_keys<Footnote>());
    const Json& group = root.at("sections").items.at(1).at("initiatives").items.at(0);
    check_has_keys(group, schema_keys<InitiativeGroup>());
    check_has_keys(group.at("items").items.at(0), schema_keys<InitiativeItem>());
    check_has_keys(root.at("annex"), schema_keys<Annex>());
    check_has_keys(root.at("annex").at("headings"), schema_keys<AnnexHeadings>());
    check_has_keys(root.at("annex").at("note"), schema_keys<AnnexNote>());
    const Json& mechanism = root.at("annex").at("mechanisms").items.at(0);
    check_has_keys(mechanism, schema_keys<Mechanism>());
    check_has_keys(mechanism.at("relevance").items.at(0), schema_keys<RelevanceBlock>());
    check_has_keys(root.at("session"), schema_keys<Session>());
    check_has_keys(root.at("registries"), schema_keys<RegistryFile>());
    check_has_keys(root.at("registries").at("un_entities").items.at(0), schema_keys<UnEntity>());
    check_has_keys(root.at("registries").at("instruments").items.at(0), schema_keys<Instrument>());
}

TEST_CASE("json: the bundled report round-trips its key facts") {
    std::string json = render_json(load_bundled());
    Json root = parse_json(json);
    CHECK(root.at("full_symbol").string == "C21/INF/2-E");
    CHECK(root.at("annex").at("mechanisms").items.size() == 55);
    CHECK(root.at("annex").at("headings").keys().size() == 6);

    bool found_6_3 = false;
    for (const auto& section : root.at("sections").items)
        for (const auto& p : section.at("paragraphs").items) found_6_3 = found_6_3 || p.at("number").string == "6.3";
    CHECK(found_6_3);

    bool in_registry = false;
    for (const auto& ins : root.at("registries").at("instruments").items)
        in_registry = in_registry || ins.at("printed_label").string == "PP Res. 131 (Rev. Dubai, 2018)";
    CHECK(in_registry);
    std::size_t cited = 0;
    std::size_t blank_cells = 0;
    for (const auto& m : root.at("annex").at("mechanisms").items) {
        for (const auto& b : m.at("relevance").items)
            if (b.at("instrument_label").kind == Json::Kind::string &&
                b.at("instrument_label").string == "PP Res. 131 (Rev. Dubai, 2018)")
                ++cited;
        for (const char* key : {"key_activity", "frequency", "time_spent", "financial"})
            if (m.at(key).kind == Json::Kind::null) ++blank_cells;
    }
    CHECK(cited >= 1);
    WARN("bundled JSON: " << json.size() << " bytes, 55 mechanisms, " << blank_cells << " blank cells as null, PP Res. 131 cited "
                          << cited << " times");
}

TEST_CASE("json: python's json.tool reads the bundled report") {
    if (!have_tools({tool_python3()})) return;
    std::string dir = temp_dir("json");
    std::ofstream(dir + "/report.json", std::ios::binary) << render_json(load_bundled());
    RunResult tool = run("/usr/bin/python3 -m json.tool " + dir + "/report.json > /dev/null");
    INFO(tool.output);
    CHECK(tool.status == 0);
}

TEST_CASE("json: quotes, backslashes and control characters are escaped, and other text is UTF-8 as is") {
    Document doc = load_mini();
    doc.title = "Say \"hi\" \\ to\x01 all\ttabs\nand lines — déjà vu";
    std::string json = render_json(doc);
    CHECK(json.find(R"("title": "Say \"hi\" \\ to\u0001 all\u0009tabs\u000aand lines — déjà vu")") != std::string::npos);
    std::size_t raw_controls = 0;
    for (char c : json) raw_controls += c != '\n' && static_cast<unsigned char>(c) < 0x20;
    CHECK(raw_controls == 0);
    CHECK(parse_json(json).at("title").string == doc.title);

    // the same through the corpus: a YAML double-quoted string with escapes
    Document loaded = load_mini({{"sections/02-second.yaml",
                                  replace_once(read_file(source_dir() + "/tests/fixtures/mini/sections/02-second.yaml"),
                                               "title: Initiatives", "title: \"Quote \\\" back \\\\ tab \\t end\"")}});
    Json root = parse_json(render_json(loaded));
    CHECK(root.at("sections").items.at(1).at("title").string == "Quote \" back \\ tab \t end");
}
