# A SyntaxError from CPython's compiler is a diagnostic at its position, with the line.
# RUN: %not %pyllc %s -emit-ir 2>&1 | %FileCheck %s --implicit-check-not=error:
# CHECK: syntax-error.py:[[#@LINE+3]]:9: error: SyntaxError: expected ':'
# CHECK-NEXT: def f(a)
# CHECK-NEXT: {{^ *}}^
def f(a)
    return a
