# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
def main():
    print("before exit")
    sys.exit(3)
main()
print("never")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: before exit
# CHECK-NEXT: [exit 3]
