# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    try:
        v = int(x)
    except ValueError as e:
        print("bad:", e)
    else:
        print("good", v)
for x in ["12", "zz"]:
    f(x)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: good 12
# CHECK-NEXT: bad: invalid literal for int() with base 10: 'zz'
# CHECK-NEXT: [exit 0]
