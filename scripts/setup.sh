#!/usr/bin/env bash
# Installs everything pyllc needs on Debian 12, with apt-get. Idempotent: when every
# package is present it prints nothing and touches nothing.
set -euo pipefail

PKGS=(
  cmake ninja-build make
  llvm-19-dev llvm-19-tools clang-19 libclang-rt-19-dev
  python3.11 python3.11-dev libpython3.11-dev libpython3.11-testsuite
  python3.11-dbg libpython3.11-dbg
  valgrind
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
