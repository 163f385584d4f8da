# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class A:
    def __init__(self):
        self.__secret = 1
    def get(self):
        return self.__secret
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = 2
b = B()
print(b.get(), b._B__secret, sorted(vars(b)))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1 2 ['_A__secret', '_B__secret']
# CHECK-NEXT: [exit 0]
