// Inline markup by libcmark: CommonMark 0.30 spec examples as data, our extension and our errors.
#include "support.hpp"
#include "test_docx_support.hpp"

#include <itucollab/emitter.hpp>
#include <itucollab/model.hpp>

#include "load/inline_parser.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <random>

using namespace testsupport;
using namespace itucollab;

namespace {

std::string escape_html(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// As cmark's HTML renderer writes an href (houdini_escape_href), so the spec's HTML can be quoted.
std::string escape_href(std::string_view s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || std::string_view("-_.+!*(),%#@?=;:/$~").find(c) != std::string_view::npos) {
            out += c;
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '\'') {
            out += "&#x27;";
        } else {
            out += fmt::format("%{:02X}", u);
        }
    }
    return out;
}

// Spans as the spec's HTML (without <p>): text escaped, <em>, <strong>, <a href>, and <fn:ID>.
std::string html(const std::vector<Span>& spans) {
    std::string out;
    for (const auto& s : spans) {
        switch (s.kind) {
            case Span::Kind::text: out += escape_html(s.text); break;
            case Span::Kind::emphasis: out += "<em>" + html(s.children) + "</em>"; break;
            case Span::Kind::strong: out += "<strong>" + html(s.children) + "</strong>"; break;
            case Span::Kind::link: out += "<a href=\"" + escape_href(s.target) + "\">" + html(s.children) + "</a>"; break;
            case Span::Kind::footnote_ref: out += "<fn:" + s.text + ">"; break;
        }
    }
    return out;
}

struct Parsed {
    std::string html;
    std::string codes;  // the codes reported, space-separated
    std::vector<std::size_t> offsets;
};

Parsed parse(std::string_view source) {
    Parsed p;
    auto spans = load::parse_inlines(source, [&](const std::string& code, const std::string&, std::size_t offset) {
        p.codes += (p.codes.empty() ? "" : " ") + code;
        p.offsets.push_back(offset);
    });
    p.html = html(spans);
    return p;
}

struct Example {
    int number;  // in the CommonMark spec 0.30, https://spec.commonmark.org/0.30/#example-N; 0: ours
    const char* input;
    const char* expected;  // the spec's HTML inside <p>; where we differ, ours, said in a comment
    const char* codes;     // what we report: relative links are not http(s)/mailto, titles are refused
};

