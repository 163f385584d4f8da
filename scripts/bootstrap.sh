#!/usr/bin/env bash
# The first README command: install the dependencies, build, and run the demo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" "$root/build"
bash "$root/scripts/demo.sh"
