# On-stack replacement in whole-program mode: a function called once that runs a long
# loop starts as baseline code, which counts its back-edges; when calls plus back-edges
# reach the threshold, the optimised code is compiled and the running frame continues in
# it at the loop header (stats: osr_entries). Results, exceptions and tracebacks raised
# after the switch are the interpreter's; plain and --enable runs print the same.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --enable > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --enable --check | %FileCheck %s --check-prefix=OSR
import sys
import traceback

ENABLE = "--enable" in sys.argv
WANT_STATS = "--check" in sys.argv
if ENABLE:
    import pyllc

    pyllc.enable(threshold=1000)


def compiled_now(f):
    return pyllc.is_compiled(f) if ENABLE else None


def long_loop(n, probe):
    total = 0
    states = []
    for i in range(n):
        total += i * 3 - (i & 7)
        if i in probe:
            states.append(compiled_now(long_loop))
    j, k = 0, [0]
    while j < n:  # a while loop: POP_JUMP_BACKWARD_IF_TRUE
        j += 7
        k[0] += j & 1
    return total, j, k[0], states


def nested(n):
    acc = []
    for i in range(n):
        row = 0
        for j in range(50):
            row += i ^ j
        acc.append(row)
    return sum(acc), len(acc)


def fails_late(n):
    d = {}
    for i in range(n):
        d[i % 100] = i
    return d[n]  # KeyError after the loop ran optimised


def fails_in_loop(n):
    i = 0
    while True:
        i += 1
        if i == n:
            raise ValueError("stopped at %d" % i)


def rec_loop(depth, n):
    # The frames below switch to optimised code while the outer ones still run the
    # baseline code, which must stay alive; those switch at their next back-edge.
    t = 0
    for i in range(n):
        t += i
    if depth:
        t += rec_loop(depth - 1, n)
    for i in range(n):
        t -= i & 3
    return t


def countdown(n):
    # A generator with a loop: its resumptions spend the budget at the entry.
    while n:
        yield n
        n -= 1


res = long_loop(20000, (10, 15000))
print(res[:3])
# CHECK: (599900000, 20006, 1429)
print(nested(400))
# CHECK-NEXT: (4003824, 400)
print(rec_loop(4, 700), sum(countdown(3000)))
# CHECK-NEXT: 1218000 4501500
for f, arg in ((fails_late, 5000), (fails_in_loop, 4000)):
    try:
        f(arg)
    except Exception:
        traceback.print_exc(file=sys.stdout)
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}osr.py", line 94, in <module>
# CHECK-NEXT:     f(arg)
# CHECK-NEXT:   File "{{.*}}osr.py", line 54, in fails_late
# CHECK-NEXT:     return d[n]  # KeyError after the loop ran optimised
# CHECK-NEXT:            ~^^^
# CHECK-NEXT: KeyError: 5000
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}osr.py", line 94, in <module>
# CHECK-NEXT:     f(arg)
# CHECK-NEXT:   File "{{.*}}osr.py", line 62, in fails_in_loop
# CHECK-NEXT:     raise ValueError("stopped at %d" % i)
# CHECK-NEXT: ValueError: stopped at 4000
if WANT_STATS:
    # Baseline code at the 10th iteration, optimised by the 15000th, entered mid-loop.
    print("states:", res[3])
    print("all compiled:", all(pyllc.is_compiled(f)
                               for f in (long_loop, nested, fails_late, fails_in_loop,
                                         rec_loop, countdown)))
    print("osr entries:", pyllc.stats()["osr_entries"] >= 4)
# OSR: states: [False, True]
# OSR-NEXT: all compiled: True
# OSR-NEXT: osr entries: True
