# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def lookup(d, k):
    return d[k]
print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "b")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}key_error_traceback.py", line 9, in <module>
# CHECK-NEXT:     lookup({"a": 1}, "b")
# CHECK-NEXT:   File "{{.*}}key_error_traceback.py", line 7, in lookup
# CHECK-NEXT:     return d[k]
# CHECK-NEXT:            ~^^^
# CHECK-NEXT: KeyError: 'b'
# CHECK-NEXT: [exit 1]
