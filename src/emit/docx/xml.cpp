// XML helpers shared by the DOCX part builders: safe text, URIs, templates, serialization.
#include "xml.hpp"

#include <sstream>
#include <stdexcept>

namespace itucollab::emit::docx {
namespace {

bool allowed_in_xml(char32_t c) {
    if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Decodes one UTF-8 sequence at `i`; returns U+FFFD (consuming one byte) when malformed.
char32_t decode_at(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b = byte(i);
    int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr char32_t minimum[] = {0, 0x80, 0x800, 0x10000};
    if (c < minimum[extra]) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(extra) + 1;
    return c;
}

}  // namespace

std::string xml_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = decode_at(text, i);
        if (allowed_in_xml(c)) append_utf8(out, c);
    }
    return out;
}

std::string percent_encode_uri(std::string_view uri) {
    static constexpr std::string_view keep = "-._~:/?#[]@!$&'()*+,;=%";
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : uri) {
        auto b = static_cast<unsigned char>(ch);
        bool alnum = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
        if (alnum || keep.find(ch) != std::string_view::npos) {
            out += ch;
        } else {
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 0xF];
        }
    }
    return out;
}

void load_template(pugi::xml_document& out, const EmitOptions& options, const std::string& name) {
    std::string text = read_template(options, "docx/" + name);
    pugi::xml_parse_result parsed = out.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) {
        throw std::runtime_error("template docx/" + name + " is not well-formed XML: " + parsed.description() +
                                 " at byte " + std::to_string(parsed.offset));
    }
    // The template's own declaration is replaced by serialize()'s.
    for (pugi::xml_node child = out.first_child(); child;) {
        pugi::xml_node next = child.next_sibling();
        if (child.type() != pugi::node_element) out.remove_child(child);
        child = next;
    }
}

std::string serialize(const pugi::xml_document& doc) {
    std::ostringstream s;
    s << R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" << '\n';
    for (pugi::xml_node child = doc.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_declaration) continue;
        child.print(s, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    }
    return s.str();
}

pugi::xml_node start_document(pugi::xml_document& doc, const char* root_name) {
    doc.reset();
    return doc.append_child(root_name);
}

pugi::xml_node add_val(pugi::xml_node parent, const char* name, const std::string& value) {
    pugi::xml_node node = parent.append_child(name);
    node.append_attribute("w:val") = value.c_str();
    return node;
}

}  // namespace itucollab::emit::docx
