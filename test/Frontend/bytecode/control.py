# Jumps, loops and the merges where the value stack becomes phis.
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def if_else(a):
    if a:
        return 1
    return 2
# POP_JUMP_FORWARD_IF_FALSE: truth (may raise, so it has the stack with `a`), decref, cbr
# CHECK-LABEL: func @if_else(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a !fs(@2)
# CHECK-NEXT:    [[T:%[0-9]+]]:bool = truth [[A]] !fs(@4 | [[A]]) !line [[#@LINE-6]]
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    cbr [[T]], [[THEN:bb[0-9]+]], [[ELSE:bb[0-9]+]]
# CHECK-NEXT:  [[THEN]] @6:
# CHECK-NEXT:    trace_check !fs(@6{{.*}}
# CHECK-NEXT:    const 1
# CHECK-NEXT:    ret
# CHECK-NEXT:  [[ELSE]] @10:
# CHECK-NEXT:    trace_check !fs(@10{{.*}}
# CHECK-NEXT:    const 2

def if_not(a):
    if not a:
        return 1
    return 2
# POP_JUMP_FORWARD_IF_TRUE: the jump is the true edge
# CHECK-LABEL: func @if_not(
# CHECK:         [[T:%[0-9]+]]:bool = truth
# CHECK-NEXT:    decref
# CHECK-NEXT:    cbr [[T]], [[JUMP:bb[0-9]+]], [[FALL:bb[0-9]+]]
# CHECK-NEXT:  [[FALL]] @6:
# CHECK:       [[JUMP]] @10:

def while_true(a):
    while a:
        a = a - 1
    return a
# POP_JUMP_BACKWARD_IF_TRUE closes the loop (no eval-breaker check on conditional jumps)
# CHECK-LABEL: func @while_true(
# CHECK:         cbr {{%[0-9]+}}, [[BODY:bb[0-9]+]], [[EXIT:bb[0-9]+]]
# CHECK-NEXT:  [[BODY]] @6:
# CHECK:         [[T:%[0-9]+]]:bool = truth {{%[0-9]+}} !fs(@18
# CHECK-NEXT:    decref
# CHECK-NEXT:    cbr [[T]], [[BODY]], [[EXIT]]
# CHECK-NEXT:  [[EXIT]] @20:

def while_not(a):
    while not a:
        a = a + 1
# POP_JUMP_BACKWARD_IF_FALSE
# CHECK-LABEL: func @while_not(
# CHECK:         cbr {{%[0-9]+}}, {{bb[0-9]+}}, [[BODY:bb[0-9]+]]
# CHECK-NEXT:  [[BODY]] @6:
# CHECK:         [[T:%[0-9]+]]:bool = truth
# CHECK-NEXT:    decref
# CHECK-NEXT:    cbr [[T]], {{bb[0-9]+}}, [[BODY]]

def none_jumps(a):
    if a is None:
        return 1
    if a is not None:
        return 2
# POP_JUMP_FORWARD_IF_NOT_NONE and POP_JUMP_FORWARD_IF_NONE: is_none is pure
# CHECK-LABEL: func @none_jumps(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[N:%[0-9]+]]:bool = is_none [[A]] !line
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    cbr [[N]], [[ISNONE:bb[0-9]+]], [[NOTNONE:bb[0-9]+]]
# CHECK-NEXT:  [[ISNONE]] @6:
# CHECK:       [[NOTNONE]] @10:
# CHECK:         [[N:%[0-9]+]]:bool = is_none
# CHECK-NEXT:    decref
# CHECK-NEXT:    cbr [[N]], [[J:bb[0-9]+]], [[F:bb[0-9]+]]
# CHECK-NEXT:  [[F]] @14:

def none_loops(a):
    while a is None:
        a = f()
    while a is not None:
        a = f()
# POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE
# CHECK-LABEL: func @none_loops(
# CHECK:       [[L1:bb[0-9]+]] @6:
# CHECK:         [[N:%[0-9]+]]:bool = is_none
# CHECK-NEXT:    decref
# CHECK-NEXT:    cbr [[N]], [[L1]], {{bb[0-9]+}}
# CHECK:       [[L2:bb[0-9]+]] @42:
# CHECK:         [[N:%[0-9]+]]:bool = is_none
# CHECK-NEXT:    decref
# CHECK-NEXT:    cbr [[N]], {{bb[0-9]+}}, [[L2]]

