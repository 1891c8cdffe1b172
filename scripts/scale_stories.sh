#!/usr/bin/env bash
# Time and peak memory of `wirediff stories` on synthetic collections of 1k,
# 10k and 100k articles (examples/gen_collection.rs), each run the best of
# three, with the growth exponent between sizes and the pairwise F1 against
# the known stories (scripts/score_stories.py). Wall time depends on what else
# runs on the machine; CPU time (user + system, both cores) much less.
#
# usage: scripts/scale_stories.sh [DIR]   (DIR holds the generated files; default a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-$(mktemp -d)}"
cargo build --release --quiet --bin wirediff --example gen_collection
bin=target/release/wirediff
printf '%-8s %8s %8s %10s %8s\n' articles "wall s" "CPU s" "peak MB" F1
prev_n=""; prev_t=""; prev_c=""; prev_m=""
for n in 1000 10000 100000; do
  f="$dir/syn$n.jsonl"
  [ -s "$f" ] || target/release/examples/gen_collection "$n" "$f"
  best_t=""; best_m=""; best_c=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$bin" --no-config stories "$f" --format json > /dev/null
    read -r t u s m < "$dir/time"
    c=$(awk "BEGIN{print $u + $s}")
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; best_m=$m; best_c=$c; fi
  done
  f1=$(python3 scripts/score_stories.py "$f" --bin "$bin" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
  printf '%-8s %8s %8s %10s %8s\n' "$n" "$best_t" "$best_c" "$((best_m / 1024))" "$f1"
  if [ -n "$prev_n" ]; then
    python3 -c "import math,sys; n0,t0,c0,m0,n1,t1,c1,m1=map(float,sys.argv[1:]); g=lambda a,b: math.log(max(b,0.01)/max(a,0.01))/math.log(n1/n0); print(f'  growth {int(n0)}->{int(n1)}: wall n^{g(t0,t1):.2f}, CPU n^{g(c0,c1):.2f}, memory n^{g(m0,m1):.2f}')" "$prev_n" "$prev_t" "$prev_c" "$prev_m" "$n" "$best_t" "$best_c" "$best_m"
  fi
  prev_n=$n; prev_t=$best_t; prev_c=$best_c; prev_m=$best_m
done
