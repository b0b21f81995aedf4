#!/usr/bin/env bash
# Back up the database named by DATABASE_URL (default: the SQLite file db.sqlite3).
#   PostgreSQL: pg_dump in custom format (-Fc), restorable with scripts/restore.sh.
#   SQLite: a consistent copy made with SQLite's online backup API.
# Usage: scripts/backup.sh [FILE]   (default: backups/zorgnetwerk-<UTC timestamp>.<dump|sqlite3>)
# The backup holds personal data of minors: keep it encrypted and access-controlled.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
url=${DATABASE_URL:-sqlite:///$(pwd)/db.sqlite3}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p backups
case "$url" in
  postgres://*|postgresql://*)
    out=${1:-backups/zorgnetwerk-$stamp.dump}
    pg_dump --format=custom --no-owner --no-privileges --file="$out" --dbname="$url"
    ;;
  sqlite://*)
    out=${1:-backups/zorgnetwerk-$stamp.sqlite3}
    "$PY" - "$url" "$out" <<'PYEOF'
import sqlite3, sys
src = sys.argv[1].split("sqlite:///", 1)[1]
with sqlite3.connect(src) as source, sqlite3.connect(sys.argv[2]) as target:
    source.backup(target)
PYEOF
    ;;
  *) echo "backup: unsupported DATABASE_URL scheme" >&2; exit 2 ;;
esac
echo "backup written to $out"
