#!/usr/bin/env bash
# The second README command: the whole test suite. Prints a last line
# `N passed, N failed, N skipped` summed over its parts; exits non-zero on any failure.
#   1. build/ (warnings are errors): the lit suite.
#   2. build-dbg/, against Debian's debug CPython (python3.11d, sys.gettotalrefcount):
#      scripts/refcheck.py runs every test/Exec program plain and compiled at -O0 and -O2
#      and compares the reference-count balance.
#   3. build-asan/ (AddressSanitizer + UBSan): the lit tests of the compiler itself (IR,
#      front ends, tools, lowering to LLVM/asm), whose inputs include the fuzzers' finds.
# Options:
#   --quick       part 1 only (the everyday loop)
#   --sanitize    part 3 over the whole lit suite instead (slow: every test imports or
#                 embeds CPython under ASan)
# Further arguments go to lit (part 1, or part 3 with --sanitize).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lit=(/usr/bin/python3.11 /usr/lib/llvm-19/build/utils/lit/lit.py -v)
mode=all
case "${1:-}" in
  --quick) mode=quick; shift ;;
  --sanitize) mode=sanitize; shift ;;
esac
pass=0 fail=0 skip=0

# Builds $1 with the cmake options that follow; counts a failed build as a failure.
build() {
  if bash "$root/scripts/build.sh" "$@"; then return 0; fi
  echo "build failed: $1"
  fail=$((fail + 1))
  return 1
}

# Runs lit on a build dir (and filters); adds its results to the totals.
run_lit() {
  local log
  log=$(mktemp)
  "${lit[@]}" "$@" 2>&1 | tee "$log" |
    grep -E '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):|^\*\*\*\*' || true
  pass=$((pass + $(grep -cE '^(PASS|XFAIL):' "$log")))
  fail=$((fail + $(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$log")))
  skip=$((skip + $(grep -cE '^UNSUPPORTED:' "$log")))
  rm -f "$log"
}

# Runs scripts/refcheck.py at one optimisation level; adds its results to the totals.
run_refcheck() {
  local log
  log=$(mktemp)
  PYLLC_REFCHECK_OPT=$1 /usr/bin/python3.11 "$root/scripts/refcheck.py" "$root/build-dbg" \
    "$root"/test/Exec/*.py >"$log" 2>&1
  grep -E '^FAIL' "$log" | sed "s/^FAIL: /FAIL: refcheck -O$1: /" || true
  pass=$((pass + $(grep -c '^PASS' "$log")))
  fail=$((fail + $(grep -c '^FAIL' "$log")))
  rm -f "$log"
}

sanitize_opts=(-DPYLLC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
if [ "$mode" = sanitize ]; then
  build "$root/build-asan" "${sanitize_opts[@]}" && run_lit "$root/build-asan/test" "$@"
else
  build "$root/build" -DPYLLC_WERROR=ON && run_lit "$root/build/test" "$@"
  if [ "$mode" = all ]; then
    echo "-- reference counts (python3.11d) --"
    if build "$root/build-dbg" -DPYLLC_WERROR=ON -DPYLLC_PYTHON=/usr/bin/python3.11d; then
      run_refcheck 0
      run_refcheck 2
    fi
    echo "-- AddressSanitizer + UBSan: the compiler's tests --"
    build "$root/build-asan" "${sanitize_opts[@]}" &&
      run_lit "$root/build-asan/test" --filter '^pyllc :: (IR|Frontend|tools|Lower)/'
  fi
fi
if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
  echo "no test ran"
  fail=1
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
