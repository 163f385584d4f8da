# A try/except in a hot loop stays compiled: exceptions caught by a compiled handler do
# not hand the frame to the interpreter, so pyllc.stats() counts no "exception" deopt for
# 10,000 of them, while one that leaves the function still counts one.
# RUN: %python %s | %FileCheck %s
import pyllc


def parse_all(items):
    good = bad = 0
    for s in items:
        try:
            good += int(s)
        except ValueError:
            bad += 1
    return good, bad


def escapes(v):
    return int(v)


def exception_deopts():
    return pyllc.stats()["deopts"].get("exception", 0)


pyllc.jit(parse_all)
pyllc.jit(escapes)
items = ["1", "x"] * 5000
before = exception_deopts()
print(parse_all(items), pyllc.is_compiled(parse_all))
# CHECK: (5000, 5000) True
print("exception deopts:", exception_deopts() - before)
# CHECK-NEXT: exception deopts: 0
try:
    escapes("y")
except ValueError as e:
    print("escaped:", e)
# CHECK-NEXT: escaped: invalid literal for int() with base 10: 'y'
print("exception deopts:", exception_deopts() - before)
# CHECK-NEXT: exception deopts: 1
