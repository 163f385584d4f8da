# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import signal, os
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
def loop():
    os.kill(os.getpid(), signal.SIGUSR1)
    for i in range(100000):
        if got:
            return "handled"
    return "not handled"
print(loop())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: handled
# CHECK-NEXT: [exit 0]
