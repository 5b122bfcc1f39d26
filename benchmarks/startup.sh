#!/usr/bin/env bash
# Target 1: process start until the providers of the plugins in the folder are usable, RUNS times each,
# interleaved: bare Felix (start and stop), the baseline stack (Felix + SCR + Config Admin + File Install +
# Gogo until one trivial DS service in the watched folder is registered), the runtime stack (the same plus
# the LLMrecon bundles, until the mock and openai providers answer), and the launcher jar when it is built.
# wall_ms is measured by this script from just before the JVM starts until it has exited.
# BEFORE_JAR=path adds the mode "before": another launcher jar (say, of the commit before a change), run the
# same way, interleaved with the others for an A/B comparison.
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-10}
LAUNCHER="$ROOT/launcher/target/llmrecon-launcher.jar"
BEFORE_JAR=${BEFORE_JAR:-}
OUT="$RESULTS/startup.txt"
: > "$OUT"
export LLM_RED_TEAM_OPENAI_BASEURL=http://127.0.0.1:9/v1   # loopback: the openai provider needs no key
now() { date +%s%N; }
for ((i = 0; i < RUNS; i++)); do
  for mode in ${MODES:-bare baseline runtime runtimemock launcher ${BEFORE_JAR:+before}}; do
    work=$(mktemp -d)
    if [[ $mode == launcher || $mode == before ]]; then
      jar=$LAUNCHER
      [[ $mode == before ]] && jar=$BEFORE_JAR
      [[ -f $jar ]] || continue
      mkdir -p "$work/plugins" "$work/etc"
      cp "$TARGET/bundles/plugins/"*.jar "$work/plugins/"
      t0=$(now)
      (cd "$work" && java -jar "$jar" --plugins "$work/plugins" --etc "$work/etc" -c "llm:providers" > "$work/out.txt" 2>&1)
      t1=$(now)
      grep -q mock "$work/out.txt" && grep -q openai "$work/out.txt" \
        || { echo "launcher did not list both providers:" >&2; cat "$work/out.txt" >&2; exit 1; }
      line="mode=$mode"
    else
      t0=$(now)
      line=$("${JAVA_BENCH[@]}" -cp "$THIN_CP" org.llmrecon.bench.StartupMain "$mode" "$t0" "$work")
      t1=$(now)
    fi
    echo "$line wall_ms=$(( (t1 - t0) / 1000000 ))" | tee -a "$OUT"
    rm -rf "$work"
  done
done
echo "--- summary ($RUNS runs each)"
summarize "$OUT" ready_ms wall_ms rss_mib | tee "$RESULTS/startup-summary.txt"
