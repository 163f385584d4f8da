# Cells (MAKE_CELL, COPY_FREE_VARS before RESUME, LOAD_DEREF), make_function with a
# closure, imports, with-statements and raise.
# RUN: %pyllc %s -emit-llvm -O0 --function cells | %FileCheck %s --check-prefix=CELLS
# RUN: %pyllc %s -emit-llvm -O0 --function 'cells.<locals>.inner' | %FileCheck %s --check-prefix=FREE
# RUN: %pyllc %s -emit-llvm -O0 --function imp | %FileCheck %s --check-prefix=IMP
# RUN: %pyllc %s -emit-llvm -O0 --function withf | %FileCheck %s --check-prefix=WITH
# RUN: %pyllc %s -emit-llvm -O0 --function rai | %FileCheck %s --check-prefix=RAISE

# CELLS-LABEL: define ptr @py.cells.{{[0-9]+}}(
# CELLS:       call i32 @rt_make_cell(ptr %ts, ptr %frame, i64 0)
# CELLS:       [[CL:%[0-9]+]] = call ptr @rt_build_tuple(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 1)
# MAKE_FUNCTION 8 (a closure): code object from the object table, the others NULL.
# CELLS:       call ptr @rt_make_function(ptr %ts, ptr %frame, i64 8, ptr %obj{{[0-9]*}}, ptr [[CL]], ptr null, ptr null, ptr null)
def cells(a):
    def inner():
        return a
    return inner

# FREE-LABEL: define ptr @py.cells._locals_.inner.{{[0-9]+}}(
# FREE:       call void @rt_copy_free_vars(ptr %ts, ptr %frame, i64 1)
# FREE:       [[V:%[0-9]+]] = call ptr @rt_load_deref(ptr %ts, ptr %frame, i64 0)
# FREE-NEXT:  icmp eq ptr [[V]], null

# IMP-LABEL: define ptr @py.imp.{{[0-9]+}}(
# IMP:       call ptr @rt_import_name(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr %obj{{[0-9]*}}, ptr %obj{{[0-9]*}})
# IMP:       [[M:%[0-9]+]] = call ptr @rt_import_name(
# IMP:       call ptr @rt_import_from(ptr %ts, ptr %frame, ptr %obj{{[0-9]*}}, ptr [[M]])
def imp():
    import os.path
    from sys import argv
    return os, argv

# BEFORE_WITH returns (exit, enter()) as a tuple that tuple_item takes apart.
# WITH-LABEL: define ptr @py.withf.{{[0-9]+}}(
# WITH:       [[P:%[0-9]+]] = call ptr @rt_before_with(ptr %ts, ptr %frame, ptr
# WITH:       call ptr @rt_tuple_item(ptr %ts, ptr %frame, i64 0, ptr [[P]])
# WITH:       call ptr @rt_tuple_item(ptr %ts, ptr %frame, i64 1, ptr [[P]])
def withf(m):
    with m as v:
        return v

# raise leaves for the interpreter with throwflag 0 (it runs RAISE_VARARGS itself, with
# the exception and the cause on the stack): prev_instr = the instruction - 1. prev_instr
# was not stored for it: the unit (3) comes to the shared exit through a phi.
# RAISE-LABEL: define ptr @py.rai.{{[0-9]+}}(
# RAISE:       store ptr %obj{{[0-9]*}}, ptr
# RAISE-NEXT:  br label %[[EXIT:leave.raise_op.2.unit]]
# RAISE:       [[EXIT]]:
# RAISE-NEXT:  [[U:%.*]] = phi i64 [ 3, %{{.*}} ]
# RAISE-NEXT:  [[R:%[0-9]+]] = tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 [[U]], i64 2, i32 0, i64 3)
# RAISE-NEXT:  ret ptr [[R]]
def rai(e):
    raise e from None
