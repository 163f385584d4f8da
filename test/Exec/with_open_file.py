# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import os, tempfile
def roundtrip(text):
    fd, p = tempfile.mkstemp()
    os.close(fd)
    with open(p, "w") as fh:
        fh.write(text)
    with open(p) as fh:
        data = fh.read()
    os.remove(p)
    return data
print(roundtrip("hello\nworld"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: hello
# CHECK-NEXT: world
# CHECK-NEXT: [exit 0]
