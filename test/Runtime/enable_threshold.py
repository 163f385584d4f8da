# Whole-program mode: pyllc.enable(threshold=N) compiles a code object once its calls plus
# loop back-edges reach N. A function called once that runs one long loop still ends up
# compiled; a function called fewer than N times with no loop does not; threshold=0
# compiles each code object before its first run; disable() stops new compilations.
# RUN: %python %s | %FileCheck %s
import pyllc


def long_loop(n):
    s = 0
    for i in range(n):
        s += i
    return s


def cold(x):
    return x + 1


def hot(x):
    return x * 2


def first_run():
    return "first"


pyllc.enable(threshold=500)
print(long_loop(100_000))
print("long loop compiled:", pyllc.is_compiled(long_loop))
# CHECK: 4999950000
# CHECK-NEXT: long loop compiled: True
for i in range(10):
    cold(i)
print("cold compiled:", pyllc.is_compiled(cold))
# CHECK-NEXT: cold compiled: False
for i in range(1000):
    hot(i)
print("hot compiled:", pyllc.is_compiled(hot))
# CHECK-NEXT: hot compiled: True
pyllc.enable(threshold=0)
first_run()
print("threshold 0, one call:", pyllc.is_compiled(first_run))
# CHECK-NEXT: threshold 0, one call: True
print("stats:", pyllc.stats()["compiled"] >= 3, pyllc.stats()["enabled"])
# CHECK-NEXT: stats: True True
pyllc.disable()


def after_disable():
    return 1


for i in range(1000):
    after_disable()
print("after disable:", pyllc.is_compiled(after_disable))
# CHECK-NEXT: after disable: False
