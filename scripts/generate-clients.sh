#!/usr/bin/env bash
# Generates the Prisma client for both providers (lib/generated/{sqlite,postgres});
# lib/db.ts picks one at run time from DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE_URL=file:./data/generate.db npx prisma generate >/dev/null
DATABASE_URL=postgresql://generate@127.0.0.1/generate npx prisma generate >/dev/null
echo "Prisma clients generated (sqlite, postgres)"
