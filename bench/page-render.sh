#!/usr/bin/env bash
# How long the case page keeps the browser's main thread busy with long runs: starts Socket Lab on an
# ephemeral loopback port and has headless Chromium (over the DevTools protocol, bench/page/) run
# large-file-get with bufferSize=1 (~4,900 events) and a 1,024-port scan from the case page, open the
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
#   --settle MS    how long each measure waits after its result appears, for deferred work (1500)
#   --json FILE    every figure of every repetition as JSON
#   --compare REV  before and after: the page's files of git revision REV, then the working tree's,
#                  taking turns for --rounds rounds (default 3), so both see the same machine load;
#                  prints both sides' medians
#   --rounds N     rounds of --compare
# Needs Node.js 20+, Chromium (apt-get install chromium), a JDK 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WEB=""
COMPARE=""
ROUNDS=3
JSON=""
PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --web) WEB=$(cd "$2" && pwd); shift 2 ;;
    --profile) PASS+=(--profile); shift ;;
    --compare) COMPARE=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --json) JSON=$2; shift 2 ;;
    --repeat|--only|--width|--settle) PASS+=("$1" "$2"); shift 2 ;;
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
stop_server() { [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }; }
NODE_PID=""
cleanup() { [ -z "$NODE_PID" ] || kill "$NODE_PID" 2>/dev/null || true; stop_server; rm -rf "$OUT"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "# $(nproc) cpus, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(chromium --version 2>/dev/null | head -n 1), node $(node --version)"

# measure WEB JSON: starts the server with the page's files of WEB (empty: the jar's), runs the page bench.
measure() {
  local web=$1 json=$2
  # The page's files come from the first classpath entry that has them: the given folder, else the jar.
  java -Xmx512m -cp "${web:+$web:}$JAR" org.socketlab.server.Main serve --port 0 --access-log off >"$OUT/server.out" 2>"$OUT/server.err" &
  SERVER_PID=$!
  local url=""
  for _ in $(seq 1 200); do
    url=$(grep -o 'http://[^ ]*/' "$OUT/server.out" | head -n 1 || true)
    [ -n "$url" ] && break
    sleep 0.05
  done
  [ -n "$url" ] || { echo "page bench: the server did not start" >&2; cat "$OUT/server.err" >&2; exit 1; }
  echo "# page files: ${web:-the jar}"
  node bench/page/render.mjs --url "$url" "${PASS[@]}" ${json:+--json "$json"} &
  NODE_PID=$!
  wait "$NODE_PID"
  NODE_PID=""
  stop_server
}

if [ -z "$COMPARE" ]; then
  measure "$WEB" "$JSON"
  exit 0
fi
mkdir -p "$OUT/before"
git archive "$COMPARE" lab-web/src/main/resources/socketlab-web | tar -x -C "$OUT/before"
BEFORE=()
AFTER=()
for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round of $ROUNDS: $COMPARE, then the working tree; load $(cut -d' ' -f1-3 /proc/loadavg)"
  measure "$OUT/before/lab-web/src/main/resources" "$OUT/before-$round.json"
  measure "" "$OUT/after-$round.json"
  BEFORE+=("$OUT/before-$round.json")
  AFTER+=("$OUT/after-$round.json")
done
echo
echo "# before: $COMPARE ($(git log -1 --format=%cs "$COMPARE")), after: the working tree; load now $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/page/compare.mjs "${BEFORE[@]}" -- "${AFTER[@]}"
