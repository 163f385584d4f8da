# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class P:
    def __str__(self): return "str-P"
    def __repr__(self): return "repr-P"
    def __format__(self, spec): return "fmt-" + spec
p = P()
print(p, [p], str(p), repr(p), f"{p:xy}", f"{p!r}", f"{p!s}")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: str-P [repr-P] str-P repr-P fmt-xy repr-P str-P
# CHECK-NEXT: [exit 0]
