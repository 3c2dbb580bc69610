// The diff walks the schema in code: every field of the model, changed alone, is reported by the text
// and JSON renderers at a published place, and only fields the report never prints are marked so.
#include "redline_support.hpp"
#include "support.hpp"
#include "test_docx_support.hpp"

#include "../src/model/describe.hpp"

#include <itucollab/diff.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace testsupport;
using namespace itucollab;

namespace {

constexpr const char* marker = "Zqxv";

// Changes the `target`-th leaf field (in describe order) of a document and says which it was.
class Mutator {
public:
    explicit Mutator(std::size_t target) : target_(target) {}

    std::size_t count = 0;     // leaf fields seen
    std::string changed;       // "mechanism.frequency" once the target is changed
    std::string expected;      // text the renderers must show ("" when not textual)
    std::string record = "header";

    bool on_text_block = false;  // inside a relevance block of free text, where a title or appended text never prints

    template <class T> void field(std::string_view key, T& value, Need, std::string_view) { visit(std::string(key), value); }

    /// Visits a record's fields under its own name.
    template <class R> void record_fields(R& r) { visit("", r); }

private:
    bool hit(const std::string& key) {
        if (count++ != target_) return false;
        changed = record + "." + key;
        changed_on_text_block = record == "relevance block" && on_text_block;
        changed_block_cite = record == "relevance block" ? block_cite : "";
        return true;
    }
    static Text text(const std::string& s) { return Text{s, {Span{Span::Kind::text, s, "", {}}}, {}}; }

    void visit(const std::string&, Id&) {}
    void visit(const std::string& key, std::string& v) {
        if (!hit(key)) return;
        v += std::string(" ") + marker;
        expected = marker;
    }
    void visit(const std::string& key, std::optional<std::string>& v) {
        if (!hit(key)) return;
        v = v.value_or("") + " " + marker;
        expected = marker;
    }
    void visit(const std::string& key, int& v) {
        if (!hit(key)) return;
        v += 7;
        expected = std::to_string(v);
    }
    void visit(const std::string& key, bool& v) {
        if (hit(key)) v = !v;
    }
    void visit(const std::string& key, Date& v) {
        if (!hit(key)) return;
        v.day = v.day == 11 ? 12 : 11;
        expected = std::to_string(v.day);
    }
    void visit(const std::string& key, Sector& v) {
        if (!hit(key)) return;
        v = v == Sector::tsb ? Sector::bdt : Sector::tsb;
        expected = sector_label(v);
    }
    void visit(const std::string& key, Ref& v) {
        if (!hit(key)) return;
        v.id += "-" + std::string(marker);
        expected = v.id;
    }
    void visit(const std::string& key, std::optional<Ref>& v) {
        if (!hit(key)) return;
        if (record == "relevance block") {
            // A citation: another instrument of the registry, printed by its label.
            bool had = v.has_value();
            v = Ref{v && v->id == "pp-res-131" ? "pp-res-71" : "pp-res-131", {}};
            expected = had ? (v->id == "pp-res-71" ? "71" : "131") : "";
            return;
        }
        // An agency: an entity the registry does not hold is printed by its id.
        v = Ref{std::string("agency-") + marker, {}};
        expected = v->id;
    }
    void visit(const std::string& key, Text& v) {
        if (!hit(key)) return;
        v.source += std::string(" ") + marker;
        v.spans.push_back(Span{Span::Kind::text, std::string(" ") + marker, "", {}});
        expected = marker;
    }
    void visit(const std::string& key, Cell& v) {
        if (!hit(key)) return;
        if (v) {
            v->source += std::string(" ") + marker;
            v->spans.push_back(Span{Span::Kind::text, std::string(" ") + marker, "", {}});
        } else {
            v = text(marker);
        }
        expected = marker;
    }
    void visit(const std::string& key, std::vector<std::string>& v) {
        if (!hit(key)) return;
        if (key == "columns") {
            v = v.empty() ? std::vector<std::string>{"name"} : std::vector<std::string>{};
        } else {
            v.push_back(std::string("C00/INF/") + marker);
            expected = marker;
        }
    }
    void visit(const std::string& key, std::vector<Text>& v) {
        if (hit(key)) {
            v.push_back(text(marker));
            expected = marker;
        }
        // and each existing item as a field of its own
        for (Text& t : v) visit(key + "[]", t);
    }
    template <class R> void visit(const std::string& key, std::vector<R>& records) {
        for (R& r : records) visit(key, r);
    }
    template <class R> requires requires(R* r) { record_name(r); } void visit(const std::string&, R& r) {
        std::string outer = record;
        record = record_name(&r);
        if constexpr (std::is_same_v<R, RelevanceBlock>) {
            on_text_block = r.text.has_value();
            block_cite = r.cite ? r.cite->id : "";
        }
        describe(*this, r);
        record = outer;
    }

