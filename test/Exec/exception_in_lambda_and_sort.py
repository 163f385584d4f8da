# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
data = [3, "a", 1]
sorted(data, key=lambda x: x + 0)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exception_in_lambda_and_sort.py", line 7, in <module>
# CHECK-NEXT:     sorted(data, key=lambda x: x + 0)
# CHECK-NEXT:   File "{{.*}}exception_in_lambda_and_sort.py", line 7, in <lambda>
# CHECK-NEXT:     sorted(data, key=lambda x: x + 0)
# CHECK-NEXT:                                ~~^~~
# CHECK-NEXT: TypeError: can only concatenate str (not "int") to str
# CHECK-NEXT: [exit 1]
