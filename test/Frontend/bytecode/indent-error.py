# IndentationError is a SyntaxError: the same channel.
# RUN: %not %pyllc %s -emit-ir 2>&1 | %FileCheck %s --implicit-check-not=error:
# CHECK: indent-error.py:[[#@LINE+2]]:{{[0-9]+}}: error: IndentationError: expected an indented block after function definition on line [[#@LINE+1]]
def f(a):
return a
