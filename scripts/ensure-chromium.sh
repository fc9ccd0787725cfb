#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the browser test of the HTML
# report (playwright-core drives it; no browser is ever downloaded by npm).
set -euo pipefail
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser test..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "note: chromium is missing; install Debian's chromium package (or set CHROMIUM_PATH) for the browser test" >&2
fi