// "(ours)" marks where the result differs from the spec's: raw HTML stays text, a hard line break is
// the text's line break, no line starts a block, link schemes are stored in lower case.
const Example spec_examples[] = {
    // Backslash escapes
    {12, R"(\!\"\#\$\%\&\'\(\)\*\+\,\-\.\/\:\;\<\=\>\?\@\[\\\]\^\_\`\{\|\}\~)",
     R"(!&quot;#$%&amp;'()*+,-./:;&lt;=&gt;?@[\]^_`{|}~)", ""},
    {13, "\\\t\\A\\a\\ \\3\\\u03c6\\\u00ab", "\\\t\\A\\a\\ \\3\\\u03c6\\\u00ab", ""},
    {14, "\\*not emphasized*\n\\<br/> not a tag\n\\[not a link](/foo)\n\\`not code`\n1\\. not a list\n\\* not a list\n"
         "\\# not a heading\n\\[foo]: /url \"not a reference\"\n\\&ouml; not a character entity",
     "*not emphasized*\n&lt;br/&gt; not a tag\n[not a link](/foo)\n`not code`\n1. not a list\n* not a list\n"
     "# not a heading\n[foo]: /url &quot;not a reference&quot;\n&amp;ouml; not a character entity", ""},
    {15, "\\\\*emphasis*", "\\<em>emphasis</em>", ""},
    {16, "foo\\\nbar", "foo\nbar", ""},  // (ours) <br />
    {20, "<http://example.com?find=\\*>", "<a href=\"http://example.com?find=%5C*\">http://example.com?find=\\*</a>", ""},
    {21, "<a href=\"/bar\\/)\">", "&lt;a href=&quot;/bar\\/)&quot;&gt;", ""},  // (ours) raw HTML
    {22, "[foo](/bar\\* \"ti\\*tle\")", "<a href=\"/bar*\">foo</a>", "link-title link-scheme"},
    // Entity and numeric character references
    {25, "&nbsp; &amp; &copy; &AElig; &Dcaron;\n&frac34; &HilbertSpace; &DifferentialD;\n&ClockwiseContourIntegral; &ngE;",
     "\u00a0 &amp; \u00a9 \u00c6 \u010e\n\u00be \u210b \u2146\n\u2232 \u2267\u0338", ""},
    {26, "&#35; &#1234; &#992; &#0;", "# \u04d2 \u03e0 \ufffd", ""},
    {27, "&#X22; &#XD06; &#xcab;", "&quot; \u0d06 \u0cab", ""},
    {28, "&nbsp &x; &#; &#x;\n&#87654321;\n&#abcdef0;\n&ThisIsNotDefined; &hi?;",
     "&amp;nbsp &amp;x; &amp;#; &amp;#x;\n&amp;#87654321;\n&amp;#abcdef0;\n&amp;ThisIsNotDefined; &amp;hi?;", ""},
    {29, "&copy", "&amp;copy", ""},
    {30, "&MadeUpEntity;", "&amp;MadeUpEntity;", ""},
    {31, "<a href=\"&ouml;&ouml;.html\">", "&lt;a href=&quot;&amp;ouml;&amp;ouml;.html&quot;&gt;", ""},  // (ours)
    {32, "[foo](/f&ouml;&ouml; \"f&ouml;&ouml;\")", "<a href=\"/f%C3%B6%C3%B6\">foo</a>", "link-title link-scheme"},
    {37, "&#42;foo&#42;\n*foo*", "*foo*\n<em>foo</em>", ""},
    {38, "&#42; foo\n\n* foo", "* foo\n\n* foo", ""},  // (ours) no list
    {39, "foo&#10;&#10;bar", "foo\n\nbar", ""},
    {40, "&#9;foo", "\tfoo", ""},
    {41, "[a](url &quot;tit&quot;)", "[a](url &quot;tit&quot;)", ""},
    // Emphasis and strong emphasis
    {350, "*foo bar*", "<em>foo bar</em>", ""},
    {351, "a * foo bar*", "a * foo bar*", ""},
    {352, "a*\"foo\"*", "a*&quot;foo&quot;*", ""},
    {353, "*\u00a0a\u00a0*", "*\u00a0a\u00a0*", ""},
    {354, "foo*bar*", "foo<em>bar</em>", ""},
    {355, "5*6*78", "5<em>6</em>78", ""},
    {356, "_foo bar_", "<em>foo bar</em>", ""},
    {357, "_ foo bar_", "_ foo bar_", ""},
    {358, "a_\"foo\"_", "a_&quot;foo&quot;_", ""},
    {359, "foo_bar_", "foo_bar_", ""},
    {360, "5_6_78", "5_6_78", ""},
    {361, "\u043f\u0440\u0438\u0441\u0442\u0430\u043d\u044f\u043c_\u0441\u0442\u0440\u0435\u043c\u044f\u0442\u0441\u044f_",
     "\u043f\u0440\u0438\u0441\u0442\u0430\u043d\u044f\u043c_\u0441\u0442\u0440\u0435\u043c\u044f\u0442\u0441\u044f_", ""},
    {362, "aa_\"bb\"_cc", "aa_&quot;bb&quot;_cc", ""},
    {363, "foo-_(bar)_", "foo-<em>(bar)</em>", ""},
    {364, "_foo*", "_foo*", ""},
    {365, "*foo bar *", "*foo bar *", ""},
    {366, "*foo bar\n*", "*foo bar\n*", ""},
    {367, "*(*foo)", "*(*foo)", ""},
    {368, "*(*foo*)*", "<em>(<em>foo</em>)</em>", ""},
    {369, "*foo*bar", "<em>foo</em>bar", ""},
    {370, "_foo bar _", "_foo bar _", ""},
    {371, "_(_foo)", "_(_foo)", ""},
    {372, "_(_foo_)_", "<em>(<em>foo</em>)</em>", ""},
    {373, "_foo_bar", "_foo_bar", ""},
    {375, "_foo_bar_baz_", "<em>foo_bar_baz</em>", ""},
    {376, "_(bar)_.", "<em>(bar)</em>.", ""},
    {377, "**foo bar**", "<strong>foo bar</strong>", ""},
    {378, "** foo bar**", "** foo bar**", ""},
    {379, "a**\"foo\"**", "a**&quot;foo&quot;**", ""},
    {380, "foo**bar**", "foo<strong>bar</strong>", ""},
    {381, "__foo bar__", "<strong>foo bar</strong>", ""},
    {382, "__ foo bar__", "__ foo bar__", ""},
    {383, "__\nfoo bar__", "__\nfoo bar__", ""},
    {384, "a__\"foo\"__", "a__&quot;foo&quot;__", ""},
    {385, "foo__bar__", "foo__bar__", ""},
    {386, "5__6__78", "5__6__78", ""},
    {388, "__foo, __bar__, baz__", "<strong>foo, <strong>bar</strong>, baz</strong>", ""},
    {389, "foo-__(bar)__", "foo-<strong>(bar)</strong>", ""},
    {390, "**foo bar **", "**foo bar **", ""},
    {391, "**(**foo)", "**(**foo)", ""},
    {392, "*(**foo**)*", "<em>(<strong>foo</strong>)</em>", ""},
    {393, "**Gomphocarpus (*Gomphocarpus physocarpus*, syn.\n*Asclepias physocarpa*)**",
     "<strong>Gomphocarpus (<em>Gomphocarpus physocarpus</em>, syn.\n<em>Asclepias physocarpa</em>)</strong>", ""},
    {394, "**foo \"*bar*\" foo**", "<strong>foo &quot;<em>bar</em>&quot; foo</strong>", ""},
    {395, "**foo**bar", "<strong>foo</strong>bar", ""},
    {396, "__foo bar __", "__foo bar __", ""},
    {397, "__(__foo)", "__(__foo)", ""},
    {398, "_(__foo__)_", "<em>(<strong>foo</strong>)</em>", ""},
    {399, "__foo__bar", "__foo__bar", ""},
    {401, "__foo__bar__baz__", "<strong>foo__bar__baz</strong>", ""},
    {402, "__(bar)__.", "<strong>(bar)</strong>.", ""},
    {403, "*foo [bar](/url)*", "<em>foo <a href=\"/url\">bar</a></em>", "link-scheme"},
    {404, "*foo\nbar*", "<em>foo\nbar</em>", ""},
    {405, "_foo __bar__ baz_", "<em>foo <strong>bar</strong> baz</em>", ""},
    {406, "_foo _bar_ baz_", "<em>foo <em>bar</em> baz</em>", ""},
    {407, "__foo_ bar_", "<em><em>foo</em> bar</em>", ""},
    {408, "*foo *bar**", "<em>foo <em>bar</em></em>", ""},
    {409, "*foo **bar** baz*", "<em>foo <strong>bar</strong> baz</em>", ""},
    {410, "*foo**bar**baz*", "<em>foo<strong>bar</strong>baz</em>", ""},
    {411, "*foo**bar*", "<em>foo**bar</em>", ""},
    {412, "***foo** bar*", "<em><strong>foo</strong> bar</em>", ""},
    {413, "*foo **bar***", "<em>foo <strong>bar</strong></em>", ""},
    {414, "*foo**bar***", "<em>foo<strong>bar</strong></em>", ""},
    {415, "foo***bar***baz", "foo<em><strong>bar</strong></em>baz", ""},
    {416, "foo******bar*********baz", "foo<strong><strong><strong>bar</strong></strong></strong>***baz", ""},
    {417, "*foo **bar *baz* bim** bop*", "<em>foo <strong>bar <em>baz</em> bim</strong> bop</em>", ""},
    {418, "*foo [*bar*](/url)*", "<em>foo <a href=\"/url\"><em>bar</em></a></em>", "link-scheme"},
    {419, "** is not an empty emphasis", "** is not an empty emphasis", ""},
    {420, "**** is not an empty strong emphasis", "**** is not an empty strong emphasis", ""},
    {421, "**foo [bar](/url)**", "<strong>foo <a href=\"/url\">bar</a></strong>", "link-scheme"},
    {422, "**foo\nbar**", "<strong>foo\nbar</strong>", ""},
    {423, "__foo _bar_ baz__", "<strong>foo <em>bar</em> baz</strong>", ""},
    {424, "__foo __bar__ baz__", "<strong>foo <strong>bar</strong> baz</strong>", ""},
    {425, "____foo__ bar__", "<strong><strong>foo</strong> bar</strong>", ""},
    {426, "**foo **bar****", "<strong>foo <strong>bar</strong></strong>", ""},
    {427, "**foo *bar* baz**", "<strong>foo <em>bar</em> baz</strong>", ""},
    {428, "**foo*bar*baz**", "<strong>foo<em>bar</em>baz</strong>", ""},
    {429, "***foo* bar**", "<strong><em>foo</em> bar</strong>", ""},
    {430, "**foo *bar***", "<strong>foo <em>bar</em></strong>", ""},
    {431, "**foo *bar **baz**\nbim* bop**", "<strong>foo <em>bar <strong>baz</strong>\nbim</em> bop</strong>", ""},
    {432, "**foo [*bar*](/url)**", "<strong>foo <a href=\"/url\"><em>bar</em></a></strong>", "link-scheme"},
    {433, "__ is not an empty emphasis", "__ is not an empty emphasis", ""},
    {434, "____ is not an empty strong emphasis", "____ is not an empty strong emphasis", ""},
    {435, "foo ***", "foo ***", ""},
    {436, "foo *\\**", "foo <em>*</em>", ""},
    {437, "foo *_*", "foo <em>_</em>", ""},
    {438, "foo *****", "foo *****", ""},
    {439, "foo **\\***", "foo <strong>*</strong>", ""},
    {440, "foo **_**", "foo <strong>_</strong>", ""},
    {441, "**foo*", "*<em>foo</em>", ""},
    {442, "*foo**", "<em>foo</em>*", ""},
    {443, "***foo**", "*<strong>foo</strong>", ""},
    {444, "****foo*", "***<em>foo</em>", ""},
    {445, "**foo***", "<strong>foo</strong>*", ""},
    {446, "*foo****", "<em>foo</em>***", ""},
    {447, "foo ___", "foo ___", ""},
    {448, "foo _\\__", "foo <em>_</em>", ""},
    {449, "foo _*_", "foo <em>*</em>", ""},
    {450, "foo _____", "foo _____", ""},
    {451, "foo __\\___", "foo <strong>_</strong>", ""},
    {452, "foo __*__", "foo <strong>*</strong>", ""},
    {453, "__foo_", "_<em>foo</em>", ""},
    {454, "_foo__", "<em>foo</em>_", ""},
    {455, "___foo__", "_<strong>foo</strong>", ""},
    {456, "____foo_", "___<em>foo</em>", ""},
    {457, "__foo___", "<strong>foo</strong>_", ""},
    {458, "_foo____", "<em>foo</em>___", ""},
    {459, "**foo**", "<strong>foo</strong>", ""},
    {460, "*_foo_*", "<em><em>foo</em></em>", ""},
    {461, "__foo__", "<strong>foo</strong>", ""},
    {462, "_*foo*_", "<em><em>foo</em></em>", ""},
    {463, "****foo****", "<strong><strong>foo</strong></strong>", ""},
    {464, "____foo____", "<strong><strong>foo</strong></strong>", ""},
    {465, "******foo******", "<strong><strong><strong>foo</strong></strong></strong>", ""},
    {466, "***foo***", "<em><strong>foo</strong></em>", ""},
    {467, "_____foo_____", "<em><strong><strong>foo</strong></strong></em>", ""},
    {468, "*foo _bar* baz_", "<em>foo _bar</em> baz_", ""},
    {469, "*foo __bar *baz bim__ bam*", "<em>foo <strong>bar *baz bim</strong> bam</em>", ""},
    {470, "**foo **bar baz**", "**foo <strong>bar baz</strong>", ""},
    {471, "*foo *bar baz*", "*foo <em>bar baz</em>", ""},
    {472, "*[bar*](/url)", "*<a href=\"/url\">bar*</a>", "link-scheme"},
    {473, "_foo [bar_](/url)", "_foo <a href=\"/url\">bar_</a>", "link-scheme"},
    {474, "*<img src=\"foo\" title=\"*\"/>", "*&lt;img src=&quot;foo&quot; title=&quot;*&quot;/&gt;", ""},  // (ours)
    {475, "**<a href=\"**\">", "**&lt;a href=&quot;**&quot;&gt;", ""},  // (ours) raw HTML
    {476, "__<a href=\"__\">", "__&lt;a href=&quot;__&quot;&gt;", ""},  // (ours) raw HTML
    {479, "**a<http://foo.bar/?q=**>", "**a<a href=\"http://foo.bar/?q=**\">http://foo.bar/?q=**</a>", ""},
    {480, "__a<http://foo.bar/?q=__>", "__a<a href=\"http://foo.bar/?q=__\">http://foo.bar/?q=__</a>", ""},
    // Links (inline)
    {481, "[link](/uri \"title\")", "<a href=\"/uri\">link</a>", "link-title link-scheme"},
    {482, "[link](/uri)", "<a href=\"/uri\">link</a>", "link-scheme"},
    {483, "[](./target.md)", "<a href=\"./target.md\"></a>", "link-scheme"},
    {484, "[link]()", "<a href=\"\">link</a>", "empty-link"},
    {485, "[link](<>)", "<a href=\"\">link</a>", "empty-link"},
    {486, "[]()", "<a href=\"\"></a>", "empty-link"},
    {487, "[link](/my uri)", "[link](/my uri)", ""},
    {488, "[link](</my uri>)", "<a href=\"/my%20uri\">link</a>", "link-scheme"},
    {489, "[link](foo\nbar)", "[link](foo\nbar)", ""},
    {490, "[link](<foo\nbar>)", "[link](&lt;foo\nbar&gt;)", ""},  // (ours) raw HTML
    {491, "[a](<b)c>)", "<a href=\"b)c\">a</a>", "link-scheme"},
    {492, "[link](<foo\\>)", "[link](&lt;foo&gt;)", ""},
    {493, "[a](<b)c\n[a](<b)c>\n[a](<b>c)", "[a](&lt;b)c\n[a](&lt;b)c&gt;\n[a](&lt;b&gt;c)", ""},  // (ours) raw HTML
    {494, "[link](\\(foo\\))", "<a href=\"(foo)\">link</a>", "link-scheme"},
    {495, "[link](foo(and(bar)))", "<a href=\"foo(and(bar))\">link</a>", "link-scheme"},
    {496, "[link](foo(and(bar))", "[link](foo(and(bar))", ""},
    {497, "[link](foo\\(and\\(bar\\))", "<a href=\"foo(and(bar)\">link</a>", "link-scheme"},
    {498, "[link](<foo(and(bar)>)", "<a href=\"foo(and(bar)\">link</a>", "link-scheme"},
    {499, "[link](foo\\)\\:)", "<a href=\"foo):\">link</a>", "link-scheme"},
    {500, "[link](#fragment)\n\n[link](http://example.com#fragment)\n\n[link](http://example.com?foo=3#frag)",
     "<a href=\"#fragment\">link</a>\n\n<a href=\"http://example.com#fragment\">link</a>\n\n"
     "<a href=\"http://example.com?foo=3#frag\">link</a>", "link-scheme"},
    {501, "[link](foo\\bar)", "<a href=\"foo%5Cbar\">link</a>", "link-scheme"},
    {502, "[link](foo%20b&auml;)", "<a href=\"foo%20b%C3%A4\">link</a>", "link-scheme"},
    {503, "[link](\"title\")", "<a href=\"%22title%22\">link</a>", "link-scheme"},
    {504, "[link](/url \"title\")\n[link](/url 'title')\n[link](/url (title))",
     "<a href=\"/url\">link</a>\n<a href=\"/url\">link</a>\n<a href=\"/url\">link</a>",
     "link-title link-scheme link-title link-scheme link-title link-scheme"},
    {505, "[link](/url \"title \\\"&quot;\")", "<a href=\"/url\">link</a>", "link-title link-scheme"},
    {506, "[link](/url\u00a0\"title\")", "<a href=\"/url%C2%A0%22title%22\">link</a>", "link-scheme"},
    {507, "[link](/url \"title \"and\" title\")", "[link](/url &quot;title &quot;and&quot; title&quot;)", ""},
    {508, "[link](/url 'title \"and\" title')", "<a href=\"/url\">link</a>", "link-title link-scheme"},
    {509, "[link](   /uri\n  \"title\"  )", "<a href=\"/uri\">link</a>", "link-title link-scheme"},
    {510, "[link] (/uri)", "[link] (/uri)", ""},
    {511, "[link [foo [bar]]](/uri)", "<a href=\"/uri\">link [foo [bar]]</a>", "link-scheme"},
    {512, "[link] bar](/uri)", "[link] bar](/uri)", ""},
    {513, "[link [bar](/uri)", "[link <a href=\"/uri\">bar</a>", "link-scheme"},
    {514, "[link \\[bar](/uri)", "<a href=\"/uri\">link [bar</a>", "link-scheme"},
    {517, "[foo [bar](/uri)](/uri)", "[foo <a href=\"/uri\">bar</a>](/uri)", "link-scheme"},
    {518, "[foo *[bar [baz](/uri)](/uri)*](/uri)", "[foo <em>[bar <a href=\"/uri\">baz</a>](/uri)</em>](/uri)",
     "link-scheme"},
    {520, "*[foo*](/uri)", "*<a href=\"/uri\">foo*</a>", "link-scheme"},
    {521, "[foo *bar](baz*)", "<a href=\"baz*\">foo *bar</a>", "link-scheme"},
    {522, "*foo [bar* baz]", "<em>foo [bar</em> baz]", ""},
    {523, "[foo <bar attr=\"](baz)\">", "[foo &lt;bar attr=&quot;](baz)&quot;&gt;", ""},  // (ours) raw HTML
    {525, "[foo<http://example.com/?search=](uri)>",
     "[foo<a href=\"http://example.com/?search=%5D(uri)\">http://example.com/?search=](uri)</a>", ""},
    // Autolinks
    {593, "<http://foo.bar.baz>", "<a href=\"http://foo.bar.baz\">http://foo.bar.baz</a>", ""},
    {594, "<http://foo.bar.baz/test?q=hello&id=22&boolean>",
     "<a href=\"http://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean\">http://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean</a>",
     ""},
    {595, "<irc://foo.bar:2233/baz>", "<a href=\"irc://foo.bar:2233/baz\">irc://foo.bar:2233/baz</a>", "link-scheme"},
    {596, "<MAILTO:FOO@BAR.BAZ>", "<a href=\"mailto:FOO@BAR.BAZ\">MAILTO:FOO@BAR.BAZ</a>", ""},  // (ours) scheme
    {597, "<a+b+c:d>", "<a href=\"a+b+c:d\">a+b+c:d</a>", "link-scheme"},
    {598, "<made-up-scheme://foo,bar>", "<a href=\"made-up-scheme://foo,bar\">made-up-scheme://foo,bar</a>", "link-scheme"},
    {599, "<http://../>", "<a href=\"http://../\">http://../</a>", ""},
    {600, "<localhost:5001/foo>", "<a href=\"localhost:5001/foo\">localhost:5001/foo</a>", "link-scheme"},
    {601, "<http://foo.bar/baz bim>", "&lt;http://foo.bar/baz bim&gt;", ""},
    {602, "<http://example.com/\\[\\>", "<a href=\"http://example.com/%5C%5B%5C\">http://example.com/\\[\\</a>", ""},
    {603, "<foo@bar.example.com>", "<a href=\"mailto:foo@bar.example.com\">foo@bar.example.com</a>", ""},
    {604, "<foo+special@Bar.baz-bar0.com>",
     "<a href=\"mailto:foo+special@Bar.baz-bar0.com\">foo+special@Bar.baz-bar0.com</a>", ""},
    {605, "<foo\\+@bar.example.com>", "&lt;foo+@bar.example.com&gt;", ""},
    {606, "<>", "&lt;&gt;", ""},
    {607, "< http://foo.bar >", "&lt; http://foo.bar &gt;", ""},
    {608, "<m:abc>", "&lt;m:abc&gt;", ""},
    {609, "<foo.bar.baz>", "&lt;foo.bar.baz&gt;", ""},
    {610, "http://example.com", "http://example.com", ""},
    {611, "foo@bar.example.com", "foo@bar.example.com", ""},
};

}  // namespace

