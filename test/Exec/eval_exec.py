# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    return eval("x * 2 + 1"), eval("y", {"y": 5})
ns = {}
exec("def g(n):\n    return n ** 2", ns)
print(f(3), ns["g"](7))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (7, 5) 49
# CHECK-NEXT: [exit 0]
