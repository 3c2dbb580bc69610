#!/usr/bin/env python3
"""Writes a hostile .docx for tests/hostile/cases.yaml: make_docx.py KIND OUT.docx."""
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>')


def body(inner):
    return f'<w:document {W}><w:body>{inner}</w:body></w:document>'


def package(out, entries, types=True):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        if types:
            z.writestr('[Content_Types].xml', TYPES)
        for name, data in entries:
            z.writestr(name, data)


def main(kind, out):
    if kind == 'bomb':  # 100 MiB of blanks, about 100 KiB deflated
        package(out, [('word/document.xml', body(' ' * (100 << 20)))])
    elif kind == 'dotdot':
        package(out, [('word/document.xml', body('')), ('../evil.xml', '<x/>')])
    elif kind == 'absolute':
        package(out, [('word/document.xml', body('')), ('/etc/evil.xml', '<x/>')])
    elif kind == 'doctype':  # billion laughs
        laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
                  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
                  + body('<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'))
        package(out, [('word/document.xml', laughs)])
    elif kind == 'malformed':
        package(out, [('word/document.xml', f'<w:document {W}>\n<w:body>\n  <w:p></w:r>\n</w:body></w:document>')])
    elif kind == 'no-document':
        package(out, [('word/styles.xml', f'<w:styles {W}/>')])
    elif kind == 'not-zip':
        with open(out, 'w') as f:
            f.write('this is not a zip file\n')
    elif kind == 'rows':  # a table of 100,000 rows
        row = '<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>'
        package(out, [('word/document.xml', body('<w:tbl>' + row * 100_000 + '</w:tbl>'))])
    elif kind == 'deep':  # elements nested 100,000 deep
        package(out, [('word/document.xml', body('<w:p>' * 100_000 + '</w:p>' * 100_000))])
    elif kind == 'entries':  # 2,500 entries
        package(out, [('word/document.xml', body(''))] + [(f'extra/item{i}.xml', '') for i in range(2500)])
    else:
        sys.exit(f'make_docx.py: unknown kind {kind}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