TEST_CASE("inline markup follows the CommonMark 0.30 spec examples for the features we accept") {
    for (const auto& e : spec_examples) {
        INFO("spec example " << e.number << ": " << e.input);
        Parsed p = parse(e.input);
        CHECK(p.html == e.expected);
        CHECK(p.codes == e.codes);
    }
}

TEST_CASE("footnote references [^id] are our extension, not after a backslash and not inside raw text") {
    CHECK(parse("a[^x] b[^y-2_Z].").html == "a<fn:x> b<fn:y-2_Z>.");
    CHECK(parse("\\[^x] and \\\\[^y]").html == "[^x] and \\<fn:y>");
    CHECK(parse("*see[^x]* **[^y]**").html == "<em>see<fn:x></em> <strong><fn:y></strong>");
    CHECK(parse("_word_[^1] and [^1]_word_").html == "<em>word</em><fn:1> and <fn:1><em>word</em>");  // `]`: punctuation
    CHECK(parse("[see [^1]](https://x.org/)").html == "<a href=\"https://x.org/\">see <fn:1></a>");
    CHECK(parse("[^1](https://x.org/)").html == "<fn:1>(https://x.org/)");
    CHECK(parse("[^] [^a b] [^a").html == "[^] [^a b] [^a");
    CHECK(parse("<https://x.org/[^a]>").html == "<a href=\"https://x.org/%5B%5Ea%5D\">https://x.org/[^a]</a>");
    CHECK(parse("[t](https://x.org/[^a])").html == "<a href=\"https://x.org/%5B%5Ea%5D\">t</a>");
    CHECK(parse("<b title=\"[^a]\">").html == "&lt;b title=&quot;[^a]&quot;&gt;");
    CHECK(parse("{[^a]} {{[^b]}}").html == "{<fn:a>} {{<fn:b>}}");
    // Private-use characters of the placeholder range pass through as they are.
    CHECK(parse("\ue000\ue100[^a]\ue1ff").html == "\ue000\ue100<fn:a>\ue1ff");
    std::string many;
    for (int i = 0; i < 70000; ++i) many += "[^n" + std::to_string(i) + "]";
    auto spans = load::parse_inlines(many, [](const std::string&, const std::string&) {});
    REQUIRE(spans.size() == 70000);
    CHECK(spans[69999].text == "n69999");
}

