# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Outer:
    class Inner:
        def boom(self):
            raise RuntimeError("inner boom")
def run():
    Outer.Inner().boom()
run()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}uncaught_in_nested_class_method.py", line 12, in <module>
# CHECK-NEXT:     run()
# CHECK-NEXT:   File "{{.*}}uncaught_in_nested_class_method.py", line 11, in run
# CHECK-NEXT:     Outer.Inner().boom()
# CHECK-NEXT:   File "{{.*}}uncaught_in_nested_class_method.py", line 9, in boom
# CHECK-NEXT:     raise RuntimeError("inner boom")
# CHECK-NEXT: RuntimeError: inner boom
# CHECK-NEXT: [exit 1]
