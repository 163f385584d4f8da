# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Acc:
    def __init__(self):
        self.items = {}
    def get(self, k):
        return self.items[k]
Acc().get("missing")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exception_in_method_traceback.py", line 11, in <module>
# CHECK-NEXT:     Acc().get("missing")
# CHECK-NEXT:   File "{{.*}}exception_in_method_traceback.py", line 10, in get
# CHECK-NEXT:     return self.items[k]
# CHECK-NEXT:            ~~~~~~~~~~^^^
# CHECK-NEXT: KeyError: 'missing'
# CHECK-NEXT: [exit 1]
