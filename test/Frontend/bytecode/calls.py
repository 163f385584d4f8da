# The CALL protocol (PUSH_NULL / LOAD_GLOBAL / LOAD_METHOD, PRECALL, KW_NAMES, CALL),
# CALL_FUNCTION_EX and MAKE_FUNCTION.
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def plain(f, a):
    return f(a)
# PUSH_NULL, PRECALL (nothing to emit), CALL: the stack [NULL, f, a] is the call's operands,
# which it consumes (the callee's frame takes them over, even when it fails): no decrefs,
# and its frame state is the stack without them
# CHECK-LABEL: func @plain(
# CHECK:         [[NUL:%[0-9]+]]:obj = null !line [[#@LINE-5]]
# CHECK-NEXT:    [[F:%[0-9]+]]:obj = load_local $f !fs(@4 | [[NUL]])
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a !fs(@6 | [[NUL]], [[F]])
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = call none [[NUL]], [[F]], [[A]] !fs(@12) !line
# CHECK-NEXT:    trace_check !fs(@22{{.*}}
# CHECK-NEXT:    ret [[R]]

def glob(a):
    return len(a)
# LOAD_GLOBAL with the NULL bit: NULL below the global, in one instruction
# CHECK-LABEL: func @glob(
# CHECK:         [[NUL:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[LEN:%[0-9]+]]:obj = load_global "len" !fs(@2)
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a !fs(@14 | [[NUL]], [[LEN]])
# CHECK-NEXT:    call none [[NUL]], [[LEN]], [[A]]

def method(o, a):
    return o.m(a, 1)
# LOAD_METHOD in two halves (the first may give NULL); the call consumes both
# CHECK-LABEL: func @method(
# CHECK:         [[O:%[0-9]+]]:obj = load_local $o
# CHECK-NEXT:    [[M:%[0-9]+]]:obj = load_method "m" [[O]] !fs(@4 | [[O]])
# CHECK-NEXT:    [[S:%[0-9]+]]:obj = load_method.self "m" [[O]], [[M]] !fs(@4 | [[O]])
# CHECK-NEXT:    decref [[O]]
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a !fs(@26 | [[M]], [[S]])
# CHECK-NEXT:    [[ONE:%[0-9]+]]:obj = const 1
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = call none [[M]], [[S]], [[A]], [[ONE]] !fs(@34) !line
# CHECK-NEXT:    trace_check

def kw(f, a):
    return f(a, x=1, y=a)
# KW_NAMES: the names tuple becomes the call's immediate
# CHECK-LABEL: func @kw(
# CHECK:         call ("x", "y") {{%[0-9]+}}, {{%[0-9]+}}, {{%[0-9]+}}, {{%[0-9]+}}, {{%[0-9]+}} !fs(@18)

def ex(f, a, k):
    return f(*a), f(*a, **k), f(a, **k)
# CALL_FUNCTION_EX 0/1 and DICT_MERGE (which names the callee in its errors). call_ex
# consumes f, args and kw; the NULL below them stays in its frame state.
# CHECK-LABEL: func @ex(
# CHECK:         [[NUL:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[F:%[0-9]+]]:obj = load_local $f
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[NOKW:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = call_ex [[F]], [[A]], [[NOKW]] !fs(@8 | [[NUL]]) !line
# CHECK-NEXT:    [[NUL2:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[F:%[0-9]+]]:obj = load_local $f
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[D:%[0-9]+]]:obj = build_map
# CHECK-NEXT:    [[K:%[0-9]+]]:obj = load_local $k
# CHECK-NEXT:    dict_merge [[F]], [[D]], [[K]] !fs(
# CHECK-NEXT:    decref [[K]]
# CHECK-NEXT:    call_ex [[F]], [[A]], [[D]] !fs(@22 | [[R]], [[NUL2]]) !line
# CHECK-NEXT:    null

def defaults(a, b):
    def d(x=a, *, y=b) -> int:
        return x
    return d
# MAKE_FUNCTION 7: defaults, kw-defaults and annotations (operands in a fixed order:
# code, closure, annotations, kwdefaults, defaults; NULL where the flag is clear)
# CHECK-LABEL: func @defaults(
# CHECK:         [[DEF:%[0-9]+]]:obj = build_tuple
# CHECK:         [[KWD:%[0-9]+]]:obj = build_const_key_map
# CHECK:         [[ANN:%[0-9]+]]:obj = build_tuple
# CHECK-NEXT:    [[CODE:%[0-9]+]]:obj = const @d
# CHECK-NEXT:    [[NOCL:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[FN:%[0-9]+]]:obj = make_function 7 [[CODE]], [[NOCL]], [[ANN]], [[KWD]], [[DEF]] !fs(@30 | [[DEF]], [[KWD]], [[ANN]], [[CODE]])
# CHECK-NEXT:    store_local $d [[FN]]
# CHECK-LABEL: func @d(
# CHECK-SAME:    argc=1, posonly=0, kwonly=1, flags=0x13, stack=1, firstline=[[#@LINE-14]], qualname="defaults.<locals>.d") locals(x:local, y:local) {

def closure(a):
    return lambda: a
# MAKE_FUNCTION 8: a closure tuple of cells
# CHECK-LABEL: func @closure(
# CHECK:         [[CELL:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[CL:%[0-9]+]]:obj = build_tuple [[CELL]]
# CHECK-NEXT:    [[CODE:%[0-9]+]]:obj = const @"<lambda>"
# CHECK-NEXT:    [[N1:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[N2:%[0-9]+]]:obj = null
# CHECK-NEXT:    [[N3:%[0-9]+]]:obj = null
# CHECK-NEXT:    make_function 8 [[CODE]], [[CL]], [[N1]], [[N2]], [[N3]]

def posonly(a, /, b, *args, c, **kw):
    pass
# The code object's argument counts and flags reach the IR function
# CHECK-LABEL: func @posonly(argc=2, posonly=1, kwonly=1, flags=0xf,
