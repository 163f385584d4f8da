# EXTENDED_ARG before a jump: the jump is decoded with its full argument; the truth
# test has the frame state of the jump's own code unit (after the prefix), which also
# names the prefix (where a deopt would resume).
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def long_if(a):
    if a:
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
        x = a; y = a; z = a; w = a
    return a
# CHECK-LABEL: func @long_if(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a !fs(@2)
# CHECK-NEXT:    [[T:%[0-9]+]]:bool = truth [[A]] !fs(@6 prefix @4 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    cbr [[T]], [[BODY:bb[0-9]+]], [[AFTER:bb[0-9]+]]
# CHECK-NEXT:  [[BODY]] @8:
# CHECK:       [[AFTER]] @648:
# CHECK-NEXT:    trace_check !fs(@648{{.*}}
# CHECK-NEXT:    load_local $a !fs(@648)
# CHECK-NEXT:    ret
