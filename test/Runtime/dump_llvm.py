# pyllc.dump(func, "llvm" | "asm"): the LLVM IR and the x86-64 assembly of a live function.
# REQUIRES: x86_64
# RUN: %python %s llvm | %FileCheck %s --check-prefix=LLVM
# RUN: %python %s asm | %FileCheck %s --check-prefix=ASM
import sys

import pyllc


def add3(a, b, c):
    return a + b + c


print(pyllc.dump(add3, sys.argv[1]))
# LLVM: target triple = "x86_64
# LLVM: define {{.*}}@py.add3.0(
# LLVM: call {{.*}}@rt_binary_generic(i64 {{.*}}0,
# ASM: py.add3.0:
# ASM: {{call|jmp}}{{.*}}rt_binary_generic
