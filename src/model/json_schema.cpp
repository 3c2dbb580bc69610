// Generates the corpus JSON Schemas by walking the same describe() definitions the loader reads with.
#include <itucollab/schema.hpp>
#include <itucollab/report_formats.hpp>

#include "describe.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

namespace itucollab {
namespace {

std::string slug(const char* record) {
    std::string s;
    for (const char* p = record; *p; ++p) {
        char c = *p;
        if (c == ' ' || c == '.') {
            s += '-';
        } else {
            s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return s;
}

class SchemaWriter {
public:
    // Visitor interface called by describe(): collects one property.
    template <class T> void field(std::string_view key, T& value, Need need, std::string_view doc) {
        std::string type = type_of(&value);
        props_->push_back({std::string(key), fmt::format("{{\"description\": {}, {}", json_quote(doc), type.substr(1))});
        if (need == Need::required) required_->push_back(std::string(key));
    }

    template <class Record> std::string root(Record& record) {
        std::string ref = define(record);
        std::string defs;
        for (const auto& [name, body] : definitions_) defs += fmt::format("{}\n    {}: {}", defs.empty() ? "" : ",", json_quote(name), body);
        return fmt::format("{{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"$ref\": {},\n"
                           "  \"definitions\": {{{}\n  }}\n}}\n",
                           json_quote("#/definitions/" + ref), defs);
    }

private:
    struct Property {
        std::string key;
        std::string schema;
    };

    template <class Record> std::string define(Record& record) {
        std::string name = slug(record_name(&record));
        if (definitions_.contains(name)) return name;
        definitions_[name] = "";  // placeholder against recursion
        std::vector<Property> props;
        std::vector<std::string> required;
        auto* saved_props = props_;
        auto* saved_required = required_;
        props_ = &props;
        required_ = &required;
        describe(*this, record);
        props_ = saved_props;
        required_ = saved_required;
        std::string body = "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {";
        for (std::size_t i = 0; i < props.size(); ++i) {
            body += fmt::format("{}{}: {}", i ? ", " : "", json_quote(props[i].key), props[i].schema);
        }
        body += "}";
        if (!required.empty()) {
            body += ", \"required\": [";
            for (std::size_t i = 0; i < required.size(); ++i) body += (i ? ", " : "") + json_quote(required[i]);
            body += "]";
        }
        definitions_[name] = body + "}";
        return name;
    }

    // A plain YAML scalar such as 2018 or true is text to the loader wherever text is expected.
    static constexpr const char* text_type = R"({"type": ["string", "number", "boolean"]})";
    std::string type_of(std::string*) { return text_type; }
    std::string type_of(int*) { return "{\"type\": \"integer\"}"; }
    std::string type_of(bool*) { return "{\"type\": \"boolean\"}"; }
    std::string type_of(Date*) { return R"({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})"; }
    std::string type_of(Text*) { return text_type; }
    std::string type_of(Id*) {
        return R"({"anyOf": [{"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$"}, {"type": "integer", "minimum": 0}]})";
    }
    std::string type_of(Ref*) { return text_type; }
    std::string type_of(FileRef*) { return R"({"type": "string", "pattern": "\\.ya?ml$"})"; }
    std::string type_of(Sector*) { return R"({"enum": ["BR", "TSB", "BDT", "GS"]})"; }
    std::string type_of(RelevanceBlock* b) {
        return fmt::format("{{\"anyOf\": [{}, {{\"$ref\": {}}}]}}", text_type,
                           json_quote("#/definitions/" + define(*b)));
    }
    template <class T> std::string type_of(std::optional<T>*) {
        T inner{};
        return fmt::format("{{\"anyOf\": [{}, {{\"type\": \"null\"}}]}}", type_of(&inner));
    }
    template <class T> std::string type_of(std::vector<T>*) {
        T inner{};
        return fmt::format("{{\"type\": \"array\", \"items\": {}}}", type_of(&inner));
    }
    template <class T>
        requires requires(T* t) { record_name(t); }
    std::string type_of(T* record) {
        return fmt::format("{{\"$ref\": {}}}", json_quote("#/definitions/" + define(*record)));
    }

    std::map<std::string, std::string> definitions_;
    std::vector<Property>* props_ = nullptr;
    std::vector<std::string>* required_ = nullptr;
};

}  // namespace

std::vector<std::string> corpus_file_kinds() { return {"report", "section", "annex", "mechanisms", "registry"}; }

std::string corpus_json_schema(const std::string& kind) {
    SchemaWriter writer;
    if (kind == "report") {
        Document doc;
        Manifest manifest;
        ReportFile report{&doc, &manifest};
        return writer.root(report);
    }
    if (kind == "section") {
        Section s;
        return writer.root(s);
    }
    if (kind == "annex") {
        Annex a;
        return writer.root(a);
    }
    if (kind == "mechanisms") {
        MechanismsFile m;
        return writer.root(m);
    }
    if (kind == "registry") {
        RegistryFile r;
        return writer.root(r);
    }
    throw std::invalid_argument("unknown corpus file kind '" + kind + "'");
}

}  // namespace itucollab
