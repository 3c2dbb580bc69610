// The HTML emitter: golden page, structure and anchors, escaping, seed coverage, vnu and axe-core.
#include "support.hpp"
#include "word_coverage.hpp"

#include "emit/html_markup.hpp"

#include <itucollab/emitter.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

using namespace testsupport;
using namespace itucollab;
namespace fs = std::filesystem;
namespace markup = itucollab::emit::html;

namespace {

EmitOptions source_templates() {
    EmitOptions options;
    options.templates_dir = source_dir() + "/templates";
    return options;
}

std::string render_html(const Document& doc, const EmitOptions& options = source_templates()) {
    return find_emitter("html")->render(doc, options);
}

std::string mini_file(const std::string& rel) { return read_file(source_dir() + "/tests/fixtures/mini/" + rel); }

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
    auto start = text.find(open);
    REQUIRE(start != std::string::npos);
    auto end = text.find(close, start);
    REQUIRE(end != std::string::npos);
    return text.substr(start, end - start);
}

// The text a reader sees: the body without tags, entities decoded, block boundaries as spaces.
std::string visible_text(const std::string& html) {
    std::string body = between(html, "<body>", "</body>");
    static const std::set<std::string> inline_tags{"a", "abbr", "em", "strong", "span", "sup", "time"};
    std::string out;
    for (std::size_t i = 0; i < body.size();) {
        if (body[i] == '<') {
            std::size_t end = body.find('>', i);
            std::string name = body.substr(i + 1, end - i - 1);
            if (!name.empty() && name[0] == '/') name.erase(0, 1);
            name = name.substr(0, name.find_first_of(" \n"));
            if (!inline_tags.contains(name)) out += ' ';
            i = end + 1;
        } else if (body[i] == '&') {
            std::size_t end = body.find(';', i);
            std::string entity = body.substr(i + 1, end - i - 1);
            if (entity == "amp") out += '&';
            else if (entity == "lt") out += '<';
            else if (entity == "gt") out += '>';
            else if (entity == "quot") out += '"';
            else if (entity == "#39") out += '\'';
            else FAIL("unexpected entity &" << entity << ";");
            i = end + 1;
        } else {
            out += body[i++];
        }
    }
    return out;
}

