#!/usr/bin/env bash
# One table of every target of docs/BENCHMARKS.md from the result files of one run (benchmarks/target/results):
# measured value, anchor measured in the same run, ratio, goal, met or not. A target whose run is missing or
# failed says so. Medians throughout.
source "$(dirname "$0")/common.sh"
R="$RESULTS"

# med FILE MODE KEY [EXTRA_GREP]: median of KEY over the lines "mode=MODE ..." (empty when none)
med() {
  local file=$1 mode=$2 key=$3 extra=${4:-}
  [[ -f $file ]] || return 0
  { grep "^mode=$mode " "$file" | { [[ -n $extra ]] && grep -- "$extra" || cat; } | grep -o " $key=[0-9.]*" || true; } \
    | cut -d= -f2 | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# row NAME MEASURED ANCHOR_TEXT RATIO GOAL_TEXT OP LIMIT: OP compares RATIO (or MEASURED when RATIO is "-") to LIMIT
row() {
  local name=$1 measured=$2 anchor=$3 ratio=$4 goal=$5 op=$6 limit=$7 value met
  value=$([[ $ratio == "-" ]] && echo "$measured" || echo "$ratio")
  value=${value%% *}
  if [[ -z $value || $value == "-" || $value == "n/a" ]]; then met="not measured"
  elif awk -v v="$value" -v l="$limit" -v op="$op" 'BEGIN { exit !((op == "<=") ? v <= l : v >= l) }'; then met="met"
  else met="NOT MET"; fi
  printf "| %s | %s | %s | %s | %s | %s |\n" "$name" "${measured:-n/a}" "${anchor:--}" "${ratio:-n/a}" "$goal" "$met"
}
ratio() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b }' || true; }
# spread FILE MODE_A MODE_B KEY [EXTRA_GREP]: "; rounds LO-HI", the range of A/B over the runs paired in order
# (the scripts interleave the modes, so the i-th runs of A and B ran next to each other)
spread() {
  local file=$1 a=$2 b=$3 key=$4 extra=${5:-}
  [[ -f $file ]] || return 0
  values() { { grep "^mode=$1 " "$file" | { [[ -n $extra ]] && grep -- "$extra" || cat; } | grep -o " $key=[0-9.]*" || true; } | cut -d= -f2; }
  paste -d' ' <(values "$a") <(values "$b") | awk 'NF == 2 && $2 > 0 { r = $1 / $2; lo = (n++ && lo < r) ? lo : r; hi = (hi > r) ? hi : r }
    END { if (n > 1) printf "; rounds %.2f-%.2f", lo, hi }'
}

