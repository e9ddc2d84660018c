#!/usr/bin/env bash
# Two platform nodes of this distribution on one PostgreSQL database, behind HAProxy, on this machine
# (README, "Two nodes"). For trying the cluster out and for the failover test; a real deployment puts the nodes on
# two hosts with the same etc/ and HAProxy (cluster/haproxy.cfg) on a third.
#
#   DB_URL=jdbc:postgresql://dbhost:5432/supervision DB_USER=supervision DB_PASSWORD=secret bash cluster/pair.sh start
#   bash cluster/pair.sh status | stop | kill <1|2> | stop-node <1|2> | start-node <1|2>
#
# start: copies this distribution into $PAIR_DIR/node1 and node2 (once; data/ is not copied), points both at the
# database, moves their ports, starts node 1 and waits for its readiness (so the first start's schema migration and
# demo data run once), starts node 2, then HAProxy on https://localhost:$FRONT_PORT with a self-signed certificate
# ($PAIR_DIR/front.pem, made with openssl on first use). kill sends SIGKILL to a node (a failover drill), stop-node
# stops it in order (HAProxy takes it out of rotation when its readiness turns 503), start-node starts it again. Needs haproxy (Debian: apt-get install haproxy), openssl and curl.
#
# Settings from the environment (defaults): PAIR_DIR (<distribution>/../supervision-pair), FRONT_PORT (8443),
# STATS_PORT (8404, HAProxy's status page on 127.0.0.1), NODE1_HTTPS (9443), NODE2_HTTPS (9543); each node's plain
# HTTP port is 262 below its HTTPS port, its SSH and RMI ports follow its number (8202/1200/44545, 8203/1201/44546). DB_URL, DB_USER and DB_PASSWORD are needed by the first
# start only (they are written into each node's etc/org.ops4j.datasource-supervision.cfg).
set -euo pipefail

DIST=$(cd "$(dirname "$0")/.." && pwd)
PAIR_DIR=${PAIR_DIR:-$(dirname "$DIST")/supervision-pair}
FRONT_PORT=${FRONT_PORT:-8443}
STATS_PORT=${STATS_PORT:-8404}
NODE1_HTTPS=${NODE1_HTTPS:-9443}
NODE2_HTTPS=${NODE2_HTTPS:-9543}

node_dir() { echo "$PAIR_DIR/node$1"; }
https_port() { if [ "$1" = 1 ]; then echo "$NODE1_HTTPS"; else echo "$NODE2_HTTPS"; fi; }

say() { echo ">> $*"; }
fail() { echo "pair.sh: $*" >&2; exit 1; }

set_property() { # file key value: replaces "key = ..." or appends it
  local file=$1 key=$2 value=$3
  if grep -qE "^[[:space:]]*$key[[:space:]]*=" "$file"; then
    local escaped
    escaped=$(printf '%s' "$value" | sed -e 's/[\/&|]/\\&/g')
    sed -i -E "s|^[[:space:]]*$key[[:space:]]*=.*|$key = $escaped|" "$file"
  else
    printf '%s = %s\n' "$key" "$value" >>"$file"
  fi
}

make_node() {
  local n=$1 dir https http offset
  dir=$(node_dir "$n")
  [ -d "$dir" ] && return 0
  [ -n "${DB_URL:-}" ] || fail "DB_URL (and DB_USER, DB_PASSWORD) must be set for the first start"
  https=$(https_port "$n")
  http=$((https - 262))          # 9443 -> 9181, 9543 -> 9281
  offset=$((n + 100))
  say "node $n: copying $DIST into $dir (HTTPS $https, HTTP $http)"
  mkdir -p "$dir"
  (cd "$DIST" && tar cf - --exclude=./data --exclude=./cluster --exclude=./instances --exclude=./lock .) | (cd "$dir" && tar xf -)
  mkdir -p "$dir/data/log"
  local ds="$dir/etc/org.ops4j.datasource-supervision.cfg"
  set_property "$ds" osgi.jdbc.driver.name "PostgreSQL JDBC Driver"
  set_property "$ds" url "$DB_URL"
  set_property "$ds" user "${DB_USER:-supervision}"
  set_property "$ds" password "${DB_PASSWORD:-}"
  set_property "$dir/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$http"
  set_property "$dir/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port.secure "$https"
  set_property "$dir/etc/org.apache.karaf.shell.cfg" sshPort $((8101 + offset))
  set_property "$dir/etc/org.apache.karaf.management.cfg" rmiRegistryPort $((1099 + offset))
  set_property "$dir/etc/org.apache.karaf.management.cfg" rmiServerPort $((44444 + offset))
  # the client's address is the one HAProxy puts in X-Forwarded-For (README, "Behind a proxy")
  set_property "$dir/etc/cn.supervision.rest.cfg" trustedProxies "127.0.0.1"
}

karaf_pid() {
  local f
  f="$(node_dir "$1")/instances/instance.properties"
  # Karaf writes pid 0 when it stops: that is no process (and "kill -0 0" would signal our own group)
  [ -f "$f" ] && sed -n 's/^item\.0\.pid *= *//p' "$f" | tr -d ' ' | grep -v '^0$' || true
}

