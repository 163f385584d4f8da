"""Run under gdb by gdb_jit.test: a compiled function that calls libc's kill() (signal 0,
which does nothing), where gdb stops and prints the backtrace."""
import os

import pyllc


@pyllc.jit
def deep_in_jit(pid):
    os.kill(pid, 0)
    return pid


deep_in_jit(os.getpid())
