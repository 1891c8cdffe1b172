#!/usr/bin/env python3
"""Scores an alignment of the two Bibles built by `bibles.py`.

A verse of the first version is aligned right when the verse with the same
reference in the second version (if it has one) sits in the same row of
`wirediff align --format json`. Prints the share of such verses and exits 1
below `--min` (default 0.98).

usage: scripts/bible_quality.py ALIGN.json A.refs B.refs [--min X]
"""
import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("align")
    ap.add_argument("refs_a")
    ap.add_argument("refs_b")
    ap.add_argument("--min", type=float, default=0.98)
    a = ap.parse_args()
    pred = json.load(open(a.align, encoding="utf-8"))
    refs = [open(p, encoding="utf-8").read().splitlines() for p in (a.refs_a, a.refs_b)]
    # line (1-based) -> row, per version
    row_of = [{}, {}]
    for v in (0, 1):
        lines = {p["id"]: range(p["line_start"], p["line_end"] + 1) for p in pred["versions"][v]["paragraphs"]}
        for r, row in enumerate(pred["rows"]):
            for pid in row["cells"][v]:
                for line in lines[pid]:
                    row_of[v][line] = r
    where_b = {ref: i + 1 for i, ref in enumerate(refs[1])}
    right = total = 0
    for i, ref in enumerate(refs[0]):
        j = where_b.get(ref)
        if j is None:
            continue
        total += 1
        ra, rb = row_of[0].get(i + 1), row_of[1].get(j)
        right += ra is not None and ra == rb
    share = right / total if total else 1.0
    print(f"verses aligned right: {right} of {total} = {share:.4f}")
    sys.exit(0 if share >= a.min else 1)


if __name__ == "__main__":
    main()
