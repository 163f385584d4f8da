# Exception handling. Each handler gets a landing block of entry_stack values (the
# exception table's depth, lasti when pushed, the exception) that branches into it; the
# frame state of every instruction the table covers names that landing block as its
# handler, those outside it none.
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def tryexcept(f):
    try:
        f()
    except ValueError as e:
        return e
# PUSH_EXC_INFO CHECK_EXC_MATCH POP_EXCEPT RERAISE 0/1
# CHECK-LABEL: func @tryexcept(
# CHECK:         resume 0 !fs(@0) !line
# CHECK:         call none {{.*}} !fs(@12 handler [[LAND:bb[0-9]+]])
# CHECK:         ret
# CHECK-NEXT:  [[H:bb[0-9]+]] @28:
# CHECK-NEXT:    [[OLD:%[0-9]+]]:obj = push_exc_info [[EXC:%[0-9]+]]{{$}}
# CHECK-NEXT:    trace_check !fs(@30{{.*}}
# CHECK-NEXT:    [[T:%[0-9]+]]:obj = load_global "ValueError" !fs(@30 handler [[LAND3:bb[0-9]+]] | [[OLD]], [[EXC]])
# CHECK-NEXT:    [[M:%[0-9]+]]:bool = check_exc_match [[EXC]], [[T]] !fs(@42 handler [[LAND3]] | [[OLD]], [[EXC]], [[T]])
# CHECK-NEXT:    decref [[T]]
# CHECK-NEXT:    box.bool [[M]]
# CHECK:         cbr {{%[0-9]+}}, [[MATCH:bb[0-9]+]], [[NOMATCH:bb[0-9]+]]
# CHECK-NEXT:  [[MATCH]] @46:
# CHECK-NEXT:    store_local $e [[EXC]]
# CHECK-NEXT:    trace_check !fs(@48{{.*}}
# CHECK-NEXT:    [[E:%[0-9]+]]:obj = load_local $e !fs(@48 handler [[LAND2:bb[0-9]+]] | [[OLD]])
# CHECK-NEXT:    pop_except [[OLD]]
# CHECK:         delete_local $e !fs(@58 | [[E]])
# CHECK:         ret [[E]]
# CHECK:       [[CLEANUP:bb[0-9]+]] @62:
# CHECK:         reraise 1 [[X:%[0-9]+]] !fs(@68 handler [[LAND3]] | {{%[0-9]+}}, {{%[0-9]+}}, [[X]])
# CHECK-NEXT:  [[NOMATCH]] @70:
# CHECK-NEXT:    trace_check !fs(@70{{.*}}
# CHECK-NEXT:    reraise 0 [[EXC]] !fs(@70 handler [[LAND3]] | [[OLD]], [[EXC]])
# CHECK-NEXT:  [[CLEANUP3:bb[0-9]+]] @72:
# CHECK:         reraise 1 {{.*}} !fs(@76 |
# CHECK-NEXT:  [[LAND]] @28 landing(depth=0):
# CHECK-NEXT:    [[EXC]]:obj = entry_stack 0
# CHECK-NEXT:    br [[H]]
# CHECK-NEXT:  [[LAND2]] @62 landing(depth=1, lasti):
# CHECK-NEXT:    entry_stack 0
# CHECK-NEXT:    entry_stack 1
# CHECK-NEXT:    entry_stack 2
# CHECK-NEXT:    br [[CLEANUP]]
# CHECK-NEXT:  [[LAND3]] @72 landing(depth=1, lasti):
# CHECK-NEXT:    entry_stack 0
# CHECK-NEXT:    entry_stack 1
# CHECK-NEXT:    entry_stack 2
# CHECK-NEXT:    br [[CLEANUP3]]

def star(f):
    try:
        f()
    except* ValueError:
        pass
