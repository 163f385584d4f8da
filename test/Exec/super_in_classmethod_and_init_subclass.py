# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
    @classmethod
    def create(cls):
        return cls.__name__
class A(Base): pass
class B(A):
    @classmethod
    def create(cls):
        return "B:" + super().create()
print(Base.registry, B.create(), A.create())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['A', 'B'] B:B A
# CHECK-NEXT: [exit 0]
