// The typed document model of a Council information report: plain structs, no YAML types.
#pragma once

#include <itucollab/diagnostics.hpp>

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab {

/// A calendar date (proleptic Gregorian); 0 fields mean "unset".
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    auto operator<=>(const Date&) const = default;
};

/// One run of inline content inside a text: plain text, emphasis, link or footnote reference.
struct Span {
    enum class Kind { text, emphasis, strong, link, footnote_ref };
    Kind kind = Kind::text;
    std::string text;            ///< literal text (kind text) or footnote id (kind footnote_ref)
    std::string target;          ///< link target (kind link)
    std::vector<Span> children;  ///< content of emphasis, strong and link
};

/// A text field: its source markup, the parsed inline spans, and where it was written.
struct Text {
    std::string source;
    std::vector<Span> spans;
    SourceLoc loc;
};

/// An identifier with the place it was declared, so duplicates can point at both.
struct Id {
    std::string value;
    SourceLoc loc;
};

/// A reference by id to a registry entry, with the place it was written.
struct Ref {
    std::string id;
    SourceLoc loc;
};

/// The Council session the report is addressed to.
struct Session {
    std::string name;   ///< "Council 2021"
    std::string venue;  ///< "Virtual consultation of councillors"
    Date start;
    Date end;
    SourceLoc loc;
};

/// A footnote defined by a section; its number derives from the order of first reference.
struct Footnote {
    Id id;
    Text text;
    SourceLoc loc;
};

/// A numbered paragraph, optionally followed by an unnumbered bullet list.
struct Paragraph {
    Id id;
    Text text;
    std::vector<Text> bullets;
    SourceLoc loc;
};

/// The ITU sectors by which initiatives are grouped.
enum class Sector { br, tsb, bdt, gs };

/// One initiative, optionally labelled with the UN entity it concerns.
struct InitiativeItem {
    Id id;
    std::optional<Ref> agency;
    Text text;
    SourceLoc loc;
};

/// The initiatives of one ITU sector.
struct InitiativeGroup {
    Sector sector = Sector::br;
    std::vector<Text> intro;
    std::vector<InitiativeItem> items;
    SourceLoc loc;
};

/// A numbered section of the report body.
struct Section {
    Id id;
    std::string title;
    std::vector<Paragraph> paragraphs;
    std::vector<Footnote> footnotes;
    std::vector<InitiativeGroup> initiatives;
    SourceLoc loc;
};

/// One block of a mechanism's "ITU relevance" cell: free text or a cited instrument.
struct RelevanceBlock {
    std::optional<Text> text;
    std::optional<Ref> cite;
    bool show_title = true;           ///< print the instrument's title after its label
    std::optional<std::string> append;  ///< printed right after the title
    SourceLoc loc;
};

/// A table cell that may be explicitly blank (`~` in the corpus).
using Cell = std::optional<Text>;

/// One row of the annex table: a UN inter-agency mechanism.
struct Mechanism {
    Id id;
    std::string name;
    std::optional<std::string> acronym;
    Cell key_activity;
    std::vector<RelevanceBlock> relevance;
    Cell frequency;
    Cell time_spent;
    Cell financial;
    SourceLoc loc;
};

/// The six annex column headings, in published order.
struct AnnexHeadings {
    std::string name;
    std::string key_activity;
    std::string relevance;
    std::string frequency;
    std::string time_spent;
    std::string financial;
    SourceLoc loc;
};

/// The note attached to some annex columns by a mark such as "*".
struct AnnexNote {
    std::string mark;
    std::vector<std::string> columns;  ///< column keys carrying the mark
    Text text;
    SourceLoc loc;
};

/// The annex: introduction, benefits list, mechanisms table and its note.
struct Annex {
    std::string title;
    Text intro;
    std::vector<Text> benefits;
    AnnexHeadings headings;
    AnnexNote note;
    std::vector<Mechanism> mechanisms;
    SourceLoc loc;
};

/// A UN system entity, cited by id (e.g. as an initiative's agency label).
struct UnEntity {
    Id id;
    std::string acronym;
    std::string name;
    SourceLoc loc;
};

/// An ITU instrument: resolution, decision, recommendation or declaration of a given body.
struct Instrument {
    Id id;
    std::string body;  ///< "PP", "WTDC", "WTSA", "Council" …
    std::string kind;  ///< "resolution", "decision", "recommendation", "declaration"
    std::string number;
    bool revised = false;
    std::string place;
    int year = 0;
    std::optional<std::string> title;
    std::optional<std::string> label;  ///< published label when it departs from the generated one
    SourceLoc loc;
};

/// A hygiene warning accepted on purpose, e.g. unbalanced brackets in published wording.
struct Acceptance {
    std::string rule;    ///< the warning's code
    Ref in;              ///< id of the record whose text it concerns
    std::string reason;  ///< why the text stays as it is
    SourceLoc loc;
};

