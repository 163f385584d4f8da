# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
x: int = 5
y: "str"
class C:
    a: int
    b: str = "s"
def f(a: int, b: "float" = 1.0) -> list:
    return [a, b]
print(__annotations__, C.__annotations__, f.__annotations__, f(1))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: {'x': <class 'int'>, 'y': 'str'} {'a': <class 'int'>, 'b': <class 'str'>} {'a': <class 'int'>, 'b': 'float', 'return': <class 'list'>} [1, 1.0]
# CHECK-NEXT: [exit 0]
