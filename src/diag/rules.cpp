// The rule catalogue table; docs/rules.md documents each row with a failing example and the fix.
#include <itucollab/rules.hpp>

#include <array>

namespace itucollab {
namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

constexpr std::array<RuleInfo, 70> catalogue{{
    {"invalid-utf8", E, "encoding", "a file contains bytes that are not UTF-8"},
    {"byte-order-mark", E, "encoding", "a file starts with a byte-order mark"},
    {"control-character", E, "encoding", "a file or a text holds a control character or NUL"},
    {"noncharacter", E, "encoding", "a file holds U+FFFE or U+FFFF"},
    {"file-too-large", E, "encoding", "a file exceeds the size limit"},
    {"yaml-syntax", E, "yaml", "the file is not well-formed YAML"},
    {"yaml-anchor", E, "yaml", "YAML anchors are not allowed"},
    {"yaml-alias", E, "yaml", "YAML aliases are not allowed"},
    {"yaml-tag", E, "yaml", "YAML tags are not allowed"},
    {"yaml-merge-key", E, "yaml", "merge keys (<<) are not allowed"},
    {"yaml-complex-key", E, "yaml", "a mapping key is not plain text"},
    {"second-document", E, "yaml", "a file holds more than one YAML document"},
    {"nesting-too-deep", E, "yaml", "nesting exceeds the depth limit"},
    {"too-many-nodes", E, "yaml", "a file exceeds the node limit"},
    {"duplicate-key", E, "yaml", "a key appears twice in one mapping"},
    {"unknown-key", E, "schema", "a key the corpus format does not define"},
    {"missing-field", E, "schema", "a required key is missing"},
    {"wrong-type", E, "schema", "a value has the wrong type"},
    {"out-of-range", E, "schema", "a number is out of range"},
    {"invalid-date", E, "schema", "a date is not a calendar date written YYYY-MM-DD"},
    {"invalid-id", E, "schema", "an id is not lower-case letters, digits and dashes"},
    {"unknown-sector", E, "schema", "a sector is not BR, TSB, BDT or GS"},
    {"empty-file", E, "schema", "a corpus file is empty"},
    {"corpus-not-found", E, "corpus", "the corpus directory or its report.yaml is missing"},
    {"unreadable-file", E, "corpus", "a corpus file cannot be read"},
    {"too-many-files", E, "corpus", "the corpus has more files than the limit"},
    {"corpus-too-large", E, "corpus", "the corpus files together exceed the corpus size limit"},
    {"too-many-diagnostics", E, "corpus", "a run found more diagnostics than the limit"},
    {"symlink-refused", E, "corpus", "a symbolic link inside the corpus"},
    {"bad-path", E, "corpus", "a listed path leaves the corpus or is not a .yaml file"},
    {"missing-file", E, "corpus", "a listed file does not exist"},
    {"duplicate-file", E, "corpus", "a file is listed twice"},
    {"unlisted-file", E, "corpus", "a YAML file in the corpus is not listed in report.yaml"},
    {"duplicate-id", E, "document", "two records share an id"},
    {"dangling-reference", E, "document", "a reference to an id that does not exist"},
    {"unknown-language", E, "document", "the language is not an ITU official language"},
    {"bad-symbol", E, "document", "the document symbol is malformed"},
    {"symbol-year", E, "document", "the symbol's Council year differs from the session's year"},
    {"session-dates", E, "document", "the session ends before it starts"},
    {"date-after-session", E, "document", "the document is dated after its session starts"},
    {"bad-reference", E, "document", "a referenced document symbol is malformed"},
    {"self-reference", E, "document", "the references include the document itself"},
    {"references-order", W, "document", "the references are not in chronological order"},
    {"missing-previous-report", W, "document", "the references lack the previous session's report"},
    {"unknown-kind", E, "document", "an instrument kind is not resolution, decision, recommendation or declaration"},
    {"unused-registry-entry", W, "document", "a registry entry that nothing cites"},
    {"unused-footnote", W, "document", "a footnote that nothing references"},
    {"unknown-rule", E, "document", "an accept entry names a rule that cannot be accepted"},
    {"unused-accept", W, "document", "an accept entry that waives nothing"},
    {"review-needed", W, "document", "rolled-over text or dates still to review"},
    {"unplaced-content", W, "document", "content an import could not place, listed under unplaced:"},
    {"empty-link", E, "text", "a link with an empty target"},
    {"link-scheme", E, "text", "a link that is not http, https or mailto"},
    {"bad-link", E, "text", "a malformed http, https or mailto link"},
    {"inline-image", E, "text", "an image (`![alt](url)`) in a text: a report text cannot show images"},
    {"code-span", E, "text", "a code span (text between backticks) in a text: the report has no code"},
    {"link-title", E, "text", "a link title (`[text](url \"title\")`), which no output shows"},
    {"link-definition", E, "text", "a link reference definition (`[label]: url`), which would vanish from the text"},
    {"too-much-markup", E, "text", "a text holds more inline markup characters than the limit"},
    {"field-code-remnant", E, "text", "a Word field code left in the text (HYPERLINK …)"},
    {"empty-parentheses", W, "text", "empty parentheses, often a lost link: \"(see )\""},
    {"doubled-space", W, "text", "two spaces in a row"},
    {"stray-whitespace", W, "text", "a text starts or ends with whitespace"},
    {"unbalanced-brackets", W, "text", "parentheses or square brackets that do not pair"},
    {"unbalanced-quotes", W, "text", "quotation marks that do not pair"},
    {"relevance-block", E, "annex", "a relevance block that is not exactly one of text or cite"},
    {"unknown-column", E, "annex", "the annex note names an unknown column"},
    {"duplicate-mechanism-name", E, "annex", "two mechanisms share a name"},
    {"duplicate-acronym", E, "annex", "two mechanisms share an acronym"},
    {"empty-cell", E, "annex", "an annex cell is empty text instead of ~ (deliberately blank)"},
}};

}  // namespace

std::span<const RuleInfo> rule_catalogue() { return catalogue; }

const RuleInfo* find_rule(std::string_view code) {
    for (const auto& r : catalogue) {
        if (r.code == code) return &r;
    }
    return nullptr;
}

}  // namespace itucollab
