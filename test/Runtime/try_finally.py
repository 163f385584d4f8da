# try/except/finally in compiled code: handlers, finally on return/break/continue,
# re-raise, nested handlers, except* groups; same order of side effects as python3.11.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402


@compiled
def flow(v):
    out = []
    for i in range(4):
        try:
            out.append(f"try{i}")
            if i == 1:
                continue
            if i == 3:
                break
            if v and i == 2:
                raise KeyError(i)
        except KeyError as e:
            out.append(f"except{e}")
        else:
            out.append("else")
        finally:
            out.append(f"finally{i}")
    return out


@compiled
def finally_overrides():
    try:
        return "try"
    finally:
        print("finally runs before the return")


@compiled
def reraise(v):
    try:
        try:
            raise ValueError(v)
        except ValueError:
            print("inner handler")
            raise
        finally:
            print("inner finally")
    except ValueError as e:
        return f"outer caught {e!r}"


@compiled
def groups():
    try:
        raise ExceptionGroup("g", [KeyError(1), ValueError(2), TypeError(3)])
    except* KeyError as eg:
        print("star KeyError", [repr(e) for e in eg.exceptions])
    except* (ValueError, TypeError) as eg:
        print("star rest", sorted(type(e).__name__ for e in eg.exceptions))


@compiled
def exc_var_cleared():
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    return "e" in locals(), sys.exc_info()


print(flow(False))
print(flow(True))
print(finally_overrides())
print(reraise(7))
groups()
print(exc_var_cleared())
# CHECK: ['try0', 'else', 'finally0', 'try1', 'finally1', 'try2', 'else', 'finally2', 'try3', 'finally3']
# CHECK-NEXT: ['try0', 'else', 'finally0', 'try1', 'finally1', 'try2', 'except2', 'finally2', 'try3', 'finally3']
# CHECK-NEXT: finally runs before the return
# CHECK-NEXT: try
# CHECK-NEXT: inner handler
# CHECK-NEXT: inner finally
# CHECK-NEXT: outer caught ValueError(7)
# CHECK-NEXT: star KeyError ['KeyError(1)']
# CHECK-NEXT: star rest ['TypeError', 'ValueError']
# CHECK-NEXT: (False, (None, None, None))
