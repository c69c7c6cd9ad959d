#!/usr/bin/env bash
# Load benchmark of Socket Lab's HTTP server on loopback, with wrk (Debian package 'wrk').
# Prints the time to the first answered request after start-up, then wrk's figures for a small JSON
# body and for a static file, over keep-alive connections. Figures, not a pass/fail test.
#
#   bench/load.sh [DURATION_SECONDS] [CONNECTIONS] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
threads=${3:-2}
jar=lab-server/target/socketlab.jar

command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
[ -f "$jar" ] || mvn -q -DskipTests package

log=$(mktemp)
start_ns=$(date +%s%N)
java ${JAVA_OPTS:-} -jar "$jar" serve --port 0 >"$log" 2>/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

url=""
for _ in $(seq 1 200); do
  url=$(grep -o 'http://[^ ]*/' "$log" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { echo "bench: the server did not start" >&2; exit 1; }
curl -sf -o /dev/null --max-time 5 "${url}api/cases/missing-message"
first_ns=$(date +%s%N)
echo "java: $(java -version 2>&1 | head -n 1)"
echo "start-up to first answered request: $(( (first_ns - start_ns) / 1000000 )) ms"

# Warm the JIT before measuring.
wrk -t "$threads" -c "$connections" -d 3s "${url}api/cases/missing-message" >/dev/null

for path in api/cases/missing-message app.js; do
  echo
  echo "GET /$path, $connections keep-alive connections, $threads wrk threads, ${duration}s:"
  wrk -t "$threads" -c "$connections" -d "${duration}s" --latency "${url}${path}"
done
