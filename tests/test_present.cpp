// The shared presentation layer: references sentence, citations, note marks, plain text, link policy.
#include <itucollab/emitter.hpp>
#include <itucollab/model.hpp>

#include "present/present.hpp"

#include <catch2/catch.hpp>

using namespace itucollab;

namespace {

Span text(std::string s) { return Span{Span::Kind::text, std::move(s), {}, {}}; }
Span link(std::string target, std::vector<Span> children) {
    return Span{Span::Kind::link, {}, std::move(target), std::move(children)};
}
Span footnote_ref(std::string id) { return Span{Span::Kind::footnote_ref, std::move(id), {}, {}}; }

// A document whose first paragraph references footnote "b" before "a", so "b" is [1] and "a" is [2].
Document document_with_footnotes() {
    Document doc;
    doc.language = "en";
    Section s;
    s.id.value = "s";
    Paragraph p;
    p.text.spans = {text("See"), footnote_ref("b"), text(" and"), footnote_ref("a")};
    s.paragraphs.push_back(p);
    for (const char* id : {"a", "b"}) {
        Footnote f;
        f.id.value = id;
        f.text.spans = {text(std::string("Note ") + id)};
        s.footnotes.push_back(f);
    }
    doc.sections.push_back(s);
    Instrument res;
    res.id.value = "pp-131";
    res.body = "PP";
    res.kind = "resolution";
    res.number = "131";
    res.revised = true;
    res.place = "Dubai";
    res.year = 2018;
    res.title = "Measuring ICT";
    doc.instruments.push_back(res);
    return doc;
}

RelevanceBlock cite(std::string id) {
    RelevanceBlock b;
    b.cite = Ref{std::move(id), {}};
    return b;
}

}  // namespace

TEST_CASE("the references sentence joins 0, 1, 2 and 3 items with commas and the language's 'and'") {
    Document doc;
    doc.language = "en";
    CHECK(present::references_sentence(doc) == "Documents ");
    doc.references = {"C20/INF/3"};
    CHECK(present::references_sentence(doc) == "Documents C20/INF/3");
    doc.references.push_back("C19/INF/4");
    CHECK(present::references_sentence(doc) == "Documents C20/INF/3 and C19/INF/4");
    doc.references.push_back("C18/INF/4");
    CHECK(present::references_sentence(doc) == "Documents C20/INF/3, C19/INF/4 and C18/INF/4");
    CHECK(labels_for(doc.language).and_word == "and");
}

TEST_CASE("a citation prints the label, the title unless hidden, and the appended text") {
    Document doc = document_with_footnotes();
    DocumentIndex index(doc);
    RelevanceBlock b = cite("pp-131");
    auto c = present::citation(b, index);
    REQUIRE(c);
    CHECK(c->label == "PP Res. 131 (Rev. Dubai, 2018)");
    CHECK(c->after == "Measuring ICT");
    CHECK(present::relevance_text(b, index) == "PP Res. 131 (Rev. Dubai, 2018)\nMeasuring ICT");

    b.show_title = false;
    c = present::citation(b, index);
    REQUIRE(c);
    CHECK(c->after.empty());
    CHECK(present::relevance_text(b, index) == "PP Res. 131 (Rev. Dubai, 2018)");

    b.append = ", resolves 2";
    CHECK(present::citation(b, index)->after == ", resolves 2");
    b.show_title = true;
    CHECK(present::citation(b, index)->after == "Measuring ICT, resolves 2");

    CHECK_FALSE(present::citation(cite("unknown"), index));
    CHECK(present::relevance_text(cite("unknown"), index).empty());
    RelevanceBlock free_text;
    free_text.text = Text{"", {text("Free "), link("https://itu.int", {text("text")})}, {}};
    CHECK_FALSE(present::citation(free_text, index));
    CHECK(present::relevance_text(free_text, index) == "Free text");
}

TEST_CASE("a column heading carries the note's mark only when the note marks that column") {
    AnnexNote note;
    note.mark = "*";
    note.columns = {"frequency", "financial"};
    CHECK(present::column_mark(note, "frequency") == "*");
    CHECK(present::column_mark(note, "financial") == "*");
    CHECK(present::column_mark(note, "name").empty());
    CHECK(present::note_label(note) == "(*)");
    note.mark.clear();
    CHECK(present::column_mark(note, "frequency").empty());
}

