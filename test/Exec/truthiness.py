# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class T:
    def __bool__(self):
        print("bool called")
        return False
class L:
    def __len__(self):
        return 0
for v in [0, 1, 0.0, "", "a", [], [0], {}, None, T(), L(), 2**100]:
    print("yes" if v else "no")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: no
# CHECK-NEXT: yes
# CHECK-NEXT: no
# CHECK-NEXT: no
# CHECK-NEXT: yes
# CHECK-NEXT: no
# CHECK-NEXT: yes
# CHECK-NEXT: no
# CHECK-NEXT: no
# CHECK-NEXT: bool called
# CHECK-NEXT: no
# CHECK-NEXT: no
# CHECK-NEXT: yes
# CHECK-NEXT: [exit 0]
