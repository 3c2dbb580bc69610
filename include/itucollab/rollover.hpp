// Starting next year's corpus from this year's: header advanced, date-bound texts flagged for review.
#pragma once

#include <itucollab/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace itucollab {

/// How to roll a report over to the next Council.
struct RolloverOptions {
    std::optional<int> number;  ///< the new symbol's number; default: the old one
};

/// The new report.yaml text, or why it could not be made.
struct RolloverResult {
    std::string report_yaml;
    std::string new_symbol;
    std::vector<Review> reviews;  ///< the entries written to `review:`
    std::string error;            ///< non-empty on failure
};

/// `date` one year later; 29 February becomes 28 February.
Date next_year(const Date& date);

/// The next Council's symbol: C21/INF/2 → C22/INF/2 (or C22/INF/`number`); empty when `symbol`
/// is not a Council symbol.
std::string next_symbol(const std::string& symbol, std::optional<int> number);

/// The records whose texts mention months, or years from three before to one after the session's,
/// with why, in reading order.
std::vector<Review> date_bound_texts(const Document& doc);

/// Rewrites OLD's report.yaml text with the smallest edits (comments and layout kept): symbol,
/// session name, dates, OLD's symbol appended to the references, and a `review:` list.
RolloverResult rollover_report(const std::string& report_yaml, const std::string& path, const Document& old_doc,
                               const RolloverOptions& options);

}  // namespace itucollab
