#!/usr/bin/env bash
# The browser tests drive JupyterLab in headless Chromium. Playwright's own browser
# download does not work offline, so Debian's chromium is used; install it if missing.
set -euo pipefail
if [ -n "${PLANLIB_CHROMIUM:-}" ] && [ -x "${PLANLIB_CHROMIUM}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    exit 0
fi
echo "The browser tests need Chromium: install it (Debian: apt-get install chromium)," >&2
echo "or set PLANLIB_CHROMIUM to a Chromium or Chrome executable." >&2
exit 1
