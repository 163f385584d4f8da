# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    x = 5
    x += 3; x -= 1; x *= 4; x //= 3; x %= 7; x **= 2; x <<= 2; x >>= 1; x |= 1; x &= 0xff; x ^= 3
    return x
y = [1]
y += [2]
s = "a"
s += "b"
print(f(), y, s)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 10 [1, 2] ab
# CHECK-NEXT: [exit 0]
