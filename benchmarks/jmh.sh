#!/usr/bin/env bash
# Targets 3 (lookup) and 4 (call overhead): JMH, average time and sampled percentiles. Forks and iterations
# are set on the benchmark classes (few, for a shared 2-core machine); extra JMH options pass through.
source "$(dirname "$0")/common.sh"
java -jar "$TARGET/benchmarks.jar" "CallOverheadBenchmark|LookupBenchmark" -rf json -rff "$RESULTS/jmh.json" "$@" \
  | tee "$RESULTS/jmh.txt"
