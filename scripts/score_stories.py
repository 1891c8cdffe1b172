#!/usr/bin/env python3
"""Score `wirediff stories` against known groups: pairwise precision, recall, F1.

    python3 scripts/score_stories.py GOLD.jsonl [--bin target/release/wirediff] [--min-f1 X]

GOLD.jsonl holds one record per article (or passage) with `text`, an id (`id`) and its known group (`cluster`, passim's output, or `group`, the
synthetic generator's); a passim passage is known as `id@begin-end`. The records are written again WITHOUT the group (id,
series, date, title, text only) into a temporary file, so wirediff sees only
the texts; `wirediff stories TMP --format json` groups them, and every pair of
records put in one story is compared with the pairs of the known groups.

Prints P/R/F1, counts, and the time wirediff took; exit 1 below --min-f1, 2 on
unusable input.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict


def pairs_of(groups):
    """Number of pairs inside each group, summed."""
    return sum(len(g) * (len(g) - 1) // 2 for g in groups)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--bin", default="target/release/wirediff")
    ap.add_argument("--min-f1", type=float, default=None)
    args = ap.parse_args()

    gold = {}
    with tempfile.TemporaryDirectory() as tmp:
        plain = os.path.join(tmp, "articles.jsonl")
        with open(args.gold, encoding="utf-8") as f, open(plain, "w", encoding="utf-8") as out:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                except ValueError as e:
                    print(f"{args.gold}:{n}: {e}", file=sys.stderr)
                    return 2
                # passim's passages: article id and span (`uid` is the article's).
                if "begin" in r and "end" in r:
                    key = f'{r["id"]}@{r["begin"]}-{r["end"]}'
                else:
                    key = str(r.get("id"))
                group = r.get("cluster", r.get("group"))
                if group is None:
                    print(f"{args.gold}:{n}: no group", file=sys.stderr)
                    return 2
                # passim may put one passage in two clusters: numbered as
                # wirediff numbers repeated ids.
                base, k = key, 1
                while key in gold:
                    k += 1
                    key = f"{base}#{k}"
                gold[key] = str(group)
                rec = {"id": key, "text": r["text"]}
                for k in ("series", "date", "title"):
                    if k in r:
                        rec[k] = r[k]
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        start = time.time()
        res = subprocess.run([args.bin, "stories", plain, "--format", "json"],
                             capture_output=True, text=True)
        took = time.time() - start
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            return 2
    listing = json.loads(res.stdout)
    pred = [s["members"] for s in listing["stories"]]
    seen = [m for g in pred for m in g]
    assert sorted(seen) == sorted(gold), "every article in exactly one story"

    by_gold = defaultdict(list)
    for k, g in gold.items():
        by_gold[g].append(k)
    # Pairs in both: for each predicted story, pairs inside each gold group.
    both = 0
    for story in pred:
        c = defaultdict(int)
        for m in story:
            c[gold[m]] += 1
        both += sum(v * (v - 1) // 2 for v in c.values())
    p_pairs, g_pairs = pairs_of(pred), pairs_of(by_gold.values())
    p = both / p_pairs if p_pairs else 1.0
    r = both / g_pairs if g_pairs else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"articles {len(gold)}  gold groups {len(by_gold)}  stories {len(pred)}  "
          f"pairs gold {g_pairs} predicted {p_pairs} shared {both}")
    print(f"pairwise P {p:.4f}  R {r:.4f}  F1 {f1:.4f}  ({took:.2f} s)")
    if args.min_f1 is not None and f1 < args.min_f1:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
