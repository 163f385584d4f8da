# pyllc.dump(func, "llvm" | "asm"): the LLVM IR and the x86-64 assembly of a live function.
# RUN: %python %s llvm | %FileCheck %s --check-prefix=LLVM
# RUN: %python %s asm | %FileCheck %s --check-prefix=ASM
# XFAIL: *
# (XFAIL until lib/Lower's lower_emit_module is in the build.)
import sys

import pyllc


def add3(a, b, c):
    return a + b + c


print(pyllc.dump(add3, sys.argv[1]))
# LLVM: define {{.*}}add3
# LLVM: call {{.*}}
# ASM: add3
# ASM: {{call|jmp}}
