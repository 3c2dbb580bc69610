// Word-level coverage of a reference text by an output: the share of reference words found in order.
#pragma once

#include <string>
#include <vector>

namespace testsupport {

/// Splits text into words: runs of letters and digits, also split where a lower-case letter meets
/// an upper-case one or a letter meets a digit (the flattened seed glues cells: "DSAUNICC", "1.1As").
std::vector<std::string> words(const std::string& text);

/// Result of comparing two word sequences.
struct Coverage {
    std::size_t reference_words = 0;
    std::size_t matched = 0;      ///< longest common subsequence
    std::vector<std::string> missing_runs;  ///< reference words not matched, grouped in runs
    [[nodiscard]] double ratio() const { return reference_words ? double(matched) / double(reference_words) : 1.0; }
};

/// How much of `reference` appears in `output`, in order (dtl's longest common subsequence).
Coverage coverage(const std::string& reference, const std::string& output);

}  // namespace testsupport
