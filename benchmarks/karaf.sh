#!/usr/bin/env bash
# Anchor: Apache Karaf 4.4.8 with Declarative Services (the bundles of its own "scr" feature as startup bundles;
# Karaf ships promise and function already),
# fetched from the Maven repository by benchmarks/anchors/pom.xml into target/anchors/ and unpacked there.
# RUNS clean starts until a DS component in deploy/ is active; hot deploy through deploy/ (TRIALS) at each poll
# in POLLS (1000: Karaf's default). Timed from outside by marker files (KarafMain).
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-10}
TRIALS=${TRIALS:-40}
POLLS=${POLLS:-1000 25}
KARAF_VERSION=4.4.8
ANCHORS="$TARGET/anchors"
HOME_DIR="$ANCHORS/apache-karaf-$KARAF_VERSION"
OUT="$RESULTS/karaf.txt"
if [[ ! -f "$ANCHORS/apache-karaf-$KARAF_VERSION.tar.gz" || ! -d "$ANCHORS/karaf-system" ]]; then
  mvn -B -q ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} -f "$BENCH_DIR/anchors/pom.xml" package
fi
if [[ ! -f "$HOME_DIR/.bench-ready" ]]; then
  rm -rf "$HOME_DIR"
  tar xzf "$ANCHORS/apache-karaf-$KARAF_VERSION.tar.gz" -C "$ANCHORS"
  cp -r "$ANCHORS/karaf-system/." "$HOME_DIR/system/"
  cat >> "$HOME_DIR/etc/startup.properties" <<'PROPS'
mvn\:org.osgi/org.osgi.service.component/1.5.1 = 30
mvn\:org.apache.felix/org.apache.felix.scr/2.2.6 = 30
PROPS
  touch "$HOME_DIR/.bench-ready"
fi
: > "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the launcher, when built, is timed with the same marker bundle after each Karaf start (mode=launchermarker)
LAUNCHER="$ROOT/launcher/target/llmrecon-launcher.jar"
LAUNCHER_OPT=()
[[ -f $LAUNCHER ]] && LAUNCHER_OPT=(-Dbench.launcher="$LAUNCHER")
timeout 1800 "${JAVA_BENCH[@]}" "${LAUNCHER_OPT[@]}" -cp "$THIN_CP" org.llmrecon.bench.KarafMain start "$HOME_DIR" "$RUNS" \
  "$work" | tee -a "$OUT"
for poll in $POLLS; do
  timeout 1800 "${JAVA_BENCH[@]}" -cp "$THIN_CP" org.llmrecon.bench.KarafMain hotdeploy "$HOME_DIR" "$poll" "$TRIALS" \
    "$work" | tee -a "$OUT"
done
