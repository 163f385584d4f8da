# load_global at -O2: the per-site cache's hit path is inlined and calls nothing (the
# globals' version, the builtins' type and version compared with the cache's key, then the
# cached value loaded and increfed); only a miss calls rt_load_global_fill.
# RUN: %pyllc %s -emit-llvm -O2 --function get_g | %FileCheck %s
# RUN: %pyllc %s -S -O2 --function get_g | %FileCheck %s --check-prefix=ASM

# CHECK-LABEL: define ptr @py.get_g.{{[0-9]+}}(
# CHECK:      [[K0:%[0-9]+]] = load i64, ptr @py.get_g.{{[0-9]+}}.cache, align 8
# CHECK-NOT:  call
# CHECK:      [[V0:%[0-9]+]] = load i64, ptr
# CHECK-NEXT: icmp eq i64 [[K0]], [[V0]]
# CHECK-NOT:  call
# CHECK:      icmp eq ptr {{%[0-9]+}}, @PyDict_Type
# CHECK-NOT:  call
# CHECK:      load i64, ptr getelementptr inbounds (i8, ptr @py.get_g.{{[0-9]+}}.cache, i64 8)
# CHECK-NOT:  call
# CHECK:      [[V:%[0-9]+]] = load ptr, ptr getelementptr inbounds (i8, ptr @py.get_g.{{[0-9]+}}.cache, i64 16)
# CHECK-NEXT: [[RC:%[0-9]+]] = load i64, ptr [[V]]
# CHECK-NEXT: add nsw i64 [[RC]], 1
# CHECK:      call ptr @rt_load_global_fill(ptr {{.*}}%frame, ptr {{.*}}, ptr {{.*}}@py.get_g.{{[0-9]+}}.cache)

# The hit path in machine code: three compares, a load and the incref, then the return.
# ASM-LABEL: py.get_g.{{[0-9]+}}:
# ASM:       movq py.get_g.{{[0-9]+}}.cache(%rip), [[K:%r[a-z0-9]+]]
# ASM-NEXT:  cmpq 24(%{{r[a-z0-9]+}}), [[K]]
# ASM-NEXT:  jne [[MISS:.LBB[0-9_]+]]
# ASM-NEXT:  movq
# ASM-NEXT:  movq
# ASM-NEXT:  cmpq PyDict_Type@GOTPCREL(%rip)
# ASM-NEXT:  jne [[MISS]]
# ASM-NEXT:  movq py.get_g.{{[0-9]+}}.cache+8(%rip)
# ASM-NEXT:  cmpq
# ASM-NEXT:  jne [[MISS]]
# ASM-NEXT:  movq py.get_g.{{[0-9]+}}.cache+16(%rip), [[V:%r[a-z0-9]+]]
# ASM-NEXT:  incq ([[V]])
# ASM:       [[MISS]]:
# ASM-NOT:   {{^[.]LBB}}
# ASM:       callq rt_load_global_fill@PLT
G = 1


def get_g():
    return G
