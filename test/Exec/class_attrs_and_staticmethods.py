# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class C:
    count = 0
    def __init__(self):
        C.count += 1
    @staticmethod
    def twice(x):
        return 2 * x
    @classmethod
    def make(cls):
        return cls()
C(); C.make()
print(C.count, C.twice(4), C().twice(5), C.count)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 2 8 10 3
# CHECK-NEXT: [exit 0]
