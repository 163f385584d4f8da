# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
from contextlib import contextmanager, suppress
@contextmanager
def tag(n):
    print(f"<{n}>")
    yield n
    print(f"</{n}>")
with tag("p") as t:
    print("inside", t)
with suppress(KeyError):
    {}["x"]
print("done")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: <p>
# CHECK-NEXT: inside p
# CHECK-NEXT: </p>
# CHECK-NEXT: done
# CHECK-NEXT: [exit 0]
