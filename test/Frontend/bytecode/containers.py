# Building, extending, unpacking and indexing containers; f-strings.
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def builds(a, b):
    return [a, b], {a, b}, {a: b}, {'x': a, 'y': b}, a[b:], a[1:b:2]
# BUILD_LIST BUILD_SET BUILD_MAP BUILD_CONST_KEY_MAP BUILD_SLICE 2/3 BINARY_SUBSCR:
# builders consume their operands (no decrefs after them)
# CHECK-LABEL: func @builds(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[L:%[0-9]+]]:obj = build_list [[A]], [[B]] !fs(@6 | [[A]], [[B]])
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[S:%[0-9]+]]:obj = build_set [[A]], [[B]] !fs(@12 | [[L]], [[A]], [[B]])
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[M:%[0-9]+]]:obj = build_map [[A]], [[B]] !fs(
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[K:%[0-9]+]]:obj = const ("x", "y")
# CHECK-NEXT:    [[CM:%[0-9]+]]:obj = build_const_key_map [[K]], [[A]], [[B]] !fs(
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[NONE:%[0-9]+]]:obj = const None
# CHECK-NEXT:    [[NUL:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[SL:%[0-9]+]]:obj = build_slice [[B]], [[NONE]], [[NUL]] !fs(
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = binary_subscr [[A]], [[SL]] !fs(@36 | [[L]], [[S]], [[M]], [[CM]], [[A]], [[SL]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[SL]]
# CHECK:         [[ONE:%[0-9]+]]:obj = const 1
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[TWO:%[0-9]+]]:obj = const 2
# CHECK-NEXT:    build_slice [[ONE]], [[B]], [[TWO]]

def comps(xs):
    return [x for x in xs], {x for x in xs}, {x: x for x in xs}
# Comprehensions are nested code objects, called with the iterator
# CHECK-LABEL: func @comps(
# CHECK:         [[C:%[0-9]+]]:obj = const @"<listcomp>"
# CHECK:         [[F:%[0-9]+]]:obj = make_function 0 [[C]],
# CHECK-NEXT:    [[XS:%[0-9]+]]:obj = load_local $xs
# CHECK-NEXT:    [[IT:%[0-9]+]]:obj = get_iter [[XS]]
# CHECK-NEXT:    decref [[XS]]
# CHECK-NEXT:    call none [[F]], [[IT]] !fs(@14)
# LIST_APPEND consumes the item, the list stays on the stack
# CHECK-LABEL: func @"<listcomp>"(argc=1, {{.*}}qualname="comps.<locals>.<listcomp>") locals(".0":local, x:local) {
# CHECK:         [[L:%[0-9]+]]:obj = build_list !fs(@2)
# CHECK-NEXT:    [[IT:%[0-9]+]]:obj = load_local $.0
# CHECK:         [[X:%[0-9]+]]:obj = load_local $x !fs(@10 | [[L]], [[IT]])
# CHECK-NEXT:    list_append [[L]], [[X]] !fs(@12 | [[L]], [[IT]], [[X]])
# CHECK-NEXT:    eval_breaker
# CHECK:         ret [[L]]
# SET_ADD borrows: the interpreter decrefs the item afterwards
# CHECK-LABEL: func @"<setcomp>"(
# CHECK:         [[S:%[0-9]+]]:obj = build_set
# CHECK:         [[X:%[0-9]+]]:obj = load_local $x
# CHECK-NEXT:    set_add [[S]], [[X]] !fs(
# CHECK-NEXT:    decref [[X]]
# MAP_ADD
# CHECK-LABEL: func @"<dictcomp>"(
# CHECK:         [[D:%[0-9]+]]:obj = build_map
# CHECK:         [[K:%[0-9]+]]:obj = load_local $x
# CHECK-NEXT:    [[V:%[0-9]+]]:obj = load_local $x
# CHECK-NEXT:    map_add [[D]], [[K]], [[V]] !fs(
# CHECK-NEXT:    decref [[K]]
# CHECK-NEXT:    decref [[V]]

def stars(a, b):
    return [*a, *b], {*a, *b}, {**a, **b}, (*a, b)
