#!/usr/bin/env bash
# `npm test`: every test, in the order a failure is cheapest to find.
#   typecheck → unit → integration on SQLite → integration on a real PostgreSQL (started
#   and stopped here) → production build → Playwright e2e in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=test-results
rm -rf "$results" && mkdir -p "$results"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
started=$SECONDS

step "System packages (ffmpeg, chromium, nginx, unzip, openssl, fonts)"
# openssl makes the test SAML IdP's signing certificate (e2e/support/saml-signing-key.ts).
scripts/ensure-packages.sh ffmpeg:ffmpeg ffprobe:ffmpeg chromium:chromium nginx:nginx-light unzip:unzip openssl:openssl \
  /usr/lib/nginx/modules/ngx_http_js_module.so:libnginx-mod-http-js \
  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core

if [[ ! -d node_modules ]]; then
  step "npm packages"
  npm ci --no-audit --no-fund
fi

step "Prisma clients"
scripts/generate-clients.sh

step "Typecheck"
npx tsc --noEmit

step "Unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$results/unit.json"

step "Sample media (cached after the first run)"
npm run --silent media

step "Integration tests on SQLite"
TEST_DATABASE_URL="file:./data/test-integration.db" \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$results/integration-sqlite.json"

step "Integration tests on PostgreSQL"
scripts/postgres.sh start
trap 'scripts/postgres.sh stop || true' EXIT
TEST_DATABASE_URL="$(scripts/postgres.sh url)" \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$results/integration-postgres.json"
scripts/postgres.sh stop
trap - EXIT

step "E2E: database, sample media, production build"
export E2E_DATABASE_URL="file:./data/e2e.db"
# The -wal/-shm of an earlier run would be replayed into the new file (lib/db.ts: WAL mode).
rm -f data/e2e.db data/e2e.db-journal data/e2e.db-wal data/e2e.db-shm
DATABASE_URL=$E2E_DATABASE_URL npx prisma migrate deploy
DATABASE_URL=$E2E_DATABASE_URL npx prisma db seed
node scripts/build-if-changed.mjs

step "E2E: Playwright in Chromium"
CI=${CI:-true} npx playwright test

node scripts/summarize-tests.mjs "$results"
echo "npm test finished in $((SECONDS - started)) s"
