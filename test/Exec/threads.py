# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import threading
results = []
lock = threading.Lock()
def work(k):
    s = 0
    for i in range(20000):
        s += i % k
    with lock:
        results.append((k, s))
ts = [threading.Thread(target=work, args=(k,)) for k in (3, 5, 7)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [(3, 19999), (5, 40000), (7, 59997)]
# CHECK-NEXT: [exit 0]
