# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class D:
    def __getattr__(self, name):
        return "missing:" + name
class S:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
d = D()
print(d.foo, getattr(d, "bar"), hasattr(d, "x"))
s = S(); s.a = 1
print(s.a)
try:
    object().nope
except AttributeError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: missing:foo missing:bar True
# CHECK-NEXT: set a 1
# CHECK-NEXT: 1
# CHECK-NEXT: 'object' object has no attribute 'nope'
# CHECK-NEXT: [exit 0]
