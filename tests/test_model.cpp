// Derived values: numbering from order, registry expansion, symbols, dates, inline markup.
#include "support.hpp"

#include <itucollab/emitter.hpp>
#include <itucollab/model.hpp>

#include "load/inline_parser.hpp"

#include <catch2/catch.hpp>

using namespace testsupport;
using namespace itucollab;

namespace {

std::string mini_file(const std::string& rel) { return read_file(source_dir() + "/tests/fixtures/mini/" + rel); }

}  // namespace

TEST_CASE("paragraph numbers derive from order, so inserting a paragraph renumbers") {
    CHECK(paragraph_number(0, 0) == "1.1");
    CHECK(paragraph_number(5, 2) == "6.3");
    Document before = load_mini();
    std::string text_before = find_emitter("text")->render(before, {});
    CHECK(text_before.find("1.1   The opening paragraph") != std::string::npos);
    CHECK(text_before.find("1.2   The second paragraph") != std::string::npos);

    std::string inserted = replace_once(mini_file("sections/01-first.yaml"), "paragraphs:\n",
                                        "paragraphs:\n  - id: new-first\n    text: A new first paragraph.\n");
    Document after = load_mini({{"sections/01-first.yaml", inserted}});
    std::string text_after = find_emitter("text")->render(after, {});
    CHECK(text_after.find("1.1   A new first paragraph.") != std::string::npos);
    CHECK(text_after.find("1.2   The opening paragraph") != std::string::npos);
    CHECK(text_after.find("1.3   The second paragraph") != std::string::npos);
}

TEST_CASE("instrument labels expand from the registry, or take the published override") {
    Instrument res;
    res.body = "PP";
    res.kind = "resolution";
    res.number = "131";
    res.revised = true;
    res.place = "Dubai";
    res.year = 2018;
    CHECK(instrument_label(res) == "PP Res. 131 (Rev. Dubai, 2018)");
    res.kind = "recommendation";
    res.number = "7";
    res.revised = false;
    CHECK(instrument_label(res) == "PP Rec. 7 (Dubai, 2018)");
    res.label = "PP Dec. 5 (Rev. Dubai 2018)";
    CHECK(instrument_label(res) == "PP Dec. 5 (Rev. Dubai 2018)");

    std::string text = find_emitter("text")->render(load_mini(), {});
    CHECK(text.find("      PP Res. 131 (Rev. Dubai, 2018)\n      Measuring information and communication technologies\n") !=
          std::string::npos);
    CHECK(text.find("      Strategic plan for the Union for 2020-2023 - Goal 2\n") != std::string::npos);
    CHECK(text.find("      PP Dec. 5 (Rev. Dubai 2018)\n  Time spent") != std::string::npos);
}

TEST_CASE("symbols, output names and dates") {
    Document doc = load_mini();
    CHECK(full_symbol(doc) == "C99/INF/7-E");
    CHECK(output_stem(doc) == "C99-INF-7-E");
    CHECK(format_date({2021, 3, 23}) == "23 March 2021");
    CHECK(format_date_range({2021, 6, 8}, {2021, 6, 18}) == "8-18 June 2021");
    CHECK(format_date_range({2021, 6, 30}, {2021, 7, 2}) == "30 June-2 July 2021");
    CHECK(format_date_range({2021, 12, 30}, {2022, 1, 2}) == "30 December 2021-2 January 2022");
    doc.language = "fr";
    CHECK(full_symbol(doc) == "C99/INF/7-F");
}

TEST_CASE("footnotes are numbered by first reference") {
    Document doc = load_mini();
    DocumentIndex index(doc);
    CHECK(index.footnote_number("a-note") == 1);
    CHECK(index.footnote_number("nonexistent") == 0);
}

TEST_CASE("inline markup: emphasis, strong, links, footnotes, escapes, literal stars") {
    std::vector<std::string> problems;
    auto report = [&](const std::string& code, const std::string&) { problems.push_back(code); };
    auto spans = load::parse_inlines("a *b* **c** [d](https://x.org/) <mailto:e@x.org> f[^g] \\*h\\* meetings* (*)", report);
    CHECK(problems.empty());
    REQUIRE(spans.size() == 11);
    CHECK(spans[1].kind == Span::Kind::emphasis);
    CHECK(spans[3].kind == Span::Kind::strong);
    CHECK(spans[5].kind == Span::Kind::link);
    CHECK(spans[5].target == "https://x.org/");
    CHECK(spans[7].kind == Span::Kind::link);
    CHECK(spans[8].text == " f");
    CHECK(spans[9].kind == Span::Kind::footnote_ref);
    CHECK(spans[10].text == " *h* meetings* (*)");
    CHECK(plain_text(spans) == "a b c d mailto:e@x.org f[g] *h* meetings* (*)");

    load::parse_inlines("[x]() and [y](javascript:alert(1))", report);
    CHECK(problems == std::vector<std::string>{"empty-link", "link-scheme"});
    problems.clear();
    auto literal = load::parse_inlines("1) first; 2) second - [3X2] = 6 days", report);
    CHECK(problems.empty());
    CHECK(plain_text(literal) == "1) first; 2) second - [3X2] = 6 days");
}

TEST_CASE("link schemes are accepted in any case and stored in lower case") {
    std::vector<std::string> problems;
    auto report = [&](const std::string& code, const std::string&) { problems.push_back(code); };
    auto spans = load::parse_inlines("[a](htTps://X.int/Path) <MAILTO:Sg@ITU.int> [b](HTTP://x.org)", report);
    CHECK(problems.empty());
    REQUIRE(spans.size() == 5);
    CHECK(spans[0].target == "https://X.int/Path");  // only the scheme: host and path as written
    CHECK(spans[2].target == "mailto:Sg@ITU.int");
    CHECK(spans[2].children.at(0).text == "MAILTO:Sg@ITU.int");  // the visible text as written
    CHECK(spans[4].target == "http://x.org");
    CHECK(load::normalized_link_target("JaVaScRiPt:alert(1)") == "JaVaScRiPt:alert(1)");  // refused ones untouched
}

TEST_CASE("the text report of the mini fixture matches its golden") {
    check_golden("mini.txt", find_emitter("text")->render(load_mini(), {}));
}

TEST_CASE("the text width is configurable") {
    EmitOptions narrow;
    narrow.width = 40;
    std::string text = find_emitter("text")->render(load_mini(), narrow);
    std::size_t start = 0, longest = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        std::size_t chars = 0;
        for (unsigned char c : line) chars += (c & 0xC0) != 0x80;
        longest = std::max(longest, chars);
        start = end + 1;
    }
    CHECK(longest <= 40);
}
