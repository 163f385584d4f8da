# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import json
def f(obj):
    s = json.dumps(obj, sort_keys=True)
    return s, json.loads(s) == obj
print(f({"a": [1, 2.5, None, True], "b": {"c": "d"}}))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('{"a": [1, 2.5, null, true], "b": {"c": "d"}}', True)
# CHECK-NEXT: [exit 0]
