# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(s):
    return s.upper(), s.lower(), s[1:4], s[::-1], s * 2, s + "!", len(s), "l" in s
print(f("Hello"), "-".join(["a", "b"]), "a,b,,c".split(","), "  x ".strip())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('HELLO', 'hello', 'ell', 'olleH', 'HelloHello', 'Hello!', 5, True) a-b ['a', 'b', '', 'c'] x
# CHECK-NEXT: [exit 0]
