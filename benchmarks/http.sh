#!/usr/bin/env bash
# Target 5: provider-openai-sample (through the runtime handle) against openai-java 4.8.0 on a local
# OpenAI-compatible server, at 1, 8 and 64 callers; REPEATS rounds in alternating client order.
source "$(dirname "$0")/common.sh"
REPEATS=${REPEATS:-3}
WARMUP_S=${WARMUP_S:-2}
MEASURE_S=${MEASURE_S:-5}
java -Xmx1g -cp "$TARGET/benchmarks.jar" org.llmrecon.bench.http.HttpBenchMain "$REPEATS" "$WARMUP_S" "$MEASURE_S" \
  | tee "$RESULTS/http.txt"
