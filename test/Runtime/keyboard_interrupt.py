# KeyboardInterrupt reaches a compiled loop that calls nothing: loop back-edges test the
# eval breaker. A thread sends SIGINT; faulthandler's watchdog (a C thread, no GIL) ends
# the process with status 1 if the loop never notices.
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
import signal  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402


@compiled
def spin(box):
    n = 0
    while box[0]:
        n += 1
    return n


def interrupt_soon():
    time.sleep(0.3)
    os.kill(os.getpid(), signal.SIGINT)


signal.signal(signal.SIGINT, signal.default_int_handler)  # lit may start us with it ignored
faulthandler.dump_traceback_later(30, exit=True)
threading.Thread(target=interrupt_soon).start()
try:
    spin([True])
    print("loop ended?")
except KeyboardInterrupt:
    print("KeyboardInterrupt in the loop")
faulthandler.cancel_dump_traceback_later()
# CHECK: KeyboardInterrupt in the loop
# CHECK-NOT: loop ended
