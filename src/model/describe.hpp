// The corpus schema as code: which YAML keys fill which model fields. One definition serves
// the loader, and later the JSON Schema and JSON writers, so they cannot drift apart.
#pragma once

#include <itucollab/model.hpp>

#include <concepts>
#include <string>
#include <type_traits>
#include <vector>

namespace itucollab {

/// `R` is the record type `T`, const or not: every `describe` works on the loader's mutable
/// records and on the const records that writers and the diff walk.
template <class R, class T>
concept Describes = std::same_as<std::remove_const_t<R>, T>;

/// Whether a key must be written. A required key whose field is optional may hold `~`.
enum class Need { required, optional };

/// A path to another corpus file, relative to the corpus directory.
struct FileRef {
    std::string path;
    SourceLoc loc;
};

/// `report.yaml`'s list of the other files, in the order they are read.
struct Manifest {
    std::vector<FileRef> sections;
    FileRef annex;
    std::vector<FileRef> mechanisms;
    std::vector<FileRef> registries;
};

/// The root of an `annex/mechanisms.yaml`-style file.
struct MechanismsFile {
    std::vector<Mechanism> mechanisms;
};

/// The root of a registry file.
struct RegistryFile {
    std::vector<UnEntity> un_entities;
    std::vector<Instrument> instruments;
};

/// The root of `report.yaml`: the header block and the manifest.
struct ReportFile {
    Document* doc;
    Manifest* manifest;
};

template <class V, Describes<Session> R> void describe(V& v, R& s) {
    v.field("name", s.name, Need::required, "Session name as printed, e.g. \"Council 2021\"");
    v.field("venue", s.venue, Need::required, "Venue, e.g. \"Virtual consultation of councillors\"");
    v.field("start", s.start, Need::required, "First day of the session");
    v.field("end", s.end, Need::required, "Last day of the session");
}

/// The header block of a document, in report.yaml's order (the fields before the manifest).
template <class V, Describes<Document> D> void describe_header(V& v, D& d) {
    v.field("language", d.language, Need::required, "Document language, BCP 47 primary tag (en, fr, es, ar, zh, ru)");
    v.field("symbol", d.symbol, Need::required, "Document symbol without language suffix, e.g. C21/INF/2");
    v.field("short_title", d.short_title, Need::required, "Short title for metadata and running heads");
    v.field("title", d.title, Need::required, "Title as printed on the cover");
    v.field("session", d.session, Need::required, "The Council session");
    v.field("date", d.date, Need::required, "Document date");
    v.field("distribution", d.distribution, Need::required, "Distribution line, e.g. \"English only\"");
    v.field("origin", d.origin, Need::required, "Origin line, e.g. \"Report by the Secretary-General\"");
    v.field("summary", d.summary, Need::required, "Summary");
    v.field("action_required", d.action_required, Need::required, "Action required");
    v.field("references", d.references, Need::required, "Earlier documents referenced, in chronological order");
}

/// The editorial lists of report.yaml after the manifest: accepted warnings and texts to review.
template <class V, Describes<Document> D> void describe_editorial(V& v, D& d) {
    v.field("accept", d.accepted, Need::optional, "Warnings accepted on purpose, each with its reason");
    v.field("review", d.reviews, Need::optional,
            "Texts still to review after a rollover; `check` warns (review-needed) until each entry is removed");
    v.field("unplaced", d.unplaced, Need::optional,
            "Content `itucollab import` could not place, with its place in the Word document; `check` warns "
            "(unplaced-content) until each is moved into the corpus and its entry removed");
}

template <class V> void describe(V& v, ReportFile& r) {
    Manifest& m = *r.manifest;
    describe_header(v, *r.doc);
    v.field("sections", m.sections, Need::required, "Section files, in order");
    v.field("annex", m.annex, Need::required, "The annex file");
    v.field("mechanisms", m.mechanisms, Need::required, "Files holding the annex table rows, in order");
    v.field("registries", m.registries, Need::required, "Registry files (UN entities, instruments)");
    describe_editorial(v, *r.doc);
}

template <class V, Describes<UnplacedContent> U> void describe(V& v, U& u) {
    v.field("where", u.where, Need::required, "Its place in the Word document, e.g. \"table 2 row 4 column 3\"");
    v.field("text", u.text, Need::required, "The content, as plain text");
}

template <class V, Describes<Review> R> void describe(V& v, R& r) {
    v.field("in", r.in, Need::required, "Id of the record whose text to review");
    v.field("reason", r.reason, Need::required, "What to review, e.g. last year's dates");
}

template <class V, Describes<Acceptance> R> void describe(V& v, R& a) {
    v.field("rule", a.rule, Need::required, "Code of the accepted warning, e.g. unbalanced-brackets");
    v.field("in", a.in, Need::required, "Id of the record whose text keeps the flagged wording");
    v.field("reason", a.reason, Need::required, "Why the text stays as it is");
}

template <class V, Describes<Footnote> R> void describe(V& v, R& f) {
    v.field("id", f.id, Need::required, "Footnote id, referenced as [^id]");
    v.field("text", f.text, Need::required, "Footnote text");
}

template <class V, Describes<Paragraph> R> void describe(V& v, R& p) {
    v.field("id", p.id, Need::required, "Stable paragraph id");
    v.field("text", p.text, Need::required, "Paragraph text");
    v.field("bullets", p.bullets, Need::optional, "Unnumbered list printed after the paragraph");
}

template <class V, Describes<InitiativeItem> R> void describe(V& v, R& i) {
    v.field("id", i.id, Need::required, "Stable item id");
    v.field("agency", i.agency, Need::optional, "UN entity id, printed as the item's label");
    v.field("text", i.text, Need::required, "Item text");
}

template <class V, Describes<InitiativeGroup> R> void describe(V& v, R& g) {
    v.field("sector", g.sector, Need::required, "ITU sector: BR, TSB, BDT or GS");
    v.field("intro", g.intro, Need::optional, "Paragraphs before the items");
    v.field("items", g.items, Need::required, "The initiatives");
}

template <class V, Describes<Section> R> void describe(V& v, R& s) {
    v.field("id", s.id, Need::required, "Stable section id");
    v.field("title", s.title, Need::required, "Section heading");
    v.field("paragraphs", s.paragraphs, Need::required, "Numbered paragraphs, in order");
    v.field("footnotes", s.footnotes, Need::optional, "Footnotes referenced from this section");
    v.field("initiatives", s.initiatives, Need::optional, "Initiative groups by ITU sector");
}

template <class V, Describes<RelevanceBlock> R> void describe(V& v, R& b) {
    v.field("text", b.text, Need::optional, "Free text");
    v.field("cite", b.cite, Need::optional, "Instrument id from the registry");
    v.field("title", b.show_title, Need::optional, "Print the instrument's title after its label (default true)");
    v.field("append", b.append, Need::optional, "Text printed right after the instrument's title");
}

template <class V, Describes<Mechanism> R> void describe(V& v, R& m) {
    v.field("id", m.id, Need::required, "Stable mechanism id");
    v.field("name", m.name, Need::required, "Name as published");
    v.field("acronym", m.acronym, Need::optional, "Acronym");
    v.field("key_activity", m.key_activity, Need::required, "Key activity cell (~ when blank)");
    v.field("relevance", m.relevance, Need::required, "Key ITU relevance cell: text and cited instruments");
    v.field("frequency", m.frequency, Need::required, "Frequency of meetings cell (~ when blank)");
    v.field("time_spent", m.time_spent, Need::required, "Time spent cell (~ when blank)");
    v.field("financial", m.financial, Need::required, "Financial implications cell (~ when blank)");
}

template <class V, Describes<MechanismsFile> R> void describe(V& v, R& f) {
    v.field("mechanisms", f.mechanisms, Need::required, "Annex table rows, in order");
}

template <class V, Describes<AnnexHeadings> R> void describe(V& v, R& h) {
    v.field("name", h.name, Need::required, "Heading of the name column");
    v.field("key_activity", h.key_activity, Need::required, "Heading of the key activity column");
    v.field("relevance", h.relevance, Need::required, "Heading of the ITU relevance column");
    v.field("frequency", h.frequency, Need::required, "Heading of the frequency column");
    v.field("time_spent", h.time_spent, Need::required, "Heading of the time spent column");
    v.field("financial", h.financial, Need::required, "Heading of the financial implications column");
}

template <class V, Describes<AnnexNote> R> void describe(V& v, R& n) {
    v.field("mark", n.mark, Need::required, "Mark appended to the headings of `columns`, e.g. *");
    v.field("columns", n.columns, Need::required, "Column keys that carry the mark");
    v.field("text", n.text, Need::required, "Note text, printed after the table");
}

template <class V, Describes<Annex> R> void describe(V& v, R& a) {
    v.field("title", a.title, Need::required, "Annex title");
    v.field("intro", a.intro, Need::required, "Introduction to the benefits list");
    v.field("benefits", a.benefits, Need::required, "Numbered list of benefits");
    v.field("headings", a.headings, Need::required, "Column headings of the mechanisms table");
    v.field("note", a.note, Need::required, "The note on marked columns");
}

template <class V, Describes<UnEntity> R> void describe(V& v, R& e) {
    v.field("id", e.id, Need::required, "Registry id");
    v.field("acronym", e.acronym, Need::required, "Acronym as printed");
    v.field("name", e.name, Need::required, "Full name");
}

template <class V, Describes<Instrument> R> void describe(V& v, R& i) {
    v.field("id", i.id, Need::required, "Registry id, e.g. pp-res-131");
    v.field("body", i.body, Need::required, "Adopting body: PP, WTDC, WTSA, RA, Council …");
    v.field("kind", i.kind, Need::required, "resolution, decision, recommendation or declaration");
    v.field("number", i.number, Need::required, "Number as printed");
    v.field("revised", i.revised, Need::optional, "Printed with \"Rev.\" before the place");
    v.field("place", i.place, Need::required, "Place of adoption or last revision");
    v.field("year", i.year, Need::required, "Year of adoption or last revision");
    v.field("title", i.title, Need::optional, "Title as printed");
    v.field("label", i.label, Need::optional, "Published label when it departs from the generated one");
}

template <class V, Describes<RegistryFile> R> void describe(V& v, R& r) {
    v.field("un_entities", r.un_entities, Need::optional, "UN entities");
    v.field("instruments", r.instruments, Need::optional, "ITU instruments");
}

}  // namespace itucollab

