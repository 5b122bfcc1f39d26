#!/usr/bin/env bash
# Target 2: hot deploy and undeploy through File Install: TRIALS at 50 ms and 25 ms polls (POLLS), then DEFAULT_TRIALS at
# File Install's default 2 s poll for comparison. One Felix in one JVM per poll setting.
source "$(dirname "$0")/common.sh"
TRIALS=${TRIALS:-60}
DEFAULT_TRIALS=${DEFAULT_TRIALS:-10}
work=$(mktemp -d)
for poll in ${POLLS:-50 25}; do
  "${JAVA_BENCH[@]}" -cp "$THIN_CP" org.llmrecon.bench.HotDeployMain "$TRIALS" "$poll" "$work/p$poll" | tee "$RESULTS/hotdeploy-${poll}ms.txt"
done
"${JAVA_BENCH[@]}" -cp "$THIN_CP" org.llmrecon.bench.HotDeployMain "$DEFAULT_TRIALS" 2000 "$work/p2000" | tee "$RESULTS/hotdeploy-2s.txt"
rm -rf "$work"
