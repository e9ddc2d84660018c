#!/usr/bin/env bash
# The cost of TLS on a fresh connection: N sequential requests to health, each on a new connection, over plain HTTP and
# over HTTPS, with curl's own timers (time_connect = TCP, time_appconnect = TCP + TLS handshake, time_total).
# Plain HTTP answers health only with the development flag (etc/cn.supervision.tls.cfg allowInsecureHttp = true); without
# it the plain figures are those of the 308 redirect. Then `openssl s_time` (new handshakes per second, no resumption).
#   distribution/src/test/bench/tls-handshake.sh [http://localhost:8181] [https://localhost:8443] [N]
set -euo pipefail
HTTP=${1:-http://localhost:8181}
HTTPS=${2:-https://localhost:8443}
N=${3:-200}
PATH_=/services/api/v1/health

run() { # url -> one line per request: connect appconnect total (seconds)
  for _ in $(seq 1 "$N"); do
    curl -sk -o /dev/null -w '%{time_connect} %{time_appconnect} %{time_total}\n' "$1$PATH_"
  done
}
stats() { # label column
  sort -n -k"$2" | awk -v label="$1" -v col="$2" '{ v[NR] = $col * 1000; s += v[NR] }
    END { printf "%-34s mean %7.2f ms   p50 %7.2f ms   p99 %7.2f ms   (n=%d)\n", label, s / NR, v[int(NR * 0.5) + 1], v[(int(NR * 0.99) > 0) ? int(NR * 0.99) : 1], NR }'
}

run "$HTTP" >/dev/null; run "$HTTPS" >/dev/null # warm-up: JIT of both paths
plain=$(run "$HTTP"); tls=$(run "$HTTPS")
echo "$plain" | stats "plain HTTP request, total" 3
echo "$tls" | stats "HTTPS request, total" 3
echo "$tls" | awk '{ print $1, $2 - $1 }' | stats "HTTPS: TLS handshake (appconnect-connect)" 2
if command -v openssl >/dev/null; then
  hostport=${HTTPS#https://}
  echo "openssl s_time, 10 s of full handshakes (no session reuse) against $hostport:"
  openssl s_time -connect "$hostport" -new -time 10 2>/dev/null | grep -E 'connections in|connections/user' || true
fi
