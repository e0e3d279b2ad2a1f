#!/usr/bin/env bash
# One command from a fresh clone to a running Lectern on the embedded default:
# system packages → npm packages → SQLite migrations → sample media + seed → build → start.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL=${DATABASE_URL:-file:./data/lectern.db}
PORT=${PORT:-3000}

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "System packages (ffmpeg, fonts)"
scripts/ensure-packages.sh ffmpeg:ffmpeg ffprobe:ffmpeg /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core

step "npm packages"
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi

step "Configuration (.env)"
# A random secret for sessions and media URLs, created once and kept (Next.js reads .env).
if ! grep -qs '^LECTERN_SECRET=' .env; then
  echo "LECTERN_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')" >> .env
  echo "wrote a new LECTERN_SECRET to .env"
else
  echo ".env has a LECTERN_SECRET"
fi

step "Database ($DATABASE_URL)"
scripts/generate-clients.sh
npx prisma migrate deploy

step "Sample media and course import"
npx prisma db seed

step "Build"
node scripts/build-if-changed.mjs

# HOST: the address to bind (default: every interface, as `next start` does); e.g. HOST=127.0.0.1.
host_args=()
[[ -n "${HOST:-}" ]] && host_args=(-H "$HOST")
# The transcode worker beside the server: browser uploads become jobs it works through
# (docs/decisions/012). Ctrl-C or a SIGTERM to this script stops both; the worker hands a running
# job back to the queue before it exits.
# Job control: each background job gets a process group of its own, so stopping one stops all of
# its processes (npx → next → next-server) and Ctrl-C comes to this script, which stops both.
set -m
step "Starting the transcode worker (npm run worker)"
node --import tsx scripts/worker.ts &
worker_pid=$!
step "Starting Lectern on http://${HOST:-localhost}:$PORT"
npx next start -p "$PORT" "${host_args[@]}" &
server_pid=$!
stop_all() {
  kill -TERM -- -"$server_pid" -"$worker_pid" 2>/dev/null || true
  wait "$server_pid" "$worker_pid" 2>/dev/null || true
}
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 130' INT
# The server's end ends the worker; a worker that stops (or is stopped) leaves the server up, and
# queued jobs wait for the next `npm run worker`.
wait "$server_pid" || status=$?
stop_all
exit "${status:-0}"
