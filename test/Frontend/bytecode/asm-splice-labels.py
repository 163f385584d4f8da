# Labels are shared by the pyllc.asm() code of one compiled function: a JUMP in one goes to
# a LABEL in another (here a loop around Python code). Run by the interpreter, each
# pyllc.asm() is on its own, so the JUMP is to an undefined label: a SyntaxError that
# says so.
# RUN: %pyllc %s --run | %FileCheck %s --check-prefix=JIT
# RUN: %python %s 2>&1 | %FileCheck %s --check-prefix=INTERP
import pyllc


def count(n):
    i, out = 0, []
    pyllc.asm("LABEL again")
    out.append(i)
    pyllc.asm("""
        OP $i + 1 -> $i
        JUMP again IF OP ($i < $n)
    """)
    return out


def skip(flag):
    out = ["start"]
    pyllc.asm("JUMP done IF $flag")
    out.append("middle")
    pyllc.asm("LABEL done")
    out.append("end")
    return out


try:
    print(count(3), skip(True), skip(False))
except SyntaxError as e:
    print("SyntaxError", e.lineno, e.offset, e.msg)
# JIT: [0, 1, 2] ['start', 'end'] ['start', 'middle', 'end']
# INTERP: SyntaxError 16 9 JUMP to undefined label 'again' (a label of another pyllc.asm() of the function is reached only when pyllc compiles the function)