namespace itucollab {

/// The noun used for a record in messages ("unknown key 'x' in mechanism").
inline const char* record_name(const Session*) { return "session"; }
inline const char* record_name(const ReportFile*) { return "report.yaml"; }
inline const char* record_name(const Footnote*) { return "footnote"; }
inline const char* record_name(const Paragraph*) { return "paragraph"; }
inline const char* record_name(const InitiativeItem*) { return "initiative item"; }
inline const char* record_name(const InitiativeGroup*) { return "initiative group"; }
inline const char* record_name(const Section*) { return "section"; }
inline const char* record_name(const RelevanceBlock*) { return "relevance block"; }
inline const char* record_name(const Mechanism*) { return "mechanism"; }
inline const char* record_name(const MechanismsFile*) { return "mechanisms file"; }
inline const char* record_name(const AnnexHeadings*) { return "annex headings"; }
inline const char* record_name(const AnnexNote*) { return "annex note"; }
inline const char* record_name(const Annex*) { return "annex"; }
inline const char* record_name(const UnEntity*) { return "UN entity"; }
inline const char* record_name(const Instrument*) { return "instrument"; }
inline const char* record_name(const RegistryFile*) { return "registry file"; }
inline const char* record_name(const Acceptance*) { return "accepted warning"; }
inline const char* record_name(const Review*) { return "review entry"; }
inline const char* record_name(const UnplacedContent*) { return "unplaced content"; }

}  // namespace itucollab
