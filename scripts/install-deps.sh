#!/usr/bin/env bash
# Installs every Debian package tdkt needs to build, run and test. Idempotent: when all
# packages are present it only checks (well under a second) and touches nothing.
# Usage: scripts/install-deps.sh            (as root on Debian 12)
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config clang-format
  # libraries (see STACK.md)
  libcpp-httplib-dev libsoci-dev libboost-dev libsqlite3-dev sqlite3 libpq-dev
  nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev libkainjow-mustache-dev
  libsodium-dev libexpected-dev libicu-dev libxlsxwriter-dev liborcus-dev libixion-dev
  libcairo2-dev libpango1.0-dev fonts-noto-core fonts-liberation2 libmagic-dev libqrencode-dev libcurl4-openssl-dev
  # PDFs read back in tests (pdftotext)
  poppler-utils
  libgtest-dev libgmock-dev libbenchmark-dev
  # database server for PostgreSQL tests and deployments
  postgresql postgresql-contrib
  # front end, browser tests, benchmarks
  nodejs npm chromium wrk nginx-light curl util-linux
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

# nodejs may come from another repository whose package also provides npm.
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"

if ((${#missing[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "Thiếu gói hệ thống / missing Debian packages: ${missing[*]}" >&2
  echo "Run as root: sudo $0" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
