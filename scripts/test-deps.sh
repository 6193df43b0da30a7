#!/usr/bin/env bash
# Installs the programs the tests use to check rendered output on a fresh
# Debian machine: poppler-utils (pdftotext, pdfimages), qpdf (PDF
# validity) and LibreOffice Calc (recalculates the coverage workbooks;
# without recommends it installs in about 75 s).
set -euo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-calc)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
