#!/usr/bin/env bash
# Target 1 (hot deploy): TRIALS deploys and undeploys per mode in MODES, one Felix in one JVM per mode:
# "events" (the runtime's plugin folder, woken by file-system events, as the launcher runs it) and polls in
# ms of File Install's own watcher without events (25: the former default; 2000: File Install's default).
# DEFAULT_TRIALS: trials at the 2 s poll (0 leaves it out). RESIDENTS=N: N generated plugins are in the folder
# before the trials (0 by default). Every run ends on its own, also when it fails.
source "$(dirname "$0")/common.sh"
TRIALS=${TRIALS:-60}
RESIDENTS=${RESIDENTS:-0}
DEFAULT_TRIALS=${DEFAULT_TRIALS:-10}
MODES=${MODES:-events 25}
OUT="$RESULTS/hotdeploy.txt"
: > "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run_mode() { # MODE TRIALS
  timeout 600 "${JAVA_BENCH[@]}" -Dbench.residents="$RESIDENTS" -cp "$THIN_CP" org.llmrecon.bench.HotDeployMain "$2" "$1" "$work/$1" | tee -a "$OUT"
}
for mode in $MODES; do
  run_mode "$mode" "$TRIALS"
done
if (( DEFAULT_TRIALS > 0 )); then
  run_mode 2000 "$DEFAULT_TRIALS"
fi
