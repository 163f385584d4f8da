# Other threads get the GIL while compiled code runs a long loop: the loop waits for a
# flag that only another Python thread sets (eval-breaker GIL drop requests).
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402
import faulthandler  # noqa: E402
import threading  # noqa: E402


@compiled
def wait_for(flag):
    n = 0
    while not flag:
        n += 1
    return n > 0


@compiled
def count(box, k):
    for _ in range(k):
        box[0] += 1


def setter(flag):
    box = [0]
    count(box, 1000)
    flag.append(box[0])


faulthandler.dump_traceback_later(30, exit=True)
flag = []
t = threading.Thread(target=setter, args=(flag,))
t.start()
print("main loop ended:", wait_for(flag) or True, flag)
t.join()
faulthandler.cancel_dump_traceback_later()
# CHECK: main loop ended: True [1000]
