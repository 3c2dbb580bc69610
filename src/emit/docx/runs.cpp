// Inline content of the Word body: runs with formatting, hyperlinks, footnote references and notes.
#include "body.hpp"

#include <algorithm>

namespace itucollab::emit::docx {

std::string HyperlinkTable::id_for(const std::string& target) {
    std::string encoded = percent_encode_uri(xml_safe(target));
    auto [it, inserted] = ids_.try_emplace(encoded, "rId" + std::to_string(next_));
    if (inserted) {
        ++next_;
        entries_.emplace_back(it->second, encoded);
    }
    return it->second;
}

std::vector<std::vector<Span>> split_paragraphs(const std::vector<Span>& content) {
    std::vector<std::vector<Span>> out(1);
    for (const Span& span : content) {
        if (span.kind == Span::Kind::text) {
            std::size_t start = 0;
            while (true) {
                std::size_t end = span.text.find('\n', start);
                Span piece = span;
                piece.text = span.text.substr(start, end == std::string::npos ? std::string::npos : end - start);
                if (!piece.text.empty()) out.back().push_back(piece);
                if (end == std::string::npos) break;
                out.emplace_back();
                start = end + 1;
            }
            continue;
        }
        if (span.kind == Span::Kind::footnote_ref) {
            out.back().push_back(span);
            continue;
        }
        // A container: split its children and wrap every piece in a copy of the container.
        auto pieces = split_paragraphs(span.children);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (i > 0) out.emplace_back();
            if (pieces[i].empty()) continue;
            Span wrapper = span;
            wrapper.children = std::move(pieces[i]);
            out.back().push_back(std::move(wrapper));
        }
    }
    return out;
}

void BodyBuilder::text_run(pugi::xml_node container, const std::string& raw, RunFormat format) {
    std::string text = xml_safe(raw);
    std::erase(text, '\r');
    if (text.empty()) return;
    pugi::xml_node run = container.append_child("w:r");
    if (format.style || format.bold || format.italic) {
        pugi::xml_node props = run.append_child("w:rPr");
        if (format.style) add_val(props, "w:rStyle", format.style);
        if (format.bold) {
            props.append_child("w:b");
            props.append_child("w:bCs");
        }
        if (format.italic) {
            props.append_child("w:i");
            props.append_child("w:iCs");
        }
    }
    // Tabs and line breaks become w:tab and w:br between the w:t pieces.
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\t\n", start);
        std::string piece = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!piece.empty()) {
            pugi::xml_node t = run.append_child("w:t");
            if (piece.front() == ' ' || piece.back() == ' ') t.append_attribute("xml:space") = "preserve";
            t.text().set(piece.c_str());
        }
        if (end == std::string::npos) break;
        run.append_child(text[end] == '\t' ? "w:tab" : "w:br");
        start = end + 1;
    }
}

void BodyBuilder::spans(pugi::xml_node container, const std::vector<Span>& content, RunFormat format) {
    for (const Span& span : content) {
        switch (span.kind) {
            case Span::Kind::text: text_run(container, span.text, format); break;
            case Span::Kind::emphasis: {
                RunFormat inner = format;
                inner.italic = true;
                spans(container, span.children, inner);
                break;
            }
            case Span::Kind::strong: {
                RunFormat inner = format;
                inner.bold = true;
                spans(container, span.children, inner);
                break;
            }
            case Span::Kind::link: {
                RunFormat inner = format;
                inner.style = "Hyperlink";
                // Nested links keep the outer one; a scheme other than http(s)/mailto (which the
                // loader refuses, but a model may come from elsewhere) is kept as plain text.
                if (std::string_view(container.name()) == "w:hyperlink" ||
                    !present::keeps_link(span.target)) {
                    spans(container, span.children, std::string_view(container.name()) == "w:hyperlink" ? inner : format);
                    break;
                }
                pugi::xml_node link = container.append_child("w:hyperlink");
                if (span.target.starts_with("#")) {
                    link.append_attribute("w:anchor") = xml_safe(span.target.substr(1)).c_str();
                } else {
                    link.append_attribute("r:id") = links_->id_for(span.target).c_str();
                }
                link.append_attribute("w:history") = "1";
                if (keys_) link.append_attribute("itc-target") = xml_safe(span.target).c_str();
                spans(link, span.children, inner);
                break;
            }
            case Span::Kind::footnote_ref: footnote_reference(container, span.text); break;
        }
    }
}

