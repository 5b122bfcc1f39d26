#!/usr/bin/env bash
# Every benchmark and its anchors, one after the other (never in parallel: two cores), then one summary table
# of every target (benchmarks/target/results/summary.md). Usage: run-all.sh [--quick]
#   --quick  few repeats, N up to 200, no JMH: checks that everything runs (under 5 minutes on a quiet machine)
#   (none)   the full run the figures of docs/BENCHMARKS.md come from
# Build first: mvn -B package -pl launcher,benchmarks -am -DskipTests. Karaf is fetched on the first run.
# A benchmark that fails is reported and the others still run; every run has a time limit.
set -uo pipefail
cd "$(dirname "$0")"
QUICK=false
[[ ${1:-} == --quick ]] && QUICK=true
export RESULTS="$PWD/target/results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
{ date -u; echo "cores: $(nproc)"; java -version 2>&1 | head -1; uptime; echo "quick: $QUICK"; } | tee "$RESULTS/machine.txt"
failed=()
step() { # NAME LIMIT_S ENV... -- SCRIPT
  local name=$1 limit=$2; shift 2
  local envs=(); while [[ $1 != -- ]]; do envs+=("$1"); shift; done; shift
  echo "=== $name ($(date -u +%T))"
  if ! env "${envs[@]}" timeout --kill-after=30 "$limit" bash "$@"; then failed+=("$name"); echo "=== $name FAILED"; fi
}
if $QUICK; then
  # few repeats, meant to take under 5 minutes; the limits (23 minutes in all) end it on a loaded machine
  step startup 240 RUNS=3 -- startup.sh
  step hotdeploy 180 TRIALS=20 DEFAULT_TRIALS=0 MODES="events 25" -- hotdeploy.sh
  step karaf 300 RUNS=1 TRIALS=3 POLLS="1000 25" -- karaf.sh
  step scale 240 NS="1 200" REPEATS=1 -- scale.sh
  step http 180 REPEATS=2 WARMUP_S=1 MEASURE_S=1 -- http.sh
  step gateway 180 CALLS=1000 STREAM_S=2 -- gateway.sh
  step idle 90 SETTLE_S=15 MEASURE_S=30 POLLS=default -- idle.sh
else
  step startup 1800 RUNS=10 -- startup.sh
  step hotdeploy 1800 TRIALS=40 DEFAULT_TRIALS=10 MODES="events 25" -- hotdeploy.sh
  step karaf 3600 RUNS=10 TRIALS=40 POLLS="1000 25" -- karaf.sh
  step scale 3600 NS="1 1000" REPEATS=3 -- scale.sh
  step jmh 3600 -- jmh.sh
  step http 1800 REPEATS=5 WARMUP_S=2 MEASURE_S=5 -- http.sh
  step gateway 600 CALLS=5000 STREAM_S=10 -- gateway.sh
  step idle 900 SETTLE_S=15 MEASURE_S=60 POLLS=default -- idle.sh
fi
uptime | tee -a "$RESULTS/machine.txt"
echo "run-all took $SECONDS s" | tee -a "$RESULTS/machine.txt"
echo
bash summary.sh | tee "$RESULTS/summary.md"
if (( ${#failed[@]} )); then echo "failed: ${failed[*]}"; exit 1; fi
