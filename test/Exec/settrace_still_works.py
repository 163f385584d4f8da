# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        events.append((event, frame.f_lineno))
    return tracer
def target(n):
    s = 0
    for i in range(n):
        s += i
    return s
sys.settrace(tracer)
target(2)
sys.settrace(None)
print(events)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [('call', 12), ('line', 13), ('line', 14), ('line', 15), ('line', 14), ('line', 15), ('line', 14), ('line', 16), ('return', 16)]
# CHECK-NEXT: [exit 0]
