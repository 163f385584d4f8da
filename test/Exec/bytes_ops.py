# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(b):
    return b[0], b[1:], b + b"!", bytes(reversed(b)), b.hex(), bytearray(b)
print(f(b"abc"), bytes(3), b"a" * 3)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (97, b'bc', b'abc!', b'cba', '616263', bytearray(b'abc')) b'\x00\x00\x00' b'aaa'
# CHECK-NEXT: [exit 0]
