#!/usr/bin/env bash
# Target 3: N (1000) generated bundles in one Felix, REPEATS times each, interleaved: bare (trivial DS
# bundles, Felix + SCR stack) and runtime (provider plugins, LLMrecon runtime on the same stack).
source "$(dirname "$0")/common.sh"
N=${N:-1000}
REPEATS=${REPEATS:-3}
OUT="$RESULTS/scale.txt"
: > "$OUT"
for ((i = 0; i < REPEATS; i++)); do
  for mode in bare runtime; do
    work=$(mktemp -d)
    "${JAVA_BENCH[@]}" -Xmx1g -cp "$THIN_CP" org.llmrecon.bench.ScaleMain "$mode" "$N" "$work" | tee -a "$OUT"
    rm -rf "$work"
  done
done
echo "--- summary ($REPEATS repeats each)"
summarize "$OUT" all_usable_ms heap_before_mib heap_all_mib heap_after_uninstall_mib heap_per_bundle_kib rss_mib \
  | tee "$RESULTS/scale-summary.txt"
