#!/usr/bin/env bash
# The browser test's tools: Debian's chromium (never `playwright install`), CJK fonts so Chinese
# renders in the screenshot, and Playwright for Python into the project's virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "noto.*cjk" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
PY="$VENV/bin/python"; [ -x "$PY" ] || PY=python3
"$PY" -c "import playwright" 2>/dev/null || "$PY" -m pip install --quiet "playwright>=1.45"