def or_and(a, b):
    return (a or b), (a and b)
# JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP: the value stays on the jump edge; the
# fall-through edge pops it in an edge block. The merge is a phi.
# CHECK-LABEL: func @or_and(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[T:%[0-9]+]]:bool = truth [[A]] !fs(@4 | [[A]])
# CHECK-NEXT:    cbr [[T]], [[MERGE:bb[0-9]+]], [[POP:bb[0-9]+]]
# CHECK-NEXT:  [[B:bb[0-9]+]] @6:
# CHECK-NEXT:    [[BV:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    br [[MERGE]]
# CHECK-NEXT:  [[MERGE]] @8:
# CHECK-NEXT:    [[OR:%[0-9]+]]:obj = phi [[[A]], bb0], [[[BV]], [[B]]]
# CHECK-NEXT:    [[A2:%[0-9]+]]:obj = load_local $a !fs(@8 | [[OR]])
# CHECK-NEXT:    [[T2:%[0-9]+]]:bool = truth [[A2]]
# CHECK-NEXT:    cbr [[T2]], [[POP2:bb[0-9]+]], [[MERGE2:bb[0-9]+]]
# CHECK:       [[MERGE2]] @14:
# CHECK-NEXT:    [[AND:%[0-9]+]]:obj = phi [[[A2]], [[MERGE]]],
# CHECK-NEXT:    build_tuple [[OR]], [[AND]]
# CHECK:       [[POP]] @6:
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    br [[B]]
# CHECK-NEXT:  [[POP2]] @12:
# CHECK-NEXT:    decref [[A2]]

def for_loop(xs):
    for x in xs:
        g(x)
    else:
        return 0
# GET_ITER, FOR_ITER (exhausted: the exit edge decrefs the iterator), JUMP_BACKWARD
# (checks the eval breaker). The iterator is loop-invariant: no phi left.
# CHECK-LABEL: func @for_loop(
# CHECK:         [[S:%[0-9]+]]:obj = load_local $xs
# CHECK-NEXT:    [[IT:%[0-9]+]]:obj = get_iter [[S]] !fs(@4 | [[S]])
# CHECK-NEXT:    decref [[S]]
# CHECK-NEXT:    br [[HEAD:bb[0-9]+]]
# CHECK-NEXT:  [[HEAD]] @6:
# CHECK-NEXT:    [[X:%[0-9]+]]:obj = iter_next [[IT]] !fs(@6 | [[IT]])
# CHECK-NEXT:    [[DONE:%[0-9]+]]:bool = is_null [[X]]
# CHECK-NEXT:    cbr [[DONE]], [[EXIT:bb[0-9]+]], [[BODY:bb[0-9]+]]
# CHECK-NEXT:  [[BODY]] @8:
# CHECK-NEXT:    store_local $x [[X]]
# CHECK:         eval_breaker !fs(@40 | [[IT]])
# CHECK-NEXT:    br [[HEAD]]
# CHECK:       [[EXIT]] @42:
# CHECK-NEXT:    decref [[IT]]
# CHECK-NEXT:    br

def forward(a):
    try:
        a()
    except:
        pass
    return a
# JUMP_FORWARD over the handler
# CHECK-LABEL: func @forward(
# CHECK:         call none
# CHECK:         br [[AFTER:bb[0-9]+]]
# CHECK:       [[AFTER]] @{{[0-9]+}}:
# CHECK-NEXT:    trace_check !fs(@40{{.*}}
# CHECK-NEXT:    load_local $a
# CHECK-NEXT:    ret

def phis(a, b):
    return g(a if b else 1, 2)
# A conditional inside a call: the NULL and the callee below are loop-free values that
# reach the merge unchanged (no phi); the conditional's value is a phi.
# CHECK-LABEL: func @phis(
# CHECK:         [[NUL:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[G:%[0-9]+]]:obj = load_global "g"
# CHECK:         cbr
# CHECK:         [[V:%[0-9]+]]:obj = phi
# CHECK-NEXT:    [[TWO:%[0-9]+]]:obj = const 2
# CHECK-NEXT:    call none [[NUL]], [[G]], [[V]], [[TWO]] !fs({{@[0-9]+}})
