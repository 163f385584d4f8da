#!/usr/bin/env bash
# Configures and builds pyllc. Usage: scripts/build.sh [BUILD_DIR] [cmake options...]
# Installs missing dependencies first (scripts/setup.sh is quiet when all are present).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/build}
shift || true
bash "$root/scripts/setup.sh"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S "$root" -B "$dir" -G Ninja -DPYLLC_PYTHON=/usr/bin/python3.11 "$@" >/dev/null
elif [ $# -gt 0 ]; then
  cmake "$dir" "$@" >/dev/null
fi
ninja -C "$dir" >/dev/null || ninja -C "$dir"
