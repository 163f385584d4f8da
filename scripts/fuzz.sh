#!/usr/bin/env bash
# Builds a libFuzzer target of fuzz/ with clang-19 (in build-fuzz/) and runs it.
#   scripts/fuzz.sh NAME [SECONDS] [extra libFuzzer flags...]
# NAME is the target without _fuzz (ir_parse). The corpus lives in build-fuzz/corpus/NAME,
# seeded from the test files of that input language (test/**/*.ir for ir_parse); crashes
# are written to build-fuzz/crashes/NAME. Exits non-zero if the fuzzer found a problem.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: scripts/fuzz.sh NAME [SECONDS] [libFuzzer flags...]}
secs=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
build=${PYLLC_FUZZ_BUILD:-$root/build-fuzz}
cmake -S "$root" -B "$build" -G Ninja -DPYLLC_FUZZ=ON -DCMAKE_C_COMPILER=clang-19 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" "${name}_fuzz"
corpus=$build/corpus/$name
crashes=$build/crashes/$name
mkdir -p "$corpus" "$crashes"
case $name in
  ir_parse) seeds=$(find "$root/test" -name '*.ir' -not -path '*/Output/*') ;;
  bytecode) # code objects of the tests and of part of the stdlib, in the target's form
    /usr/bin/python3.11 "$root/fuzz/make_corpus.py" "$corpus" "$root"/test/Frontend/bytecode/*.py \
      /usr/lib/python3.11/[a-c]*.py >/dev/null
    seeds= ;;
  *) seeds=$(find "$root/test" -name "*.${name%%_*}" -not -path '*/Output/*' 2>/dev/null || true) ;;
esac
for f in $seeds; do
  cp -n "$f" "$corpus/seed-$(echo "$f" | md5sum | cut -c1-16)" 2>/dev/null || true
done
dict=$root/fuzz/$name.dict
extra=()
[ -f "$dict" ] && extra+=(-dict="$dict")
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  "$build/bin/${name}_fuzz" "$corpus" -max_total_time="$secs" -artifact_prefix="$crashes/" \
  -max_len=8192 -timeout=10 -print_final_stats=1 "${extra[@]}" "$@"
