# Globals, containers, subscripts, attributes and f-strings: each a call of the op's
# helper (rt_abi.h convention: ts, frame, immediates, operands; names and constants come
# from the function's object table), checked for failure by its result.
# RUN: %pyllc %s -emit-llvm -O0 --function glob | %FileCheck %s --check-prefix=GLOB
# RUN: %pyllc %s -emit-llvm -O0 --function cont | %FileCheck %s --check-prefix=CONT
# RUN: %pyllc %s -emit-llvm -O0 --function attrs | %FileCheck %s --check-prefix=ATTR
# RUN: %pyllc %s -emit-llvm -O0 | %FileCheck %s --check-prefix=MOD

# load_global's last argument is its own inline cache (rt_abi.h, RtSiteCache), zeroed.
# GLOB:       [[$CACHE:@py.glob.[0-9]+.cache]] = internal global [4 x i64] zeroinitializer
# GLOB-LABEL: define ptr @py.glob.{{[0-9]+}}(
# GLOB:       [[N:%obj[0-9]*]] = load ptr, ptr {{.*}}@py.glob.{{[0-9]+}}.objs{{.*}}, !invariant.load
# GLOB:       [[G:%[0-9]+]] = call ptr @rt_load_global(ptr %ts, ptr %frame, ptr [[N]], ptr [[$CACHE]])
# GLOB-NEXT:  icmp eq ptr [[G]], null
# GLOB:       [[S:%[0-9]+]] = call i32 @rt_store_global(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr {{%[0-9]+}})
# GLOB-NEXT:  icmp slt i32 [[S]], 0
# GLOB:       call i32 @rt_delete_global(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}})
G = 1
def glob():
    global G
    G = G + 1
    del G

# CONT-LABEL: define ptr @py.cont.{{[0-9]+}}(
# CONT-DAG: call ptr @rt_build_tuple(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 2)
# CONT-DAG: call ptr @rt_build_list(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 2)
# CONT-DAG: call ptr @rt_build_set(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 2)
# CONT-DAG: call ptr @rt_build_map(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 2)
# CONT-DAG: call ptr @rt_build_const_key_map(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr {{%[0-9]+}}, i64 2)
# CONT-DAG: call i32 @rt_store_subscr(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, ptr %obj{{[0-9]*}}, ptr {{%[0-9]+}})
# CONT-DAG: call i32 @rt_delete_subscr(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, ptr %obj{{[0-9]*}})
# CONT-DAG: call ptr @rt_binary_subscr(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, ptr %obj{{[0-9]*}})
# A two-argument slice: its third operand is NULL.
# CONT-DAG: call ptr @rt_build_slice(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, ptr {{%[0-9]+}}, ptr null)
# f"{a}-{b!r:>3}": FORMAT_VALUE without and with conversion 2 (repr) and a spec.
# CONT-DAG: call ptr @rt_format_value(ptr %ts, ptr %frame, i64 0, ptr {{%[0-9]+}}, ptr null)
# CONT-DAG: call ptr @rt_format_value(ptr %ts, ptr %frame, i64 2, ptr {{%[0-9]+}}, ptr %obj{{[0-9]*}})
# CONT-DAG: call ptr @rt_build_string(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 3)
# CONT-DAG: call i32 @rt_list_extend(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, ptr {{%[0-9]+}})
# CONT-DAG: call i32 @rt_dict_update(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, ptr {{%[0-9]+}})
# Natives are declared with the convention's type (the JIT defines them as absolute symbols).
# CONT-DAG: declare ptr @rt_build_set(ptr, ptr, ptr, i64)
# CONT-DAG: declare ptr @rt_format_value(ptr, ptr, i64, ptr, ptr)
def cont(a, b):
    t = (a, b)
    l = [a, b]
    s = {a, b}
    d = {a: b}
    k = {"x": a, "y": b}
    l[0] = b
    del l[0]
    return t[0], l[a:b], f"{a}-{b!r:>3}", [*l], {**d}

# ATTR-LABEL: define ptr @py.attrs.{{[0-9]+}}(
# ATTR:       [[V:%[0-9]+]] = call ptr @rt_load_attr(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr [[O:%[0-9]+]])
# ATTR:       call i32 @rt_store_attr(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr {{%[0-9]+}}, ptr [[V]])
# ATTR:       call i32 @rt_delete_attr(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr {{%[0-9]+}})
def attrs(o):
    o.x = o.y
    del o.z

# The module body and class bodies use the frame's f_locals: load_name/store_name;
# load_name has its own inline cache, like load_global.
# MOD:       [[$NCACHE:@py.C.[0-9]+.cache]] = internal global [4 x i64] zeroinitializer
# MOD-LABEL: define ptr @py._module_.{{[0-9]+}}(
# MOD:       call i32 @rt_store_name(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr
# MOD:       call ptr @rt_load_build_class(ptr %ts, ptr %frame)
# MOD-LABEL: define ptr @py.C.{{[0-9]+}}(
# MOD:       call ptr @rt_load_name(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr [[$NCACHE]])
class C:
    z = 1
    w = z
