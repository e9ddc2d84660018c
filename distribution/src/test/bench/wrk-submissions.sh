#!/usr/bin/env bash
# Public-evaluation submissions under load with wrk (a C load generator, light enough to share a small machine with
# the platform): 50 connections submitting back to back with one-time tokens, after a warm-up.
#   ./run.sh &                                   # or any running platform with the demo users
#   distribution/src/test/bench/wrk-submissions.sh [base URL] [measured seconds]
# Needs wrk, curl and python3. Prints wrk's latency distribution of the warm-up and of the measured run.
set -euo pipefail
BASE=${1:-http://localhost:8181}
SECONDS_MEASURED=${2:-45}
API=$BASE/services/api
AUTH=(-u city-admin:city-admin-demo)
JSON=(-H 'Content-Type: application/json')
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

UNITS=$(curl -sf "${AUTH[@]}" "$API/v1/jurisdictions/370500/units" | field "','.join(str(u['id']) for u in d[:20])")
SYSTEM=$(curl -sf "${AUTH[@]}" "$API/v1/indicator-systems?jurisdiction=370500&status=PUBLISHED" | field "d[0]['id']")
CAMPAIGN=$(curl -sf "${AUTH[@]}" "${JSON[@]}" -X POST "$API/v1/campaigns" -d "{\"jurisdictionCode\":\"370500\",\"plan\":{\"kind\":\"SPECIAL\",
  \"title\":\"负载测试 $(date +%s)\",\"period\":{\"type\":\"YEAR\",\"year\":2026},\"systems\":{\"PARTY_ORGAN\":$SYSTEM,
  \"GOVERNMENT_DEPARTMENT\":$SYSTEM,\"PUBLIC_INSTITUTION\":$SYSTEM},\"targetUnitIds\":[$UNITS]}}" | field "d['id']")
curl -sf "${AUTH[@]}" "${JSON[@]}" -X POST "$API/v1/campaigns/$CAMPAIGN/transitions" -d '{"to":"COLLECTING","reason":"负载测试"}' >/dev/null
QUESTIONNAIRE=$(curl -sf "${AUTH[@]}" "${JSON[@]}" -X POST "$API/v1/questionnaires" -d "{\"campaignId\":$CAMPAIGN,\"definition\":{
  \"kind\":\"PUBLIC_EVALUATION\",\"title\":\"负载测试\",\"questions\":[{\"code\":\"S1\",\"text\":\"总体满意度\",\"type\":\"SATISFACTION\",\"required\":true},
  {\"code\":\"R1\",\"text\":\"便捷\",\"type\":\"RATING\",\"required\":true},{\"code\":\"R2\",\"text\":\"态度\",\"type\":\"RATING\",\"required\":true},
  {\"code\":\"R3\",\"text\":\"时效\",\"type\":\"RATING\",\"required\":true}]}}" | field "d['id']")
curl -sf "${AUTH[@]}" -X POST "$API/v1/questionnaires/$QUESTIONNAIRE/open" >/dev/null

# enough tokens for 6 000 submissions a second, warm-up and measured run (each token is used once)
WARM=$((30 * 6000))
NEEDED=$((WARM + SECONDS_MEASURED * 6000))
echo "questionnaire $QUESTIONNAIRE: issuing $NEEDED tokens ..."
for ((issued = 0; issued < NEEDED; issued += 10000)); do
  curl -sf "${AUTH[@]}" "${JSON[@]}" -X POST "$API/v1/questionnaires/$QUESTIONNAIRE/tokens" -d '{"count":10000}' \
    | python3 -c "import json,sys; print('\n'.join(t['token']['value'] for t in json.load(sys.stdin)))" >> "$WORK/tokens.txt"
done
echo "warm-up (30 s) ..."
wrk -t2 -c50 -d30s --latency -s "$HERE/submit.lua" "$BASE" -- "$WORK/tokens.txt" 0 2 "$UNITS" | sed -n '/Latency Distribution/,$p'
echo "measured (${SECONDS_MEASURED} s) ..."
wrk -t2 -c50 -d"${SECONDS_MEASURED}s" --latency -s "$HERE/submit.lua" "$BASE" -- "$WORK/tokens.txt" "$WARM" 2 "$UNITS"
curl -sf "${AUTH[@]}" "$API/v1/questionnaires/$QUESTIONNAIRE/progress" | field "'responses stored: %d' % d['responses']"
