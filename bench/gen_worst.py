#!/usr/bin/python3
# Writes the worst-case corpora of each documented load limit, for bench/run --worst (docs/performance.md).
"""Worst-case corpora at the documented limits (docs/security.md), built from tests/fixtures/mini.

    gen_worst.py NAME DEST [--file-size BYTES] [--corpus-size BYTES] [--nodes N]

NAME is one of the cases listed in CASES below; `gen_worst.py list` prints them. Each case fills
one limit as far as it goes (a file of --file-size bytes, a corpus of --corpus-size bytes, a file
of --nodes YAML nodes) with the content that costs the most per byte found so far. Cases named
`diff-*` write DEST/old and DEST/new, the two corpora `itucollab diff` compares.
"""
import argparse
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MINI = os.path.join(ROOT, "tests", "fixtures", "mini")
MiB = 1024 * 1024


def base(dest):
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(MINI, dest)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def list_sections(dest, names):
    """report.yaml lists sections/01-first.yaml, 02-second.yaml and then `names`."""
    report = os.path.join(dest, "report.yaml")
    text = open(report, encoding="utf-8").read()
    extra = "".join(f"  - {n}\n" for n in names)
    write(report, text.replace("  - sections/02-second.yaml\n", "  - sections/02-second.yaml\n" + extra))


WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"]


def words(n, seed, prefix=""):
    return " ".join(f"{prefix}{WORDS[(i * 7 + seed) % 10]}{(i + seed) % 97}" for i in range(n))


def long_line(dest, a):
    """One flow list of single-letter bullets on one line, as many as the node limit allows."""
    base(dest)
    count = a.nodes - 100
    line = "[" + ", ".join("b" for _ in range(count)) + "]"
    write(os.path.join(dest, "sections/03-long.yaml"),
          f"id: long\ntitle: Long line\nparagraphs:\n  - id: long-p\n    text: x\n    bullets: {line}\n")
    list_sections(dest, ["sections/03-long.yaml"])


def long_line_unicode(dest, a):
    """The same with a two-byte character per item, so byte and character columns differ."""
    base(dest)
    count = a.nodes - 100
    line = "[" + ", ".join("é" for _ in range(count)) + "]"
    write(os.path.join(dest, "sections/03-long.yaml"),
          f"id: long\ntitle: Long line\nparagraphs:\n  - id: long-p\n    text: x\n    bullets: {line}\n")
    list_sections(dest, ["sections/03-long.yaml"])


def unknown_agency(dest, a):
    """Many UN entities in the registry and as many initiative items citing ids that do not exist."""
    base(dest)
    count = a.count
    mini = open(os.path.join(MINI, "registry/registry.yaml"), encoding="utf-8").read()
    extra = "".join(f"  - id: agency-{i:06d}\n    acronym: A{i}\n    name: Agency {i}\n" for i in range(count))
    write(os.path.join(dest, "registry/registry.yaml"), mini.replace("instruments:\n", extra + "instruments:\n", 1))
    items = ["id: unknown\ntitle: Unknown agencies\nparagraphs:\n  - id: unknown-p\n    text: x\n",
             "initiatives:\n  - sector: BR\n    items:\n"]
    for i in range(count):
        items.append(f"      - id: item-{i}\n        agency: agencx-{i:06d}\n        text: t\n")
    write(os.path.join(dest, "sections/03-unknown.yaml"), "".join(items))
    list_sections(dest, ["sections/03-unknown.yaml"])


