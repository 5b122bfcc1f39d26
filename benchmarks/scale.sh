#!/usr/bin/env bash
# Target 3: N generated plugins in one JVM, for each N in NS, REPEATS times each, interleaved: bare (trivial DS
# bundles on the Felix + SCR stack), runtime (provider plugins on the LLMrecon runtime, one chat call each) and
# pf4j (PF4J 3.13 plugin jars, one extension call each). INSTALL=reference installs the bundles in place.
source "$(dirname "$0")/common.sh"
NS=${NS:-${N:-1000}}
REPEATS=${REPEATS:-3}
INSTALL=${INSTALL:-copy}
PF4J_CP="$TARGET/benchmarks-1.0.0-SNAPSHOT.jar:$TARGET/bundles/framework/org.apache.felix.framework.jar"
PF4J_CP="$PF4J_CP:$TARGET/bundles/pf4j/pf4j.jar:$TARGET/bundles/pf4j/slf4j-api.jar:$TARGET/bundles/pf4j/java-semver.jar"
OUT="$RESULTS/scale.txt"
: > "$OUT"
for n in $NS; do
  for ((i = 0; i < REPEATS; i++)); do
    for mode in bare runtime pf4j; do
      work=$(mktemp -d)
      if [[ $mode == pf4j ]]; then
        timeout 900 java -Xmx1g -cp "$PF4J_CP" org.llmrecon.bench.pf4j.Pf4jMain "$n" "$work" 2>/dev/null | tee -a "$OUT"
      else
        timeout 900 "${JAVA_BENCH[@]}" -Xmx1g -cp "$THIN_CP" org.llmrecon.bench.ScaleMain "$mode" "$n" "$work" "$INSTALL" \
          | tee -a "$OUT"
      fi
      rm -rf "$work"
    done
  done
done
echo "--- summary ($REPEATS repeats each)"
for n in $NS; do
  grep " n=$n " "$OUT" > "$OUT.n$n" || true
  echo "n=$n"
  summarize "$OUT.n$n" all_usable_ms all_usable_cpu_ms heap_before_mib heap_all_mib heap_after_uninstall_mib heap_per_bundle_kib rss_mib
  rm -f "$OUT.n$n"
done | tee "$RESULTS/scale-summary.txt"
