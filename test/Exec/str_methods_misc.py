# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
s = "The quick brown fox"
print(s.find("quick"), s.replace("o", "0"), s.title(), s.startswith("The"), s.count("o"))
print(sorted(s.split()), s.partition(" "), "x".center(5, "*"), str(12).zfill(5))
print(ord("a"), chr(98), "ab".encode(), b"cd".decode(), repr("q'\"uote"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 4 The quick br0wn f0x The Quick Brown Fox True 2
# CHECK-NEXT: ['The', 'brown', 'fox', 'quick'] ('The', ' ', 'quick brown fox') **x** 00012
# CHECK-NEXT: 97 b b'ab' cd 'q\'"uote'
# CHECK-NEXT: [exit 0]
