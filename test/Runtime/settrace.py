# sys.settrace and sys.setprofile see compiled functions exactly as interpreted ones (they
# fall back to the interpreter while tracing): call/line/return events with line numbers,
# and a tracer or profiler switched on in the middle of a running compiled function (by a
# callee, mid-loop) takes effect at once: the next line event of the caller (also when
# that line starts with a constant), its return, the C calls it makes afterwards, and no
# extra 'call' event when an exception raised by that callee is handed to the interpreter.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled  # noqa: E402

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer


@compiled
def work(n):
    s = 0
    for i in range(n):
        s += i
    return s


@compiled
def loop_then_trace(n):
    s = 0
    for i in range(n):
        if i == 2:
            start_tracing()
        s += i
    return s


@compiled
def trace_then_const():
    start_tracing()
    x = 7
    return x


@compiled
def trace_then_return():
    start_tracing()
    return 5


def start_tracing():
    sys._getframe(1).f_trace = tracer
    sys.settrace(tracer)


def show(title, name):
    sys.settrace(None)
    print(title, [e for e in events if e[1] == name])
    events.clear()


sys.settrace(tracer)
work(2)
sys.settrace(None)
print("traced:", events)
events.clear()
# CHECK: traced: [('call', 'work', 27), ('line', 'work', 29), ('line', 'work', 30), ('line', 'work', 31), ('line', 'work', 30), ('line', 'work', 31), ('line', 'work', 30), ('line', 'work', 32), ('return', 'work', 32)]

loop_then_trace(4)
show("mid-loop:", "loop_then_trace")
# CHECK-NEXT: mid-loop: [('line', 'loop_then_trace', 41), ('line', 'loop_then_trace', 38), ('line', 'loop_then_trace', 39), ('line', 'loop_then_trace', 41), ('line', 'loop_then_trace', 38), ('line', 'loop_then_trace', 42), ('return', 'loop_then_trace', 42)]
trace_then_const()
show("const line:", "trace_then_const")
# CHECK-NEXT: const line: [('line', 'trace_then_const', 48), ('line', 'trace_then_const', 49), ('return', 'trace_then_const', 49)]
trace_then_return()
show("return:", "trace_then_return")
# CHECK-NEXT: return: [('line', 'trace_then_return', 55), ('return', 'trace_then_return', 55)]



def settrace_and_raise():
    sys.settrace(tracer)
    sys._getframe(1).f_trace = tracer
    raise RuntimeError


@compiled
def catch_after_trace():
    try:
        settrace_and_raise()
    except RuntimeError:
        pass


# The exception leaves compiled code for the interpreter's handler: no 'call' event.
catch_after_trace()
show("raise:", "catch_after_trace")
# CHECK-NEXT: raise: [('exception', 'catch_after_trace', 97), ('line', 'catch_after_trace', 98), ('line', 'catch_after_trace', 99), ('return', 'catch_after_trace', 99)]

calls = []


def profiler(frame, event, arg):
    name = frame.f_code.co_name if event in ("call", "return") else arg.__name__
    if name not in ("setprofile", "start_profiling"):
        calls.append((event, name))


def start_profiling():
    sys.setprofile(profiler)


@compiled
def profile_mid_loop(xs):
    n = 0
    for x in xs:
        if x == 1:
            start_profiling()
        n += len(x * "a")
    return n


sys.setprofile(profiler)
work(3)
sys.setprofile(None)
print("profiled:", calls[:2])
calls.clear()
# CHECK-NEXT: profiled: [('call', 'work'), ('return', 'work')]
profile_mid_loop([0, 1, 2])
sys.setprofile(None)
print("profiled mid-loop:", calls)
# CHECK-NEXT: profiled mid-loop: [('c_call', 'len'), ('c_return', 'len'), ('c_call', 'len'), ('c_return', 'len'), ('return', 'profile_mid_loop')]


def profile_and_raise():
    sys.setprofile(profiler)
    raise KeyError


@compiled
def catch_after_profile():
    try:
        profile_and_raise()
    except KeyError:
        len("x")


calls.clear()
catch_after_profile()
sys.setprofile(None)
print("profiled raise:", calls)
# CHECK-NEXT: profiled raise: [('return', 'profile_and_raise'), ('c_call', 'len'), ('c_return', 'len'), ('return', 'catch_after_profile')]
