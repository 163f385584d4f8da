# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    match x:
        case 0: return "zero"
        case 1 | 2: return "small"
        case "s": return "str"
        case None: return "none"
        case True: return "true"
        case _: return "other"
print([f(v) for v in (0, 1, 2, "s", None, True, 3.5)])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['zero', 'small', 'small', 'str', 'none', 'small', 'other']
# CHECK-NEXT: [exit 0]
