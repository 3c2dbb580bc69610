#!/usr/bin/python3
"""Repacks a Flat OPC document (pkg:package) into an OPC zip package, deriving [Content_Types].xml.

Usage: /usr/bin/python3 flat_opc_to_docx.py IN.xml OUT.docx
Every pkg:part becomes a zip entry: the element inside pkg:xmlData serialized as written (prefixes and
namespace declarations kept, which LibreOffice's relationship reader needs), pkg:binaryData base64-decoded.
"""
import base64
import sys
import zipfile
from xml.dom import minidom
from xml.sax.saxutils import quoteattr

PKG = "http://schemas.microsoft.com/office/2006/xmlPackage"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def first_element(node):
    return next((child for child in node.childNodes if child.nodeType == child.ELEMENT_NODE), None)


def main(source, target):
    root = minidom.parse(source).documentElement
    if root.namespaceURI != PKG or root.localName != "package":
        print(f"{source}: not a pkg:package document")
        return 1
    parts = []
    for part in root.getElementsByTagNameNS(PKG, "part"):
        name = part.getAttributeNS(PKG, "name")
        content_type = part.getAttributeNS(PKG, "contentType")
        xml_data = part.getElementsByTagNameNS(PKG, "xmlData")
        if xml_data:
            body = (DECLARATION + first_element(xml_data[0]).toxml()).encode("utf-8")
        else:
            binary = part.getElementsByTagNameNS(PKG, "binaryData")[0]
            body = base64.b64decode("".join(t.data for t in binary.childNodes if t.nodeType == t.TEXT_NODE))
        parts.append((name.lstrip("/"), content_type, body))
    types = ['<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
             f'<Default Extension="rels" ContentType="{RELS_TYPE}"/>',
             '<Default Extension="xml" ContentType="application/xml"/>']
    for name, content_type, _ in parts:
        if content_type != RELS_TYPE:
            types.append(f'<Override PartName={quoteattr("/" + name)} ContentType={quoteattr(content_type)}/>')
    types.append("</Types>")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (DECLARATION + "".join(types)).encode("utf-8"))
        for name, _, body in parts:
            archive.writestr(name, body)
    print(f"{len(parts)} parts repacked into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
