# Locals live in the frame: load_local/store_local/delete_local are helper calls (inlined
# above -O0), and a failure hands the frame to the interpreter at the instruction with the
# value stack spilled to localsplus[nlocalsplus + i] (offset 72 + 8 * i).
# RUN: %pyllc %s -emit-llvm -O0 --function swap | %FileCheck %s --check-prefix=SWAP
# RUN: %pyllc %s -emit-llvm -O0 --function unbound | %FileCheck %s --check-prefix=DEL
# RUN: %pyllc %s -emit-llvm -O2 --function swap | %FileCheck %s --check-prefix=O2

# SWAP-LABEL: define ptr @py.swap.{{[0-9]+}}(
# `a, b = b, a` loads b first, prev_instr at its instruction (unit 1, offset 2).
# SWAP:       [[PB:%[0-9]+]] = getelementptr i8, ptr %units, i64 2
# SWAP-NEXT:  [[PI:%[0-9]+]] = getelementptr i8, ptr %frame, i64 56
# SWAP-NEXT:  store ptr [[PB]], ptr [[PI]]
# SWAP-NEXT:  [[B:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 1)
# SWAP-NEXT:  [[NB:%[0-9]+]] = icmp eq ptr [[B]], null
# An unbound `b`: nothing on the stack to store, straight to the function's exit that
# raises at prev_instr with no stack.
# SWAP-NEXT:  br i1 [[NB]], label %[[RAISE0:leave.raise.0]], label %[[OKB:ok[0-9]*]]
# SWAP:       [[A:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 0)
# SWAP-NEXT:  [[NA:%[0-9]+]] = icmp eq ptr [[A]], null
# SWAP-NEXT:  br i1 [[NA]], label %[[FAILA:fail[0-9]*]], label %[[OKA:ok[0-9]*]]
# An unbound `a` with `b` on the stack: b is spilled to the stack's first slot (2 locals:
# 72 + 16 = 88) and the interpreter releases it while unwinding.
# SWAP:       [[FAILA]]:
# SWAP-NEXT:  [[SLOT:%[0-9]+]] = getelementptr i8, ptr %frame, i64 88
# SWAP-NEXT:  store ptr [[B]], ptr [[SLOT]]
# SWAP-NEXT:  br label %[[RAISE1:leave.raise.1]]
# The compiler stores b := a first, then a := b (no swap instruction).
# SWAP:       call void @rt_store_local(ptr %ts, ptr %frame, i64 1, ptr [[A]])
# SWAP-NEXT:  call void @rt_store_local(ptr %ts, ptr %frame, i64 0, ptr [[B]])
# The exits, at the end: raise (throwflag 1, reason 3 "exception") at prev_instr (unit
# -1) with 0 and 1 values on the stack.
# SWAP:       [[RAISE0]]:
# SWAP-NEXT:  tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 0, i32 1, i64 3)
# SWAP:       [[RAISE1]]:
# SWAP-NEXT:  tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 1, i32 1, i64 3)
def swap(a, b):
    a, b = b, a
    return a

# DEL-LABEL: define ptr @py.unbound.{{[0-9]+}}(
# DEL:       [[R:%[0-9]+]] = call i32 @rt_delete_local(ptr %ts, ptr %frame, i64 0)
# DEL-NEXT:  [[F:%[0-9]+]] = icmp slt i32 [[R]], 0
# DEL-NEXT:  br i1 [[F]]
def unbound(x):
    del x

# At -O2 the helpers are inlined: localsplus[0] is read at frame offset 72 directly.
# O2-LABEL: define ptr @py.swap.{{[0-9]+}}(
# O2-NOT:   call {{.*}}@rt_load_local
# O2:       getelementptr inbounds i8, ptr %frame, i64 72
# O2-NOT:   call {{.*}}@rt_store_local
# O2:       {{^}}}
