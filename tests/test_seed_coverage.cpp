// The bundled corpus carries the whole published report: word coverage of the seed, in order.
#include "support.hpp"
#include "word_coverage.hpp"

#include <itucollab/emitter.hpp>

#include <catch2/catch.hpp>

using namespace testsupport;

TEST_CASE("word splitting handles the seed's glued cells") {
    CHECK(words("Introduction1.1As a DSAUNICC Côte d’Ivoire") ==
          std::vector<std::string>{"Introduction", "1", "1", "As", "a", "DSAUNICC", "Côte", "d", "Ivoire"});
    CHECK(words("termsTwice per year2 days") == std::vector<std::string>{"terms", "Twice", "per", "year", "2", "days"});
    CHECK(words("SIDSProvide") == std::vector<std::string>{"SIDS", "Provide"});
}

TEST_CASE("the text report of the bundled corpus carries at least 99% of the seed's words in order") {
    itucollab::DiskFileSystem disk;
    auto loaded = itucollab::load_corpus(disk, source_dir() + "/data/c21-inf-2");
    INFO(diagnostics_text(loaded));
    REQUIRE(loaded.document.has_value());
    std::string text = itucollab::find_emitter("text")->render(*loaded.document, {});
    Coverage c = coverage(read_file(source_dir() + "/tests/seed/c21-inf-2-seed.txt"), text);
    std::string missing;
    for (const auto& run : c.missing_runs) missing += "  [" + run + "]\n";
    INFO("matched " << c.matched << " of " << c.reference_words << " seed words; unmatched runs:\n" << missing);
    CHECK(c.ratio() >= 0.99);
    WARN("seed word coverage of the text report: " << c.matched << "/" << c.reference_words << " = "
                                                    << 100.0 * c.ratio() << "%");
}