TEST_CASE("a text is inline content only: each line's start and the blanks around it stay as written") {
    CHECK(parse("1. first\n- second\n+ third\n# fourth\n> fifth\n2) sixth").html ==
          "1. first\n- second\n+ third\n# fourth\n&gt; fifth\n2) sixth");
    CHECK(parse("para\n===\n---\n***\n* * *\n___").html == "para\n===\n---\n***\n* * *\n___");
    CHECK(parse("a\n```\ncode\n```\n~~~").html == "a\n```\ncode\n```\n~~~");
    CHECK(parse("    indented\n\tby a tab").html == "    indented\n\tby a tab");
    CHECK(parse("<div>\n<!-- c -->\n<?php x ?>\n<span>x</span>").html ==
          "&lt;div&gt;\n&lt;!-- c --&gt;\n&lt;?php x ?&gt;\n&lt;span&gt;x&lt;/span&gt;");
    CHECK(parse("  lead and trail  \n\n\n  second paragraph\t").html == "  lead and trail  \n\n\n  second paragraph\t");
    CHECK(parse("two  \nspaces").html == "two  \nspaces");            // not a hard break: kept as written
    CHECK(parse("back\\  \nslash").html == "back\\  \nslash");
    CHECK(parse("a\r\nb\rc").html == "a\r\nb\rc");
    CHECK(parse("*a\nb*").html == "<em>a\nb</em>");                    // across a line break
    CHECK(parse("*a\n\nb*").html == "*a\n\nb*");                      // not across a blank line
    CHECK(parse("[a\nb](https://x.org/\n)").html == "<a href=\"https://x.org/\">a\nb</a>");
    CHECK(parse("[a](https://x.org/\n) after\nnext").html == "<a href=\"https://x.org/\">a</a> after\nnext");
    CHECK(parse("x <b\n  title=\"y\"> z\n  end").html == "x &lt;b\n  title=&quot;y&quot;&gt; z\n  end");
    CHECK(parse("").html.empty());
    CHECK(parse(" \n\t\n").html == " \n\t\n");
}

