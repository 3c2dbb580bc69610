// Tracked changes resolved in WordprocessingML: every revision kind, accepted and rejected.
#include "import/revisions.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <sstream>

using namespace itucollab::import;

namespace {

const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// The body after resolving, reduced to its paragraphs' texts ("|" between paragraphs, "/" between
// cells, "#" between rows) and the properties left, so each assertion reads the whole result.
std::string resolved(const std::string& body, bool accept) {
    pugi::xml_document doc;
    std::string xml = "<w:body " + ns + ">" + body + "</w:body>";
    REQUIRE(doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    resolve_revisions(doc.document_element(), accept);
    std::ostringstream out;
    doc.document_element().print(out, "", pugi::format_raw);
    return out.str();
}

RevisionCounts counted(const std::string& body) {
    pugi::xml_document doc;
    std::string xml = "<w:body " + ns + ">" + body + "</w:body>";
    REQUIRE(doc.load_string(xml.c_str()));
    return count_revisions(doc.document_element());
}

const std::string by = R"( w:id="1" w:author="R")";

}  // namespace

TEST_CASE("revisions: insertions, deletions and moves keep the new or the old text") {
    std::string body = "<w:p><w:r><w:t>a</w:t></w:r><w:ins" + by + "><w:r><w:t>b</w:t></w:r></w:ins><w:del" + by +
                       "><w:r><w:delText>c</w:delText><w:delInstrText>d</w:delInstrText></w:r></w:del>"
                       "<w:moveFromRangeStart w:id=\"2\" w:name=\"m\"/><w:moveFrom" + by +
                       "><w:r><w:t>e</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id=\"2\"/>"
                       "<w:moveTo" + by + "><w:r><w:t>f</w:t></w:r></w:moveTo></w:p>";
    CHECK(resolved(body, true) == "<w:body " + ns + "><w:p><w:r><w:t>a</w:t></w:r><w:r><w:t>b</w:t></w:r><w:r><w:t>f</w:t></w:r></w:p></w:body>");
    CHECK(resolved(body, false) == "<w:body " + ns + "><w:p><w:r><w:t>a</w:t></w:r><w:r><w:t>c</w:t><w:instrText>d</w:instrText></w:r>"
                                   "<w:r><w:t>e</w:t></w:r></w:p></w:body>");
    RevisionCounts c = counted(body);
    CHECK(c.insertions == 1);
    CHECK(c.deletions == 1);
    CHECK(c.moves == 2);
    CHECK(c.describe() == "4 revisions (1 insertion, 1 deletion, 2 moves)");
}

TEST_CASE("revisions: a deleted paragraph mark joins the paragraph with the next, an inserted one does on reject") {
    std::string deleted = "<w:p><w:pPr><w:pStyle w:val=\"A\"/><w:rPr><w:del" + by + "/></w:rPr></w:pPr><w:r><w:t>one </w:t></w:r></w:p>"
                          "<w:p><w:pPr><w:pStyle w:val=\"B\"/></w:pPr><w:r><w:t>two</w:t></w:r></w:p>";
    CHECK(resolved(deleted, true) == "<w:body " + ns + "><w:p><w:pPr><w:pStyle w:val=\"B\"/></w:pPr><w:r><w:t>one </w:t></w:r>"
                                     "<w:r><w:t>two</w:t></w:r></w:p></w:body>");
    CHECK(resolved(deleted, false) == "<w:body " + ns + "><w:p><w:pPr><w:pStyle w:val=\"A\"/><w:rPr/></w:pPr><w:r><w:t>one </w:t></w:r></w:p>"
                                      "<w:p><w:pPr><w:pStyle w:val=\"B\"/></w:pPr><w:r><w:t>two</w:t></w:r></w:p></w:body>");
    std::string inserted = "<w:p><w:pPr><w:rPr><w:ins" + by + "/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>y</w:t></w:r></w:p>";
    CHECK(resolved(inserted, false) == "<w:body " + ns + "><w:p><w:r><w:t>x</w:t></w:r><w:r><w:t>y</w:t></w:r></w:p></w:body>");
    CHECK(counted(deleted).paragraph_marks == 1);
    // A chain: three marks deleted, all join the fourth paragraph in order.
    std::string chain;
    for (const char* t : {"1", "2", "3"}) {
        chain += "<w:p><w:pPr><w:rPr><w:del" + by + "/></w:rPr></w:pPr><w:r><w:t>" + t + "</w:t></w:r></w:p>";
    }
    chain += "<w:p><w:r><w:t>4</w:t></w:r></w:p>";
    CHECK(resolved(chain, true) == "<w:body " + ns + "><w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r>"
                                   "<w:r><w:t>3</w:t></w:r><w:r><w:t>4</w:t></w:r></w:p></w:body>");
}

TEST_CASE("revisions: rows and cells inserted or deleted, merges and formatting changes") {
    std::string table = "<w:tbl><w:tr><w:trPr><w:ins" + by + "/></w:trPr><w:tc><w:p><w:r><w:t>new row</w:t></w:r></w:p></w:tc></w:tr>"
                        "<w:tr><w:trPr><w:del" + by + "/></w:trPr><w:tc><w:p><w:r><w:t>old row</w:t></w:r></w:p></w:tc></w:tr>"
                        "<w:tr><w:tc><w:tcPr><w:cellIns" + by + "/></w:tcPr><w:p><w:r><w:t>new cell</w:t></w:r></w:p></w:tc>"
                        "<w:tc><w:tcPr><w:cellDel" + by + "/></w:tcPr><w:p><w:r><w:t>old cell</w:t></w:r></w:p></w:tc>"
                        "<w:tc><w:tcPr><w:cellMerge" + by + " w:vMerge=\"cont\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>";
    std::string accepted = resolved(table, true);
    CHECK(accepted.find("new row") != std::string::npos);
    CHECK(accepted.find("old row") == std::string::npos);
    CHECK(accepted.find("new cell") != std::string::npos);
    CHECK(accepted.find("old cell") == std::string::npos);
    CHECK(accepted.find("cellMerge") == std::string::npos);
    std::string rejected = resolved(table, false);
    CHECK(rejected.find("new row") == std::string::npos);
    CHECK(rejected.find("old row") != std::string::npos);
    CHECK(rejected.find("new cell") == std::string::npos);
    CHECK(rejected.find("old cell") != std::string::npos);
    CHECK(counted(table).rows_and_cells == 5);

    std::string formatting = "<w:p><w:pPr><w:jc w:val=\"center\"/><w:pPrChange" + by + "><w:pPr><w:jc w:val=\"left\"/></w:pPr></w:pPrChange></w:pPr>"
                             "<w:r><w:rPr><w:b/><w:rPrChange" + by + "><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>x</w:t></w:r></w:p>";
    CHECK(resolved(formatting, true) == "<w:body " + ns + "><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p></w:body>");
    CHECK(resolved(formatting, false) == "<w:body " + ns + "><w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>x</w:t></w:r></w:p></w:body>");
    CHECK(counted(formatting).formatting == 2);
    CHECK(counted(formatting).describe() == "2 revisions (2 formatting changes)");
}

TEST_CASE("revisions: a paragraph gone whole takes its bookmarks along, one whose content joins the next keeps them") {
    const std::string mark = "<w:bookmarkStart w:id=\"7\" w:name=\"_itc7\"/><w:bookmarkEnd w:id=\"7\"/>";
    std::string inserted = "<w:p><w:pPr><w:rPr><w:ins" + by + "/></w:rPr></w:pPr>" + mark + "<w:ins" + by +
                           "><w:r><w:t>new</w:t></w:r></w:ins></w:p><w:p><w:r><w:t>kept</w:t></w:r></w:p>";
    CHECK(resolved(inserted, false) == "<w:body " + ns + "><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:body>");
    std::string deleted = "<w:p><w:pPr><w:rPr><w:del" + by + "/></w:rPr></w:pPr>" + mark + "<w:del" + by +
                          "><w:r><w:delText>old</w:delText></w:r></w:del></w:p><w:p><w:r><w:t>kept</w:t></w:r></w:p>";
    CHECK(resolved(deleted, true) == "<w:body " + ns + "><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:body>");
    // Only the mark is deleted: the text lives on in the next paragraph, its bookmark with it.
    std::string joined = "<w:p><w:pPr><w:rPr><w:del" + by + "/></w:rPr></w:pPr>" + mark +
                         "<w:r><w:t>one </w:t></w:r></w:p><w:p><w:r><w:t>two</w:t></w:r></w:p>";
    CHECK(resolved(joined, true) == "<w:body " + ns + "><w:p>" + mark +
                                    "<w:r><w:t>one </w:t></w:r><w:r><w:t>two</w:t></w:r></w:p></w:body>");
}
