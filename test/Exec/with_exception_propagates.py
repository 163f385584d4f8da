# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit with", a[0].__name__)
def f():
    with CM():
        raise KeyError("k")
f()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: exit with KeyError
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}with_exception_propagates.py", line 13, in <module>
# CHECK-NEXT:     f()
# CHECK-NEXT:   File "{{.*}}with_exception_propagates.py", line 12, in f
# CHECK-NEXT:     raise KeyError("k")
# CHECK-NEXT: KeyError: 'k'
# CHECK-NEXT: [exit 1]
