// Content rules and the `accept:` waivers, run after the schema and cross-reference checks.
#pragma once

#include <itucollab/loader.hpp>

namespace itucollab {

/// Header consistency, references, registries, links, annex cells and text hygiene.
void check_content_rules(const Document& doc, Diagnostics& diags, ValidationScope scope);

/// Warns (review-needed) for every `review:` entry of report.yaml; its id must name a record.
void check_reviews(const Document& doc, Diagnostics& diags);

/// Warns (unplaced-content) for every `unplaced:` entry of report.yaml, naming its Word location.
void check_unplaced(const Document& doc, Diagnostics& diags);

/// Drops the warnings that report.yaml's `accept:` waives, and reports entries that waive nothing.
void apply_acceptances(const Document& doc, Diagnostics& diags);

}  // namespace itucollab
