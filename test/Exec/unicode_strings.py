# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(s):
    return len(s), s.upper(), s[::-1], s.encode("utf-8"), [ord(c) for c in s[:3]]
print(f("héllo wörld ✓"), "ß".casefold(), "\u00e9" == "é")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (13, 'HÉLLO WÖRLD ✓', '✓ dlröw olléh', b'h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93', [104, 233, 108]) ss True
# CHECK-NEXT: [exit 0]
