#!/usr/bin/env bash
# Fuzzes the HTTP API with schemathesis against its own /openapi.json, as a
# programme-admin, on a fresh embedded store in a temporary folder. Fails on
# any 5xx and on any response the document does not describe (status, content
# type, headers, body schema), and when fewer than FUZZ_MIN_REQUESTS requests
# were made.
#
#   FUZZ_EXAMPLES      test cases per operation and phase (default 25)
#   FUZZ_MIN_REQUESTS  fewest requests that count as a run (default 1000)
#   FUZZ_VENV          where schemathesis is installed (default ~/.cache/always-events/schemathesis-<version>)
#   FUZZ_REPORT_DIR    where the report and the app log go (default test-artifacts/fuzz)
#
# `scripts/fuzz-api.sh --install-only` installs schemathesis and stops (CI does it beside npm install).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
examples=${FUZZ_EXAMPLES:-25}
min_requests=${FUZZ_MIN_REQUESTS:-1000}
# Outside the checkout, so linters never read it, and shared by every clone on the machine.
venv=${FUZZ_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/always-events/schemathesis-$SCHEMATHESIS_VERSION}
# The schemathesis report and the app's log stay here (git-ignored) for a look after a failure.
report=${FUZZ_REPORT_DIR:-test-artifacts/fuzz}
mkdir -p "$report"

# Python 3.11's ast module can fail on deep sources that Hypothesis parses ("AST constructor
# recursion depth mismatch"): take a newer Python where the machine has one.
pick_python() {
  local candidate
  for candidate in "${FUZZ_PYTHON:-}" python3.13 python3.12 \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3; do
    if [ -n "$candidate" ] && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo python3
}

if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  mkdir -p "$(dirname "$venv")"
  "$(pick_python)" -m venv --clear "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
[ "${1:-}" != --install-only ] || exit 0

work=$(mktemp -d)
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A key for this run only: the app gets its hash, schemathesis the key.
read -r key hash < <(node -e '
  const { randomBytes, createHash } = require("node:crypto");
  const key = "aek_" + randomBytes(32).toString("base64url");
  console.log(key, "sha256:" + createHash("sha256").update(key).digest("hex"));')
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')

npm run --silent build
PORT=$port HOST=127.0.0.1 \
  SQLITE_PATH="$work/events.sqlite" STATE_SQLITE_PATH="$work/state.sqlite" \
  SEED_REGISTER_ON_EMPTY_STORE=false DEV_API_KEY_ON_EMPTY_STORE=false LOG_LEVEL=error \
  API_KEYS="[{\"id\":\"fuzz-admin\",\"role\":\"programme-admin\",\"organisations\":\"*\",\"hash\":\"$hash\"}]" \
  RATE_LIMIT_MAX=10000000 RATE_LIMIT_UNAUTHENTICATED_MAX=10000000 \
  node dist/main.js > "$report/app.log" 2>&1 &
app_pid=$!

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -sf "$base/health/ready" > /dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$report/app.log"; echo "fuzz: the app did not start" >&2; exit 1; }
  sleep 0.5
done

status=0
"$venv/bin/st" run "$base/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection,missing_required_header,unsupported_method,ignored_auth \
  --header "Authorization: Bearer $key" \
  --max-examples "$examples" \
  --seed "${FUZZ_SEED:-20260401}" \
  --workers 2 \
  --request-timeout 30 \
  --report ndjson --report-ndjson-path "$report/events.ndjson" \
  --output-sanitize true \
  || status=$?

requests=$(grep -o '"request": *{' "$report/events.ndjson" | wc -l | tr -d ' ')
echo "fuzz: $requests requests sent"
if grep -q '"level":50' "$report/app.log"; then
  echo "fuzz: the app logged server errors:" >&2
  grep '"level":50' "$report/app.log" | head -20 >&2
  status=1
fi
if [ "$requests" -lt "$min_requests" ]; then
  echo "fuzz: fewer than $min_requests requests: raise FUZZ_EXAMPLES" >&2
  status=1
fi
exit $status
