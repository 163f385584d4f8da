# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# load_global has a per-site cache keyed on the versions of the globals and builtins
# dicts: rebinding, deleting and shadowing globals and builtins, between calls and inside
# a running loop, must be seen at once; other globals dicts (subclasses) are not cached.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import builtins
import types

G = 1


def read_g():
    return G


def loop_rebinds(n):
    global G
    out = []
    for i in range(n):
        out.append(G)
        G = G * 10 if i % 2 else G
        globals()["G"] = G + 1
    return out


def uses_len(x):
    return len(x)


def missing():
    return UNDEFINED_NAME


print(read_g(), read_g())
G = 2
print(read_g())
print(loop_rebinds(4), read_g())
del G
try:
    read_g()
except NameError as e:
    print("NameError:", e)
G = "back"
print(read_g())

print(uses_len([1, 2]))
len = lambda x: "shadowed"  # noqa: E731
print(uses_len([1, 2]))
del len
print(uses_len([1, 2, 3]))
real_len = builtins.len
builtins.len = lambda x: "patched builtin"
print(uses_len([1]))
builtins.len = real_len
print(uses_len([1]))

for _ in range(2):
    try:
        missing()
    except NameError as e:
        print("NameError:", e, e.name)
UNDEFINED_NAME = 5
print(missing())


class Logging(dict):
    def __missing__(self, key):
        return "missing:" + key


ns = Logging(__builtins__=builtins)
f2 = types.FunctionType(read_g.__code__, ns)
f3 = types.FunctionType(uses_len.__code__, ns)
for _ in range(2):
    try:
        f3("abc")
    except TypeError as e:
        print(f2(), e)
ns["G"] = 7
print(f2(), f2())
G = 3
print([read_g() for _ in range(3)])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1 1
# CHECK-NEXT: 2
# CHECK-NEXT: [2, 3, 31, 32] 321
# CHECK-NEXT: NameError: name 'G' is not defined
# CHECK-NEXT: back
# CHECK-NEXT: 2
# CHECK-NEXT: shadowed
# CHECK-NEXT: 3
# CHECK-NEXT: patched builtin
# CHECK-NEXT: 1
# CHECK-NEXT: NameError: name 'UNDEFINED_NAME' is not defined UNDEFINED_NAME
# CHECK-NEXT: NameError: name 'UNDEFINED_NAME' is not defined UNDEFINED_NAME
# CHECK-NEXT: 5
# CHECK-NEXT: missing:G 'str' object is not callable
# CHECK-NEXT: missing:G 'str' object is not callable
# CHECK-NEXT: 7 7
# CHECK-NEXT: [3, 3, 3]
# CHECK-NEXT: [exit 0]
