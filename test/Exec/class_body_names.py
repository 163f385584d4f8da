# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
X = "global"
class C:
    X = "class"
    Y = X + "!"
    def m(self):
        return X
    Z = [X for _ in range(1)]
print(C.Y, C().m(), C.Z)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: class! global ['global']
# CHECK-NEXT: [exit 0]
