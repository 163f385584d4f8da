# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Compiled functions call compiled functions directly (rt_call_function pushes the callee's
# frame itself): frame objects that outlive the call keep a copy of the frame, their
# f_back, f_lineno and f_locals; tracebacks through direct calls have every frame and line.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
import traceback

kept = []


def keep(a, b=10):
    kept.append(sys._getframe())
    x = a + b
    return x


def caller(n):
    y = keep(n) + keep(n, 1)
    return y


print(caller(1))
for f in kept:
    print(f.f_code.co_name, f.f_lineno, sorted(f.f_locals), f.f_locals["x"],
          f.f_back.f_code.co_name, f.f_back.f_lineno, f.f_back.f_back.f_code.co_name)
del kept[:]


def line_only():
    return sys._getframe().f_lineno  # the frame object dies before the frame


print([line_only() for _ in range(3)])


def c3(x):
    return 1 // x


def c2(x):
    return c3(x) + 1


def c1(x):
    return c2(x) * 2


try:
    c1(0)
except ZeroDivisionError as e:
    traceback.print_exc(file=sys.stdout)
    tb = e.__traceback__
    while tb:
        fr = tb.tb_frame
        print(fr.f_code.co_name, tb.tb_lineno, fr.f_back and fr.f_back.f_code.co_name,
              sorted(fr.f_locals))
        tb = tb.tb_next


def catches(x):
    try:
        return c2(x)
    except ZeroDivisionError as e:
        return "caught " + str(e)


print(catches(0), catches(1))


def stack_of():
    return [s.name for s in traceback.extract_stack()]


def via():
    return stack_of()


print(via())
c1(0)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 13
# CHECK-NEXT: keep 18 ['a', 'b', 'x'] 11 caller 23 <module>
# CHECK-NEXT: keep 18 ['a', 'b', 'x'] 2 caller 23 <module>
# CHECK-NEXT: [34, 34, 34]
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 53, in <module>
# CHECK-NEXT:     c1(0)
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 49, in c1
# CHECK-NEXT:     return c2(x) * 2
# CHECK-NEXT:            ^^^^^
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 45, in c2
# CHECK-NEXT:     return c3(x) + 1
# CHECK-NEXT:            ^^^^^
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 41, in c3
# CHECK-NEXT:     return 1 // x
# CHECK-NEXT:            ~~^^~~
# CHECK-NEXT: ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: <module> 53 None ['__annotations__', '__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__name__', '__package__', '__spec__', 'c1', 'c2', 'c3', 'caller', 'e', 'f', 'fr', 'keep', 'kept', 'line_only', 'sys', 'tb', 'traceback']
# CHECK-NEXT: c1 49 <module> ['x']
# CHECK-NEXT: c2 45 c1 ['x']
# CHECK-NEXT: c3 41 c2 ['x']
# CHECK-NEXT: caught integer division or modulo by zero 2
# CHECK-NEXT: ['<module>', 'via', 'stack_of']
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 83, in <module>
# CHECK-NEXT:     c1(0)
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 49, in c1
# CHECK-NEXT:     return c2(x) * 2
# CHECK-NEXT:            ^^^^^
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 45, in c2
# CHECK-NEXT:     return c3(x) + 1
# CHECK-NEXT:            ^^^^^
# CHECK-NEXT:   File "{{.*}}direct_call_frames.py", line 41, in c3
# CHECK-NEXT:     return 1 // x
# CHECK-NEXT:            ~~^^~~
# CHECK-NEXT: ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: [exit 1]