TEST_CASE("text without emphasis, links or escapes comes back exactly as written, whatever its lines") {
    // Block starts, blanks, CR/LF, no-break spaces, raw HTML and footnote references, mixed at random.
    const char* pieces[] = {"a", "b", " ", "  ", "\t", "\n", "\n\n", "\r\n", "-", "1.", "#", ">", "=", "+", "~",
                            "x y", "(", ")", ":", ".", "\u00a0", "[^n]", "<div>", "<b>", "</b>", "'", "\"", "~~~"};
    std::minstd_rand random(21);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        for (auto n = random() % 60; n > 0; --n) text += pieces[random() % std::size(pieces)];
        auto spans = load::parse_inlines(text, [](const std::string&, const std::string&) {});
        std::string back;
        for (const auto& s : spans) back += s.kind == Span::Kind::footnote_ref ? "[^" + s.text + "]" : s.text;
        INFO(text);
        REQUIRE(back == text);
    }
}

TEST_CASE("the link policy: http, https and mailto in any case, stored in lower case, and parentheses balance") {
    CHECK(parse("[the economy](https://en.wikipedia.org/wiki/Economy_(disambiguation))").html ==
          "<a href=\"https://en.wikipedia.org/wiki/Economy_(disambiguation)\">the economy</a>");
    CHECK(parse("[a](htTps://X.int/Path) <MAILTO:Sg@ITU.int> [b](HTTP://x.org)").html ==
          "<a href=\"https://X.int/Path\">a</a> <a href=\"mailto:Sg@ITU.int\">MAILTO:Sg@ITU.int</a> "
          "<a href=\"http://x.org\">b</a>");
    CHECK(parse("[x](javascript:alert(1)) <JaVaScRiPt:x> [y](javascript&#58;z) [z](data:,x)").codes ==
          "link-scheme link-scheme link-scheme link-scheme");
    CHECK(parse("[a][b] [c][] [d]").html == "[a][b] [c][] [d]");  // no definitions: text
    CHECK(parse("[a](<https://x.org/a b>)").html == "<a href=\"https://x.org/a%20b\">a</a>");
    CHECK(load::normalized_link_target("JaVaScRiPt:alert(1)") == "JaVaScRiPt:alert(1)");
    CHECK(load::allowed_link_target("MailTo:x@y.org"));
    CHECK_FALSE(load::allowed_link_target("ftp://x.org"));
}