    std::string block_cite;

public:
    bool changed_on_text_block = false;
    std::string changed_block_cite;  // the instrument cited by the block whose field was changed

private:

    std::size_t target_;
};

void mutate(Mutator& m, Document& d) {
    describe_header(m, d);
    for (Section& s : d.sections) m.record_fields(s);
    m.record_fields(d.annex);
    for (Mechanism& mech : d.annex.mechanisms) m.record_fields(mech);
    for (UnEntity& e : d.un_entities) m.record_fields(e);
    for (Instrument& i : d.instruments) m.record_fields(i);
    describe_editorial(m, d);
}

Document with_editorial_lists() {
    auto fs = fixture("diff-old");
    LoadResult r = load_corpus(fs, "diff-old");
    REQUIRE(r.document);
    Document d = *r.document;
    d.accepted.push_back(Acceptance{"unbalanced-brackets", Ref{"opening", {}}, "As published", {}});
    d.reviews.push_back(Review{Ref{"opening", {}}, "Check the dates", {}});
    d.unplaced.push_back(UnplacedContent{"table 2 row 1 column 1", "stray cell", {}});
    return d;
}

}  // namespace

TEST_CASE("every field of the model changed alone is shown by the text and JSON renderers") {
    const Document original = with_editorial_lists();
    Mutator counter(static_cast<std::size_t>(-1));
    Document scratch = original;
    mutate(counter, scratch);
    REQUIRE(counter.count > 60);  // the fixture fills every kind of field

    // Fields the report never prints; every other change must be marked visible.
    const std::set<std::string> unprinted{"header.language",  "mechanism.acronym", "UN entity.name",
                                          "accepted warning.rule", "accepted warning.in", "accepted warning.reason",
                                          "review entry.in", "review entry.reason", "unplaced content.where",
                                          "unplaced content.text"};
    std::set<std::string> untitled;  // instruments without a title: showing or hiding it prints the same
    for (const Instrument& i : original.instruments) {
        if (!i.title) untitled.insert(i.id.value);
    }
    std::set<std::string> seen;
    for (std::size_t target = 0; target < counter.count; ++target) {
        Mutator m(target);
        Document changed = original;
        mutate(m, changed);
        REQUIRE(!m.changed.empty());
        seen.insert(m.changed);
        diff::Result r = diff::compare(original, changed);
        std::string text = diff::render_text(r);
        std::string json = diff::render_json(r);
        INFO(m.changed << " (field " << target << ")\n" << text);
        CHECK(!r.changes.empty());
        CHECK(text != "no differences\n");
        if (!m.expected.empty()) {
            CHECK(text.find(m.expected) != std::string::npos);
            CHECK(json.find(m.expected) != std::string::npos);
        }
        for (const auto& c : r.changes) {
            // Every change has a published place; internal ids stay out of it.
            CHECK(!c.place.empty());
            CHECK(c.place.find("sections/") == std::string::npos);
            if (c.kind == diff::Kind::changed && !c.visible) {
                bool instrument = m.changed.starts_with("instrument.");  // hidden by a printed label
                bool untitled_block = m.changed == "relevance block.title" && untitled.contains(m.changed_block_cite);
                CHECK((unprinted.contains(m.changed) || instrument || m.changed_on_text_block || untitled_block));
            }
            if (unprinted.contains(m.changed)) CHECK(!c.visible);
        }
        CHECK(diff::compare(changed, changed).changes.empty());
    }
    // The walk reached every kind of record.
    for (const char* field : {"header.date", "session.venue", "section.title", "paragraph.text", "footnote.text",
                              "initiative group.sector", "initiative item.agency", "mechanism.frequency",
                              "relevance block.append", "annex headings.financial", "annex note.mark",
                              "UN entity.name", "instrument.year", "accepted warning.reason", "review entry.reason",
                              "unplaced content.text"}) {
        INFO(field);
        CHECK(seen.contains(field));
    }
}