def footnote_refs(dest, a):
    """One footnote referenced `count` times, five references per paragraph."""
    base(dest)
    out = ["id: refs\ntitle: References\nparagraphs:\n"]
    for i in range((a.count + 4) // 5):
        out.append(f"  - id: r{i}\n    text: a[^many] b[^many] c[^many] d[^many] e[^many]\n")
    out.append("footnotes:\n  - id: many\n    text: The note.\n")
    write(os.path.join(dest, "sections/03-refs.yaml"), "".join(out))
    list_sections(dest, ["sections/03-refs.yaml"])


def footnote_refs_one_text(dest, a):
    """One footnote referenced `count` times in one paragraph."""
    base(dest)
    text = " ".join("x[^many]" for _ in range(a.count))
    write(os.path.join(dest, "sections/03-refs.yaml"),
          f"id: refs\ntitle: References\nparagraphs:\n  - id: r\n    text: \"{text}\"\n"
          "footnotes:\n  - id: many\n    text: The note.\n")
    list_sections(dest, ["sections/03-refs.yaml"])


def paragraphs_file(ident, paragraphs):
    out = [f"id: {ident}\ntitle: Section {ident}\nparagraphs:\n"]
    for pid, text in paragraphs:
        out.append(f"  - id: {pid}\n    text: {text}\n")
    return "".join(out)


def diff_words(dest, a):
    """OLD and NEW: `count` paragraphs of `words` words, every word changed, in files of at most --file-size."""
    for side, prefix in (("old", ""), ("new", "n")):
        d = os.path.join(dest, side)
        base(d)
        names, batch, size, k = [], [], 0, 0
        for i in range(a.count):
            text = words(a.words, i, prefix)
            batch.append((f"p{i}", text))
            size += len(text) + 30
            if size > a.file_size - 64 * 1024 or i == a.count - 1:
                k += 1
                names.append(f"sections/w{k:03d}.yaml")
                write(os.path.join(d, names[-1]), paragraphs_file(f"w{k}", batch))
                batch, size = [], 0
        list_sections(d, names)


def big_texts(dest, a):
    """Files of up to --file-size bytes of long paragraph texts, filling --corpus-size."""
    base(dest)
    names = []
    total = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(dest) for f in fs)
    k = 0
    para = words(600, 3)
    while total + 64 * 1024 < a.corpus_size:
        k += 1
        limit = min(a.file_size, a.corpus_size - total - 1024)
        out, size, i = [f"id: big{k}\ntitle: Big {k}\nparagraphs:\n"], 40, 0
        while size + len(para) + 40 < limit:
            piece = f"  - id: b{k}-{i}\n    text: {para}\n"
            out.append(piece)
            size += len(piece)
            i += 1
        names.append(f"sections/big{k:04d}.yaml")
        write(os.path.join(dest, names[-1]), "".join(out))
        total += size
    list_sections(dest, names)


def many_nodes(dest, a):
    """Files at the node limit (short paragraphs), filling --corpus-size."""
    base(dest)
    names = []
    total = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(dest) for f in fs)
    k = 0
    per_file = (a.nodes - 10) // 5  # id key, id, text key, text, the mapping
    while True:
        k += 1
        out, size = [f"id: n{k}\ntitle: Nodes {k}\nparagraphs:\n"], 40
        for i in range(per_file):
            piece = f"  - id: n{k}-{i}\n    text: w{i}\n"
            if total + size + len(piece) + 1024 > a.corpus_size or size + len(piece) > a.file_size:
                break
            out.append(piece)
            size += len(piece)
        if len(out) == 1:
            break
        names.append(f"sections/n{k:04d}.yaml")
        write(os.path.join(dest, names[-1]), "".join(out))
        total += size
    list_sections(dest, names)


def many_files(dest, a):
    """As many small section files as the file limit allows."""
    base(dest)
    names = []
    for k in range(a.files - 6):
        names.append(f"sections/f{k:05d}.yaml")
        write(os.path.join(dest, names[-1]), paragraphs_file(f"f{k}", [(f"f{k}-p", words(20, k))]))
    list_sections(dest, names)


def many_errors(dest, a):
    """A file at --file-size of unknown keys: diagnostics up to the limit and far beyond."""
    base(dest)
    out = ["id: errors\ntitle: Errors\nparagraphs:\n  - id: e\n    text: x\n"]
    size, i = 0, 0
    while size < a.file_size - 100 and i < a.nodes // 2 - 20:
        line = f"titel{i}: x\n"
        out.append(line)
        size += len(line)
        i += 1
    write(os.path.join(dest, "sections/03-errors.yaml"), "".join(out))
    list_sections(dest, ["sections/03-errors.yaml"])


CASES = {
    "long-line": long_line,
    "long-line-unicode": long_line_unicode,
    "unknown-agency": unknown_agency,
    "footnote-refs": footnote_refs,
    "footnote-refs-one-text": footnote_refs_one_text,
    "diff-words": diff_words,
    "big-texts": big_texts,
    "many-nodes": many_nodes,
    "many-files": many_files,
    "many-errors": many_errors,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("name", choices=list(CASES) + ["list"])
    ap.add_argument("dest", nargs="?")
    ap.add_argument("--file-size", type=int, default=4 * MiB)
    ap.add_argument("--corpus-size", type=int, default=8 * MiB)
    ap.add_argument("--nodes", type=int, default=200_000)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--count", type=int, help="ids, references or paragraphs (default: 20 000, 100 000 for footnotes, 1 000 for diff)")
    ap.add_argument("--words", type=int, default=1000)
    a = ap.parse_args()
    if a.name == "list":
        print("\n".join(CASES))
        return
    if a.count is None:
        a.count = 100_000 if a.name.startswith("footnote") else 1000 if a.name.startswith("diff") else 20_000
    if not a.dest:
        sys.exit("gen_worst.py: DEST is required")
    CASES[a.name](a.dest, a)


if __name__ == "__main__":
    main()
