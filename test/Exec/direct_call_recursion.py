# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Recursion through direct calls between compiled functions counts every frame as the
# interpreter does: the same depth, RecursionError at the limit, and with a very high
# limit RecursionError (never a crash) when the C stack runs short.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def down(n, d=0):
    return down(n + 1) if n >= 0 else n


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def mutual_a(n):
    return mutual_b(n - 1) if n else "a"


def mutual_b(n):
    return mutual_a(n - 1) if n else "b"


sys.setrecursionlimit(300)
print(depth(0), depth(0))
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print(fact(250) % 1000003, mutual_a(251))
sys.setrecursionlimit(1000000)
try:
    down(0)
except RecursionError as e:
    print("RecursionError at 1000000:", e)
print(fact(2000) % 1000003)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 298 298
# CHECK-NEXT: RecursionError: maximum recursion depth exceeded
# CHECK-NEXT: 771340 b
# CHECK-NEXT: RecursionError at 1000000: maximum recursion depth exceeded
# CHECK-NEXT: 28665
# CHECK-NEXT: [exit 0]
