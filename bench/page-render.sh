#!/usr/bin/env bash
# How long the case page keeps the browser's main thread busy with long runs: starts Socket Lab on an
# ephemeral loopback port and has headless Chromium (over the DevTools protocol, bench/page/) run
# large-file-get with bufferSize=8 (~4,000 events) and a 1,024-port scan from the case page, open the
# saved transcript (#/open), open the scan's collapsed run and show a hidden kind; each traced, the
# main-thread task time printed as the median of --repeat runs. Figures, not a pass/fail test.
#
# usage: bench/page-render.sh [options]
#   --repeat N     repetitions of each measure (default 5)
#   --only LIST    some of large-file-get,scan,open,expand,toggle (open needs large-file-get)
#   --profile      also print the self time per function (a CPU profile of the last repetition)
#   --width PX     the window's width (default 1280; 375 shows the narrow screen's event list)
#   --web DIR      serve the page's files from DIR (a socketlab-web folder's parent) instead of the
#                  jar's: e.g. an older version, `git archive REV lab-web/src/main/resources | tar -x`
#   --json FILE    every figure of every repetition as JSON
# Needs Node.js 20+, Chromium (apt-get install chromium), a JDK 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WEB=""
PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --web) WEB=$(cd "$2" && pwd); shift 2 ;;
    --profile) PASS+=(--profile); shift ;;
    --repeat|--only|--width|--json|--settle) PASS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "page bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null || { echo "page bench: needs Node.js 20 or later" >&2; exit 2; }

JAR=lab-server/target/socketlab.jar
if [ ! -f "$JAR" ] || [ -n "$(find lab-*/src -newer "$JAR" -type f | head -n 1)" ]; then
  rm -f lab-server/target/*.jar
  mvn -q -DskipTests package
fi
[ -n "$WEB" ] && [ ! -f "$WEB/socketlab-web/index.html" ] && { echo "page bench: no socketlab-web/index.html under $WEB" >&2; exit 2; }

OUT=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }; rm -rf "$OUT"; }
trap cleanup EXIT
# The page's files come from the first classpath entry that has them: --web's folder, else the jar.
java -Xmx512m -cp "${WEB:+$WEB:}$JAR" org.socketlab.server.Main serve --port 0 --access-log off >"$OUT/server.out" 2>"$OUT/server.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 200); do
  URL=$(grep -o 'http://[^ ]*/' "$OUT/server.out" | head -n 1 || true)
  [ -n "$URL" ] && break
  sleep 0.05
done
[ -n "$URL" ] || { echo "page bench: the server did not start" >&2; cat "$OUT/server.err" >&2; exit 1; }
echo "# $(nproc) cpus, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(chromium --version 2>/dev/null | head -n 1), node $(node --version)"
echo "# page files: ${WEB:-the jar}"
node bench/page/render.mjs --url "$URL" "${PASS[@]}"