node_running() {
  local pid
  pid=$(karaf_pid "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

wait_ready() { # node: waits up to 5 minutes for 200 from its readiness endpoint
  local n=$1 port deadline
  port=$(https_port "$n")
  deadline=$(($(date +%s) + 300))
  local started
  started=$(date +%s)
  until [ "$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$port/services/api/v1/health")" = 200 ]; do
    # Karaf writes its pid into instances/ a moment after bin/start returns: a missing pid is only a failure later on
    if ! node_running "$n" && [ $(($(date +%s) - started)) -gt 30 ]; then
      fail "node $n stopped while starting: see $(node_dir "$n")/data/log/karaf.log"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "node $n not ready after 5 minutes: see $(node_dir "$n")/data/log/karaf.log"
    sleep 0.5
  done
  say "node $n ready on https://localhost:$port"
}

start_node() {
  local n=$1 dir
  make_node "$n"
  dir=$(node_dir "$n")
  if node_running "$n"; then
    say "node $n already running (pid $(karaf_pid "$n"))"
  else
    KARAF_REDIRECT="$dir/data/log/karaf.out" "$dir/bin/start"
  fi
  wait_ready "$n"
}

front_pem() {
  local pem="$PAIR_DIR/front.pem"
  if [ ! -f "$pem" ]; then
    say "self-signed certificate for the front end: $pem" >&2
    openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$PAIR_DIR/front.key" -out "$PAIR_DIR/front.crt" 2>/dev/null
    cat "$PAIR_DIR/front.crt" "$PAIR_DIR/front.key" >"$pem"
    chmod 600 "$pem" "$PAIR_DIR/front.key"
  fi
  echo "$pem"
}

haproxy_running() {
  [ -f "$PAIR_DIR/haproxy.pid" ] && kill -0 "$(cat "$PAIR_DIR/haproxy.pid")" 2>/dev/null
}

start_haproxy() {
  command -v haproxy >/dev/null || fail "haproxy not found (Debian: apt-get install haproxy)"
  haproxy_running && { say "HAProxy already running"; return 0; }
  FRONT_PEM=$(front_pem) FRONT_PORT=$FRONT_PORT STATS_PORT=$STATS_PORT \
    NODE1_ADDR=127.0.0.1:$NODE1_HTTPS NODE2_ADDR=127.0.0.1:$NODE2_HTTPS \
    haproxy -f "$DIST/cluster/haproxy.cfg" -D -p "$PAIR_DIR/haproxy.pid" >>"$PAIR_DIR/haproxy.log" 2>&1 \
    || fail "HAProxy did not start: see $PAIR_DIR/haproxy.log"
  local deadline=$(($(date +%s) + 60))
  until [ "$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$FRONT_PORT/services/api/v1/health")" = 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "HAProxy on $FRONT_PORT does not answer: see $PAIR_DIR/haproxy.log"
    sleep 0.5
  done
  say "HAProxy on https://localhost:$FRONT_PORT (status page http://127.0.0.1:$STATS_PORT/)"
}

stop_node() {
  local n=$1 dir pid
  dir=$(node_dir "$n")
  [ -d "$dir" ] || return 0
  pid=$(karaf_pid "$n")
  node_running "$n" || return 0
  "$dir/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { say "node $n stopped"; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  say "node $n did not stop within 60 s: killed"
}

case "${1:-}" in
  start)
    mkdir -p "$PAIR_DIR"
    start_node 1
    start_node 2
    start_haproxy
    ;;
  start-node)
    [ "${2:-}" = 1 ] || [ "${2:-}" = 2 ] || fail "usage: pair.sh start-node <1|2>"
    start_node "$2"
    ;;
  stop-node)
    [ "${2:-}" = 1 ] || [ "${2:-}" = 2 ] || fail "usage: pair.sh stop-node <1|2>"
    stop_node "$2"
    ;;
  kill)
    [ "${2:-}" = 1 ] || [ "${2:-}" = 2 ] || fail "usage: pair.sh kill <1|2>"
    pid=$(karaf_pid "$2")
    node_running "$2" || fail "node $2 is not running"
    kill -9 "$pid"
    say "node $2 (pid $pid) killed with SIGKILL"
    ;;
  stop)
    if haproxy_running; then
      kill "$(cat "$PAIR_DIR/haproxy.pid")"
      rm -f "$PAIR_DIR/haproxy.pid"
      say "HAProxy stopped"
    fi
    stop_node 1
    stop_node 2
    ;;
  status)
    for n in 1 2; do
      if node_running "$n"; then
        echo "node $n: running (pid $(karaf_pid "$n")), readiness $(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$(https_port "$n")/services/api/v1/health")"
      else
        echo "node $n: not running"
      fi
    done
    if haproxy_running; then echo "haproxy: running on $FRONT_PORT"; else echo "haproxy: not running"; fi
    ;;
  *)
    echo "usage: $0 start | stop | status | kill <1|2> | stop-node <1|2> | start-node <1|2>" >&2
    exit 2
    ;;
esac
