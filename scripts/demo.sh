#!/usr/bin/env bash
# The demo: compile a small Python file to machine code, show the LLVM IR of one
# function, and run the program compiled, next to python3.11 running it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pyllc=$root/build/bin/pyllc
demo=$root/examples/demo.py
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== $demo"
cat "$demo"
echo
echo "== pyllc IR of pick()  (pyllc demo.py -emit-ir --function pick)"
"$pyllc" "$demo" -emit-ir --function pick
echo
echo "== LLVM IR of pick() at -O2  (pyllc demo.py -emit-llvm -O2 --function pick)"
echo "   (its definition only: the module also declares CPython's types and helpers)"
"$pyllc" "$demo" -emit-llvm -O2 --function pick > "$out/pick.ll"
sed -n '/^define .*pick/,/^}/p' "$out/pick.ll"
echo
echo "== machine code  (pyllc demo.py -c -o demo.o)"
"$pyllc" "$demo" -c -o "$out/demo.o"
ls -l "$out/demo.o" | awk '{print $5 " bytes of x86-64 object code"}'
echo
echo "== run compiled  (pyllc demo.py --run)"
"$pyllc" "$demo" --run
echo
echo "== run by python3.11, for comparison"
/usr/bin/python3.11 "$demo"
