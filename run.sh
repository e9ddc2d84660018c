#!/usr/bin/env bash
# Builds the platform if needed, then runs it in the foreground: embedded Derby under .run/, demo data on.
# The database survives between runs and rebuilds in .run/karaf/data/derby, the generated HTTPS key in .run/karaf/etc/keystore.p12.
# HTTPS on 8443 as in production; SUPERVISION_ALLOW_HTTP=true ./run.sh also serves plain HTTP on 8181 (development only:
# etc/cn.supervision.tls.cfg allowInsecureHttp).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
TARBALL=$(ls distribution/target/supervision-distribution-*.tar.gz 2>/dev/null | head -n 1 || true)
PORT=8443
HTTP_PORT=8181
ALLOW_HTTP=${SUPERVISION_ALLOW_HTTP:-false}

if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  echo "需要 Java 17 和 Maven 3.8+ (Debian: apt-get install openjdk-17-jdk-headless maven)" >&2
  exit 1
fi

if [ -z "$TARBALL" ] || [ -n "$(find pom.xml bundles features distribution/pom.xml distribution/src/main -newer "$TARBALL" -type f 2>/dev/null | head -n 1)" ]; then
  echo ">> Building (mvn -B -DskipTests package) ..."
  mvn -B -q -DskipTests package
  TARBALL=$(ls distribution/target/supervision-distribution-*.tar.gz | head -n 1)
fi

RUN=.run
KARAF=$RUN/karaf
if [ ! -d "$KARAF" ] || [ "$TARBALL" -nt "$RUN/.unpacked" ]; then
  # only the database and the HTTPS key are kept: data/cache would keep running the previous build's bundles
  echo ">> Unpacking $TARBALL into $KARAF (keeping the database $KARAF/data/derby and the key $KARAF/etc/keystore.p12)"
  mkdir -p "$RUN"
  rm -rf "$RUN/derby.keep" "$RUN/keystore.keep"
  [ -d "$KARAF/data/derby" ] && mv "$KARAF/data/derby" "$RUN/derby.keep"
  [ -f "$KARAF/etc/keystore.p12" ] && mv "$KARAF/etc/keystore.p12" "$RUN/keystore.keep"
  rm -rf "$KARAF" "$RUN/unpack" && mkdir -p "$RUN/unpack"
  tar xzf "$TARBALL" -C "$RUN/unpack"
  mv "$RUN"/unpack/supervision-distribution-* "$KARAF" && rm -rf "$RUN/unpack"
  [ -d "$RUN/derby.keep" ] && mv "$RUN/derby.keep" "$KARAF/data/derby"
  [ -f "$RUN/keystore.keep" ] && mv "$RUN/keystore.keep" "$KARAF/etc/keystore.p12"
  mkdir -p "$KARAF/data/log"
  touch "$RUN/.unpacked"
fi

# the development flag is written at every run, so it never lingers from an earlier one
sed -i.bak "s/^allowInsecureHttp *=.*/allowInsecureHttp = $ALLOW_HTTP/" "$KARAF/etc/cn.supervision.tls.cfg" && rm -f "$KARAF/etc/cn.supervision.tls.cfg.bak"

for busy in "https://localhost:$PORT/" "http://localhost:$HTTP_PORT/"; do
  if curl -sk -o /dev/null "$busy"; then
    echo "$busy 已被占用：平台可能已在运行 (port busy)" >&2
    exit 1
  fi
done
if [ "$ALLOW_HTTP" = true ]; then
  PLAIN="  Plain HTTP     http://localhost:$HTTP_PORT/...  (SUPERVISION_ALLOW_HTTP=true: development only)"
else
  PLAIN="  Plain HTTP     http://localhost:$HTTP_PORT/ redirects GETs to HTTPS and refuses passwords, writes and SOAP"
fi

cat <<INFO

  职能运行监管平台 (function-operation supervision platform)
  ------------------------------------------------------------
  REST API       https://localhost:$PORT/services/api/v1/...
  Health         https://localhost:$PORT/services/api/v1/health
  OpenAPI        https://localhost:$PORT/services/api/openapi.json  (Swagger UI: /services/api/api-docs/)
  SOAP (WSDL)    https://localhost:$PORT/services/soap/RegistryService?wsdl
$PLAIN
  Certificate    self-signed, generated at first start into $KARAF/etc/keystore.p12 (browsers warn; curl: -k,
                 or --cacert $RUN/selfsigned.crt once ready)
  Database       embedded Derby in $ROOT/$KARAF/data/derby

  Demo users (password = <user>-demo, e.g. city-admin / city-admin-demo):
    city-admin         CITY_ADMIN      370500 东营市
    lijin-admin        COUNTY_ADMIN    370522 利津县
    guangrao-admin     COUNTY_ADMIN    370523 广饶县
    assessment-system  PARTNER_SYSTEM  370500
    city-leader        LEADER          370500
    evaluator          EVALUATOR       370500
    czj-user           UNIT_USER       370500 东营市财政局 (CZJ)

  Karaf console below: try  supervision:unit-list 370522   (logout or Ctrl-D stops the platform)

INFO

# tell the person when the platform is actually ready
( for _ in $(seq 1 240); do
    if [ "$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$PORT/services/api/v1/health")" = "200" ]; then
      # the generated certificate, for clients that should trust it rather than skip verification
      keytool -exportcert -rfc -alias supervision -keystore "$KARAF/etc/keystore.p12" -storepass supervision-selfsigned \
        > "$RUN/selfsigned.crt" 2>/dev/null || rm -f "$RUN/selfsigned.crt"
      echo; echo ">> 平台已就绪 (healthy): https://localhost:$PORT/services/api/v1/health"; exit 0
    fi
    sleep 0.5
  done; echo ">> 平台未在 120 秒内就绪，请查看 $KARAF/data/log/karaf.log" ) &

cd "$KARAF"
if [ -t 0 ]; then exec bin/karaf; else exec bin/karaf server; fi
