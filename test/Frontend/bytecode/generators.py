# Generators and coroutines: RETURN_GENERATOR and YIELD_VALUE end their block (the frame
# leaves); what follows each runs when the frame is resumed, entered from bb0's dispatch
# through a landing block that takes the stack the frame kept (entry_stack).
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def gen(n):
    x = yield n
    yield from x
# The dispatch: a fresh frame, then the landings after RETURN_GENERATOR, the YIELD_VALUE
# and the YIELD_VALUE of the SEND loop, each at the offset where the frame continues,
# and at the SEND's target (where throw() resumes the frame when the delegate returns).
# RETURN_GENERATOR's result (the value sent at the first resumption) is popped;
# GET_YIELD_FROM_ITER, SEND (returns (value, finished)), JUMP_BACKWARD_NO_INTERRUPT (no
# eval-breaker check).
# CHECK-LABEL: func @gen(argc=1, posonly=0, kwonly=0, flags=0x23,
# CHECK-NEXT:  bb0:
# CHECK-NEXT:    dispatch [[START:bb[0-9]+]], [[L0:bb[0-9]+]], [[L1:bb[0-9]+]], [[L2:bb[0-9]+]], [[L3:bb[0-9]+]]
# CHECK-NEXT:  [[START]] @0:
# CHECK-NEXT:    return_generator !fs(@0) !line [[#@LINE-13]]
# CHECK-NEXT:  [[B0:bb[0-9]+]] @2:
# CHECK-NEXT:    xdecref [[S0:%[0-9]+]]
# CHECK-NEXT:    resume 0 !fs(@4)
# CHECK-NEXT:    [[N:%[0-9]+]]:obj = load_local $n
# CHECK-NEXT:    yield [[N]] !fs(@8 | [[N]])
# CHECK-NEXT:  [[B1:bb[0-9]+]] @10:
# CHECK-NEXT:    resume 1 !fs(@10 | [[SENT:%[0-9]+]])
# CHECK-NEXT:    store_local $x [[SENT]]
# CHECK-NEXT:    [[X:%[0-9]+]]:obj = load_local $x
# CHECK-NEXT:    [[IT:%[0-9]+]]:obj = get_yield_from_iter [[X]] !fs(@16 | [[X]])
# CHECK-NEXT:    decref [[X]]
# CHECK-NEXT:    [[NONE:%[0-9]+]]:obj = const None
# CHECK-NEXT:    br [[LOOP:bb[0-9]+]]
# CHECK-NEXT:  [[LOOP]] @20:
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = phi [[[R2:%[0-9]+]], [[RES:bb[0-9]+]]], [[[IT]], [[B1]]]
# CHECK-NEXT:    [[V:%[0-9]+]]:obj = phi [[[V2:%[0-9]+]], [[RES]]], [[[NONE]], [[B1]]]
# CHECK-NEXT:    [[P:%[0-9]+]]:obj = send [[R]], [[V]] !fs(@20 | [[R]], [[V]])
# CHECK-NEXT:    xdecref [[V]]
# CHECK-NEXT:    [[VAL:%[0-9]+]]:obj = tuple_item 0 [[P]]
# CHECK-NEXT:    [[DONE:%[0-9]+]]:obj = tuple_item 1 [[P]]
# CHECK-NEXT:    decref [[P]]
# CHECK-NEXT:    [[TRUE:%[0-9]+]]:obj = const True
# CHECK-NEXT:    [[D:%[0-9]+]]:bool = is [[DONE]], [[TRUE]]{{$| !line}}
# CHECK-NEXT:    decref [[TRUE]]
# CHECK-NEXT:    decref [[DONE]]
# CHECK-NEXT:    cbr [[D]], [[EXIT:bb[0-9]+]], [[YIELD:bb[0-9]+]]
# CHECK-NEXT:  [[YIELD]] @22:
# CHECK-NEXT:    yield [[VAL]] !fs(@22 | [[R]], [[VAL]])
# CHECK-NEXT:  [[RES]] @24:
# CHECK-NEXT:    resume 2 !fs(@24 | [[R2]], [[V2]])
# CHECK-NEXT:    br [[LOOP]]
# CHECK:       [[L0]] @2:
# CHECK-NEXT:    [[S0]]:obj = entry_stack 0
# CHECK-NEXT:    br [[B0]]
# CHECK-NEXT:  [[L1]] @10:
# CHECK-NEXT:    [[SENT]]:obj = entry_stack 0
# CHECK-NEXT:    br [[B1]]
# CHECK-NEXT:  [[L2]] @24:
# CHECK-NEXT:    [[R2]]:obj = entry_stack 0
# CHECK-NEXT:    [[V2]]:obj = entry_stack 1
# CHECK-NEXT:    br [[RES]]
# CHECK-NEXT:  [[L3]] @28:
# CHECK-NEXT:    {{%[0-9]+}}:obj = entry_stack 0
# CHECK-NEXT:    br [[AFTER:bb[0-9]+]]
# CHECK-NEXT:  [[EXIT]] @28:
# CHECK-NEXT:    xdecref [[R]]
# CHECK-NEXT:    br [[AFTER]]

