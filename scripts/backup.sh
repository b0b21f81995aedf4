#!/usr/bin/env bash
# Back up the database named by DATABASE_URL (default: the SQLite file db.sqlite3).
#   PostgreSQL: pg_dump in custom format (-Fc), restorable with scripts/restore.sh.
#   SQLite: a consistent copy made with SQLite's online backup API.
# Encrypted when BACKUP_PUBLIC_KEY names an OpenPGP public key file (gpg --armor --export ...):
# the file gets .gpg appended; pg_dump writes straight into gpg, and SQLite's copy in the clear
# exists only in a private temporary directory while it is encrypted. Only the holder of the private key can restore it (scripts/restore.sh).
# With DEBUG=0 (production) a backup without BACKUP_PUBLIC_KEY is refused.
# Usage: scripts/backup.sh [FILE]   (default: backups/zorgnetwerk-<UTC timestamp>.<dump|sqlite3>[.gpg])
# The backup holds personal data of minors: keep it encrypted and access-controlled.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
url=${DATABASE_URL:-sqlite:///$(pwd)/db.sqlite3}
key=${BACKUP_PUBLIC_KEY:-}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p backups
case "${DEBUG:-1}" in
  0|false|False|no|off)
    [ -n "$key" ] || { echo "backup: set BACKUP_PUBLIC_KEY (a gpg public key file): DEBUG=0 writes no backup in the clear" >&2; exit 2; } ;;
esac
if [ -n "$key" ]; then
  [ -r "$key" ] || { echo "backup: BACKUP_PUBLIC_KEY is not a readable file: $key" >&2; exit 2; }
  suffix=.gpg
else
  suffix=
  echo "backup: BACKUP_PUBLIC_KEY is not set: writing the backup in the clear" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/zorgnetwerk-backup.XXXXXX")
trap 'rm -rf "$work" ${out:+"$out.partial"}' EXIT
case "$url" in
  postgres://*|postgresql://*)
    out=${1:-backups/zorgnetwerk-$stamp.dump$suffix}
    plain=$work/backup.dump
    if [ -n "$key" ]; then
      plain=-   # straight into gpg: the dump in the clear never touches the disk
    else
      pg_dump --format=custom --no-owner --no-privileges --file="$plain" --dbname="$url"
    fi
    ;;
  sqlite://*)
    out=${1:-backups/zorgnetwerk-$stamp.sqlite3$suffix}
    plain=$work/backup.sqlite3
    "$PY" - "$url" "$plain" <<'PYEOF'
import sqlite3, sys
src = sys.argv[1].split("sqlite:///", 1)[1]
with sqlite3.connect(src) as source, sqlite3.connect(sys.argv[2]) as target:
    source.backup(target)
PYEOF
    ;;
  *) echo "backup: unsupported DATABASE_URL scheme" >&2; exit 2 ;;
esac

if [ -n "$key" ]; then
  # A throw-away keyring: the key file is all it takes; nothing is imported on the server.
  GNUPGHOME=$work/gnupg; export GNUPGHOME
  mkdir -m 700 "$GNUPGHOME"
  encrypt() { gpg --batch --quiet --yes --trust-model always --recipient-file "$key" --output "$out.partial" --encrypt "$@"; }
  if [ "$plain" = - ]; then
    pg_dump --format=custom --no-owner --no-privileges --dbname="$url" | encrypt
  else
    encrypt "$plain"
  fi
  gpgconf --kill gpg-agent 2>/dev/null || true
else
  cp "$plain" "$out.partial"
fi
mv "$out.partial" "$out"   # a half-written backup never carries the final name
echo "backup written to $out"