TEST_CASE("images, code spans, link titles and link reference definitions are errors where they are") {
    struct Case {
        const char* input;
        const char* codes;
        std::vector<std::size_t> offsets;
    };
    const Case cases[] = {
        {"see ![a chart](https://x.org/c.png) here", "inline-image", {4}},
        {"line one\n  two ![a](b.png)", "inline-image", {15}},
        {"!\\[not](https://x.org/) \\![not](https://x.org/)", "", {}},
        {"![^a](https://x.org/)", "", {}},  // "!" and a footnote reference, then text
        {"![[^a]](https://x.org/)", "inline-image", {0}},
        {"call `f()` now", "code-span", {5}},
        {"a ``b ` c`` d", "code-span", {2}},
        {"one\ntwo `x\ny` three", "code-span", {8}},
        {"[a](https://x.org/ \"t\")", "link-title", {0}},
        {"[foo]: https://x.org/\n\n[foo]", "link-definition", {0}},
        {"text\n\n  [foo]: https://x.org/ \"t\"\nmore", "link-definition", {8}},
        {"text [foo]: https://x.org/", "", {}},  // not at the start of a paragraph: text
        {"[foo] and [bar]: x", "", {}},
        {"a [x](ftp://x.org/) b\nc <javascript:y>", "link-scheme link-scheme", {2, 24}},
        {"[^a] [x](ftp://x.org/)", "link-scheme", {5}},
        {"[x]()", "empty-link", {0}},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        Parsed p = parse(c.input);
        CHECK(p.codes == c.codes);
        CHECK(p.offsets == c.offsets);
    }
    CHECK(parse("see ![a chart](https://x.org/c.png)").html == "see !a chart");
    CHECK(parse("call `f()`").html == "call f()");
    std::string definition = "[foo]: https://x.org/\n[bar]";
    CHECK(parse(definition).html == "[foo]: https://x.org/\n[bar]");  // kept as text, and reported
}