// Every value of attribute `name` in the page, in order.
std::vector<std::string> attribute_values(const std::string& html, const std::string& name) {
    std::vector<std::string> values;
    std::regex pattern(" " + name + "=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), pattern); it != std::sregex_iterator(); ++it)
        values.push_back((*it)[1]);
    return values;
}

// Writes `content` to a fresh temp file; the directories go when the test case's Scratch does.
struct Scratch {
    std::vector<std::string> dirs;
    ~Scratch() {
        std::error_code ec;
        for (const auto& d : dirs) fs::remove_all(d, ec);
    }
    std::string dir(const std::string& tag) { return dirs.emplace_back(temp_dir(tag)); }
    std::string file(const std::string& tag, const std::string& name, const std::string& content) {
        std::string path = dir(tag) + "/" + name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
};

}  // namespace

TEST_CASE("html: the mini fixture renders as its golden page") {
    Scratch scratch;
    // A stub stylesheet keeps the golden about the markup, not about styling.
    std::string templates = scratch.dir("html-templates");
    fs::create_directories(templates + "/html");
    std::ofstream(templates + "/html/style.css") << "/* stub stylesheet */\n";
    EmitOptions options;
    options.templates_dir = templates;
    std::string html = render_html(load_mini(), options);
    CHECK(html.find("<style>\n/* stub stylesheet */\n</style>") != std::string::npos);
    check_golden("mini.html", html);
}

TEST_CASE("html: the stylesheet comes from the templates directory and is inlined") {
    Scratch scratch;
    std::string html = render_html(load_mini());
    std::string css = read_file(source_dir() + "/templates/html/style.css");
    CHECK(html.find("<style>\n" + css) != std::string::npos);
    CHECK(css.find("display: table-header-group") != std::string::npos);
    CHECK(css.find("size: A4") != std::string::npos);

    // A user stylesheet cannot close the <style> element early.
    std::string templates = scratch.dir("html-hostile-css");
    fs::create_directories(templates + "/html");
    std::ofstream(templates + "/html/style.css") << "p { color: red } </style><script>alert(1)</script>\n";
    EmitOptions options;
    options.templates_dir = templates;
    std::string hostile = render_html(load_mini(), options);
    CHECK(count(hostile, "</style>") == 1);
    CHECK(hostile.find("<\\/style><script>alert(1)<\\/script>") < hostile.find("</style>"));
    CHECK(hostile.find("<script", hostile.find("</style>")) == std::string::npos);

    options.templates_dir = scratch.dir("html-no-templates");
    CHECK_THROWS_WITH(render_html(load_mini(), options), Catch::Contains("html/style.css"));
}

TEST_CASE("html: the bundled report has the Council header, anchors and the 55-row annex table") {
    std::string html = render_html(load_bundled());
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK(html.find("<title>Collaboration with UN system</title>") != std::string::npos);
    CHECK(count(html, "<h1") == 1);
    CHECK(html.find("<h1 class=\"doc-title\">COLLABORATION WITH THE UNITED NATIONS SYSTEM</h1>") != std::string::npos);
    CHECK(html.find("<p class=\"doc-symbol\">Document C21/INF/2-E</p>") != std::string::npos);
    CHECK(html.find("<time datetime=\"2021-03-23\">23 March 2021</time>") != std::string::npos);

    // Sections, paragraphs, annex and mechanisms have stable anchors; the contents link to them.
    CHECK(count(html, "<section class=\"section\" id=\"section-") == 9);
    CHECK(html.find("<h2 id=\"section-6-title\"><span class=\"section-number\">6</span> Inter-agency Coordination</h2>") !=
          std::string::npos);
    CHECK(html.find("<p class=\"para\" id=\"para-6-3\"><span class=\"para-number\">6.3</span> In the HLCM") !=
          std::string::npos);
    CHECK(html.find("id=\"annex\"") != std::string::npos);
    CHECK(html.find("<tr id=\"mechanism-") != std::string::npos);
    std::string nav = between(html, "<nav", "</nav>");
    CHECK(count(nav, "<a href=\"#section-") == 9);
    CHECK(nav.find("<a href=\"#annex\">") != std::string::npos);

    // Ids are unique and every in-page link lands on one; other links are http(s) or mailto only.
    std::vector<std::string> ids = attribute_values(html, "id");
    std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    for (const auto& href : attribute_values(html, "href")) {
        INFO("href=" << href);
        if (href.starts_with("#")) {
            CHECK(unique.contains(href.substr(1)));
        } else {
            CHECK(markup::is_safe_href(href));
        }
    }

    // Sector groups with their agency labels.
    CHECK(count(html, "<h3 id=\"section-7-") == 4);
    CHECK(html.find("<strong class=\"agency\"><abbr title=\"United Nations Office for Outer Space Affairs\">UNOOSA</abbr>:"
                    "</strong>") != std::string::npos);

    // The annex table: caption, six column headers (two marked), one row per mechanism.
    std::string table = between(html, "<table class=\"mechanisms\">", "</table>");
    CHECK(table.find("<caption>") != std::string::npos);
    std::string thead = between(table, "<thead>", "</thead>");
    CHECK(count(thead, "<th scope=\"col\"") == 6);
    CHECK(thead.find("Frequency of meetings<a class=\"note-mark\" href=\"#annex-note\">*</a></th>") != std::string::npos);
    CHECK(count(thead, "class=\"note-mark\"") == 2);
    std::string tbody = between(table, "<tbody>", "</tbody>");
    CHECK(count(tbody, "<tr") == 55);
    CHECK(count(tbody, "<th scope=\"row\">") == 55);
    CHECK(count(tbody, "<td") == 55 * 5);
    CHECK(html.find("<p class=\"annex-note\" id=\"annex-note\">(*) More than half") != std::string::npos);

    // Footnotes link to the notes list and back.
    CHECK(html.find("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>") != std::string::npos);
    CHECK(html.find("<li id=\"fn-1\" value=\"1\">") != std::string::npos);
    CHECK(html.find("href=\"#fnref-1\"") != std::string::npos);

    // Standalone: no script, no external resources of any kind.
    CHECK(html.find("<script") == std::string::npos);
    for (const char* loader : {"<link", "<img", "<iframe", "<object", "<embed", "src=", "url(", "@import", "srcset="}) {
        INFO("found " << loader);
        CHECK(html.find(loader) == std::string::npos);
    }
    std::size_t http_mentions = count(html, "http://") + count(html, "https://");
    std::size_t http_links = count(html, "href=\"http://") + count(html, "href=\"https://");
    CHECK(http_mentions == http_links);
}

TEST_CASE("html: the mini report's table cells, relevance blocks and blank cells") {
    std::string html = render_html(load_mini());
    CHECK(html.find("<td class=\"col-time-spent\"><p>2 days per meeting</p><p>plus preparation</p></td>") !=
          std::string::npos);
    CHECK(html.find("<p class=\"instrument\"><span class=\"instrument-label\">PP Res. 71 (Rev. Dubai, 2018)</span><br>"
                    "<span class=\"instrument-title\">Strategic plan for the Union for 2020-2023 - Goal 2</span></p>") !=
          std::string::npos);
    CHECK(html.find("<span class=\"instrument-label\">PP Dec. 5 (Rev. Dubai 2018)</span></p></td>") != std::string::npos);
    CHECK(html.find("<td class=\"col-frequency\"></td>") != std::string::npos);
    CHECK(html.find("<a href=\"https://www.itu.int/\">link</a> and <strong>strong</strong>") != std::string::npos);
    CHECK(html.find("tests <em>every</em> construct") != std::string::npos);
}

TEST_CASE("html: text and attribute values from the corpus are escaped") {
    std::string section = replace_once(mini_file("sections/01-first.yaml"), "text: \"The second paragraph has bullets:\"",
                                       "text: 'Beware <script>alert(1)</script> & \"quotes\" here.'");
    std::string registry = replace_once(mini_file("registry/registry.yaml"), "name: International Civil Aviation Organization",
                                        "name: 'The \"Civil\" <Aviation> & Co'");
    std::string report = replace_once(mini_file("report.yaml"), "short_title: Mini report", "short_title: 'Mini </title> & co'");
    std::string html = render_html(
        load_mini({{"sections/01-first.yaml", section}, {"registry/registry.yaml", registry}, {"report.yaml", report}}));
    CHECK(html.find("Beware &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\" here.") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<abbr title=\"The &quot;Civil&quot; &lt;Aviation&gt; &amp; Co\">ICAO</abbr>") != std::string::npos);
    CHECK(html.find("<title>Mini &lt;/title&gt; &amp; co</title>") != std::string::npos);
}

