# call: the CALL protocol [m|NULL, f|self, args...] handed to rt_call with the arguments in
# an entry-block array that has one writable slot before them (vectorcall's offset); the
# KW_NAMES tuple comes from the object table. Methods: load_method + load_method.self.
# RUN: %pyllc %s -emit-llvm -O0 --function call | %FileCheck %s
# RUN: %pyllc %s -emit-llvm -O0 --function meth | %FileCheck %s --check-prefix=METH
# RUN: %pyllc %s -emit-llvm -O0 --function star | %FileCheck %s --check-prefix=STAR

# CHECK-LABEL: define ptr @py.call.{{[0-9]+}}(
# CHECK-NEXT: entry:
# CHECK-NEXT:   %args = alloca [4 x ptr]
# CHECK:        [[F:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 0)
# CHECK:        [[X:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 1)
# CHECK:        [[KW:%obj[0-9]*]] = load ptr, ptr getelementptr inbounds (ptr, ptr @py.call.{{[0-9]+}}.objs, i64 2), align 8, !invariant.load
# CHECK:        [[S1:%[0-9]+]] = getelementptr inbounds [4 x ptr], ptr %args, i64 0, i64 1
# CHECK-NEXT:   store ptr [[X]], ptr [[S1]]
# CHECK:        [[ARGV:%[0-9]+]] = getelementptr inbounds [4 x ptr], ptr %args, i64 0, i64 1
# CHECK:        [[R:%[0-9]+]] = call ptr @rt_call(ptr %ts, ptr %frame, ptr [[KW]], ptr null, ptr [[F]], ptr [[ARGV]], i64 3)
# CHECK-NEXT:   icmp eq ptr [[R]], null
def call(f, x):
    return f(x, 1, k=2)

# METH-LABEL: define ptr @py.meth.{{[0-9]+}}(
# METH:      [[O:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 0)
# METH:      [[M:%[0-9]+]] = call ptr @rt_load_method(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr [[O]])
# METH:      [[SELF:%[0-9]+]] = call ptr @rt_load_method_self(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr [[O]], ptr [[M]])
# METH:      call ptr @rt_call(ptr %ts, ptr %frame, ptr null, ptr [[M]], ptr [[SELF]], ptr {{%[0-9]+}}, i64 1)
def meth(xs):
    return xs.append(1)

# STAR-LABEL: define ptr @py.star.{{[0-9]+}}(
# STAR: call ptr @rt_call_ex(ptr %ts, ptr %frame, ptr
# STAR: declare ptr @rt_call_ex(ptr, ptr, ptr, ptr, ptr)
def star(f, a, k):
    return f(*a, **k)
