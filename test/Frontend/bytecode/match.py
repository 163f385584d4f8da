# Structural pattern matching.
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def cls(p):
    match p:
        case int(real=r):
            return r
# MATCH_CLASS: (subject, class, keyword names) -> attribute tuple or None
# CHECK-LABEL: func @cls(
# CHECK:         [[S:%[0-9]+]]:obj = load_local $p
# CHECK-NEXT:    [[C:%[0-9]+]]:obj = load_global "int"
# CHECK-NEXT:    [[N:%[0-9]+]]:obj = const ("real",)
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = match_class 0 [[S]], [[C]], [[N]] !fs({{@[0-9]+}} | [[S]], [[C]], [[N]])
# CHECK-NEXT:    decref [[N]]
# CHECK-NEXT:    decref [[C]]
# CHECK-NEXT:    decref [[S]]
# CHECK-NEXT:    incref [[R]]
# CHECK-NEXT:    is_none [[R]]

def seq(p):
    match p:
        case [a, b]:
            return a
# MATCH_SEQUENCE (pure, the subject stays) and GET_LEN
# CHECK-LABEL: func @seq(
# CHECK:         [[S:%[0-9]+]]:obj = load_local $p
# CHECK-NEXT:    [[M:%[0-9]+]]:bool = match_sequence [[S]]{{$| !line}}
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = box.bool [[M]]
# CHECK:         [[L:%[0-9]+]]:obj = get_len [[S]] !fs({{@[0-9]+}} | [[S]])
# CHECK-NEXT:    [[TWO:%[0-9]+]]:obj = const 2
# CHECK-NEXT:    compare_op eq [[L]], [[TWO]]

def mapping(p):
    match p:
        case {"k": v}:
            return v
# MATCH_MAPPING and MATCH_KEYS (the subject and the keys stay)
# CHECK-LABEL: func @mapping(
# CHECK:         [[S:%[0-9]+]]:obj = load_local $p
# CHECK-NEXT:    [[M:%[0-9]+]]:bool = match_mapping [[S]]
# CHECK:         [[K:%[0-9]+]]:obj = const ("k",)
# CHECK-NEXT:    [[V:%[0-9]+]]:obj = match_keys [[S]], [[K]] !fs({{@[0-9]+}} | [[S]], [[K]])
