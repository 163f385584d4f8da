# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
counter = 0
def bump():
    global counter
    counter += 1
    return counter
def reset():
    global counter, newname
    counter = 0
    newname = "made"
bump(); bump()
print(counter)
reset()
print(counter, newname)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 2
# CHECK-NEXT: 0 made
# CHECK-NEXT: [exit 0]