TEST_CASE("html: only http, https and mailto links, and ids prefixed and de-duplicated") {
    CHECK(markup::is_safe_href("https://www.itu.int/"));
    CHECK(markup::is_safe_href("HTTP://example.org"));
    CHECK(markup::is_safe_href("mailto:someone@itu.int"));
    CHECK_FALSE(markup::is_safe_href("javascript:alert(1)"));
    CHECK_FALSE(markup::is_safe_href("data:text/html,x"));
    CHECK_FALSE(markup::is_safe_href("//evil.example"));
    CHECK_FALSE(markup::is_safe_href("https://"));
    CHECK_FALSE(markup::is_safe_href("https://a b"));

    markup::IdRegistry ids;
    CHECK(ids.claim("mechanism", "ceb") == "mechanism-ceb");
    CHECK(ids.claim("mechanism", "ceb") == "mechanism-ceb-2");
    CHECK(ids.claim("mechanism", "CEB") == "mechanism-ceb-3");
    CHECK(ids.claim("mechanism", "a \"b\"<c>") == "mechanism-a-b-c-");
    CHECK(ids.claim("mechanism", "") == "mechanism-x");

    // A link whose target is not http(s)/mailto renders as its text only.
    Document doc = load_mini();
    Span link{Span::Kind::link, "", "javascript:alert(1)", {Span{Span::Kind::text, "click", "", {}}}};
    doc.sections[0].paragraphs[1].text.spans = {link};
    std::string html = render_html(doc);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("<span class=\"para-number\">1.2</span> click</p>") != std::string::npos);
}

