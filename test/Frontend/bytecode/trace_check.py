# trace_check: where compiled code tests whether a tracer or profiler came on, so that one
# set by a callee sees this frame's next line and its return as in the interpreter. At a
# line start and before RETURN_VALUE, when something that may run other code came since
# the last check (RESUME and loop back-edges check too; a block may be entered from
# anywhere); its frame state is the instruction's, with the stack before it.
# RUN: %pyllc %s -emit-ir | %FileCheck %s

def after_call(f, xs):
    for x in xs:
        f(x)
        y = 1
    return y
# The line after the call starts with a constant: its own check, the iterator on the stack.
# CHECK-LABEL: func @after_call(
# CHECK:       bb{{[0-9]+}} @8:
# CHECK-NEXT:    store_local $x {{%[0-9]+}} !line [[#@LINE-7]]
# CHECK-NEXT:    trace_check !fs(@10 | [[IT:%[0-9]+]]) !line [[#@LINE-7]]
# CHECK-NEXT:    {{%[0-9]+}}:obj = null !line [[#@LINE-8]]
# CHECK:         {{%[0-9]+}}:obj = call none
# CHECK:         trace_check !fs(@32 | [[IT]]) !line [[#@LINE-9]]
# CHECK-NEXT:    [[ONE:%[0-9]+]]:obj = const 1 !line [[#@LINE-10]]
# CHECK-NEXT:    store_local $y [[ONE]] !line [[#@LINE-11]]
# CHECK-NEXT:    eval_breaker !fs(@36 | [[IT]]) !line [[#@LINE-12]]
# After the loop (a block start): checked.
# CHECK:       bb{{[0-9]+}} @38:
# CHECK-NEXT:    trace_check !fs(@38) !line [[#@LINE-14]]

def same_line(f):
    return f()
# A return on the line of a call: checked before RETURN_VALUE, with the result stacked.
# CHECK-LABEL: func @same_line(
# CHECK:         [[R:%[0-9]+]]:obj = call none
# CHECK-NEXT:    trace_check !fs(@20 | [[R]]) !line [[#@LINE-4]]
# CHECK-NEXT:    ret [[R]]

def only_locals(a):
    b = a
    return b
# Nothing but the frame's own variables since RESUME: no check.
# CHECK-LABEL: func @only_locals(
# CHECK-NOT:     trace_check
# CHECK:         ret
# CHECK-NEXT:  }

def long_loop(f, xs):
    for a in xs:
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
        f()
        continue
# `continue` after the call: JUMP_BACKWARD with an EXTENDED_ARG prefix. The states of the
# check and of the eval breaker name both: the opcode (where an exception is raised) and
# the prefix (where a deopt resumes: the interpreter then reads the whole argument).
# CHECK-LABEL: func @long_loop(
# CHECK:         {{%[0-9]+}}:obj = call none
# CHECK:         trace_check !fs(@[[#OP:]] prefix @{{[0-9]+}} | [[IT:%[0-9]+]]) !line [[#@LINE-6]]
# CHECK-NEXT:    eval_breaker !fs(@[[#OP]] prefix @[[#OP-2]] | [[IT]]) !line [[#@LINE-7]]
