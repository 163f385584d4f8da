# PYLLC_STATS=1 prints pyllc.stats() on stderr at exit, after the program's own output,
# without changing the exit status; unset or 0, nothing is printed.
# RUN: env PYLLC_STATS=1 %python %s > %t.out 2> %t.err
# RUN: %FileCheck %s --check-prefix=OUT < %t.out
# RUN: %FileCheck %s --check-prefix=ERR < %t.err
# RUN: env PYLLC_STATS=0 %python %s 2>&1 | %FileCheck %s --check-prefix=QUIET
# RUN: env PYLLC_STATS=1 %not %python %s fail 2>&1 | %FileCheck %s --check-prefix=FAIL
import sys

import pyllc


def hot(n):
    return sum(range(n))


pyllc.jit(hot)
print("result", hot(10))
if sys.argv[1:] == ["fail"]:
    raise SystemExit(1)
# OUT: result 45
# ERR: pyllc statistics:
# ERR-NEXT: compiled: {{[0-9]+}}
# ERR-NEXT: fallbacks: {{[0-9]+}}
# ERR-NEXT: deopts: {{[0-9]+}}
# ERR-NEXT: compile time: {{[0-9.]+}} s, codegen {{[0-9.]+}}
# ERR-NEXT: code: {{[0-9.]+}}
# ERR-NEXT: JIT memory: {{[0-9.]+}}
# QUIET: result 45
# QUIET-NOT: pyllc statistics
# FAIL: result 45
# FAIL: pyllc statistics:
