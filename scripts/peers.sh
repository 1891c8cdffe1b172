#!/usr/bin/env bash
# Times whole processes side by side with hyperfine, from one run:
#   git diff --no-index --word-diff, GNU diff, wdiff, dwdiff,
#   wirediff diff, wirediff align --format json
# on two files (default: the two Bibles built by scripts/bibles.py), and prints
# each command's median and its ratio to git's word diff.
# Peers come from Debian's packages (git, diffutils, wdiff, dwdiff, hyperfine);
# one that is missing is skipped and named.
#
# usage: scripts/peers.sh [A B] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  dir="${TMPDIR:-/tmp}/wirediff-bibles"
  [ -f "$dir/kjv.txt" ] || python3 scripts/bibles.py "$dir"
  files=("$dir/kjv.txt" "$dir/web.txt")
fi
a="${files[0]}"; b="${files[1]}"
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release --quiet
wd="$PWD/target/release/wirediff"
declare -a names cmds
add() { names+=("$1"); cmds+=("$2"); }
if command -v git >/dev/null; then add git-word-diff "git diff --no-index --word-diff '$a' '$b' >/dev/null || true"; else echo "skipped: git" >&2; fi
if command -v diff >/dev/null; then add gnu-diff "diff '$a' '$b' >/dev/null || true"; else echo "skipped: diff" >&2; fi
if command -v wdiff >/dev/null; then add wdiff "wdiff '$a' '$b' >/dev/null || true"; else echo "skipped: wdiff" >&2; fi
if command -v dwdiff >/dev/null; then add dwdiff "dwdiff '$a' '$b' >/dev/null || true"; else echo "skipped: dwdiff" >&2; fi
add wirediff-diff "'$wd' diff --color never '$a' '$b' >/dev/null || true"
add wirediff-align-json "'$wd' align --format json '$a' '$b' >/dev/null || true"
out="$(mktemp)"
args=()
for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine --runs "$runs" --warmup 1 --export-json "$out" "${args[@]}" >&2
python3 - "$out" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
base = next((r["median"] for r in res if r["command"] == "git-word-diff"), None)
print(f"{'command':<22} {'median s':>9} {'ratio to git':>13}")
for r in res:
    ratio = f"{r['median'] / base:.2f}x" if base else "-"
    print(f"{r['command']:<22} {r['median']:>9.3f} {ratio:>13}")
PY
rm -f "$out"
