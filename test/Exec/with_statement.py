# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.name == "swallow"
def f():
    with CM("a") as v, CM("b") as w:
        print("body", v, w)
    with CM("swallow"):
        raise ValueError("x")
    print("after")
f()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: enter a
# CHECK-NEXT: enter b
# CHECK-NEXT: body A B
# CHECK-NEXT: exit b None
# CHECK-NEXT: exit a None
# CHECK-NEXT: enter swallow
# CHECK-NEXT: exit swallow ValueError
# CHECK-NEXT: after
# CHECK-NEXT: [exit 0]
