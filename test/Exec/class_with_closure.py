# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def make(v):
    class K:
        val = v
        def get(self):
            return v, self.val
    return K
print(make(3)().get(), make("s").val)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (3, 3) s
# CHECK-NEXT: [exit 0]
