# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("values", e.exceptions)
except* TypeError as e:
    print("types", e.exceptions)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: values (ValueError(1),)
# CHECK-NEXT: types (TypeError(2),)
# CHECK-NEXT: [exit 0]
