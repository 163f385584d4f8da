# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def build(n):
    parts = []
    for i in range(n):
        parts.append(str(i))
    s = ""
    for p in parts:
        s += p
    return ",".join(parts), s
print(build(12))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('0,1,2,3,4,5,6,7,8,9,10,11', '01234567891011')
# CHECK-NEXT: [exit 0]
