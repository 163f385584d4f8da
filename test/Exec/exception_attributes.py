# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
try:
    int("x")
except ValueError as e:
    print(e.args, type(e).__mro__[1].__name__)
try:
    open("/nonexistent/file")
except OSError as e:
    print(e.errno, e.strerror, type(e).__name__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ("invalid literal for int() with base 10: 'x'",) Exception
# CHECK-NEXT: 2 No such file or directory FileNotFoundError
# CHECK-NEXT: [exit 0]
