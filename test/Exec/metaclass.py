# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Base(metaclass=Meta):
    pass
class Child(Base):
    pass
print(Base.tag, Child.tag, type(Child).__name__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: base child Meta
# CHECK-NEXT: [exit 0]
