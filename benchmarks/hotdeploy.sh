#!/usr/bin/env bash
# Target 2: hot deploy and undeploy through File Install: TRIALS at a 50 ms poll, then DEFAULT_TRIALS at
# File Install's default 2 s poll for comparison. One Felix in one JVM per poll setting.
source "$(dirname "$0")/common.sh"
TRIALS=${TRIALS:-60}
DEFAULT_TRIALS=${DEFAULT_TRIALS:-10}
work=$(mktemp -d)
"${JAVA_BENCH[@]}" -cp "$THIN_CP" org.llmrecon.bench.HotDeployMain "$TRIALS" 50 "$work/p50" | tee "$RESULTS/hotdeploy-50ms.txt"
"${JAVA_BENCH[@]}" -cp "$THIN_CP" org.llmrecon.bench.HotDeployMain "$DEFAULT_TRIALS" 2000 "$work/p2000" | tee "$RESULTS/hotdeploy-2s.txt"
rm -rf "$work"
