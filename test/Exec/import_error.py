# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_name
except ImportError as e:
    print(e)
from os import nothing_here

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ModuleNotFoundError No module named 'no_such_module_xyz'
# CHECK-NEXT: cannot import name 'no_such_name' from 'math' (unknown location)
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}import_error.py", line 14, in <module>
# CHECK-NEXT:     from os import nothing_here
# CHECK-NEXT: ImportError: cannot import name 'nothing_here' from 'os' (/usr/lib/python3.11/os.py)
# CHECK-NEXT: [exit 1]
