#!/usr/bin/env bash
# The second README command: build (warnings are errors) and run the whole lit suite.
# Prints a last line `N passed, N failed, N skipped`; exits non-zero on any failure.
#   scripts/test.sh              the normal build, in build/
#   scripts/test.sh --sanitize   an AddressSanitizer + UBSan build, in build-asan/
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/build
opts=(-DPYLLC_WERROR=ON)
if [ "${1:-}" = "--sanitize" ]; then
  dir=$root/build-asan
  opts+=(-DPYLLC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
  shift
fi
if ! bash "$root/scripts/build.sh" "$dir" "${opts[@]}"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
log=$(mktemp)
/usr/bin/python3.11 /usr/lib/llvm-19/build/utils/lit/lit.py -v "$dir/test" "$@" 2>&1 | tee "$log" |
  grep -E '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):|^\*\*\*\*' || true
pass=$(grep -cE '^(PASS|XFAIL):' "$log")
fail=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$log")
skip=$(grep -cE '^UNSUPPORTED:' "$log")
rm -f "$log"
if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
  echo "no test ran"
  fail=1
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
