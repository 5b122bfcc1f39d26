#!/usr/bin/env bash
# Idle CPU of the launcher (--no-shell, the template and OpenAI plugins in its folder) for each plugin-folder
# poll in POLLS ("default": no llmrecon.plugins.poll; where file-system events come, as here, the poll only
# applies to folders without events and the folders are scanned on events and every 2 s):
# CPU time (user + system) over MEASURE_S seconds, after SETTLE_S seconds of start-up. Then the anchor, measured the
# same way: a JVM that only sleeps (IdleMain, poll=jvm), whose periodic threads are the floor on this machine.
source "$(dirname "$0")/common.sh"
LAUNCHER="$ROOT/launcher/target/llmrecon-launcher.jar"
[[ -f $LAUNCHER ]] || { echo "build the launcher first: mvn -B package -pl launcher,benchmarks -am -DskipTests" >&2; exit 1; }
SETTLE_S=${SETTLE_S:-15}
MEASURE_S=${MEASURE_S:-60}
TICKS=$(getconf CLK_TCK)
OUT="$RESULTS/idle.txt"
: > "$OUT"
# measure PID LABEL [NOTE]: the process's CPU time over MEASURE_S seconds after SETTLE_S, one line in OUT; ends it
measure() {
  local pid=$1 t0 t1
  sleep "$SETTLE_S"
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$MEASURE_S"
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v p="$2" -v note="${3:-}" -v d=$((t1 - t0)) -v hz="$TICKS" -v s="$MEASURE_S" \
    'BEGIN { printf "poll=%s cpu_s=%.2f over %d s = %.2f%% of one core%s\n", p, d / hz, s, 100 * d / hz / s, note }' \
    | tee -a "$OUT"
}
for poll in ${POLLS:-default}; do
  work=$(mktemp -d)
  mkdir -p "$work/plugins" "$work/etc"
  cp "$TARGET/bundles/plugins/"*.jar "$work/plugins/"
  (cd "$work" && LLM_RED_TEAM_OPENAI_BASEURL=http://127.0.0.1:9/v1 exec java -Dllmrecon.plugins.poll="${poll/#default/}" \
    -jar "$LAUNCHER" --plugins "$work/plugins" --etc "$work/etc" --no-shell > "$work/out.txt" 2>&1) &
  measure $! "$poll"
  rm -rf "$work"
done
java -cp "$THIN_CP" org.llmrecon.bench.IdleMain &
measure $! jvm " (a JVM that only sleeps)"