TEST_CASE("html: a cell's lines split into paragraphs, keeping emphasis and links open across the break") {
    Span em{Span::Kind::emphasis, "", "", {Span{Span::Kind::text, "one\ntwo", "", {}}}};
    auto lines = markup::split_lines({Span{Span::Kind::text, "a ", "", {}}, em, Span{Span::Kind::text, " b\n\nc", "", {}}});
    REQUIRE(lines.size() == 4);
    REQUIRE(lines[0].size() == 2);
    CHECK(lines[0][1].kind == Span::Kind::emphasis);
    CHECK(lines[0][1].children[0].text == "one");
    CHECK(lines[1][0].kind == Span::Kind::emphasis);
    CHECK(lines[1][0].children[0].text == "two");
    CHECK(lines[1][1].text == " b");
    CHECK(lines[2].empty());
    CHECK(lines[3][0].text == "c");
}

TEST_CASE("html: the bundled report's visible text carries at least 99% of the seed's words in order") {
    std::string text = visible_text(render_html(load_bundled()));
    Coverage c = coverage(read_file(source_dir() + "/tests/seed/c21-inf-2-seed.txt"), text);
    std::string missing;
    for (const auto& run : c.missing_runs) missing += "  [" + run + "]\n";
    INFO("matched " << c.matched << " of " << c.reference_words << " seed words; unmatched runs:\n" << missing);
    CHECK(c.ratio() >= 0.99);
    WARN("seed word coverage of the HTML report: " << c.matched << "/" << c.reference_words << " = "
                                                    << 100.0 * c.ratio() << "%");
}

TEST_CASE("html: the Nu Html Checker finds no errors") {
    Scratch scratch;
    std::string vnu = source_dir() + "/node_modules/vnu-jar/build/dist/vnu.jar";
    if (!have_tools({tool_command("java", "default-jre-headless"), tool_node_module("vnu-jar/build/dist/vnu.jar")})) return;
    // The checker is live: a broken page fails.
    std::string broken = scratch.file("html-vnu", "broken.html", "<!DOCTYPE html><html lang=\"en\"><p>no title</p><tr></html>");
    CHECK(run("java -jar '" + vnu + "' --errors-only --stdout '" + broken + "'").status != 0);

    std::string bundled = scratch.file("html-vnu", "C21-INF-2-E.html", render_html(load_bundled()));
    std::string mini = scratch.file("html-vnu", "mini.html", render_html(load_mini()));
    RunResult r = run("java -jar '" + vnu + "' --errors-only --stdout '" + bundled + "' '" + mini + "'");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.empty());
}

TEST_CASE("html: axe-core finds no accessibility violations in headless Chromium") {
    Scratch scratch;
    std::string script = source_dir() + "/tests/tools/html/axe-check.mjs";
    const char* chromium = "/usr/bin/chromium";
    if (!have_tools({tool_command("node", "nodejs"), tool_path(chromium, "Debian package chromium, scripts/install-deps --test"),
                     tool_node_module("playwright-core"), tool_node_module("axe-core")}))
        return;
    // The check is live: a page with an unnamed link and no language fails.
    std::string broken = scratch.file("html-axe", "broken.html",
                                    "<!DOCTYPE html><html><head><title>x</title></head><body><main><a href=\"#x\"></a>"
                                    "</main></body></html>");
    RunResult bad = run("node '" + script + "' '" + broken + "' " + chromium);
    INFO(bad.output);
    CHECK(bad.status == 1);
    CHECK(bad.output.find("violation link-name") != std::string::npos);

    for (const auto& [name, doc] : {std::pair{"C21-INF-2-E.html", load_bundled()}, {"mini.html", load_mini()}}) {
        std::string page = scratch.file("html-axe", name, render_html(doc));
        RunResult r = run("node '" + script + "' '" + page + "' " + chromium);
        INFO(name << ":\n" << r.output);
        CHECK(r.status == 0);
        CHECK(r.output.find(" 0 violation(s)") != std::string::npos);
    }
}
