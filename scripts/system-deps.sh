#!/usr/bin/env bash
# Debian packages the tests need: Chromium's headless shell (the briefing PDF, browser tests), poppler (the briefing PDF test reads
# the PDF with pdfinfo, pdftotext and pdftoppm) and Jupyter (notebook tests).
# Installs what is missing when run as root; otherwise prints the exact command and fails.
set -euo pipefail
need=()
[ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/jupyter ] && /usr/bin/jupyter nbconvert --version >/dev/null 2>&1 || need+=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
cmd="apt-get update && apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${need[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "missing system packages for the tests: ${need[*]}" >&2
  echo "install them with: sudo sh -c '$cmd'" >&2
  exit 1
fi
