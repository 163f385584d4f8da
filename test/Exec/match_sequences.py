# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    match x:
        case []: return "empty"
        case [a]: return f"one {a}"
        case [a, b]: return f"two {a} {b}"
        case [a, *rest]: return f"many {a} {rest}"
        case _: return "not a sequence"
print([f(v) for v in ([], [1], (1, 2), [1, 2, 3], "ab", 5)])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['empty', 'one 1', 'two 1 2', 'many 1 [2, 3]', 'not a sequence', 'not a sequence']
# CHECK-NEXT: [exit 0]
