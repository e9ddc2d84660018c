#!/usr/bin/env bash
# Boot to healthy and memory under a read load, on the tarball as shipped (bin/start, bin/setenv, etc/ untouched):
#   distribution/src/test/bench/boot-and-memory.sh [tarball] [load seconds]
# 1. fresh unpack, bin/start, seconds until GET /v1/health answers 200 "UP" (first start: schema creation, keystore);
# 2. bin/stop, bin/start again, seconds until healthy (restart; this JVM writes the class-data archive when it exits,
#    bin/setenv), bin/stop (timed: the one stop that writes it), bin/start again (restart with class data shared);
# 3. VmRSS of the Karaf JVM, then 20 clients (ReadLoad.java) read a jurisdiction's unit list and a campaign's
#    results for the load seconds (default 30), VmRSS again; then 20 clients GET /v1/session (the per-request cost of
#    authentication) for 10 s, and with wrk when it is installed (apt-get install wrk); then bin/stop.
# Also prints where the first start's time went, from data/log/karaf.log. Uses 8181/8443/8101/1099/44444 (the
# tarball's ports): run it with no other Karaf on them (in the shared tree: under flock /tmp/build.lock).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TARBALL=${1:-$(ls "$HERE"/../../../target/supervision-distribution-*.tar.gz)}
LOAD_SECONDS=${2:-30}
WORK=$(mktemp -d)
HEALTH=https://localhost:8443/services/api/v1/health
API=https://localhost:8443/services/api
KARAF=
stop_karaf() {
  [ -n "$KARAF" ] || return 0
  local pid; pid=$(cat "$KARAF/karaf.pid" 2>/dev/null || true)
  "$KARAF/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; } || return 0; sleep 1; done
  kill "$pid" 2>/dev/null || true
}
trap 'stop_karaf; rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
boot() {  # starts Karaf and prints the seconds until health answers 200 UP
  local t0; t0=$(now)
  "$KARAF/bin/start"
  until curl -sk -m 2 -o "$WORK/health" -w '%{http_code}' "$HEALTH" 2>/dev/null | grep -q 200 \
      && grep -q '"status":"UP"' "$WORK/health"; do
    sleep 0.2
    if [ "$(echo "$(now) - $t0 > 180" | bc)" = 1 ]; then
      echo "not healthy after 180 s: $(cat "$WORK/health" 2>/dev/null)" >&2; tail -20 "$KARAF/data/log/karaf.log" >&2; exit 1
    fi
  done
  echo "$(now) - $t0" | bc | xargs printf '%.1f'
}
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$(cat "$KARAF/karaf.pid")/status"; }

tar xzf "$TARBALL" -C "$WORK"
KARAF=$(ls -d "$WORK"/supervision-distribution-*)
grep -h 'JAVA_MIN_MEM=\|JAVA_MAX_MEM=\|EXTRA_JAVA_OPTS=' "$KARAF/bin/setenv" | grep -v '^ *#' | sed 's/^/setenv: /' || true
START=$(date +%s)
FIRST=$(boot)
echo "first start to healthy: $FIRST s"
# where the first start's time went: seconds after the launch of the first log line, of the first platform bundle
# started, of the last republication of the REST server, and how many times it was (re)published
LOG=$KARAF/data/log/karaf.log
since() { local line; line=$(grep -m1 "$1" "$LOG" | cut -c1-23 || true)
  [ -n "$line" ] && echo "$(date -d "${line/ /T}" +%s.%N) - $START" | bc | xargs printf '%.1f s' || echo "-"; }
echo "  first log line (JVM + framework): $(since '^20')"
echo "  first platform bundle (cn.supervision) started: $(since 'cn\.supervision.*[Ss]tarted\|Blueprint bundle cn\.supervision')"
echo "  OpenJPA (first log line naming it): $(since '[Oo]pen[Jj][Pp][Aa]')"
echo "  REST server publications: $(grep -c 'Setting the server.s publish address' "$LOG" || true)"
stop_karaf
RESTART=$(boot)
echo "restart to healthy (writes the class-data archive at exit): $RESTART s"
T0=$(now); stop_karaf; echo "  bin/stop until the JVM exits, archive written: $(echo "$(now) - $T0" | bc | xargs printf '%.1f') s ($(du -sh "$KARAF/data/cds" 2>/dev/null | cut -f1))"
RESTART=$(boot)
echo "restart to healthy, class data shared: $RESTART s"
BEFORE=$(rss)
UNITS="/services/api/v1/jurisdictions/370500/units"
CAMPAIGN=$(curl -sk -u city-admin:city-admin-demo "$API/v1/campaigns?jurisdiction=370500" \
  | { grep -o '"id":[0-9]*' || true; } | head -1 | cut -d: -f2)
READS=("$UNITS"); [ -n "$CAMPAIGN" ] && READS+=("/services/api/v1/campaigns/$CAMPAIGN/results")
java "$HERE/ReadLoad.java" https://localhost:8443 20 "$LOAD_SECONDS" "${READS[@]}"
echo "RSS after restart: $BEFORE; after $LOAD_SECONDS s of 20 clients (units of 370500, results of campaign $CAMPAIGN): $(rss)"
# per-request overhead: the smallest authenticated answer (HTTP Basic), 20 clients for 10 s
echo -n "tiny authenticated GET (/v1/session) "; java "$HERE/ReadLoad.java" https://localhost:8443 20 10 /services/api/v1/session
# the same with wrk when installed: a C client takes far less of a small machine's CPU than 20 Java clients do (the
# Java client's figure is roughly half of wrk's on 2 cores), so this is the figure to compare with other servers
if command -v wrk >/dev/null; then
  BASIC="Authorization: Basic $(printf city-admin:city-admin-demo | base64)"
  PID=$(cat "$KARAF/karaf.pid")
  cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
  wrk -t2 -c20 -d20s -H "$BASIC" "$API/v1/session" >/dev/null   # the JIT's warm-up
  C0=$(cpu); WRK=$(wrk -t2 -c20 -d15s --latency -H "$BASIC" "$API/v1/session"); C1=$(cpu)
  N=$(echo "$WRK" | awk '/requests in/{print $1}')
  if echo "$WRK" | grep -q "Non-2xx"; then echo "tiny GET with wrk: refusals among the answers, figure not valid:"; echo "$WRK"; fi
  echo "tiny authenticated GET, wrk 2 threads 20 connections 15 s: $(echo "$WRK" | awk '/Requests\/sec/{print $2}') req/s," \
    "p99 $(echo "$WRK" | awk '/ 99%/{print $2}'), JVM CPU per request $(( (C1 - C0) * 1000000 / $(getconf CLK_TCK) / N )) us"
fi
echo "RSS after both loads: $(rss)"
