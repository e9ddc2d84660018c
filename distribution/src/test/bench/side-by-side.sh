#!/usr/bin/env bash
# The platform side by side with another implementation of the same job, on one machine, alternating:
#   distribution/src/test/bench/side-by-side.sh [rounds] [tarball]
# The other server is described by the environment; nothing here builds, fetches or configures it:
#   PEER_START  the command that runs it in the foreground, started with `exec` from a fresh empty working directory
#               ($PEER_WORK) each round, so a database it keeps under its working directory is new at each first
#               start (write `env NAME=value … java …` to set variables). Required. Point it at 127.0.0.1.
#   PEER_LIST   the path of its unit list as its own UI reads it. Required.
#   PEER_TINY   the path of its smallest GET. Required.
#   PEER_BASE   its base URL (default http://127.0.0.1:8080).
#   PEER_SEED   optional: a command run after its first start, with PEER_BASE exported (e.g. creating units through
#               its own API so that both lists hold as many units).
#   PEER_NAME   its label in the output (default peer).
# Each round, the two in alternating order:
#   first start: ours from a fresh unpack of the tarball, `bin/start` until GET /v1/health answers 200 "UP" over
#     HTTPS; the peer from its fresh working directory until its list answers 200;
#   restart: ours stops and starts twice (the first restart writes the class-data archive when it exits, the second
#     maps it, as every later restart does; the second is reported); the peer stops and starts once;
#   resident memory of the JVM after the restart, 20 clients (ReadLoad.java) read the unit list for LOAD_SECONDS
#     (default 30), resident memory again;
#   the tiny GET with wrk (2 threads, 20 connections; 10 s of warm-up, then 15 s measured): ours the authenticated
#     GET /v1/session over TLS, the peer's as given.
# Prints a line per server and round, then the medians; the lines also go to distribution/target/side-by-side.txt.
# Needs curl, bc, wrk (apt-get install wrk) and a JDK; uses ours' ports (8181/8443/8101/1099/44444) and the peer's:
# run it with no other Karaf or build on the machine.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROUNDS=${1:-3}
TARBALL=${2:-$(ls "$HERE"/../../../target/supervision-distribution-*.tar.gz)}
LOAD_SECONDS=${LOAD_SECONDS:-30}
: "${PEER_START:?describe the other server: PEER_START, PEER_LIST, PEER_TINY (see the head of this script)}"
: "${PEER_LIST:?}" "${PEER_TINY:?}"
export PEER_BASE=${PEER_BASE:-http://127.0.0.1:8080}
PEER_NAME=${PEER_NAME:-peer}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
OURS_BASE=https://localhost:8443
OURS_LIST=/services/api/v1/jurisdictions/370500/units
OURS_TINY=/services/api/v1/session
BASIC="Authorization: Basic $(printf city-admin:city-admin-demo | base64)"
WORK=$(mktemp -d)
OUT=$HERE/../../../target/side-by-side.txt
mkdir -p "$(dirname "$OUT")"
: > "$OUT"
KARAF=
PEER_PID=

now() { date +%s.%N; }
seconds_since() { echo "$(now) - $1" | bc | xargs printf '%.2f'; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
# waits until URL answers 200 (and, when given, the body matches PATTERN); fails after 180 s
await() {
  local url=$1 pattern=${2:-} t0; t0=$(now)
  until curl -sk -m 2 -o "$WORK/answer" -w '%{http_code}' "$url" 2>/dev/null | grep -q 200 \
      && { [ -z "$pattern" ] || grep -q "$pattern" "$WORK/answer"; }; do
    sleep 0.1
    if [ "$(echo "$(now) - $t0 > 180" | bc)" = 1 ]; then echo "no answer from $url after 180 s" >&2; return 1; fi
  done
}

ours_pid() { cat "$KARAF/karaf.pid"; }
ours_start() { "$KARAF/bin/start"; await "$OURS_BASE/services/api/v1/health" '"status":"UP"'; }
ours_stop() {
  [ -n "$KARAF" ] || return 0
  local pid; pid=$(cat "$KARAF/karaf.pid" 2>/dev/null || true)
  "$KARAF/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; } || return 0; sleep 1; done
  kill "$pid" 2>/dev/null || true
}
ours_fresh() {
  ours_stop
  rm -rf "$WORK/ours"; mkdir -p "$WORK/ours"; tar xzf "$TARBALL" -C "$WORK/ours"
  KARAF=$(ls -d "$WORK"/ours/supervision-distribution-*)
}

peer_start() {
  (cd "$PEER_WORK" && exec setsid bash -c "exec $PEER_START" > "$PEER_WORK/console.log" 2>&1) &
  PEER_PID=$!
  await "$PEER_BASE$PEER_LIST" || { tail -20 "$PEER_WORK/console.log" >&2; return 1; }
}
peer_pid() { echo "$PEER_PID"; }
peer_stop() {
  [ -n "$PEER_PID" ] || return 0
  kill -TERM "$PEER_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$PEER_PID" 2>/dev/null || { PEER_PID=; return 0; }; sleep 0.5; done
  kill -KILL "$PEER_PID" 2>/dev/null || true; PEER_PID=
}
peer_fresh() {
  peer_stop
  export PEER_WORK=$WORK/peer
  rm -rf "$PEER_WORK"; mkdir -p "$PEER_WORK"
}

trap 'ours_stop; peer_stop; rm -rf "$WORK"' EXIT

# measure WHO BASE LIST TINY [header]: one round of one server; appends a tab-separated line to $WORK/lines
measure() {
  local who=$1 base=$2 list=$3 tiny=$4 header=${5:-} t0 first first_cpu restart restart_cpu before after load wrk
  "${who}_fresh"
  sync  # the unpack's writes are not flushed during the first start
  t0=$(now); "${who}_start"; first=$(seconds_since "$t0"); first_cpu=$(cpu_seconds "$("${who}_pid")")
  if [ "$who" = peer ] && [ -n "${PEER_SEED:-}" ]; then bash -c "$PEER_SEED" >/dev/null; fi
  if [ "$who" = ours ]; then "${who}_stop"; "${who}_start"; fi
  "${who}_stop"
  t0=$(now); "${who}_start"; restart=$(seconds_since "$t0"); restart_cpu=$(cpu_seconds "$("${who}_pid")")
  local size gz
  size=$(curl -sk ${header:+-H "$header"} -o /dev/null -w '%{size_download}' "$base$list")
  gz=$(curl -sk ${header:+-H "$header"} -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$list")
  before=$(rss_mb "$("${who}_pid")")
  load=$(java "$HERE/ReadLoad.java" "$base" 20 "$LOAD_SECONDS" "$list")
  after=$(rss_mb "$("${who}_pid")")
  if ! echo "$load" | grep -q ', 0 errors,'; then echo "$who: failed reads of the list ($load), figures not valid" >&2; fi
  wrk -t2 -c20 -d10s ${header:+-H "$header"} "$base$tiny" >/dev/null
  wrk=$(wrk -t2 -c20 -d15s --latency ${header:+-H "$header"} "$base$tiny")
  if echo "$wrk" | grep -q "Non-2xx"; then echo "$who: refusals among the tiny GET's answers, figure not valid" >&2; fi
  "${who}_stop"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$who" "$first" "$first_cpu" "$restart" "$restart_cpu" \
    "$before" "$after" "$size" "$gz" \
    "$(echo "$load" | sed -n 's/.*(\([0-9]*\) req\/s).*/\1/p')" \
    "$(echo "$load" | sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p')" \
    "$(echo "$load" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p')" \
    "$(echo "$wrk" | awk '/Requests\/sec/{print $2}')" \
    "$(echo "$wrk" | awk '/ 99%/{print $2}')" >> "$WORK/lines"
}

describe() {
  awk -F'\t' -v name="$PEER_NAME" '{
    label = $1 == "peer" ? name : "ours";
    printf "%-8s first start %5.2f s (JVM CPU %4.1f s), restart %5.2f s (CPU %4.1f s), RSS %4d -> %4d MB, list %6d B (gzip %6d B) %5d req/s p50 %6.1f ms p99 %6.1f ms, tiny GET %6.0f req/s p99 %s\n",
      label, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 }'
}

echo "ours: $(basename "$TARBALL"); $PEER_NAME: $PEER_START; $ROUNDS rounds, $LOAD_SECONDS s of list load; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then order="ours peer"; else order="peer ours"; fi
  for who in $order; do
    if [ "$who" = ours ]; then measure ours "$OURS_BASE" "$OURS_LIST" "$OURS_TINY" "$BASIC"
    else measure peer "$PEER_BASE" "$PEER_LIST" "$PEER_TINY"; fi
    echo "round $r $(tail -1 "$WORK/lines" | describe)" | tee -a "$OUT"
  done
done
echo "medians of $ROUNDS rounds:" | tee -a "$OUT"
for who in ours peer; do
  grep "^$who	" "$WORK/lines" | awk -F'\t' -v who="$who" '
    { for (i = 2; i <= 13; i++) v[i, NR] = $i; p99 = p99 (NR > 1 ? " / " : "") $14; n = NR }
    END {
      printf "%s", who;
      for (i = 2; i <= 13; i++) {
        for (a = 1; a <= n; a++) s[a] = v[i, a] + 0;
        for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
        printf "\t%s", (n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2)
      }
      printf "\t%s\n", p99 " (each round)"
    }' | describe | tee -a "$OUT"
done