# LIST_EXTEND SET_UPDATE DICT_UPDATE LIST_TO_TUPLE
# CHECK-LABEL: func @stars(
# CHECK:         [[L:%[0-9]+]]:obj = build_list !fs(@2)
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    list_extend [[L]], [[A]] !fs(@6 | [[L]], [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK:         [[S:%[0-9]+]]:obj = build_set
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    set_update [[S]], [[A]] !fs(
# CHECK-NEXT:    decref [[A]]
# CHECK:         [[D:%[0-9]+]]:obj = build_map
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    dict_update [[D]], [[A]] !fs(
# CHECK-NEXT:    decref [[A]]
# CHECK:         [[T:%[0-9]+]]:obj = build_list
# CHECK:         list_append [[T]],
# CHECK-NEXT:    [[TUP:%[0-9]+]]:obj = list_to_tuple [[T]] !fs(
# CHECK-NEXT:    decref [[T]]

def unpack(t):
    a, b = t
    c, *d, e = t
    return a, b, c, d, e
# UNPACK_SEQUENCE and UNPACK_EX: item 0 ends up on top of the stack
# CHECK-LABEL: func @unpack(
# CHECK:         [[T:%[0-9]+]]:obj = load_local $t
# CHECK-NEXT:    [[U:%[0-9]+]]:obj = unpack_seq 2 [[T]] !fs(@4 | [[T]])
# CHECK-NEXT:    decref [[T]]
# CHECK-NEXT:    [[I1:%[0-9]+]]:obj = tuple_item 1 [[U]]
# CHECK-NEXT:    [[I0:%[0-9]+]]:obj = tuple_item 0 [[U]]
# CHECK-NEXT:    decref [[U]]
# CHECK-NEXT:    store_local $a [[I0]]
# CHECK-NEXT:    store_local $b [[I1]]
# CHECK-NEXT:    trace_check !fs(@12{{.*}}
# CHECK-NEXT:    [[T:%[0-9]+]]:obj = load_local $t
# CHECK-NEXT:    [[U:%[0-9]+]]:obj = unpack_ex 1 1 [[T]] !fs(@16 prefix @14 | [[T]])
# CHECK-NEXT:    decref [[T]]
# CHECK-NEXT:    [[I2:%[0-9]+]]:obj = tuple_item 2 [[U]]
# CHECK-NEXT:    [[I1:%[0-9]+]]:obj = tuple_item 1 [[U]]
# CHECK-NEXT:    [[I0:%[0-9]+]]:obj = tuple_item 0 [[U]]
# CHECK-NEXT:    decref [[U]]
# CHECK-NEXT:    store_local $c [[I0]]
# CHECK-NEXT:    store_local $d [[I1]]
# CHECK-NEXT:    store_local $e [[I2]]

def subscr(a, k, v):
    a[k] = v
    del a[k]
    return a[k]
# STORE_SUBSCR DELETE_SUBSCR BINARY_SUBSCR
# CHECK-LABEL: func @subscr(
# CHECK:         [[V:%[0-9]+]]:obj = load_local $v
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[K:%[0-9]+]]:obj = load_local $k
# CHECK-NEXT:    store_subscr [[A]], [[K]], [[V]] !fs(@8 | [[V]], [[A]], [[K]])
# CHECK-NEXT:    decref [[V]]
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[K]]
# CHECK-NEXT:    trace_check !fs(@12{{.*}}
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[K:%[0-9]+]]:obj = load_local $k
# CHECK-NEXT:    delete_subscr [[A]], [[K]] !fs(@16 | [[A]], [[K]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[K]]
# CHECK-NEXT:    trace_check !fs(@18{{.*}}
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[K:%[0-9]+]]:obj = load_local $k
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = binary_subscr [[A]], [[K]] !fs(
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[K]]
# CHECK-NEXT:    trace_check !fs(@32{{.*}}
# CHECK-NEXT:    ret [[R]]

def fstr(a, b):
    return f"{a}-{b!r:>{a}}{a!s}{b!a}"
# FORMAT_VALUE (conversions 0..3, with and without a spec) and BUILD_STRING
# CHECK-LABEL: func @fstr(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[NUL:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[FA:%[0-9]+]]:obj = format_value 0 [[A]], [[NUL]] !fs(@4 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    [[DASH:%[0-9]+]]:obj = const "-"
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK:         [[SPEC:%[0-9]+]]:obj = build_string
# CHECK-NEXT:    [[FB:%[0-9]+]]:obj = format_value 2 [[B]], [[SPEC]] !fs(
# CHECK-NEXT:    decref [[B]]
# CHECK-NEXT:    decref [[SPEC]]
# CHECK:         [[S:%[0-9]+]]:obj = format_value 1
# CHECK:         [[AS:%[0-9]+]]:obj = format_value 3
# CHECK:         build_string [[FA]], [[DASH]], [[FB]], [[S]], [[AS]] !fs(
