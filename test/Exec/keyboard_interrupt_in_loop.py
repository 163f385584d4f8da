# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import signal, os
def handler(sig, frame):
    raise KeyboardInterrupt
signal.signal(signal.SIGALRM, handler)
def spin():
    n = 0
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        while True:
            n += 1
    except KeyboardInterrupt:
        return "interrupted"
print(spin())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: interrupted
# CHECK-NEXT: [exit 0]
