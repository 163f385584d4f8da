# Module and class bodies (names in f_locals), globals, imports, attributes, cells.
# RUN: %pyllc %s -emit-ir | %FileCheck %s
import os.path
from os import sep, getcwd as cwd
from os.path import *
x: int = 1
del x
# SETUP_ANNOTATIONS IMPORT_NAME IMPORT_FROM IMPORT_STAR STORE_NAME LOAD_NAME DELETE_NAME
# CHECK-LABEL: func @"<module>"(
# CHECK:         setup_annotations !fs(@2) !line 3
# CHECK-NEXT:    [[LVL:%[0-9]+]]:obj = const 0
# CHECK-NEXT:    [[FROM:%[0-9]+]]:obj = const None
# CHECK-NEXT:    [[M:%[0-9]+]]:obj = import_name "os.path" [[LVL]], [[FROM]] !fs(@8 | [[LVL]], [[FROM]])
# CHECK-NEXT:    decref [[LVL]]
# CHECK-NEXT:    decref [[FROM]]
# CHECK-NEXT:    store_name "os" [[M]] !fs(@10 | [[M]])
# CHECK-NEXT:    decref [[M]]
# CHECK:         [[M:%[0-9]+]]:obj = import_name "os"
# CHECK:         [[SEP:%[0-9]+]]:obj = import_from "sep" [[M]] !fs(@18 | [[M]])
# CHECK-NEXT:    store_name "sep" [[SEP]] !fs(@20 | [[M]], [[SEP]])
# CHECK-NEXT:    decref [[SEP]]
# CHECK-NEXT:    [[CWD:%[0-9]+]]:obj = import_from "getcwd" [[M]]
# CHECK-NEXT:    store_name "cwd" [[CWD]]
# CHECK-NEXT:    decref [[CWD]]
# CHECK-NEXT:    decref [[M]]
# CHECK:         const ("*",)
# CHECK-NEXT:    [[M:%[0-9]+]]:obj = import_name "os.path"
# CHECK-NEXT:    decref
# CHECK-NEXT:    decref
# CHECK-NEXT:    import_star [[M]] !fs(@34 | [[M]])
# CHECK-NEXT:    decref [[M]]
# CHECK:         [[INT:%[0-9]+]]:obj = load_name "int" !fs(@40)
# CHECK-NEXT:    [[ANN:%[0-9]+]]:obj = load_name "__annotations__"
# CHECK:         store_subscr [[ANN]], {{%[0-9]+}}, [[INT]]
# CHECK:         delete_name "x" !fs(@50) !line 7
# LOAD_BUILD_CLASS and the class body as a call
# CHECK:         [[NUL:%[0-9]+]]:obj = null !line [[#@LINE+9]]
# CHECK-NEXT:    [[BC:%[0-9]+]]:obj = load_build_class !fs(@54 | [[NUL]])
# CHECK-NEXT:    [[CODE:%[0-9]+]]:obj = const @C
# CHECK:         [[FN:%[0-9]+]]:obj = make_function 0 [[CODE]],
# CHECK-NEXT:    [[NAME:%[0-9]+]]:obj = const "C"
# CHECK-NEXT:    [[BASE:%[0-9]+]]:obj = load_name "object"
# CHECK-NEXT:    [[CLS:%[0-9]+]]:obj = call none [[NUL]], [[BC]], [[FN]], [[NAME]], [[BASE]]
# CHECK:         store_name "C" [[CLS]]

class C(object):
    y: int
    z = 1
    del z
    def m(self):
        return __class__
# A class body with __class__: MAKE_CELL before RESUME, LOAD_CLOSURE, COPY
# CHECK-LABEL: func @C(
# CHECK-SAME:    argc=0, posonly=0, kwonly=0, flags=0x0, stack=3, firstline=[[#@LINE-8]], qualname="C") locals(__class__:cell) {
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    make_cell $__class__ !fs(@0){{$}}
# CHECK-NEXT:    resume 0 !fs(@2)
# CHECK-NEXT:    [[N:%[0-9]+]]:obj = load_name "__name__" !fs(@4)
# CHECK-NEXT:    store_name "__module__" [[N]]
# CHECK:         setup_annotations !fs(@12)
# CHECK:         store_name "z"
# CHECK:         delete_name "z" !fs(@28)
# CHECK-NEXT:    trace_check !fs(@30{{.*}}
# CHECK-NEXT:    [[CELL:%[0-9]+]]:obj = load_local $__class__ !fs(@30)
# CHECK-NEXT:    [[CL:%[0-9]+]]:obj = build_tuple [[CELL]]
# CHECK:         make_function 8 {{%[0-9]+}}, [[CL]],
# CHECK:         [[CELL:%[0-9]+]]:obj = load_local $__class__
# CHECK-NEXT:    incref [[CELL]]
# CHECK-NEXT:    store_name "__classcell__" [[CELL]] !fs(@44 | [[CELL]], [[CELL]])
# CHECK-NEXT:    decref [[CELL]]
# CHECK-NEXT:    trace_check !fs(@46{{.*}}
# CHECK-NEXT:    ret [[CELL]]
# COPY_FREE_VARS and LOAD_DEREF of a free variable
# CHECK-LABEL: func @m(argc=1, {{.*}} locals(self:local, __class__:free) {
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    copy_free_vars 1{{$}}
# CHECK-NEXT:    resume 0 !fs(@2)
# CHECK-NEXT:    [[V:%[0-9]+]]:obj = load_deref $__class__ !fs(@4)
# CHECK-NEXT:    ret [[V]]

