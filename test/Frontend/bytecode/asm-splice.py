# pyllc.asm("...") in a compiled function: the .pyasm code is part of the function's IR.
# The call becomes a check that the callee is pyllc.asm (else the interpreter makes the
# call: a deopt at the CALL with its stack), then the code on the function's own locals;
# its operations leave at the CALL, keeping the Python stack below the call in the frame
# and releasing the code's own values; the call's result is None.
# RUN: %pyllc %s -emit-ir | %FileCheck %s
import pyllc


def squares(n):
    total = 0
    for i in range(n):
        pyllc.asm("OP $total + OP ($i * $i) -> $total")
    return total
# CHECK-LABEL: func @squares(
# CHECK:         [[IT:%[0-9]+]]:obj = get_iter
# CHECK:         [[F:%[0-9]+]]:obj = load_attr "asm" {{%[0-9]+}} !fs(@[[#]] | [[IT]], [[NULL:%[0-9]+]], {{%[0-9]+}}) !line [[#@LINE-4]]
# CHECK:         [[TEXT:%[0-9]+]]:obj = const "OP $total + OP ($i * $i) -> $total"
# CHECK-NEXT:    [[IS:%[0-9]+]]:bool = is_asm [[F]]
# CHECK-NEXT:    cbr [[IS]], [[YES:bb[0-9]+]], [[NO:bb[0-9]+]]
# CHECK:       [[YES]]:
# CHECK-NEXT:    decref [[TEXT]]
# CHECK-NEXT:    decref [[F]]
# CHECK-NEXT:    [[T:%[0-9]+]]:obj = load_local $total !fs(@[[CALL:[0-9]+]] | [[IT]]) !line [[#@LINE-11]]
# CHECK-NEXT:    [[I1:%[0-9]+]]:obj = load_local $i !fs(@[[CALL]] | [[IT]], release [[T]])
# CHECK-NEXT:    [[I2:%[0-9]+]]:obj = load_local $i !fs(@[[CALL]] | [[IT]], release [[T]], [[I1]])
# CHECK-NEXT:    [[M:%[0-9]+]]:obj = binary_op multiply [[I1]], [[I2]] !fs(@[[CALL]] | [[IT]], release [[T]], [[I1]], [[I2]])
# CHECK-NEXT:    decref [[I1]]
# CHECK-NEXT:    decref [[I2]]
# CHECK-NEXT:    [[S:%[0-9]+]]:obj = binary_op add [[T]], [[M]] !fs(@[[CALL]] | [[IT]], release [[T]], [[M]])
# CHECK-NEXT:    decref [[T]]
# CHECK-NEXT:    decref [[M]]
# CHECK-NEXT:    store_local $total [[S]]
# CHECK-NEXT:    [[NONE:%[0-9]+]]:obj = const None
# CHECK-NEXT:    decref [[NONE]]
# CHECK-NEXT:    eval_breaker
# CHECK:       [[NO]]:
# CHECK-NEXT:    deopt !fs(@[[CALL]] | [[IT]], [[NULL]], [[F]], [[TEXT]])


def loop(n):
    i = 0
    pyllc.asm("WHILE OP ($i < $n) { OP $i + 1 -> $i }")
    return i
# A loop of the code has no eval_breaker of its own (tracing would leave to the
# interpreter, which would run the call again): the lowering checks its back-edge.
# CHECK-LABEL: func @loop(
# CHECK:         is_asm
# CHECK-NOT:     eval_breaker
# CHECK:         compare_op lt
# CHECK-NOT:     eval_breaker
# CHECK:         ret


def builtins(xs):
    n = 0
    pyllc.asm("LOAD ~len($xs) -> $n")
    return n
# ~name: builtins.name, the module imported where it is used (no hidden local).
# CHECK-LABEL: func @builtins(
# CHECK:         is_asm
# CHECK:         [[B:%[0-9]+]]:obj = import_name "builtins"
# CHECK:         load_attr "len" [[B]]


def raises(x):
    pyllc.asm("RAISE ~ValueError($x)")
# RAISE: the exception and what is under it are released when leaving at the CALL.
# CHECK-LABEL: func @raises(
# CHECK:         [[E:%[0-9]+]]:obj = call none
# CHECK-NEXT:    [[N:%[0-9]+]]:obj = null
# CHECK-NEXT:    raise [[E]], [[N]] !fs(@[[#]] | release [[E]])


def private(xs):
    out, x = 0, None
    pyllc.asm("""
        MACRO add(!v) { OP $:out + &v -> $:out }
        FOREACH $x IN $xs { add($x) }
    """)
    return out
# A macro's private variables need locals the function does not have: the call stays.
# CHECK-LABEL: func @private(
# CHECK-NOT:     is_asm
# CHECK:         call none
# CHECK-NOT:     is_asm
# CHECK:         ret
