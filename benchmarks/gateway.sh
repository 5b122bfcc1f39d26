#!/usr/bin/env bash
# The gateway over a direct call with the mock: added latency of one chat (p50, p99; CALLS sequential calls)
# and streams per second with 64 concurrent streaming callers (STREAM_S seconds), direct against SSE.
source "$(dirname "$0")/common.sh"
CALLS=${CALLS:-3000}
STREAM_S=${STREAM_S:-5}
"${JAVA_BENCH[@]}" -Xmx1g -cp "$TARGET/benchmarks.jar" org.llmrecon.bench.http.GatewayBenchMain "$CALLS" "$STREAM_S" \
  | tee "$RESULTS/gateway.txt"
