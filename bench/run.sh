#!/usr/bin/env bash
# Socket Lab beside nginx and Jetty on loopback, in one run, with ratios against the goals of
# docs/benchmarks.md; then a whole-range port scan beside nmap, start-up, and runs through the API.
# Figures, not a pass/fail test. Everything runs on 127.0.0.1 and is bounded in time.
#
# usage: bench/run.sh [options]
#   --duration S     measured seconds per wrk run (default 8)
#   --warmup S       warm-up seconds per server (default 3)
#   --peers LIST     peers of the kit beside Socket Lab (default jetty,nginx-w1; e.g. add helidon,jdk-pool)
#   --java17 PATH    the Java 17 to run Socket Lab on (default: found under /usr/lib/jvm)
#   --kit DIR        the peers kit (default ../shared/bench-peers beside this repository, or $PEERS_KIT)
#   --only PART      http, scan, startup or runs (default: all four)
#   --repeat N       run the HTTP rows N times, interleaved, and compare their medians (default 1;
#                    on a machine others are using, 3 tames the noise)
#   --pin            pass --pin to the kit (server on CPU 0, wrk on CPU 1)
#   --scan-rounds N  whole-range scans of each kind, interleaved (default 3)
# Needs wrk, curl, nginx, nmap, GNU time (apt-get install wrk curl nginx nmap time), Maven, a JDK 21+ for the kit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=8
WARMUP=3
PEERS=jetty,nginx-w1
JAVA17=""
KIT=${PEERS_KIT:-$ROOT/../shared/bench-peers}
ONLY=all
REPEAT=1
SCAN_ROUNDS=3
PIN=()
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --peers) PEERS=$2; shift 2 ;;
    --java17) JAVA17=$2; shift 2 ;;
    --kit) KIT=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --pin) PIN=(--pin); shift ;;
    --scan-rounds) SCAN_ROUNDS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
want() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install $tool)" >&2; exit 2; }; done

if [ -z "$JAVA17" ]; then
  for cand in /usr/lib/jvm/*17* /opt/java/*17*; do
    [ -x "$cand/bin/java" ] && { JAVA17=$cand/bin/java; break; }
  done
fi
[ -n "$JAVA17" ] || { echo "bench: no Java 17 found; give --java17 PATH" >&2; exit 2; }

JAR=lab-server/target/socketlab.jar
# The shade plugin re-shades its own output when the module's classes did not change, so a stale
# copy of a dependency's classes could survive an incremental build: build from fresh jars.
if [ ! -f "$JAR" ] || [ -n "$(find lab-*/src -newer "$JAR" -type f | head -n 1)" ]; then
  rm -f lab-server/target/*.jar
  mvn -q -DskipTests package
fi

OUT=$ROOT/bench/target/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
echo "bench: results in ${OUT#"$ROOT"/}"
echo "# machine: $(nproc) cpus, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)" | tee "$OUT/machine.txt"
echo "# java 17: $("$JAVA17" -version 2>&1 | head -n 1)" | tee -a "$OUT/machine.txt"

SERVER_PID=""
stop_server() { [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }; }
trap stop_server EXIT
# start_server JAVA ARGS... : starts serve --port 0 and sets URL
start_server() {
  local java=$1; shift
  "$java" -Xmx512m -jar "$JAR" serve --port 0 "$@" >"$OUT/server.out" 2>"$OUT/server.err" &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 200); do
    URL=$(grep -o 'http://[^ ]*/' "$OUT/server.out" | head -n 1 || true)
    [ -n "$URL" ] && break
    sleep 0.05
  done
  [ -n "$URL" ] || { echo "bench: the server did not start" >&2; cat "$OUT/server.err" >&2; exit 1; }
}