TEST_CASE("plain text drops emphasis, numbers footnotes by first reference and prints links per style") {
    Document doc = document_with_footnotes();
    DocumentIndex index(doc);
    std::vector<Span> spans{Span{Span::Kind::strong, {}, {}, {text("Bold")}},
                            text(" see "),
                            link("https://www.itu.int/", {Span{Span::Kind::emphasis, {}, {}, {text("ITU")}}}),
                            text(", "),
                            link("mailto:a@itu.int", {text("mailto:a@itu.int")}),
                            footnote_ref("a"),
                            footnote_ref("b")};
    CHECK(present::plain(spans, index) == "Bold see ITU, mailto:a@itu.int[2][1]");
    CHECK(present::plain(spans, index, present::LinkStyle::text) == "Bold see ITU, mailto:a@itu.int[2][1]");
    CHECK(present::plain(spans, index, present::LinkStyle::text_and_target) ==
          "Bold see ITU <https://www.itu.int/>, <mailto:a@itu.int>[2][1]");
    CHECK(present::footnote_mark(3) == "[3]");
    CHECK(present::footnote_mark(index.footnote_number("a")) == "[2]");

    Cell blank;
    CHECK(present::cell_text(blank, index).empty());
    Cell filled = Text{"", {text("x"), footnote_ref("b")}, {}};
    CHECK(present::cell_text(filled, index) == "x[1]");
}

TEST_CASE("the link policy keeps in-document anchors and http, https and mailto in any case") {
    CHECK(present::keeps_link("#annex"));
    CHECK(present::keeps_link("https://www.itu.int/"));
    CHECK(present::keeps_link("HTTP://example.org"));
    CHECK(present::keeps_link("MailTo:someone@itu.int"));
    CHECK_FALSE(present::keeps_link("javascript:alert(1)"));
    CHECK_FALSE(present::keeps_link("ftp://example.org"));
    CHECK_FALSE(present::keeps_link("//evil.example"));
    CHECK_FALSE(present::keeps_link(""));
}

TEST_CASE("one text width: the emitters' default is build's --width default") {
    CHECK(EmitOptions{}.width == default_text_width);
    CHECK(default_text_width == 80);
}

TEST_CASE("every emitter applies the one link policy: another scheme prints as its text only") {
    Document doc = document_with_footnotes();
    doc.summary.spans = {text("Do not "), link("javascript:alert(1)", {text("click here")}), text(".")};
    doc.action_required.spans = {link("https://www.itu.int/", {text("ITU")})};
    EmitOptions options;
    options.templates_dir = default_templates_dir();
    for (const char* format : {"md", "html", "text", "xml"}) {
        const Emitter* emitter = find_emitter(format);
        REQUIRE(emitter);
        INFO(format);
        std::string out = emitter->render(doc, options);
        CHECK(out.find("click here") != std::string::npos);
        CHECK(out.find("javascript") == std::string::npos);
        CHECK(out.find("https://www.itu.int/") != std::string::npos);
    }
}

TEST_CASE("plain text prints no target the link policy refuses, in either style") {
    Document doc;
    DocumentIndex index(doc);
    std::vector<Span> spans{link("javascript:alert(1)", {text("click")}), text(" "), link("#annex", {text("annex")})};
    CHECK(present::plain(spans, index, present::LinkStyle::text_and_target) == "click annex <#annex>");
    CHECK(present::plain(spans, index, present::LinkStyle::text) == "click annex");
}

TEST_CASE("an initiative's label is its agency's acronym, the id when unregistered, nothing without agency") {
    Document doc;
    UnEntity who;
    who.id.value = "who";
    who.acronym = "WHO";
    who.name = "World Health Organization";
    doc.un_entities.push_back(who);
    DocumentIndex index(doc);
    InitiativeItem item;
    CHECK_FALSE(present::agency_label(item, index));
    item.agency = Ref{"who", {}};
    CHECK(present::agency_label(item, index) == "WHO");
    item.agency = Ref{"unregistered", {}};
    CHECK(present::agency_label(item, index) == "unregistered");
}