TEST_CASE("deep nesting is flattened below sixteen levels and a text over the markup limit is refused") {
    std::string deep = std::string(5000, '*') + "x" + std::string(5000, '*');
    auto spans = load::parse_inlines(deep, [](const std::string&, const std::string&) {});
    std::size_t depth = 0;
    for (const std::vector<Span>* level = &spans; !level->empty() && level->front().kind != Span::Kind::text;
         level = &level->front().children) {
        ++depth;
    }
    CHECK(depth == 16);
    CHECK(plain_text(spans) == "x");
    std::string mixed;
    for (int i = 0; i < 40; ++i) mixed += "*a **a ";
    mixed += "b";
    for (int i = 0; i < 40; ++i) mixed += " a** a*";
    auto flat = load::parse_inlines(mixed, [](const std::string&, const std::string&) {});
    std::string words = mixed;
    std::erase(words, '*');
    CHECK(plain_text(flat) == words);  // 160 nested spans: the text is all there, flattened or not

    std::string over(load::max_markup_characters + 1, '[');
    Parsed p = parse(over);
    CHECK(p.codes == "too-much-markup");
    CHECK(p.html == over);
    CHECK(parse(std::string(load::max_markup_characters, '[')).codes.empty());
}

TEST_CASE("inline parsing takes linear time on pathological inputs") {
    auto repeat = [](const std::string& unit, std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += unit;
        return s;
    };
    // A complexity check, not a speed goal: process CPU time (other processes' load does not count),
    // the best of three runs.
    auto seconds = [](const std::string& s) {
        double best = 1e9;
        for (int run = 0; run < 3; ++run) {
            std::clock_t start = std::clock();
            load::parse_inlines(s, [](const std::string&, const std::string&) {});
            best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
        }
        return best;
    };
    for (const std::string unit : {"*a ", "[", "_", "![[]()", "<", "[a](", "a*b_", "[^a]", "*_", "\\``", "\n- "}) {
        INFO("'" << unit << "' repeated");
        double small = seconds(repeat(unit, 20000));
        double large = seconds(repeat(unit, 80000));
        CHECK(large < 12 * small + 0.05);  // 4x the input: linear is ~4x, quadratic 16x
    }
    auto nested = [&](std::size_t n) { return repeat("*a **a ", n) + "b" + repeat(" a** a*", n); };
    double small = seconds(nested(10000));
    double large = seconds(nested(40000));  // 80000 nested spans, all but 16 flattened
    CHECK(large < 12 * small + 0.05);
}