def glob():
    global G
    G = 1
    del G
# STORE_GLOBAL DELETE_GLOBAL
# CHECK-LABEL: func @glob(
# CHECK:         [[ONE:%[0-9]+]]:obj = const 1
# CHECK-NEXT:    store_global "G" [[ONE]] !fs(@4 | [[ONE]])
# CHECK-NEXT:    decref [[ONE]]
# CHECK-NEXT:    trace_check !fs(@6{{.*}}
# CHECK-NEXT:    delete_global "G" !fs(@6)

def attrs(o, v):
    o.a = v
    del o.a
    return o.b
# STORE_ATTR DELETE_ATTR LOAD_ATTR
# CHECK-LABEL: func @attrs(
# CHECK:         [[V:%[0-9]+]]:obj = load_local $v
# CHECK-NEXT:    [[O:%[0-9]+]]:obj = load_local $o
# CHECK-NEXT:    store_attr "a" [[O]], [[V]] !fs(@6 | [[V]], [[O]])
# CHECK-NEXT:    decref [[V]]
# CHECK-NEXT:    decref [[O]]
# CHECK-NEXT:    trace_check !fs(@16{{.*}}
# CHECK-NEXT:    [[O:%[0-9]+]]:obj = load_local $o
# CHECK-NEXT:    delete_attr "a" [[O]] !fs(@18 | [[O]])
# CHECK-NEXT:    decref [[O]]
# CHECK-NEXT:    trace_check !fs(@20{{.*}}
# CHECK-NEXT:    [[O:%[0-9]+]]:obj = load_local $o
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_attr "b" [[O]] !fs(@22 | [[O]])
# CHECK-NEXT:    decref [[O]]
# CHECK-NEXT:    trace_check !fs(@32{{.*}}
# CHECK-NEXT:    ret [[B]]

def cells(a):
    b = 1
    def inner():
        nonlocal b
        b = a
        del b
        return a
    return inner
# MAKE_CELL of an argument and of a plain cell; STORE_DEREF; LOAD_CLOSURE
# CHECK-LABEL: func @cells(argc=1, {{.*}} locals(a:local|cell, inner:local, b:cell) {
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    make_cell $a !fs(@0)
# CHECK-NEXT:    make_cell $b !fs(@2)
# CHECK-NEXT:    resume 0
# CHECK-NEXT:    [[ONE:%[0-9]+]]:obj = const 1
# CHECK-NEXT:    store_deref $b [[ONE]]{{ }}
# CHECK-NEXT:    [[CA:%[0-9]+]]:obj = load_local $a !fs(@10)
# CHECK-NEXT:    [[CB:%[0-9]+]]:obj = load_local $b !fs(@12 | [[CA]])
# CHECK-NEXT:    build_tuple [[CA]], [[CB]]
# STORE_DEREF DELETE_DEREF LOAD_DEREF in the closure
# CHECK-LABEL: func @inner(argc=0, {{.*}} locals(a:free, b:free) {
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    copy_free_vars 2
# CHECK-NEXT:    resume 0
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_deref $a !fs(@4)
# CHECK-NEXT:    store_deref $b [[A]]
# CHECK-NEXT:    delete_deref $b !fs(@8)
# CHECK-NEXT:    load_deref $a !fs(@10)

def classderef(a):
    class K:
        v = a
    return K
# LOAD_CLASSDEREF: a free variable read in a class body
# CHECK-LABEL: func @K(
# CHECK:         [[V:%[0-9]+]]:obj = load_classderef $a !fs(@12)
# CHECK-NEXT:    store_name "v" [[V]]
