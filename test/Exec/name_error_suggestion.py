# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    lenght = 3
    return lenhgt
f()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}name_error_suggestion.py", line 9, in <module>
# CHECK-NEXT:     f()
# CHECK-NEXT:   File "{{.*}}name_error_suggestion.py", line 8, in f
# CHECK-NEXT:     return lenhgt
# CHECK-NEXT:            ^^^^^^
# CHECK-NEXT: NameError: name 'lenhgt' is not defined. Did you mean: 'lenght'?
# CHECK-NEXT: [exit 1]
