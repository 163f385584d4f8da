# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), 2 in a
print(f({1, 2, 3}, {2, 3, 4}), sorted({1, 2} | {5}), frozenset([1]) == {1})
s = set()
s.add(1); s.update([2, 3]); s.discard(9)
print(sorted(s))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([1, 2, 3, 4], [2, 3], [1], [1, 4], True) [1, 2, 5] True
# CHECK-NEXT: [1, 2, 3]
# CHECK-NEXT: [exit 0]
