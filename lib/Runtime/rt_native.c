/* rt_native.c - runtime helpers compiled to machine code with the library (not inlined):
 * the rare paths of compiled code, and the engine's counters. The JIT reaches them by
 * absolute symbols (RT_NATIVE_LIST in rt_abi.h). */
#define PY_SSIZE_T_CLEAN
#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_atomic.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_pystate.h>

#include "rt_abi.h"

/* The engine's deopt counters. The eval-frame hook is per interpreter and CPython passes
 * it no context, so this one pointer is the state the hook API forces on us. */
static uint64_t *deopt_counters;

void rt_set_deopt_counters(uint64_t *counters) { deopt_counters = counters; }

void rt_note_deopt(int64_t reason) {
  if (deopt_counters && reason >= 0 && reason < RT_DEOPT__COUNT) deopt_counters[reason]++;
}

int rt_handle_breaker(void *tsv) {
  PyThreadState *ts = tsv;
  struct _ceval_state *ce = &ts->interp->ceval;
  if (_Py_atomic_load_relaxed(&ce->gil_drop_request)) {
    /* Give the GIL away and take it back: another thread asked for it. */
    PyThreadState *saved = PyEval_SaveThread();
    PyEval_RestoreThread(saved);
  }
  if (Py_MakePendingCalls() < 0) return -1;
  if (ts->async_exc != NULL) {
    PyObject *exc = ts->async_exc;
    ts->async_exc = NULL;
    PyErr_SetNone(exc);
    Py_DECREF(exc);
    return -1;
  }
  return 0;
}
