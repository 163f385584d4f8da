# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import atexit
def bye(who):
    print("bye", who)
atexit.register(bye, "world")
print("main")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: main
# CHECK-NEXT: bye world
# CHECK-NEXT: [exit 0]
