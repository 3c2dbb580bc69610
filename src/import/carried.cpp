// The data our DOCX carries beyond the page, read from its customXml part (docs/importing.md).
#include "recognise.hpp"

#include <cstring>

namespace itucollab::import {
namespace {

const char* local_name(pugi::xml_node n) {
    const char* name = n.name();
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

std::optional<std::string> optional_attribute(pugi::xml_node n, const char* name) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) return std::nullopt;
    return std::string(a.as_string());
}

}  // namespace

CarriedData read_carried_data(const pugi::xml_document& part, bool rejected) {
    CarriedData data;
    pugi::xml_node view = part.document_element();
    if (pugi::xml_node old = view.child("rejected"); rejected && old) view = old;
    for (pugi::xml_node n : view.children()) {
        std::string_view kind = local_name(n);
        if (kind == "alias") {
            // A redline's bookmark of NEW's under OLD's id: found by name, never by position.
            data.ids.try_emplace(n.attribute("bookmark").as_string(), n.attribute("id").as_string());
        } else if (kind == "record") {
            data.ids[n.attribute("bookmark").as_string()] = n.attribute("id").as_string();
            if (const char* kind_name = n.attribute("kind").as_string(); *kind_name) {
                data.records_by_kind[kind_name].push_back(n.attribute("bookmark").as_string());
            }
        } else if (kind == "entity") {
            UnEntity e;
            e.id.value = n.attribute("id").as_string();
            e.acronym = n.attribute("acronym").as_string();
            e.name = n.attribute("name").as_string();
            data.entities.push_back(e);
        } else if (kind == "instrument") {
            Instrument i;
            i.id.value = n.attribute("id").as_string();
            i.body = n.attribute("body").as_string();
            i.kind = n.attribute("kind").as_string();
            i.number = n.attribute("number").as_string();
            i.revised = n.attribute("revised").as_bool();
            i.place = n.attribute("place").as_string();
            i.year = n.attribute("year").as_int();
            i.title = optional_attribute(n, "title");
            i.label = optional_attribute(n, "label");
            data.instruments.push_back(i);
        } else if (kind == "mechanism") {
            if (auto acronym = optional_attribute(n, "acronym")) data.acronyms[n.attribute("id").as_string()] = *acronym;
        } else if (kind == "cite") {
            CarriedData::Cite c;
            c.mechanism = n.attribute("mechanism").as_string();
            c.block = n.attribute("block").as_uint();
            c.show_title = n.attribute("title").as_bool(true);
            c.append = optional_attribute(n, "append");
            data.cites.push_back(c);
        } else if (kind == "accept") {
            Acceptance a;
            a.rule = n.attribute("rule").as_string();
            a.in.id = n.attribute("in").as_string();
            a.reason = n.attribute("reason").as_string();
            data.accepted.push_back(a);
        } else if (kind == "review") {
            Review r;
            r.in.id = n.attribute("in").as_string();
            r.reason = n.attribute("reason").as_string();
            data.reviews.push_back(r);
        }
    }
    return data;
}

}  // namespace itucollab::import
