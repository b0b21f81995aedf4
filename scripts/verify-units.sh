#!/usr/bin/env bash
# Check deploy/*.service and deploy/*.timer with `systemd-analyze verify` (CI, .ci/run).
# The units name the install path /srv/zorgnetwerk; verify insists that every ExecStart binary
# exists, so they are checked in a copy with that path replaced by this checkout's. Works in a
# container without a running systemd.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for unit in deploy/*.service deploy/*.timer; do
  sed "s#/srv/zorgnetwerk#$here#g" "$unit" > "$tmp/$(basename "$unit")"
done
test -x .venv/bin/gunicorn && test -x .venv/bin/python
(cd "$tmp" && SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no ./*.service ./*.timer) 2>&1 | tee "$tmp/out"
# verify's exit status misses some problems (unknown keys are only warnings): any output fails.
if [ -s "$tmp/out" ]; then
  echo "systemd-analyze verify: the units in deploy/ have problems (above)" >&2
  exit 1
fi
echo "deploy/: $(ls deploy/*.service deploy/*.timer | wc -l) units verified"