TEST_CASE("places speak the report's language: numbers with what they were and annex column headings") {
    Document old_doc = with_editorial_lists();
    Document new_doc = old_doc;
    // A new first section renumbers the others; a mechanism's cell and the document date change.
    Section inserted;
    inserted.id.value = "covid";
    inserted.title = "Covid-19";
    Paragraph p;
    p.id.value = "covid-1";
    p.text = Text{"The pandemic.", {Span{Span::Kind::text, "The pandemic.", "", {}}}, {}};
    inserted.paragraphs.push_back(p);
    new_doc.sections.insert(new_doc.sections.begin(), inserted);
    new_doc.sections[1].paragraphs[0].text.source += " More.";
    new_doc.sections[1].paragraphs[0].text.spans.push_back(Span{Span::Kind::text, " More.", "", {}});
    new_doc.annex.mechanisms[0].frequency->source = "Once a year";
    new_doc.annex.mechanisms[0].frequency->spans = {Span{Span::Kind::text, "Once a year", "", {}}};
    new_doc.date.day = 30;

    diff::Result r = diff::compare(old_doc, new_doc);
    std::string text = diff::render_text(r);
    INFO(text);
    CHECK(text.find("Header, document date: [-23-]{+30+} March 2099\n") != std::string::npos);
    CHECK(text.find("Section 1, Covid-19: added section \"Covid-19") != std::string::npos);
    CHECK(text.find("2.1 (was 1.1), First section: … It also has a link and strong words.{+ More.+}\n") !=
          std::string::npos);
    CHECK(text.find("Annex, CEB, Frequency of meetings: [-Twice per-]{+Once a+} year\n") != std::string::npos);
    CHECK(text.find("Sections 1\u20132 renumbered 2\u20133 after section 1 was inserted\n") != std::string::npos);
    // Renumbering is told once, not as a change per paragraph.
    CHECK(r.changes.size() == 4);
    REQUIRE(r.renumbered.size() == 1);
    CHECK(r.renumbered[0].old_first == "1");
    CHECK(r.renumbered[0].new_last == "3");
    std::string json = diff::render_json(r);
    CHECK(json.find("\"old_number\": \"1.1\"") != std::string::npos);
    CHECK(json.find("\"new_number\": \"2.1\"") != std::string::npos);
    CHECK(json.find("\"location\": \"sections/first/paragraphs/opening\"") != std::string::npos);
}

TEST_CASE("a long text shows the changed words with context and the whole text when asked") {
    std::vector<diff::WordRun> runs{
        {diff::WordRun::Op::same, "one two three four five six seven eight nine ten "},
        {diff::WordRun::Op::removed, "old"},
        {diff::WordRun::Op::added, "new"},
        {diff::WordRun::Op::same, " eleven twelve thirteen fourteen fifteen sixteen"},
    };
    auto shown = diff::with_context(runs, 3);
    REQUIRE(shown.size() == 4);
    CHECK(shown[0].text == "\u2026 eight nine ten ");
    CHECK(shown[3].text == " eleven twelve thirteen \u2026");
    auto whole = diff::with_context(runs, 20);
    CHECK(whole[0].text == runs[0].text);
    CHECK(whole[3].text == runs[3].text);
    // Between two changes: both contexts, joined by "…" only when words are left out.
    std::vector<diff::WordRun> middle{{diff::WordRun::Op::added, "x"},
                                      {diff::WordRun::Op::same, " a b c d e f g h "},
                                      {diff::WordRun::Op::added, "y"}};
    CHECK(diff::with_context(middle, 2)[1].text == " a b \u2026 g h ");
    CHECK(diff::with_context(middle, 4)[1].text == middle[1].text);
}

TEST_CASE("every field of the model changed alone is marked in place by the Word and HTML redlines") {
    const Document original = with_editorial_lists();
    Mutator counter(static_cast<std::size_t>(-1));
    Document scratch = original;
    mutate(counter, scratch);
    EmitOptions emit;
    emit.templates_dir = source_dir() + "/templates";
    const std::string old_text = redlinetest::package_text(redlinetest::built_docx(original), std::nullopt);
    for (std::size_t target = 0; target < counter.count; ++target) {
        Mutator m(target);
        Document changed = original;
        mutate(m, changed);
        diff::Result r = diff::compare(original, changed);
        bool visible = std::any_of(r.changes.begin(), r.changes.end(), [](const diff::Change& c) { return c.visible; });
        INFO(m.changed << " (field " << target << ")\n" << diff::render_text(r));
        // Word: accepting every revision gives the changed report, rejecting every one the original.
        std::string docx = redlinetest::redline_docx(original, changed);
        CHECK(redlinetest::package_text(docx, true) ==
              redlinetest::package_text(redlinetest::built_docx(changed), std::nullopt));
        CHECK(redlinetest::package_text(docx, false) == old_text);
        std::string comment = docxtest::unzip_map(docx)["word/comments.xml"];
        // HTML: the change marked inside the report, or listed as never printed in the summary.
        std::string html = diff::render_html(r, original, changed, {}, emit);
        std::string report = html.substr(html.find("<main"));
        if (visible) {
            CHECK(redlinetest::revision_count(docx) > 0);
            CHECK((report.find("<ins") != std::string::npos || report.find("<del") != std::string::npos));
        } else {
            CHECK(comment.find("Not printed in the report:") != std::string::npos);
            CHECK(html.find("Not printed in the report:") != std::string::npos);
            for (const diff::Change& c : r.changes) {
                CHECK(comment.find(c.place) != std::string::npos);
            }
        }
    }
}
