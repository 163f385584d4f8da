# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import threading, time
def late():
    time.sleep(0.05)
    print("thread done")
threading.Thread(target=late).start()
print("main done")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: main done
# CHECK-NEXT: thread done
# CHECK-NEXT: [exit 0]
