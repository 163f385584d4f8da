# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    import json
    from string import ascii_lowercase as al
    return json.dumps({"a": [1, 2]}), al[:3]
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('{"a": [1, 2]}', 'abc')
# CHECK-NEXT: [exit 0]
