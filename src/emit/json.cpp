// JSON emitter: the typed model for interchange, its fields driven by the corpus schema (describe.hpp).
#include "formats.hpp"
#include "json_writer.hpp"

#include "../model/describe.hpp"
#include "../present/present.hpp"

#include <optional>
#include <string>
#include <vector>

namespace itucollab::emit {
namespace {

constexpr const char* format_name = "itucollab-report";
constexpr int format_version = 1;

template <class T>
concept Record = requires(T* t) { record_name(t); };

// A `describe` visitor that writes each field as a JSON member, in schema order; derived values
// (numbers, labels) are added around the schema fields by the `derived_*` overloads.
class ModelWriter {
public:
    explicit ModelWriter(Document doc) : doc_(std::move(doc)), index_(doc_) {}

    std::string run() {
        json_.begin_object();
        json_.key("format");
        json_.string(format_name);
        json_.key("version");
        json_.number(format_version);
        json_.key("full_symbol");
        json_.string(full_symbol(doc_));
        Manifest manifest;  // empty: its fields only mark where the sections, annex and registries go
        ReportFile report{&doc_, &manifest};
        describe(*this, report);
        json_.end_object();
        return json_.finish();
    }

    template <class T> void field(std::string_view key, T& value, Need, std::string_view) {
        json_.key(key);
        write(value);
    }
    // report.yaml names files; the JSON holds their content at the same place.
    void field(std::string_view key, FileRef&, Need, std::string_view) {
        if (key != "annex") return;
        json_.key(key);
        write(doc_.annex);
    }
    void field(std::string_view key, std::vector<FileRef>&, Need, std::string_view) {
        if (key == "sections") {
            json_.key(key);
            write(doc_.sections);
        } else if (key == "registries") {
            json_.key(key);
            RegistryFile registries{doc_.un_entities, doc_.instruments};
            write(registries);
        }
        // "mechanisms" files: the rows are written inside the annex
    }

private:
    void write(const std::string& s) { json_.string(s); }
    void write(int n) { json_.number(n); }
    void write(bool b) { json_.boolean(b); }
    void write(const Date& d) { json_.string(iso_date(d)); }
    void write(const Id& id) { json_.string(id.value); }
    void write(const Ref& ref) { json_.string(ref.id); }
    void write(Sector s) { json_.string(sector_label(s)); }
    void write(const Text& text) {
        json_.begin_object();
        json_.key("source");
        json_.string(text.source);
        json_.key("plain");
        json_.string(present::plain(text.spans, index_));
        json_.end_object();
    }
    template <class T> void write(std::optional<T>& value) {
        if (value) {
            write(*value);
        } else {
            json_.null();
        }
    }
    template <class T> void write(std::vector<T>& values) {
        json_.begin_array();
        for (std::size_t i = 0; i < values.size(); ++i) {
            positions_.push_back(i);
            write(values[i]);
            positions_.pop_back();
        }
        json_.end_array();
    }
    template <Record T> void write(T& record) {
        json_.begin_object();
        derived_before(record);
        describe(*this, record);
        derived_after(record);
        json_.end_object();
    }

    void member(std::string_view key, const std::string& value) {
        json_.key(key);
        json_.string(value);
    }
    void member(std::string_view key, const std::optional<std::string>& value) {
        json_.key(key);
        if (value) {
            json_.string(*value);
        } else {
            json_.null();
        }
    }

    void derived_before(const Section&) {
        section_index_ = positions_.back();
        member("number", std::to_string(section_index_ + 1));
    }
    void derived_before(const Paragraph&) { member("number", paragraph_number(section_index_, positions_.back())); }
    void derived_before(const Footnote& f) {
        json_.key("number");
        json_.number(index_.footnote_number(f.id.value));
    }
    template <class T> void derived_before(const T&) {}

    void derived_after(const Session& s) { member("dates", format_date_range(s.start, s.end)); }
    void derived_after(const InitiativeItem& item) {
        const UnEntity* e = item.agency ? index_.entity(item.agency->id) : nullptr;
        member("agency_label", e ? std::optional<std::string>(e->acronym) : std::nullopt);
    }
    void derived_after(const RelevanceBlock& b) {
        const Instrument* ins = b.cite ? index_.instrument(b.cite->id) : nullptr;
        member("instrument_label", ins ? std::optional<std::string>(instrument_label(*ins)) : std::nullopt);
        member("instrument_title", ins ? ins->title : std::nullopt);
    }
    void derived_after(Annex& a) {
        MechanismsFile rows{a.mechanisms};
        describe(*this, rows);
    }
    void derived_after(const Instrument& ins) { member("printed_label", instrument_label(ins)); }
    template <class T> void derived_after(const T&) {}

    Document doc_;  // a private copy: describe() takes mutable records, this writer only reads them
    DocumentIndex index_;
    JsonWriter json_;
    std::vector<std::size_t> positions_;  // index of each array element being written, innermost last
    std::size_t section_index_ = 0;
};

}  // namespace

std::string render_json(const Document& doc, const EmitOptions&) { return ModelWriter(doc).run(); }

}  // namespace itucollab::emit