async def coro(a):
    return await a
# GET_AWAITABLE, RESUME 3
# CHECK-LABEL: func @coro(argc=1, posonly=0, kwonly=0, flags=0x83,
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[AW:%[0-9]+]]:obj = get_awaitable 0 [[A]] !fs(@8 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK:         [[R:%[0-9]+]]:obj = phi {{.*}}[[[AW]], {{bb[0-9]+}}]
# CHECK:         send [[R]],
# CHECK:         resume 3

async def agen(a):
    yield a
# ASYNC_GEN_WRAP
# CHECK-LABEL: func @agen(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[W:%[0-9]+]]:obj = async_gen_wrap [[A]] !fs(@8 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    yield [[W]] !fs(@10 | [[W]])
# CHECK-NEXT:  {{bb[0-9]+}} @12:
# CHECK-NEXT:    resume 1

async def afor(a):
    async for x in a:
        pass
# GET_AITER GET_ANEXT END_ASYNC_FOR (in the StopAsyncIteration handler)
# CHECK-LABEL: func @afor(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[AIT:%[0-9]+]]:obj = get_aiter [[A]] !fs(@8 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    br [[HEAD:bb[0-9]+]]
# CHECK-NEXT:  [[HEAD]] @10:
# CHECK-NEXT:    [[IT:%[0-9]+]]:obj = phi {{.*}}[[[AIT]], {{bb[0-9]+}}]
# CHECK-NEXT:    [[AW:%[0-9]+]]:obj = get_anext [[IT]] !fs(@10 handler [[LAND:bb[0-9]+]] | [[IT]])
# CHECK:         {{%[0-9]+}}:obj = phi {{.*}}[[[AW]], {{bb[0-9]+}}]
# CHECK:       [[END:bb[0-9]+]] @26:
# CHECK-NEXT:    trace_check !fs(@26{{.*}}
# CHECK-NEXT:    end_async_for [[I:%[0-9]+]], [[E:%[0-9]+]] !fs(@26 | [[I]], [[E]])
# CHECK-NEXT:    xdecref [[E]]
# CHECK-NEXT:    xdecref [[I]]
# CHECK:       [[LAND]] @26 landing(depth=1):
# CHECK-NEXT:    [[I]]:obj = entry_stack 0
# CHECK-NEXT:    [[E]]:obj = entry_stack 1
# CHECK-NEXT:    br [[END]]

async def awith(m):
    async with m:
        pass
# BEFORE_ASYNC_WITH gives (aexit, awaitable of aenter)
# CHECK-LABEL: func @awith(
# CHECK:         [[M:%[0-9]+]]:obj = load_local $m
# CHECK-NEXT:    [[P:%[0-9]+]]:obj = before_async_with [[M]] !fs(@8 | [[M]])
# CHECK-NEXT:    decref [[M]]
# CHECK-NEXT:    [[EXIT:%[0-9]+]]:obj = tuple_item 0 [[P]]
# CHECK-NEXT:    [[ENTER:%[0-9]+]]:obj = tuple_item 1 [[P]]
# CHECK-NEXT:    decref [[P]]
# CHECK-NEXT:    get_awaitable 1 [[ENTER]]
