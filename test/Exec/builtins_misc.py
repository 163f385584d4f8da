# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
print(abs(-3), min(3, 1, 2), max([4, 9]), sum([1, 2], 10), round(2.567, 2), round(7.5))
print(divmod(17, 5), hex(255), oct(8), bin(5), int("ff", 16), float("1e3"), str(1.0))
print(sorted("bca"), list(reversed((1, 2))), all([]), any([0]), len({1: 2}), hash(1) == 1)
print(isinstance(1, int), callable(len), type(None).__name__, id(1) == id(1), repr(None))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 3 1 9 13 2.57 8
# CHECK-NEXT: (3, 2) {{0x[0-9a-f]+}} 0o10 0b101 255 1000.0 1.0
# CHECK-NEXT: ['a', 'b', 'c'] [2, 1] True False 1 True
# CHECK-NEXT: True True NoneType True None
# CHECK-NEXT: [exit 0]
