#!/bin/sh
# SPDX-License-Identifier: MIT
# A whole-file upload to the sandbox process on loopback, throttling off (issue 5):
#   run_upload_bench.sh SLUICE_CLI SLUICE_SANDBOX FILE [RUNS] [CONCURRENCY]
# Prints, per run: the client's wall time and CPU time (user+sys, from /usr/bin/time), its peak
# memory, and the sandbox's CPU time over the same run (from /proc/PID/stat). On two cores the
# client is not the bottleneck when its CPU share of the wall time stays well under one core
# while the sandbox's is near one.
set -eu
cli=$1; sandbox=$2; file=$3; runs=${4:-3}; concurrency=${5:-4}
work=$(mktemp -d); trap 'kill $sandbox_pid 2>/dev/null || true; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)
printf 'run\twall s\tclient cpu s\tclient share\tclient MB\tsandbox cpu s\tsandbox share\tphases\n'
for run in $(seq 1 "$runs"); do
    "$sandbox" --port 0 --rate-limit 0 --token bench --db "$work/sandbox$run.db" >"$work/sandbox.out" 2>&1 &
    sandbox_pid=$!
    for _ in $(seq 1 100); do grep -q listening "$work/sandbox.out" && break; sleep 0.1; done
    port=$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$work/sandbox.out")
    before=$(awk '{print $14+$15}' /proc/$sandbox_pid/stat)
    BENCH_TOKEN=bench /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
        "$cli" upload "$file" --resource INV.CUSTOMER_ORDERS --url "http://127.0.0.1:$port" \
        --token-env BENCH_TOKEN --rate 0 --concurrency "$concurrency" --journal "$work/journal$run.jsonl" \
        >"$work/out" 2>"$work/err" || true
    after=$(awk '{print $14+$15}' /proc/$sandbox_pid/stat)
    kill $sandbox_pid; wait $sandbox_pid 2>/dev/null || true
    read -r wall user sys rss <<EOF
$(tail -1 "$work/time")
EOF
    phases=$(grep -E '^(run|sent)' "$work/err" | sed 's/^run [^:]*: //' | tr '\n' ' ')
    awk -v r="$run" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v b="$before" -v a="$after" \
        -v t="$ticks" -v p="$phases" 'BEGIN {
            c = u + s; sb = (a - b) / t;
            printf "%d\t%.2f\t%.2f\t%.0f%%\t%.0f\t%.2f\t%.0f%%\t%s\n", r, w, c, 100 * c / w, m / 1024, sb, 100 * sb / w, p }'
    tail -3 "$work/out" >&2
done
