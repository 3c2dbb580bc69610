#!/usr/bin/python3
"""Opens a .docx with python-docx and prints the shape of its widest table and its headings.

Usage: /usr/bin/python3 table_shape.py FILE.docx
Prints lines "tables N", "annex_table COLUMNS ROWS", "heading STYLE TEXT" (one per heading paragraph).
Exit status 2 when python-docx is missing (the caller skips), 1 when the file does not open.
"""
import sys

try:
    import docx  # python-docx
except ImportError:
    print("python-docx is not installed")
    sys.exit(2)


def main(path):
    try:
        document = docx.Document(path)
    except Exception as error:  # any failure to open is the finding
        print(f"cannot open {path}: {error}")
        return 1
    tables = document.tables
    print(f"tables {len(tables)}")
    if tables:
        widest = max(tables, key=lambda t: len(t.columns))
        print(f"annex_table {len(widest.columns)} {len(widest.rows)}")
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name.lower().startswith("heading"):
            print(f"heading {paragraph.style.name.replace(' ', '')} {paragraph.text.splitlines()[0] if paragraph.text else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
