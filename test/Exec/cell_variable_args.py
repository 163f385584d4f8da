# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    def g():
        return a * b
    a += 1
    return g()
print(f(2, 3), f("x", 2))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}cell_variable_args.py", line 11, in <module>
# CHECK-NEXT:     print(f(2, 3), f("x", 2))
# CHECK-NEXT:                    ^^^^^^^^^
# CHECK-NEXT:   File "{{.*}}cell_variable_args.py", line 9, in f
# CHECK-NEXT:     a += 1
# CHECK-NEXT: TypeError: can only concatenate str (not "int") to str
# CHECK-NEXT: [exit 1]