# ------------------------------------------------------------------ HTTP beside the peers
if want http; then
  [ -x "$KIT/run.sh" ] || { echo "bench: the peers kit is not at $KIT (give --kit DIR)" >&2; exit 2; }
  # The kit builds into its own folder, which may be read-only: work on a copy (not committed).
  KIT_COPY=$ROOT/bench/target/peers-kit
  if [ ! -f "$KIT_COPY/target/peers.jar" ]; then
    rm -rf "$KIT_COPY"; mkdir -p "$KIT_COPY"
    cp -r "$KIT"/. "$KIT_COPY"/; chmod -R u+w "$KIT_COPY"; rm -rf "$KIT_COPY/out" "$KIT_COPY/target"
  fi
  start_server "$JAVA17" --access-log off
  curl -sf --max-time 5 "${URL}api/cases/missing-message" >"$OUT/case.json"
  stop_server
  echo "# body: GET /api/cases/missing-message, $(wc -c <"$OUT/case.json") bytes"
  # The kit runs its Java peers on one JDK 21+; name it, and run Socket Lab on it and on Java 17.
  if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    JAVA_HOME=$(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null | head -n 1 || true)
  fi
  [ -n "$JAVA_HOME" ] || { echo "bench: needs a JDK 21+ for the kit (set JAVA_HOME)" >&2; exit 2; }
  export JAVA_HOME
  KIT_JDK=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  export SL_JAVA17=$JAVA17
  SL="-jar $ROOT/$JAR serve --port \$PORT"
  for round in $(seq 1 "$REPEAT"); do
    [ "$REPEAT" = 1 ] && dir="$OUT/http" || dir="$OUT/http-$round"
    [ "$REPEAT" = 1 ] || echo "# round $round of $REPEAT"
    PEER_FILE="$OUT/case.json" PEER_FILE_URL=/api/cases/missing-message \
      "$KIT_COPY/run.sh" --duration "$DURATION" --warmup "$WARMUP" --peers "$PEERS" \
        --path /api/cases/missing-message --out "$dir" "${PIN[@]+"${PIN[@]}"}" \
        --extra "socketlab-17=exec \$SL_JAVA17 \$JAVA_OPTS $SL --access-log off" \
        --extra "socketlab-17-log=exec \$SL_JAVA17 \$JAVA_OPTS $SL" \
        --extra "socketlab-$KIT_JDK=exec \$JAVA \$JAVA_OPTS $SL --access-log off" \
        --extra "socketlab-$KIT_JDK-log=exec \$JAVA \$JAVA_OPTS $SL" \
        >>"$OUT/http.log" 2>&1 || { tail -n 20 "$OUT/http.log"; exit 1; }
  done
  if [ "$REPEAT" != 1 ]; then
    # The median of each column per row, over the rounds, as one results.tsv.
    mkdir -p "$OUT/http"
    cp "$OUT/http-1/header.txt" "$OUT/http/header.txt"
    awk -F'\t' -v OFS='\t' '
      function median(list,   a, n, i, j, t) { n = split(list, a, " "); for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t } return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      FNR == 1 { if (NR == 1) print; next }
      $3 == "-" { next }
      { if (!($1 in seen)) { seen[$1] = 1; order[++m] = $1; path[$1] = $2 } for (c = 3; c <= NF; c++) v[$1, c] = v[$1, c] " " $c; nf = NF }
      END { for (i = 1; i <= m; i++) { k = order[i]; line = k OFS path[k]; for (c = 3; c <= nf; c++) line = line OFS median(v[k, c]); print line } }
    ' "$OUT"/http-*/results.tsv >"$OUT/http/results.tsv"
    echo "# medians over $REPEAT rounds (each round's table is in http-N/table.txt)"
    awk -F'\t' 'NR == 1 { printf "%-18s %9s %7s %7s %5s | %9s %7s | %6s\n", "peer", "ka req/s", "ka p99", "rest", "errs", "cl req/s", "cl p99", "RSS MB"; next }
      { printf "%-18s %9d %7.2f %7d %5d | %9d %7.2f | %6d\n", $1, $3, $5, $14, $7 + $11, $8, $10, $12 }' "$OUT/http/results.tsv" >"$OUT/http/table.txt"
  fi
  grep -E '^# (java|host)' "$OUT/http/header.txt" || true
  cat "$OUT/http/table.txt"
  echo
  awk -F'\t' -f bench/ratios.awk "$OUT/http/results.tsv" | tee "$OUT/ratios.txt"
fi

