# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(n):
    return str(n), repr(n), int(str(n)), float(n), n.bit_length(), n.to_bytes(4, "big")
print(f(123456), f(0), int("-42"), int("0x1f", 16), int(3.99), int(-3.99))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('123456', '123456', 123456, 123456.0, 17, b'\x00\x01\xe2@') ('0', '0', 0, 0.0, 0, b'\x00\x00\x00\x00') -42 31 3 -3
# CHECK-NEXT: [exit 0]
