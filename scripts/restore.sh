#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the database named by DATABASE_URL.
#   An encrypted backup (*.gpg) is decrypted first with the private key in gpg's keyring
#   (GNUPGHOME or ~/.gnupg), into a private temporary directory that is removed afterwards.
#   PostgreSQL: pg_restore --clean --if-exists (the target database must exist).
#   SQLite: the file replaces db.sqlite3 (the old one is kept as db.sqlite3.before-restore).
# Usage: scripts/restore.sh FILE
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?usage: scripts/restore.sh FILE}
[ -f "$file" ] || { echo "restore: no such file: $file" >&2; exit 2; }
url=${DATABASE_URL:-sqlite:///$(pwd)/db.sqlite3}
umask 077
work=$(mktemp -d "${TMPDIR:-/tmp}/zorgnetwerk-restore.XXXXXX")
trap 'rm -rf "$work"' EXIT
source=$file
case "$file" in
  *.gpg)
    source=$work/backup
    gpg --batch --quiet --yes --output "$source" --decrypt "$file"
    ;;
esac
case "$url" in
  postgres://*|postgresql://*)
    pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
      --dbname="$url" "$source"
    ;;
  sqlite://*)
    target=${url#sqlite:///}
    [ -f "$target" ] && cp -p "$target" "$target.before-restore"
    cp "$source" "$target"
    ;;
  *) echo "restore: unsupported DATABASE_URL scheme" >&2; exit 2 ;;
esac
echo "restored $file"
