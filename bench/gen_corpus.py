#!/usr/bin/python3
# Writes a valid corpus N times the size of a source corpus (renamed copies of every file), or a lightly edited copy.
"""Scaled corpora for the benchmark harness.

    gen_corpus.py scale SRC DEST N    DEST holds N renamed copies of SRC's sections, mechanisms and
                                      registries under one report.yaml (copy 1 keeps SRC's names)
    gen_corpus.py edit SRC DEST       DEST is SRC with a few paragraph texts changed and one
                                      mechanism's cell rewritten (the input of `itucollab diff`)

Copy k > 1 suffixes every id with -k (sections, paragraphs, footnotes, items, mechanisms, registry
entries) and rewrites what points at them (cite:, agency:, [^footnote], accept in:), so ids stay
unique and every registry entry stays cited. Mechanism names and acronyms get a " k" / "-K" suffix
(duplicate names and acronyms are errors). The transformation is line based, so the copies keep
the source's YAML style (folded blocks, quoting) and yaml-cpp sees the same kind of input.
"""
import os
import re
import shutil
import sys

import yaml  # only to read report.yaml's file lists

ID_LINE = re.compile(r"^(\s*(?:- )?(?:id|cite|agency|in): )([a-z0-9][a-z0-9-]*)\s*$")
FOOTNOTE = re.compile(r"\[\^([a-z0-9][a-z0-9-]*)\]")
NAME_LINE = re.compile(r"^(    name: )(.*)$")
ACRONYM_LINE = re.compile(r"^(    acronym: )(.*)$")


def suffix_ids(text, k):
    """Copy k of one file's text: ids and references suffixed with -k."""
    out = []
    for line in text.splitlines(keepends=True):
        m = ID_LINE.match(line.rstrip("\n"))
        if m:
            line = f"{m.group(1)}{m.group(2)}-{k}\n"
        out.append(FOOTNOTE.sub(lambda f: f"[^{f.group(1)}-{k}]", line))
    return "".join(out)


def rename_mechanisms(text, k):
    """Mechanism names get ' k' (also at the end of a folded name), acronyms '-Kk'."""
    lines = text.splitlines(keepends=True)
    out = []
    in_folded_name = False
    for i, line in enumerate(lines):
        body = line.rstrip("\n")
        if in_folded_name:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if not nxt.startswith("      "):  # last line of the folded name
                body += f" {k}"
                in_folded_name = False
            out.append(body + "\n")
            continue
        m = NAME_LINE.match(body)
        if m:
            if m.group(2) in (">-", ">", "|-", "|"):
                in_folded_name = True
            else:
                body = f"{m.group(1)}{m.group(2)} {k}"
        m = ACRONYM_LINE.match(body)
        if m:
            body = f"{m.group(1)}{m.group(2)}-K{k}"
        out.append(body + "\n")
    return "".join(out)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def yaml_list(items, indent="  "):
    return "".join(f"{indent}- {item}\n" for item in items)


def scale(src, dest, n):
    report_text = read(os.path.join(src, "report.yaml"))
    report = yaml.safe_load(report_text)
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)

    def copy_path(rel, k):
        return rel if k == 1 else f"copy{k:04d}/{rel}"

    lists = {"sections": [], "mechanisms": [], "registries": []}
    for k in range(1, n + 1):
        for key in lists:
            for rel in report[key]:
                text = read(os.path.join(src, rel))
                if k > 1:
                    text = suffix_ids(text, k)
                    if key == "mechanisms":
                        text = rename_mechanisms(text, k)
                new_rel = copy_path(rel, k)
                write(os.path.join(dest, new_rel), text)
                lists[key].append(new_rel)
    annex = report["annex"]
    write(os.path.join(dest, annex), read(os.path.join(src, annex)))

    # report.yaml: the header as written, then the scaled lists, then the accept list once per copy.
    head = report_text.split("\nsections:")[0] + "\n"
    accept = report_text.split("\naccept:\n", 1)[1] if "\naccept:\n" in report_text else ""
    body = head + "sections:\n" + yaml_list(lists["sections"])
    body += f"annex: {annex}\n"
    body += "mechanisms:\n" + yaml_list(lists["mechanisms"])
    body += "registries:\n" + yaml_list(lists["registries"])
    if accept:
        body += "accept:\n" + "".join(accept if k == 1 else suffix_ids(accept, k) for k in range(1, n + 1))
    write(os.path.join(dest, "report.yaml"), body)


def edit(src, dest):
    """A light edit: every 25th paragraph text gains a sentence, one mechanism cell changes."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    seen = 0
    for root, _, files in sorted(os.walk(dest)):
        for name in sorted(files):
            path = os.path.join(root, name)
            lines = read(path).splitlines(keepends=True)
            changed = False
            cell_changed = False
            for i, line in enumerate(lines):
                if re.match(r"^\s*text: >-\s*$", line) and i + 1 < len(lines):
                    seen += 1
                    if seen % 25 == 0:
                        lines[i + 1] = lines[i + 1].rstrip("\n") + " This sentence was added.\n"
                        changed = True
                elif not cell_changed and name.startswith("mechanisms") and re.match(r"^    frequency: Twice per year\s*$", line):
                    lines[i] = "    frequency: Three times per year\n"
                    changed = cell_changed = True
            if changed:
                write(path, "".join(lines))


def main(argv):
    if len(argv) == 5 and argv[1] == "scale":
        scale(argv[2], argv[3], int(argv[4]))
    elif len(argv) == 4 and argv[1] == "edit":
        edit(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
