# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(xs):
    return list(enumerate(xs, 1)), list(zip(xs, reversed(xs))), sorted(xs), list(map(str, xs))
print(f([3, 1, 2]))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([(1, 3), (2, 1), (3, 2)], [(3, 2), (1, 1), (2, 3)], [1, 2, 3], ['3', '1', '2'])
# CHECK-NEXT: 1 2 end
# CHECK-NEXT: [exit 0]
