#!/usr/bin/env bash
# Runs with Node 24 first on PATH: build, a real start on a fresh embedded database (health
# answers), and the server/API test suite. Prints `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0
node --version

if node scripts/build.mjs; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

data_dir=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
DANVAN_DATA_DIR="$data_dir" PORT="$port" DANVAN_ADMIN_PASSWORD="ci-Node24-check-pass" LOG_LEVEL=warn node dist/server/cli/main.js serve >/tmp/ci-node24-serve.log 2>&1 &
server_pid=$!
ok=0
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null | grep -q '"ok":true'; then ok=1; break; fi
  sleep 1
done
if [ "$ok" = 1 ] && curl -fsS "http://127.0.0.1:$port/" | grep -qi '<div id="root"'; then
  echo "start on Node 24: serving and healthy"; passed=$((passed + 1))
else
  echo "start on Node 24: FAILED"; tail -30 /tmp/ci-node24-serve.log; failed=$((failed + 1))
fi
kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null
rm -rf "$data_dir"

node node_modules/vitest/vitest.mjs run --project server --reporter=default --reporter=json --outputFile=/tmp/ci-node24-vitest.json
if [ -f /tmp/ci-node24-vitest.json ]; then
  read -r vp vf < <(node -e "const r=require('/tmp/ci-node24-vitest.json');console.log(r.numPassedTests, r.numFailedTests + (r.success?0:(r.numFailedTests?0:1)))")
  passed=$((passed + vp)); failed=$((failed + vf))
else
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