# ------------------------------------------------------------------ port scan beside nmap
# busy_ticks: the machine's busy CPU time so far, in clock ticks (all CPUs, from /proc/stat)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
# timed NAME FILE CMD...: runs CMD with its output to FILE, prints "NAME wall_ms own_cpu_ms rest_pct" (rest = CPU%
# of everything else on the machine during the command, 100 = one core)
timed() {
  local name=$1 file=$2; shift 2
  local b0 b1 t0 t1
  b0=$(busy_ticks); t0=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$OUT/time.txt" "$@" >"$file" 2>&1 || true
  t1=$(date +%s%N); b1=$(busy_ticks)
  awk -v n="$name" -v t="$(( (t1 - t0) / 1000000 ))" -v b="$((b1 - b0))" -v hz="$(getconf CLK_TCK)" \
    '{ own = ($1 + $2) * 1000; rest = (b * 1000 / hz - own) * 100 / t; printf "%s %d %d %d\n", n, t, own, (rest < 0 ? 0 : rest) }' \
    "$OUT/time.txt"
}
open_ports() { grep -oE "$1" "$2" | tr -d ' ' | cut -d/ -f1 | sort -n | tr '\n' ' ' || true; }
if want scan; then
  if command -v nmap >/dev/null && [ -x /usr/bin/time ]; then
    echo
    echo "Whole-range TCP connect scan of 127.0.0.1, $SCAN_ROUNDS rounds (wall time of one command each; own = the"
    echo "command's CPU time; rest = CPU% of everything else on the machine meanwhile, 100 = one core):"
    # The floor: the same probes in a bare JVM (bench/ScanFloor.java), what any java command pays for this scan.
    FLOOR=""
    if [ -x "$(dirname "$JAVA17")/javac" ] && "$(dirname "$JAVA17")/javac" -d "$OUT/floor" bench/ScanFloor.java; then
      FLOOR=$OUT/floor
    fi
    start_server "$JAVA17" --access-log off
    scan_body='{"params": {"host": "127.0.0.1", "ports": "1-65535", "parallel": 512}}'
    # The API row is the server's second scan: the first warms its JIT as a running server's earlier runs would.
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "$scan_body" "${URL}api/cases/port-scanner/runs"
    : >"$OUT/scan-rounds.txt"
    for round in $(seq 1 "$SCAN_ROUNDS"); do
      n=$(timed nmap "$OUT/nmap-$round.txt" nmap -sT -p1-65535 -n 127.0.0.1)
      c=$(timed cli "$OUT/scan-$round.txt" "$JAVA17" -jar "$JAR" run port-scanner --param host=127.0.0.1 \
        --param ports=1-65535 --param parallel=512)
      f="floor 0 0 0"
      [ -z "$FLOOR" ] || f=$(timed floor "$OUT/floor-$round.txt" "$JAVA17" -cp "$FLOOR" ScanFloor)
      cpu0=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"); b0=$(busy_ticks)
      api_ms=$(curl -s -o "$OUT/scan-api-$round.json" -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
        -d "$scan_body" "${URL}api/cases/port-scanner/runs" | awk '{ printf "%d", $1 * 1000 }')
      cpu1=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"); b1=$(busy_ticks)
      a=$(awk -v t="$api_ms" -v own="$((cpu1 - cpu0))" -v b="$((b1 - b0))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { o = own * 1000 / hz; r = (b * 1000 / hz - o) * 100 / (t > 0 ? t : 1); printf "api %d %d %d", t, o, (r < 0 ? 0 : r) }')
      nmap_open=$(open_ports '^[0-9]+/tcp +open' "$OUT/nmap-$round.txt")
      cli_open=$(open_ports '^ *[0-9]+/tcp +open' "$OUT/scan-$round.txt")
      nmap_closed=$(grep -oE 'Not shown: [0-9]+ closed' "$OUT/nmap-$round.txt" | grep -oE '[0-9]+' || echo 0)
      cli_closed=$(grep -m1 -oE 'Not shown: [0-9,]+ closed' "$OUT/scan-$round.txt" | tr -d , | grep -oE '[0-9]+' || echo 0)
      echo "$round $n $c $a $f" >>"$OUT/scan-rounds.txt"
      read -r _ nw no nr <<<"$n"; read -r _ cw co cr <<<"$c"; read -r _ aw ao ar <<<"$a"; read -r _ fw fo fr <<<"$f"
      printf '  round %d: nmap %5d ms (own %4d, rest %3d%%) | CLI %5d ms (own %4d, rest %3d%%) ratio %.2f | API %5d ms (server %4d, rest %3d%%) ratio %.2f\n' \
        "$round" "$nw" "$no" "$nr" "$cw" "$co" "$cr" "$(awk -v a="$cw" -v b="$nw" 'BEGIN { print a / b }')" \
        "$aw" "$ao" "$ar" "$(awk -v a="$aw" -v b="$nw" 'BEGIN { print a / b }')"
      [ -z "$FLOOR" ] || printf '           floor (bench/ScanFloor.java, a bare JVM, same probes) %5d ms (own %4d, rest %3d%%) ratio %.2f\n' \
        "$fw" "$fo" "$fr" "$(awk -v a="$fw" -v b="$nw" 'BEGIN { print a / b }')"
      # Verdicts: the same open ports and closed count, or both lists (a port another program opened or
      # closed between the two scans makes them differ).
      if [ "$nmap_open" = "$cli_open" ] && [ "$nmap_closed" = "$cli_closed" ]; then
        echo "           verdicts: the same (open: ${nmap_open:-none}; closed: $nmap_closed)"
      else
        echo "           verdicts DIFFER: nmap open ${nmap_open:-none}, closed $nmap_closed; CLI open ${cli_open:-none}, closed $cli_closed"
      fi
    done
    stop_server
    awk '{ n[NR] = $3; c[NR] = $7; a[NR] = $11; f[NR] = $15; if ($7 <= $3) cw++; if ($11 <= $3) aw++; if ($15 <= $3) fw++ }
      function median(v, k,   i, j, t, s) { for (i = 1; i <= k; i++) s[i] = v[i]; for (i = 2; i <= k; i++) { t = s[i]; for (j = i - 1; j >= 1 && s[j] > t; j--) s[j + 1] = s[j]; s[j + 1] = t } return k % 2 ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2 }
      END { printf "  medians: nmap %d ms, CLI %d ms, API %d ms; CLI <= nmap in %d of %d rounds, API <= nmap in %d of %d (goal: all)\n",
              median(n, NR), median(c, NR), median(a, NR), cw, NR, aw, NR
            if (f[1] > 0) printf "  floor (a bare JVM): median %d ms, <= nmap in %d of %d rounds\n", median(f, NR), fw, NR }' "$OUT/scan-rounds.txt"
  else
    echo "bench: nmap or /usr/bin/time not found (apt-get install nmap time): no scan comparison"
  fi
fi

# ------------------------------------------------------------------ start-up, cold JVM, Java 17
if want startup; then
  echo
  echo "Start-up to the first answered request, Java 17, cold JVM (5 tries, median):"
  times=()
  for _ in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 20000 ))
    s0=$(date +%s%N)
    "$JAVA17" -jar "$JAR" serve --port "$port" --access-log off >/dev/null 2>&1 &
    SERVER_PID=$!
    until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/api/cases/missing-message"; do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.01
    done
    s1=$(date +%s%N)
    stop_server
    times+=($(( (s1 - s0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "  %s ms (all: ", a[int((NR + 1) / 2)]; for (i = 1; i <= NR; i++) printf "%s%s", a[i], (i < NR ? " " : ""); print "; goal <= 500 ms)" }'
fi

# ------------------------------------------------------------------ runs through the API
if want runs; then
  echo
  echo "Default missing-message runs through the API, Java 17:"
  start_server "$JAVA17" --access-log off
  run_url="${URL}api/cases/missing-message/runs"
  for _ in $(seq 1 30); do curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "$run_url"; done
  for _ in $(seq 1 100); do
    curl -s -o /dev/null -w '%{time_total}\n' -X POST -H 'Content-Type: application/json' -d '{}' "$run_url"
  done | sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "  one client, 100 runs: median %.2f ms, p90 %.2f ms (goal: median <= 5 ms)\n", a[int(NR / 2)], a[int(NR * 0.9)] }'
  wrk -t2 -c32 -d"${DURATION}s" -s bench/post-run.lua "$run_url" >"$OUT/runs.txt" 2>&1 || true
  awk '/Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF } /Socket errors/ { err = $0 }
       END { printf "  32 clients, wrk: %s runs/s, non-2xx: %s%s (goal >= 200 runs/s, no error)\n", rps, (bad == "" ? 0 : bad), (err == "" ? "" : ", " err) }' "$OUT/runs.txt"
  stop_server
fi
