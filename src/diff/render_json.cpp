// The JSON rendering of a diff: {"format": "itucollab-diff", "version": 2, …}, stable field order.
#include <itucollab/diff.hpp>

#include "../emit/json_writer.hpp"

#include <fmt/format.h>

namespace itucollab::diff {

std::string render_json(const Result& result) {
    emit::JsonWriter w;
    w.begin_object();
    w.key("format");
    w.string("itucollab-diff");
    w.key("version");
    w.number(2);
    w.key("old");
    w.begin_object();
    w.key("symbol");
    w.string(result.old_symbol);
    w.end_object();
    w.key("new");
    w.begin_object();
    w.key("symbol");
    w.string(result.new_symbol);
    w.end_object();
    Summary s = result.summary();
    w.key("summary");
    w.begin_object();
    for (auto [name, n] : {std::pair{"added", s.added}, {"removed", s.removed}, {"changed", s.changed},
                           {"moved", s.moved}, {"renamed", s.renamed}, {"total", s.total()}}) {
        w.key(name);
        w.number(static_cast<long long>(n));
    }
    w.end_object();
    w.key("changes");
    w.begin_array();
    for (const auto& c : result.changes) {
        w.begin_object();
        w.key("kind");
        w.string(kind_name(c.kind));
        w.key("part");
        w.string(part_name(c.part));
        w.key("location");
        w.string(c.location);
        w.key(c.kind == Kind::changed ? "field" : "record");
        w.string(c.subject);
        w.key("place");
        w.string(c.place);
        w.key("label");
        w.string(c.label);
        w.key("old_number");
        w.string(c.old_number);
        w.key("new_number");
        w.string(c.new_number);
        w.key("visible");
        w.boolean(c.visible);
        switch (c.kind) {
            case Kind::changed:
                w.key("old");
                w.string(c.old_text);
                w.key("new");
                w.string(c.new_text);
                w.key("words");
                w.begin_array();
                for (const auto& r : c.words) {
                    w.begin_array();
                    w.string(r.op == WordRun::Op::same ? "=" : r.op == WordRun::Op::removed ? "-" : "+");
                    w.string(r.text);
                    w.end_array();
                }
                w.end_array();
                break;
            case Kind::added:
                w.key("new");
                w.string(c.new_text);
                break;
            case Kind::removed:
                w.key("old");
                w.string(c.old_text);
                break;
            case Kind::moved:
                w.key("from");
                w.number(static_cast<long long>(c.from));
                w.key("to");
                w.number(static_cast<long long>(c.to));
                break;
            case Kind::renamed:
                w.key("old_id");
                w.string(c.old_id);
                w.key("similarity");
                w.number_literal(fmt::format("{:.2f}", c.similarity));
                break;
        }
        w.end_object();
    }
    w.end_array();
    w.key("renumbered");
    w.begin_array();
    for (const auto& r : result.renumbered) {
        w.begin_object();
        w.key("part");
        w.string(part_name(r.part));
        w.key("what");
        w.string(r.what);
        for (auto [name, value] : {std::pair<const char*, const std::string*>{"old_first", &r.old_first},
                                   {"old_last", &r.old_last}, {"new_first", &r.new_first}, {"new_last", &r.new_last},
                                   {"cause", &r.cause}, {"sentence", &r.sentence}}) {
            w.key(name);
            w.string(*value);
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.finish();
}

}  // namespace itucollab::diff
