# The CLI's outputs: an ELF object (-c -o), an object refused on a terminal is not
# testable here, -S to a file, --function, generators compiled with a resume dispatch
# and no warning, --stats per function, and -O2 code carrying the helpers' target
# attributes.
# RUN: %pyllc %s -c -o %t.o -O2
# RUN: %python -c "import sys; sys.exit(open(sys.argv[1], 'rb').read(4) != b'\x7fELF')" %t.o
# RUN: %pyllc %s -c -o %t0.o -O0
# RUN: %python -c "import sys; sys.exit(open(sys.argv[1], 'rb').read(4) != b'\x7fELF')" %t0.o
# RUN: %pyllc %s -S -o %t.s -O1
# RUN: %FileCheck %s --check-prefix=ASM < %t.s
# RUN: %pyllc %s -emit-llvm -O0 2>&1 | %FileCheck %s --check-prefix=GEN --implicit-check-not=warning:
# RUN: %pyllc %s -emit-llvm -O2 | %FileCheck %s --check-prefix=ATTR
# RUN: %pyllc %s -c -o %t.o -O2 --stats 2>&1 | %FileCheck %s --check-prefix=STATS
# RUN: %not %pyllc %s -emit-llvm --function nosuch 2>&1 | %FileCheck %s --check-prefix=NOFN

# ASM: .globl py.twice.{{[0-9]+}}
# ASM: py.twice.{{[0-9]+}}:
def twice(x):
    return x * 2

# GEN-LABEL: define ptr @py.gen.{{[0-9]+}}(
# GEN:         call i64 @rt_enter_resume(
# GEN:         switch i64
def gen():
    yield 1

# Generated functions carry the target attributes of the helpers (else LLVM would not
# inline them); the hot helpers are inlined, none stays defined.
# ATTR:     define ptr @py.twice.{{[0-9]+}}(ptr %ts, ptr %frame, i32 %throwflag) local_unnamed_addr #[[A:[0-9]+]]
# ATTR-NOT: define {{.*}}@rt_binary_op
# ATTR-NOT: define {{.*}}@rt_
# Cold helpers are declared and called natively (drop_cold_helpers).
# ATTR:     declare ptr @rt_leave_to_interp(
# ATTR:     attributes #[[A]] = { {{.*}}"target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" }

# STATS: pyllc: front end:
# Per function: the front end (this function alone), pyllc passes, lowering, LLVM, codegen.
# STATS: pyllc: stats: {{.*}}outputs.py:{{[0-9]+}} twice: front {{[0-9.]+}} ms, passes {{[0-9.]+}} ms, lower {{[0-9.]+}} ms, llvm-opt {{[0-9.]+}} ms, codegen {{[0-9.]+}} ms, object {{[0-9]+}} bytes
# STATS: pyllc: stats: {{.*}}outputs.py:{{[0-9]+}} gen: front {{[0-9.]+}} ms, passes {{[0-9.]+}} ms, lower {{[0-9.]+}} ms

# NOFN: error: no function named 'nosuch'
