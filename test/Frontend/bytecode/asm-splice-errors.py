# Errors in pyllc.asm() code, found when the function is compiled, are warnings at their
# line and column of this file: the calls of that function stay calls, which raise the
# SyntaxError when they run (as in the interpreter), and the rest compiles.
# RUN: %pyllc %s -emit-ir 2>&1 >/dev/null | %FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# RUN: %pyllc %s -emit-ir 2>/dev/null | %FileCheck %s --check-prefix=IR
# RUN: %pyllc %s --run 2>&1 | %FileCheck %s --check-prefix=OUT
import pyllc


def bad_syntax():
    k = 0
    pyllc.asm("""
        OP $k + 1 -> $k
        OP $k * -> $k
    """)
    return k
# CHECK: asm-splice-errors.py:[[#@LINE-3]]:17: warning: expression expected, found '->'
# CHECK-NEXT: {{^}}        OP $k * -> $k
# CHECK-NEXT: {{^}}                ^
# CHECK: asm-splice-errors.py:[[#@LINE-8]]:18: note: the pyllc.asm() calls of bad_syntax stay calls: the code raises SyntaxError when it runs


def unknown(): pyllc.asm("LOAD 1 -> $nope")
# CHECK: asm-splice-errors.py:[[#@LINE-1]]:37: warning: 'nope' is not a variable of the function
# CHECK: asm-splice-errors.py:[[#@LINE-2]]:27: note: the pyllc.asm() calls of unknown stay calls


def fine(x):
    pyllc.asm("OP $x * 2 -> $x")
    return x
# IR-LABEL: func @bad_syntax(
# IR-NOT:     is_asm
# IR:         call none
# IR-LABEL: func @unknown(
# IR-NOT:     is_asm
# IR-LABEL: func @fine(
# IR:         is_asm


try:
    bad_syntax()
except SyntaxError as e:
    print("SyntaxError", e.lineno, e.offset, e.msg)
print(fine(21))
# OUT: SyntaxError 14 17 expression expected, found '->'
# OUT-NEXT: 42
