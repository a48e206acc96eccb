#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Times Sluice's readers and the fastest peers of ../shared/bench in one run, on the same files,
# with the shared timer (quiet-machine waits, median of runs), so the ratios in BENCHMARKS.md
# are side by side. Peers needed: Debian python3-openpyxl python3-pandas unzip, and the npm
# peers of ../shared/bench/install_node_peers.sh (BENCHNODE, default /tmp/benchnode).
#   tests/bench/compare_with_peers.sh build/release/tests/bench_readers [SIZE]
set -euo pipefail
exe=$(realpath "$1")
size=${2:-1m}
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "$here/../../../shared/bench" && pwd)
data=${BENCHDATA:-/tmp/benchdata}
export BENCHNODE=${BENCHNODE:-/tmp/benchnode} TZ=UTC PYTHONDONTWRITEBYTECODE=1
out=${OUT:-/tmp/benchresults/sluice-vs-peers-$(date +%Y%m%dT%H%M%S).jsonl}
mkdir -p "$(dirname "$out")"
python3 "$shared/gen_orders.py" --out "$data" --sizes "$size" >/dev/null
csv=$data/orders_$size.csv
xlsx=$data/orders_$size.xlsx
cat "$csv" "$xlsx" >/dev/null # page cache, as the peers' runner does

bench() { # LABEL -- CMD...
    local label=$1
    shift 2
    /usr/bin/python3 "$shared/timeit.py" --runs 3 --warmup 1 --budget 300 --timeout 300 \
        --label "$label" --out "$out" -- "$@"
}

bench "sluice read csv $size" -- "$exe" "$csv"
bench "duckdb read csv $size" -- node "$shared/peers/duckdb.js" read "$csv"
bench "pandas read csv $size" -- /usr/bin/python3 "$shared/peers/pandas_peer.py" read "$csv"
bench "sluice read xlsx $size" -- "$exe" "$xlsx"
bench "floor:unzip-sheet read xlsx $size" -- sh -c "unzip -p '$xlsx' xl/worksheets/sheet1.xml > /dev/null"
bench "openpyxl-ro read xlsx $size" -- /usr/bin/python3 "$shared/peers/openpyxl_ro.py" read "$xlsx"
echo "results: $out"
