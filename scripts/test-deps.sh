#!/usr/bin/env bash
# Installs the programs the tests use to check rendered output on a fresh
# Debian machine: poppler-utils (pdftotext, pdfimages), qpdf (PDF
# validity), LibreOffice Calc (recalculates the coverage workbooks) and
# LibreOffice Writer (converts the DOCX output to PDF for comparison) with
# fonts-liberation2 (Times New Roman's metrics with the Vietnamese glyphs,
# which Debian's fonts-liberation 1.07 lacks);
# without recommends they install in a few minutes.
set -euo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
# openssl: the outside signer of the two-step signing test; softhsm2: the
# PKCS#11 token of go test -tags pkcs11 ./sign.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v softhsm2-util >/dev/null 2>&1 || need+=(softhsm2)
# The web page of bhytdoc serve is tested in a real browser (chromedp).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# soffice exists once either component is installed: test for each one.
has() { dpkg -s "$1" >/dev/null 2>&1; }
lo=/usr/lib/libreoffice/program
has libreoffice-calc || [ -e "$lo/scalc" ] || need+=(libreoffice-calc)
has libreoffice-writer || [ -e "$lo/swriter" ] || need+=(libreoffice-writer)
has fonts-liberation2 || need+=(fonts-liberation2)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