void BodyBuilder::footnote_reference(pugi::xml_node container, const std::string& id) {
    int number = index_.footnote_number(id);
    bool in_note = links_ == &footnote_links_;
    if (number == 0 || !index_.footnote(id) || in_note || !referenced_footnotes_.insert(id).second) {
        // A repeated (or nested) reference: the number as a superscript mark, no second note.
        text_run(container, number ? std::to_string(number) : id, RunFormat{false, false, "FootnoteReference"});
        return;
    }
    footnote_order_.push_back(id);
    pugi::xml_node run = container.append_child("w:r");
    add_val(run.append_child("w:rPr"), "w:rStyle", "FootnoteReference");
    pugi::xml_node ref = run.append_child("w:footnoteReference");
    ref.append_attribute("w:id") = number;
    if (keys_) ref.append_attribute("itc-note") = xml_safe(record("footnote", id)).c_str();
}

void BodyBuilder::text_paragraphs(pugi::xml_node parent, const std::vector<Span>& content, const char* style) {
    for (const auto& piece : split_paragraphs(content)) {
        pugi::xml_node p = parent.append_child("w:p");
        if (parent == body_) tag(p);
        add_val(p.append_child("w:pPr"), "w:pStyle", style);
        spans(p, piece, {});
    }
}

pugi::xml_node BodyBuilder::footnote(int id) {
    pugi::xml_node note = footnotes_root_.append_child("w:footnote");
    note.append_attribute("w:id") = id;
    return note;
}

void BodyBuilder::footnotes() {
    footnotes_root_ = start_document(footnotes_doc_, "w:footnotes");
    footnotes_root_.append_attribute("xmlns:w") = ns_w;
    footnotes_root_.append_attribute("xmlns:r") = ns_r;
    // The separator lines Word draws above the notes (referenced from settings.xml).
    for (auto [id, kind] : {std::pair{-1, "separator"}, {0, "continuationSeparator"}}) {
        pugi::xml_node note = footnotes_root_.append_child("w:footnote");
        at(std::string("footnote:") + kind);
        tag(note);
        note.append_attribute("w:type") = kind;
        note.append_attribute("w:id") = id;
        pugi::xml_node p = note.append_child("w:p");
        pugi::xml_node spacing = p.append_child("w:pPr").append_child("w:spacing");
        spacing.append_attribute("w:after") = "0";
        spacing.append_attribute("w:line") = "240";
        spacing.append_attribute("w:lineRule") = "auto";
        p.append_child("w:r").append_child(std::string_view(kind) == "separator" ? "w:separator" : "w:continuationSeparator");
    }
    links_ = &footnote_links_;
    std::vector<std::string> ids = footnote_order_;
    std::sort(ids.begin(), ids.end(),
              [&](const std::string& a, const std::string& b) { return index_.footnote_number(a) < index_.footnote_number(b); });
    for (const std::string& id : ids) {
        pugi::xml_node note = footnote(index_.footnote_number(id));
        at(record("footnote", id));
        tag(note);
        auto pieces = split_paragraphs(index_.footnote(id)->text.spans);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            pugi::xml_node p = note.append_child("w:p");
            add_val(p.append_child("w:pPr"), "w:pStyle", "FootnoteText");
            if (i == 0) {
                carried_.mark(p, id, "footnote");
                pugi::xml_node mark = p.append_child("w:r");
                add_val(mark.append_child("w:rPr"), "w:rStyle", "FootnoteReference");
                mark.append_child("w:footnoteRef");
                text_run(p, "\t", {});
            }
            spans(p, pieces[i], {});
        }
    }
    if (note_footnote_id_ != 0) note_footnote();
    links_ = &document_links_;
}

}  // namespace itucollab::emit::docx
