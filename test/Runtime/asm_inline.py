# pyllc.asm("..."): .pyasm run in place in a Python function, interpreted or compiled
# (pyllc.jit): $x reads and writes the function's variable x (cells too), @x its global;
# an exception comes out of the pyllc.asm() line (no extra frame); bad code is a
# SyntaxError at its own line and column of this file; what cannot run in place (RETURN,
# YIELD, DEF, CLASS, PYTHON, a variable the function lacks) is refused; refcounts stay.
# RUN: %python %s 2>&1 | %FileCheck %s
import sys
import traceback

import pyllc

G = 100


def squares(n):
    total = 0
    for i in range(n):
        pyllc.asm("OP $total + OP ($i * $i) -> $total")
    return total


print("squares", squares(10), pyllc.jit(squares)(10), pyllc.is_compiled(squares))
# CHECK: squares 285 285 True


def scopes(n):
    acc = []

    def show():
        return acc, n
    pyllc.asm("""
        CALL $acc.append(OP ($n + @G))
        OP $n * 2 -> $n
    """)
    return show()


print("scopes", scopes(1), pyllc.jit(scopes)(2))
# CHECK-NEXT: scopes ([101], 2) ([102], 4)


def unbind(x):
    y = 1
    pyllc.asm("LOAD $x -> $y")
    return y


print("unbind", unbind("x"))
# CHECK-NEXT: unbind x


def raises(x):
    pyllc.asm("RAISE ~ValueError($x)")


try:
    raises("bad")
except ValueError:
    traceback.print_exc(file=sys.stdout)
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT: File "{{.*}}asm_inline.py", line [[#@LINE-4]], in <module>
# CHECK-NEXT: raises("bad")
# CHECK-NEXT: File "{{.*}}asm_inline.py", line [[#@LINE-10]], in raises
# CHECK-NEXT: pyllc.asm("RAISE ~ValueError($x)")
# CHECK-NEXT: ValueError: bad


def caught(x):
    try:
        pyllc.asm("LOAD OP ($x // 0) -> $x")
    except ZeroDivisionError as e:
        return "caught " + str(e)


print(caught(1), pyllc.jit(caught)(1))
# CHECK-NEXT: caught integer division or modulo by zero caught integer division or modulo by zero


def bad_code():
    k = 0
    pyllc.asm("""
        LOAD 1 -> $k
        OP $k + -> $k
    """)


def unknown_variable():
    pyllc.asm("LOAD 1 -> $nope")


def returns():
    pyllc.asm("RETURN 1")


def defines():
    pyllc.asm("DEF f() { }")


for fn in (bad_code, unknown_variable, returns, defines):
    try:
        fn()
    except SyntaxError as e:
        print(f"{fn.__name__}: {e.lineno}:{e.offset}: {e.msg}")
# CHECK-NEXT: bad_code: [[#@LINE-21]]:17: expression expected, found '->'
# CHECK-NEXT: unknown_variable: [[#@LINE-17]]:26: 'nope' is not a variable of the function
# CHECK-NEXT: returns: [[#@LINE-14]]:16: RETURN in pyllc.asm() code: it cannot return from the function it is in
# CHECK-NEXT: defines: [[#@LINE-11]]:16: DEF in pyllc.asm() code: define functions and classes in Python

try:
    pyllc.asm("LOAD 1")
except TypeError as e:
    print("module level:", e)
# CHECK-NEXT: module level: pyllc.asm() works inside a function


def leak_check(obj, n):
    obj2 = None
    for _ in range(n):
        pyllc.asm("LOAD OP list($obj, $obj) -> $obj2; LOAD None -> $obj2")


o = object()
leak_check(o, 10)
before = sys.getrefcount(o)
leak_check(o, 1000)
print("refcount", sys.getrefcount(o) - before)
# CHECK-NEXT: refcount 0


def static_global():
    x = 0
    pyllc.asm("OP @!G + @G -> $x")  # @!G: G when the code was compiled (first call)
    return x


print("static", static_global())
G = 1
print("static", static_global())
# CHECK-NEXT: static 200
# CHECK-NEXT: static 101