# CHECK_EG_MATCH gives (rest, match); PREP_RERAISE_STAR
# CHECK-LABEL: func @star(
# CHECK:         push_exc_info [[EXC:%[0-9]+]]
# CHECK:         [[T:%[0-9]+]]:obj = load_global "ValueError"
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = check_eg_match [[EXC]], [[T]] !fs(
# CHECK-NEXT:    decref [[T]]
# CHECK-NEXT:    xdecref [[EXC]]
# CHECK-NEXT:    [[REST:%[0-9]+]]:obj = tuple_item 0 [[R]]
# CHECK-NEXT:    [[MATCH:%[0-9]+]]:obj = tuple_item 1 [[R]]
# CHECK-NEXT:    decref [[R]]
# CHECK:         list_append [[L:%[0-9]+]], [[REST]]
# CHECK-NEXT:    [[RR:%[0-9]+]]:obj = prep_reraise_star [[ORIG:%[0-9]+]], [[L]] !fs(
# CHECK-NEXT:    xdecref [[ORIG]]
# CHECK-NEXT:    decref [[L]]

def raises(a, b):
    if a:
        raise
    if b:
        raise a
    raise a from b
# RAISE_VARARGS 0/1/2: a terminator; absent operands are NULL
# CHECK-LABEL: func @raises(
# CHECK:         [[N1:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[N2:%[0-9]+]]:obj = null
# CHECK-NEXT:    raise [[N2]], [[N1]] !fs(@6) !line [[#@LINE-8]]
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[N:%[0-9]+]]:obj = null
# CHECK-NEXT:    raise [[A]], [[N]] !fs(@14 | [[A]])
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    raise [[A]], [[B]] !fs(@20 | [[A]], [[B]])
# CHECK-NEXT:  }

def withs(m):
    with m as x:
        return x
# BEFORE_WITH gives (exit, enter result); WITH_EXCEPT_START in the handler
# CHECK-LABEL: func @withs(
# CHECK:         [[M:%[0-9]+]]:obj = load_local $m
# CHECK-NEXT:    [[P:%[0-9]+]]:obj = before_with [[M]] !fs(@4 | [[M]])
# CHECK-NEXT:    decref [[M]]
# CHECK-NEXT:    [[EXIT:%[0-9]+]]:obj = tuple_item 0 [[P]]
# CHECK-NEXT:    [[RES:%[0-9]+]]:obj = tuple_item 1 [[P]]
# CHECK-NEXT:    decref [[P]]
# CHECK-NEXT:    store_local $x [[RES]]
# CHECK:         call none [[EXIT]],
# CHECK:       {{bb[0-9]+}} @36:
# CHECK-NEXT:    [[OLD:%[0-9]+]]:obj = push_exc_info [[E:%[0-9]+]]
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = with_except_start [[X:%[0-9]+]], [[E]] !fs(@38 handler [[H:bb[0-9]+]] | [[X]], [[L:%[0-9]+]], [[OLD]], [[E]])
# CHECK-NEXT:    [[T:%[0-9]+]]:bool = truth [[R]]
# CHECK:         reraise 2 [[E]] !fs(@42 handler [[H]] | [[X]], [[L]], [[OLD]], [[E]])
# CHECK:       {{bb[0-9]+}} @36 landing(depth=1, lasti):
# CHECK-NEXT:    [[X]]:obj = entry_stack 0
# CHECK-NEXT:    [[L]]:obj = entry_stack 1
# CHECK-NEXT:    [[E]]:obj = entry_stack 2

def asserts(a):
    assert a, "no"
# LOAD_ASSERTION_ERROR
# CHECK-LABEL: func @asserts(
# CHECK:         [[AE:%[0-9]+]]:obj = load_assertion_error !line [[#@LINE-3]]
# CHECK-NEXT:    [[MSG:%[0-9]+]]:obj = const "no"
# CHECK-NEXT:    [[E:%[0-9]+]]:obj = call none [[AE]], [[MSG]]
# CHECK:         raise [[E]],
