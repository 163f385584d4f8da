# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
print(list("ab"), tuple([1]), set("aa"), dict([(1, 2)]), frozenset(), bytes([65]), bytearray(2))
print(int(), float(), str(), bool(1), complex(), range(3), slice(1, 2), type(int))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['a', 'b'] (1,) {'a'} {1: 2} frozenset() b'A' bytearray(b'\x00\x00')
# CHECK-NEXT: 0 0.0  True 0j range(0, 3) slice(1, 2, None) <class 'type'>
# CHECK-NEXT: [exit 0]
