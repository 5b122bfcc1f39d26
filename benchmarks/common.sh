# Sourced by the benchmark scripts: paths, and a summary of key=value lines.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
TARGET="$BENCH_DIR/target"
RESULTS="${RESULTS:-$TARGET/results}"
mkdir -p "$RESULTS"
if [[ ! -f "$TARGET/benchmarks.jar" || ! -d "$TARGET/bundles" ]]; then
  echo "build first: mvn -B package -pl benchmarks -am -DskipTests" >&2
  exit 1
fi
# The thin class path keeps the 45 MB shaded jar (openai-java, JMH) out of the start-up figures.
THIN_CP="$TARGET/benchmarks-1.0.0-SNAPSHOT.jar:$TARGET/bundles/framework/org.apache.felix.framework.jar:$TARGET/bundles/runtime/core-api.jar"
JAVA_BENCH=(java -Dbench.bundles="$TARGET/bundles")

# summarize FILE KEY...: for each mode= in FILE, n, median, p90 and max of each KEY
summarize() {
  local file=$1; shift
  for mode in $(grep -o 'mode=[a-z]*' "$file" | sort -u | cut -d= -f2); do
    for key in "$@"; do
      { grep "mode=$mode " "$file" | grep -o "$key=[0-9.]*" || true; } | cut -d= -f2 | sort -n | awk -v m="$mode" -v k="$key" '
        { v[NR] = $1 }
        END { if (NR == 0) exit; med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
              p90 = v[int(0.9 * NR + 0.999)]; if (p90 == "") p90 = v[NR];
              printf "%-9s %-26s n=%d median=%.1f p90=%.1f min=%.1f max=%.1f\n", m, k, NR, med, p90, v[1], v[NR] }'
    done
  done
}