TEST_CASE("a link whose target holds balanced parentheses renders whole in every format") {
    std::string section = read_file(source_dir() + "/tests/fixtures/mini/sections/01-first.yaml");
    section = replace_once(section, "[link](https://www.itu.int/)",
                           "[the economy](https://en.wikipedia.org/wiki/Economy_(disambiguation))");
    Document doc = load_mini({{"sections/01-first.yaml", section}});
    const std::string target = "https://en.wikipedia.org/wiki/Economy_(disambiguation)";
    std::string html_out = find_emitter("html")->render(doc, {});
    CHECK(html_out.find("href=\"" + target + "\">the economy</a>") != std::string::npos);
    CHECK(html_out.find("</a>)") == std::string::npos);
    std::string md = find_emitter("md")->render(doc, {});
    CHECK(md.find("[the economy](https://en.wikipedia.org/wiki/Economy_\\(disambiguation\\))") != std::string::npos);
    std::string text = find_emitter("text")->render(doc, {});
    CHECK(text.find("the economy") != std::string::npos);
    CHECK(text.find("<" + target + ">") != std::string::npos);
    auto parts = docxtest::unzip_map(docxtest::render(doc, "docx"));
    CHECK(parts.at("word/_rels/document.xml.rels").find("Target=\"" + target + "\"") != std::string::npos);
}
