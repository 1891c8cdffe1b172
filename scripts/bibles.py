#!/usr/bin/env python3
"""Builds the two-Bibles test pair for speed and alignment-at-scale checks.

Reads the King James Version and the World English Bible from Debian's SWORD
modules (`apt-get install diatheke sword-text-kjv sword-text-web`) and writes,
into OUTDIR, `kjv.txt` and `web.txt` (one verse per line, the verse text only)
and `kjv.refs` / `web.refs` (the verse reference of each line, e.g. `Genesis
1:1`). The references are the right alignment: verses with the same reference
are the same verse, so `bible_quality.py` can score an alignment of the two.

usage: scripts/bibles.py OUTDIR [--verses N]   (N: only the first N verses of each)
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

MODULES = {"kjv": "engKJV2006eb", "web": "engWEB2015eb"}
VERSE = re.compile(r"^([1-3]?\s?[A-Za-z][A-Za-z ()]*?) (\d+):(\d+): ?(.*)$")
# OSIS markup some modules leave in plain output (the WEB's deuterocanon).
TAG = re.compile(r"<[^>]*>")


def verses(module):
    """(reference, text) of every verse of a SWORD module, in order."""
    out = subprocess.run(
        ["diatheke", "-b", module, "-f", "plain", "-k", "Gen 1:1-Rev 22:21"],
        check=True, capture_output=True, text=True,
    ).stdout
    # Each verse starts on a line "Book C:V: text" (indented inside the Psalms);
    # a poetic verse goes on over the lines right after it, up to a blank line
    # or the next verse (the WEB sets Psalms and Job one clause a line). Other
    # lines, after a blank one, are section headings the modules repeat, not
    # verse text; the module's name closes the output.
    ref, parts = None, []
    for line in out.splitlines():
        line = TAG.sub("", line)
        m = VERSE.match(line.strip())
        if m:
            if ref:
                yield ref, " ".join(parts)
            ref, parts = f"{m.group(1)} {m.group(2)}:{m.group(3)}", [m.group(4).strip()]
        elif ref and line.strip() and line.strip() != f"({module})":
            parts.append(line.strip())
        elif ref:
            yield ref, " ".join(parts)
            ref, parts = None, []
    if ref:
        yield ref, " ".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--verses", type=int, default=0)
    a = ap.parse_args()
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    for name, module in MODULES.items():
        rows = [(r, " ".join(t.split())) for r, t in verses(module) if t.strip()]
        if a.verses:
            rows = rows[: a.verses]
        (out / f"{name}.txt").write_text("\n".join(t for _, t in rows) + "\n", encoding="utf-8")
        (out / f"{name}.refs").write_text("\n".join(r for r, _ in rows) + "\n", encoding="utf-8")
        print(f"{name}: {len(rows)} verses, {(out / f'{name}.txt').stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
