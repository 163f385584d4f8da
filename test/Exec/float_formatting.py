# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    return str(x), repr(x), f"{x:.3f}", f"{x:g}", round(x, 1), x.is_integer()
print(f(0.1 + 0.2), f(1e16), f(2.0), f(-0.0), float("inf"), float("-inf"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('0.30000000000000004', '0.30000000000000004', '0.300', '0.3', 0.3, False) ('1e+16', '1e+16', '10000000000000000.000', '1e+16', 1e+16, True) ('2.0', '2.0', '2.000', '2', 2.0, True) ('-0.0', '-0.0', '-0.000', '-0', -0.0, True) inf -inf
# CHECK-NEXT: [exit 0]
