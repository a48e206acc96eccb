#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ctest -L bench: makes the shared Customer Orders files if they are missing, then times the
# readers on them. Usage: run_reader_bench.sh BENCH_READERS_EXE SHARED_BENCH_DIR [SIZES]
set -euo pipefail
exe=$1
bench_dir=$2
sizes=${3:-10k,100k,1m}
data=${SLUICE_BENCH_DATA:-/tmp/benchdata}
files=()
for size in ${sizes//,/ }; do
    [ -f "$data/orders_$size.xlsx" ] || python3 "$bench_dir/gen_orders.py" --out "$data" --sizes "$size"
    files+=("$data/orders_$size.csv" "$data/orders_$size.xlsx")
done
"$exe" "${files[@]}"
