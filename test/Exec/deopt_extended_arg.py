# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# A deopt resumes the interpreter at the instruction's first EXTENDED_ARG prefix, not at
# its own code unit (which would run it without the prefix's high bits). Here the loop
# body is longer than 255 code units, so its JUMP_BACKWARD has a prefix; a callee on the
# loop's last line turns a profiler on, so the eval-breaker check at the JUMP_BACKWARD
# leaves to the interpreter there (the jump is on that line: no line-start check first).
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys

events = []


def profile(frame, event, arg):
    if event == "call":
        events.append(frame.f_code.co_name)


def probe(i):
    if i == 1:
        sys.setprofile(profile)


def run(n):
    t = 0
    for i in range(n):
        t = t + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i + i
        probe(i)
    sys.setprofile(None)
    return t


print(run(4))
print(events)
# CHECK: 720
# CHECK-NEXT: ['probe', 'probe']
