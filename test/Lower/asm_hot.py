# x86-64 assembly of the hot operations at -O2, with the runtime helpers inlined.
# REQUIRES: x86_64
# RUN: %pyllc %s -S -O2 --function add | %FileCheck %s --check-prefix=ADD
# RUN: %pyllc %s -S -O2 --function lt | %FileCheck %s --check-prefix=LT
# RUN: %pyllc %s -S -O2 --function ident | %FileCheck %s --check-prefix=LOCAL
# RUN: %pyllc %s -S -O2 --function count | %FileCheck %s --check-prefix=LOOP
# RUN: %pyllc %s -S -O2 --function callf | %FileCheck %s --check-prefix=CALL
# RUN: %pyllc %s -S -O2 --function mod | %FileCheck %s --check-prefix=MOD
# RUN: %pyllc %s -S -O2 --function upto | %FileCheck %s --check-prefix=RANGE

# int + int: both operands exact compact ints, the sum is a small int taken from the
# interpreter's cache: no call on the int path from the type test to the decrefs (whose
# deallocations are out of line).
# ADD-LABEL: py.add.{{[0-9]+}}:
# ADD:       cmpq PyLong_Type@GOTPCREL(%rip), %rax
# ADD-NEXT:  je [[INT:.LBB[0-9_]+]]
# ADD:       [[INT]]:
# ADD-NOT:   call
# ADD:       imulq
# ADD-NOT:   call
# ADD:       _PyRuntime@GOTPCREL(%rip)
# ADD-NOT:   call
# ADD:       incq 680(
# ADD-NEXT:  jmp [[JOIN:.LBB[0-9_]+]]
# ADD:       [[JOIN]]:
# ADD-NEXT:  decq
def add(a, b):
    return a + b

# int < int feeding the `if`: compared in registers, and the branch takes that answer
# (rt_compare_fast): no call and no bool object from the compare to the jump that joins
# the branch on the answer.
# LT-LABEL: py.lt.{{[0-9]+}}:
# LT:       cmpq PyLong_Type@GOTPCREL(%rip), %rax
# LT:       setl
# LT-NOT:   call
# LT-NOT:   _Py_TrueStruct
# LT:       jmp
def lt(a, b):
    if a < b:
        return a
    return b

# A local is read from localsplus[0] (frame offset 72) and increfed in place.
# LOCAL-LABEL: py.ident.{{[0-9]+}}:
# LOCAL:       movq 72(%rsi), %rax
# LOCAL-NOT:   call
# LOCAL:       incq (%rax)
# LOCAL-NOT:   call
# LOCAL:       retq
def ident(x):
    return x

# The loop's back-edge reads interp->ceval.eval_breaker (offset 100 of the interpreter
# state, itself at offset 16 of the thread state) and calls out only when it is set.
# LOOP-LABEL: py.count.{{[0-9]+}}:
# LOOP:       movq 16(%r{{[a-z0-9]+}}), %rax
# LOOP-NEXT:  movl 100(%rax), %eax
# LOOP-NEXT:  testl %eax, %eax
# LOOP:       callq rt_handle_breaker@PLT
def count(n):
    i = 0
    while i < n:
        i += 1
    return i

# A call: rt_call inlined; a Python function goes to rt_call_function (direct calls),
# anything else to PyObject_Vectorcall.
# CALL-LABEL: py.callf.{{[0-9]+}}:
# CALL-NOT:   callq rt_call@PLT
# CALL:       callq rt_call_function@PLT
# CALL:       callq PyObject_Vectorcall@PLT
def callf(f, x):
    return f(x)

# int % int: both compact, divided in registers (idivq), the result boxed from the
# small-int cache: no call from the type test to the box.
# MOD-LABEL: py.mod.{{[0-9]+}}:
# MOD:       cmpq PyLong_Type@GOTPCREL(%rip), %rax
# MOD-NOT:   call
# MOD:       idivq
# MOD-NOT:   call
# MOD:       _PyRuntime@GOTPCREL(%rip)
def mod(a, b):
    return a % b

# A range iterator is stepped in place (index at offset 16, start 24, step 32, len 40)
# instead of calling its tp_iternext (offset 224 of the type).
# RANGE-LABEL: py.upto.{{[0-9]+}}:
# RANGE:       cmpq PyRangeIter_Type@GOTPCREL(%rip), %rax
# RANGE-NEXT:  je [[FAST:.LBB[0-9_]+]]
# RANGE:       callq *224(%rax)
# RANGE:       [[FAST]]:
# RANGE-NEXT:  movq 16([[IT:%r[a-z0-9]+]]), [[IDX:%r[a-z0-9]+]]
# RANGE-NEXT:  cmpq 40([[IT]]), [[IDX]]
# RANGE-NOT:   call
# RANGE:       imulq 32([[IT]]), [[IDX]]
# RANGE-NOT:   call
# RANGE:       _PyRuntime@GOTPCREL(%rip)
def upto(n):
    s = 0
    for i in range(n):
        s += i
    return s