echo "| target | measured | anchor (same run) | ratio | goal | met? |"
echo "|---|---|---|---|---|---|"
H="$R/hotdeploy.txt"
d50=$(med "$H" events deploy_p50); d95=$(med "$H" events deploy_p95); u95=$(med "$H" events undeploy_p95)
k50=$(med "$R/karaf.txt" karafpoll25 deploy_p50); kd50=$(med "$R/karaf.txt" karafpoll1000 deploy_p50)
p50=$(med "$H" poll25 deploy_p50)
row "1 hot deploy p50, mv to served call (events)" "${d50:+$d50 ms}" "${p50:+File Install polling 25 ms: $p50 ms}" "-" "<= 40 ms" "<=" 40
row "1 hot deploy p95" "${d95:+$d95 ms}" "" "-" "<= 60 ms" "<=" 60
i50=$(med "$H" events detect_p50); ip50=$(med "$H" poll25 detect_p50)
row "1 detection p50, mv to bundle installed (events)" "${i50:+$i50 ms}" "${ip50:+File Install polling 25 ms: $ip50 ms}" "$(ratio "$i50" "$ip50")" "< 1 (faster)" "<=" 0.99
row "1 undeploy p95" "${u95:+$u95 ms}" "" "-" "<= 30 ms" "<=" 30
idle=$(grep -o "^poll=default .*= [0-9.]*%" "$R/idle.txt" 2>/dev/null | grep -o "[0-9.]*%$" | tr -d % || true)
ijvm=$(grep -o "^poll=jvm .*= [0-9.]*%" "$R/idle.txt" 2>/dev/null | grep -o "[0-9.]*%$" | tr -d % || true)
row "1 launcher idle CPU (events, 2 plugins)" "${idle:+$idle%}" "${ijvm:+a JVM that only sleeps: $ijvm%}" "-" "<= 0.3% of a core" "<=" 0.3
row "5 hot deploy vs Karaf deploy/ at 25 ms poll (p50)" "${d50:+$d50 ms}" "${k50:+Karaf: $k50 ms}" "$(ratio "$d50" "$k50")" "< 1 (faster)" "<=" 0.99
row "5 hot deploy vs Karaf deploy/ at its 1 s default (p50)" "${d50:+$d50 ms}" "${kd50:+Karaf: $kd50 ms}" "$(ratio "$d50" "$kd50")" "< 1 (faster)" "<=" 0.99
S="$R/startup.txt"
rt=$(med "$S" runtime ready_ms); base=$(med "$S" baseline ready_ms); lw=$(med "$S" launcher wall_ms); bw=$(med "$S" baseline wall_ms)
row "2 runtime ready (mock + openai)" "${rt:+$rt ms}" "${base:+bare stack: $base ms$(spread "$S" runtime baseline ready_ms)}" "$(ratio "$rt" "$base")" "<= 1.15x" "<=" 1.15
row "2 launcher wall time, -c llm:providers" "${lw:+$lw ms}" "${bw:+bare stack wall: $bw ms$(spread "$S" launcher baseline wall_ms)}" "$(ratio "$lw" "$bw")" "<= 1.3x" "<=" 1.3
kr=$(med "$R/karaf.txt" karaf ready_ms)
row "5 Karaf cold start to a DS service / launcher's whole run" "${lw:+$lw ms}" "${kr:+Karaf: $kr ms}" "$(ratio "$kr" "$lw")" ">= 4x faster" ">=" 4
km=$(med "$R/karaf.txt" launchermarker ready_ms)
row "5 Karaf cold start to a DS service / launcher to the same dropped DS service (same marker, interleaved)" "${km:+$km ms}" "${kr:+Karaf: $kr ms$(spread "$R/karaf.txt" karaf launchermarker ready_ms)}" "$(ratio "$kr" "$km")" ">= 4x faster" ">=" 4
C="$R/scale.txt"
ns=$(grep -o " n=[0-9]*" "$C" 2>/dev/null | cut -d= -f2 | sort -nu || true)
for n in $ns; do
  sr=$(med "$C" runtime all_usable_ms " n=$n "); sb=$(med "$C" bare all_usable_ms " n=$n "); sp=$(med "$C" pf4j all_usable_ms " n=$n ")
  row "3 $n plugins usable (one call each)" "${sr:+$sr ms}" "${sb:+trivial DS: $sb ms$(spread "$C" runtime bare all_usable_ms " n=$n ")}" "$(ratio "$sr" "$sb")" "<= 1.2x" "<=" 1.2
  row "3/5 $n plugins vs PF4J 3.13" "${sr:+$sr ms}" "${sp:+PF4J: $sp ms$(spread "$C" runtime pf4j all_usable_ms " n=$n ")}" "$(ratio "$sr" "$sp")" "<= 2x" "<=" 2
done
n=$(echo "$ns" | tail -1)
if [[ -n $n ]]; then
  hk=$(med "$C" runtime heap_per_bundle_kib " n=$n "); hb=$(med "$C" runtime heap_before_mib " n=$n "); ha=$(med "$C" runtime heap_after_uninstall_mib " n=$n ")
  pk=$(med "$C" pf4j heap_per_bundle_kib " n=$n "); bk=$(med "$C" bare heap_per_bundle_kib " n=$n ")
  pa=$(awk -v a="$(med "$C" pf4j heap_after_uninstall_mib " n=$n ")" -v b="$(med "$C" pf4j heap_before_mib " n=$n ")" 'BEGIN { printf "%.2f", a - b }')
  left=$(awk -v a="$ha" -v b="$hb" 'BEGIN { if (a != "" && b != "") printf "%.2f", a - b }')
  row "3 heap per idle plugin (n=$n)" "${hk:+$hk KiB}" "PF4J: $pk KiB, trivial DS: $bk KiB" "-" "<= 15 KiB" "<=" 15
  row "3 heap after uninstall + refresh, above start (n=$n)" "${left:+$left MiB}" "PF4J: $pa MiB" "-" "<= 1 MiB" "<=" 1
else
  row "3 plugins usable" "" "" "-" "<= 1.2x" "<=" 1.2
fi
T="$R/http.txt"
if [[ -f $T ]]; then
  awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      key = f["kind"] " " f["callers"] " " f["repeat"]
      if ($0 ~ /provider-openai-sample/) p[key] = f["rps"]; else s[key] = f["rps"] }
    END { for (k in p) if (k in s) { split(k, a, " "); c = a[1] " " a[2]; r[c] = r[c] " " p[k] / s[k] }
          for (c in r) { n = split(substr(r[c], 2), v, " ")
                         for (i = 2; i <= n; i++) { x = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
                         med = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
                         printf "%s %.2f %.2f %.2f\n", c, med, v[1], v[n] } }' "$T" | sort -k1,1 -k2,2n > "$R/http-ratios.txt"
  while read -r kind callers m lo hi; do
    row "4 HTTP $kind, $callers callers, provider / openai-java rps" "$m (rounds $lo-$hi)" "openai-java 4.8.0" "$m" ">= 1.1x" ">=" 1.1
  done < "$R/http-ratios.txt"
else
  row "4 HTTP provider / openai-java rps" "" "" "-" ">= 1.1x" ">=" 1.1
fi
