# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    match x:
        case {"type": "point", "x": px, "y": py}: return ("point", px, py)
        case {"type": t, **rest}: return (t, rest)
        case _: return None
print(f({"type": "point", "x": 1, "y": 2}), f({"type": "c", "r": 3}), f({}))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('point', 1, 2) ('c', {'r': 3}) None
# CHECK-NEXT: [exit 0]
