# Generators and coroutines: RETURN_GENERATOR, YIELD_VALUE and SEND suspend the frame;
# each has a frame state (the lowering may leave such code to the interpreter).
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def gen(n):
    x = yield n
    yield from x
# RETURN_GENERATOR (its result: the value sent at the first resumption, popped),
# YIELD_VALUE, RESUME 1/2, GET_YIELD_FROM_ITER, SEND (returns (value, finished)),
# JUMP_BACKWARD_NO_INTERRUPT (no eval-breaker check)
# CHECK-LABEL: func @gen(argc=1, posonly=0, kwonly=0, flags=0x23,
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    [[G:%[0-9]+]]:obj = return_generator !fs(@0) !line [[#@LINE-8]]
# CHECK-NEXT:    decref [[G]]
# CHECK-NEXT:    resume 0 !fs(@4)
# CHECK-NEXT:    [[N:%[0-9]+]]:obj = load_local $n
# CHECK-NEXT:    [[SENT:%[0-9]+]]:obj = yield [[N]] !fs(@8 | [[N]])
# CHECK-NEXT:    resume 1 !fs(@10 | [[SENT]])
# CHECK-NEXT:    store_local $x [[SENT]]
# CHECK-NEXT:    [[X:%[0-9]+]]:obj = load_local $x
# CHECK-NEXT:    [[IT:%[0-9]+]]:obj = get_yield_from_iter [[X]] !fs(@16 | [[X]])
# CHECK-NEXT:    decref [[X]]
# CHECK-NEXT:    [[NONE:%[0-9]+]]:obj = const None
# CHECK-NEXT:    br [[LOOP:bb[0-9]+]]
# CHECK-NEXT:  [[LOOP]] @20:
# CHECK-NEXT:    [[V:%[0-9]+]]:obj = phi [[[NONE]], bb0], [[[V2:%[0-9]+]], [[YIELD:bb[0-9]+]]]
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = send [[IT]], [[V]] !fs(@20 | [[IT]], [[V]])
# CHECK-NEXT:    decref [[V]]
# CHECK-NEXT:    [[VAL:%[0-9]+]]:obj = tuple_item 0 [[R]]
# CHECK-NEXT:    [[DONE:%[0-9]+]]:obj = tuple_item 1 [[R]]
# CHECK-NEXT:    decref [[R]]
# CHECK-NEXT:    [[TRUE:%[0-9]+]]:obj = const True
# CHECK-NEXT:    [[D:%[0-9]+]]:bool = is [[DONE]], [[TRUE]]{{$| !line}}
# CHECK-NEXT:    decref [[TRUE]]
# CHECK-NEXT:    decref [[DONE]]
# CHECK-NEXT:    cbr [[D]], [[RET:bb[0-9]+]], [[YIELD]]
# CHECK-NEXT:  [[YIELD]] @22:
# CHECK-NEXT:    [[V2]]:obj = yield [[VAL]] !fs(@22 | [[IT]], [[VAL]])
# CHECK-NEXT:    resume 2 !fs(@24 | [[IT]], [[V2]])
# CHECK-NEXT:    br [[LOOP]]
# CHECK:       [[RET]] @28:
# CHECK-NEXT:    decref [[IT]]

async def coro(a):
    return await a
# GET_AWAITABLE, RESUME 3
# CHECK-LABEL: func @coro(argc=1, posonly=0, kwonly=0, flags=0x83,
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[AW:%[0-9]+]]:obj = get_awaitable 0 [[A]] !fs(@8 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK:         send [[AW]],
# CHECK:         resume 3

async def agen(a):
    yield a
# ASYNC_GEN_WRAP
# CHECK-LABEL: func @agen(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[W:%[0-9]+]]:obj = async_gen_wrap [[A]] !fs(@8 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    yield [[W]] !fs(@10 | [[W]])

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
# CHECK-NEXT:    [[AW:%[0-9]+]]:obj = get_anext [[AIT]] !fs(@10 | [[AIT]])
# CHECK:         send [[AW]],
# CHECK:       [[END:bb[0-9]+]] @26:
# CHECK-NEXT:    end_async_for [[I:%[0-9]+]], [[E:%[0-9]+]] !fs(@26 | [[I]], [[E]])
# CHECK-NEXT:    xdecref [[E]]
# CHECK-NEXT:    xdecref [[I]]
# CHECK:       {{bb[0-9]+}} @26:
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