/// A text an editor still has to review (written by `itucollab rollover`); warned about until removed.
struct Review {
    Ref in;              ///< id of the record whose text to review
    std::string reason;  ///< what to look at
    SourceLoc loc;
};

/// Content `itucollab import` could not place in the report's structure, kept so nothing is lost;
/// `check` warns (unplaced-content) until an editor moves it into the corpus and removes the entry.
struct UnplacedContent {
    std::string where;  ///< its place in the Word document: "section 3, paragraph 12", "table 2 row 4 column 3"
    std::string text;   ///< the content as plain text
    SourceLoc loc;
};

/// The whole report.
struct Document {
    std::string language;  ///< BCP 47 primary tag, "en"
    std::string symbol;    ///< "C21/INF/2"
    std::string short_title;
    std::string title;
    Session session;
    Date date;
    std::string distribution;
    std::string origin;
    Text summary;
    Text action_required;
    std::vector<std::string> references;
    std::vector<Section> sections;
    Annex annex;
    std::vector<UnEntity> un_entities;
    std::vector<Instrument> instruments;
    std::vector<Acceptance> accepted;
    std::vector<Review> reviews;
    std::vector<UnplacedContent> unplaced;
    SourceLoc loc;
    /// Where report.yaml's values were written: "symbol", "date", "references.0" …
    std::map<std::string, SourceLoc> field_locs;
    /// The location of a report.yaml value, or of the file when unknown.
    [[nodiscard]] SourceLoc field_loc(const std::string& key) const {
        auto it = field_locs.find(key);
        return it == field_locs.end() ? loc : it->second;
    }
};

// ---- derived values (src/model/document.cpp) ----

/// "E" for "en", "F" for "fr" … (the ITU language suffix); empty when unknown.
std::string language_suffix(const std::string& language);
/// "C21/INF/2-E".
std::string full_symbol(const Document& doc);
/// "C21-INF-2-E": the output file stem, derived from the validated symbol only.
std::string output_stem(const Document& doc);
/// "23 March 2021".
std::string format_date(const Date& d);
/// "8-18 June 2021", "30 June-2 July 2021".
std::string format_date_range(const Date& start, const Date& end);
/// "2021-03-23".
std::string iso_date(const Date& d);
/// "BR", "TSB", "BDT", "GS".
std::string sector_label(Sector s);
/// "PP Res. 131 (Rev. Dubai, 2018)", or the instrument's label override.
std::string instrument_label(const Instrument& ins);
/// "1.2": section and paragraph numbers are derived from order, 0-based indexes in.
std::string paragraph_number(std::size_t section_index, std::size_t paragraph_index);

/// Lookups built once from a document: registry entries by id, footnote numbers by id.
class DocumentIndex {
public:
    explicit DocumentIndex(const Document& doc);
    [[nodiscard]] const Instrument* instrument(const std::string& id) const;
    [[nodiscard]] const UnEntity* entity(const std::string& id) const;
    [[nodiscard]] const Footnote* footnote(const std::string& id) const;
    /// 1-based footnote number in order of first reference; 0 when never referenced.
    [[nodiscard]] int footnote_number(const std::string& id) const;

private:
    std::map<std::string, const Instrument*> instruments_;
    std::map<std::string, const UnEntity*> entities_;
    std::map<std::string, const Footnote*> footnotes_;
    std::map<std::string, int> footnote_numbers_;
};

/// The six annex columns in published order: key (as in AnnexNote::columns) and heading.
std::array<std::pair<const char*, const std::string*>, 6> annex_columns(const AnnexHeadings& h);

/// Words of the boilerplate the document prints in its language ("Summary", "References" …).
struct Labels {
    std::string document = "Document";
    std::string summary = "Summary";
    std::string action_required = "Action required";
    std::string references = "References";
    std::string documents = "Documents";
    std::string annex = "ANNEX";
    std::string contents = "Contents";
    std::string footnotes = "Notes";
    std::string and_word = "and";  ///< joins the last two items of a list ("A, B and C")
};

/// The labels for a document language (English for languages not yet translated).
const Labels& labels_for(const std::string& language);

/// Calls `fn` on every text of the document in reading order, with the id of the record that
/// holds it ("report" for the header, "annex" for the annex's own texts).
void visit_texts(const Document& doc, const std::function<void(const Text&, const std::string& owner)>& fn);

/// True for the link schemes a report may carry: http, https and mailto, in any letter case.
bool allowed_link_target(std::string_view target);

/// The plain text of inline spans: markup dropped, footnote references as "[n]" via `index`.
std::string plain_text(const std::vector<Span>& spans, const DocumentIndex* index = nullptr);

}  // namespace itucollab
