#!/usr/bin/env bash
# Every benchmark, one after the other (never in parallel: two cores). Results in benchmarks/target/results.
set -euo pipefail
cd "$(dirname "$0")"
{ date -u; nproc; java -version 2>&1 | head -1; uptime; } | tee target/results-machine.txt
./startup.sh
./hotdeploy.sh
./scale.sh
./jmh.sh
./http.sh
./idle.sh
