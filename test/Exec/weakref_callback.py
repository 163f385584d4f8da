# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import weakref, gc
class O: pass
def f():
    o = O()
    w = weakref.ref(o, lambda r: print("collected"))
    print(w() is o)
    del o
    print(w())
f()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: True
# CHECK-NEXT: collected
# CHECK-NEXT: None
# CHECK-NEXT: [exit 0]
