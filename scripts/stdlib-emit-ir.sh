#!/usr/bin/env bash
# Runs `pyllc -emit-ir` (front end + IR verifier) on every top-level module of CPython
# 3.11's standard library, from source and from its compiled __pycache__/*.pyc, and
# reports how many modules and functions went through.
#   scripts/stdlib-emit-ir.sh [BUILD_DIR] [STDLIB_DIR]
# Exit status 1 if any module fails; the failures are listed with their first error.
set -u
build=${1:-build}
stdlib=${2:-/usr/lib/python3.11}
pyllc=$build/bin/pyllc
[ -x "$pyllc" ] || { echo "stdlib-emit-ir: no $pyllc (build first)" >&2; exit 2; }
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
status=0
run() { # kind files...
  local kind=$1 modules=0 funcs=0 failed=0
  shift
  for f in "$@"; do
    [ -e "$f" ] || continue
    modules=$((modules + 1))
    if "$pyllc" "$f" -emit-ir >"$out" 2>"$err"; then
      funcs=$((funcs + $(grep -c '^func @' "$out")))
    else
      failed=$((failed + 1))
      echo "FAIL $f: $(head -1 "$err")"
    fi
  done
  echo "stdlib-emit-ir ($kind): $modules modules, $((modules - failed)) passed," \
       "$failed failed, $funcs functions"
  [ "$failed" -eq 0 ] || status=1
}
run source "$stdlib"/*.py
run pyc "$stdlib"/__pycache__/*.cpython-311.pyc
exit $status
