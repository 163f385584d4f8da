/* rt_inline.c - the small, hot runtime helpers, compiled to LLVM bitcode by clang-19 and
 * inlined into generated code (see rt_abi.h for the calling convention).
 *
 * Each operation helper does what the interpreter's instruction does between popping its
 * operands and pushing its result, minus the decrefs (the IR makes those explicit), so
 * that compiled code keeps the interpreter's reference counts exactly. Fast paths for
 * exact ints and floats are written here in C; after inlining, LLVM sees them whole.
 * Only symbols CPython exports may be called: this code runs linked into JIT modules.
 */
#define PY_SSIZE_T_CLEAN
#define Py_BUILD_CORE 1
#include <Python.h>
#include <opcode.h>
#include <internal/pycore_atomic.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_long.h>
#include <internal/pycore_pystate.h>

#include <stdint.h>

#include "rt_abi.h"

typedef _PyInterpreterFrame Frame;
typedef PyThreadState TS;

#define RT_INLINE __attribute__((always_inline)) inline
#define RT_COLD __attribute__((cold, noinline))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- frame entry, exit, and leaving to the interpreter ---------------------------- */

/* Links the frame and counts recursion as _PyEval_EvalFrameDefault would. Returns 1 when
 * the interpreter must run the frame instead (tracing on, recursion limit reached: the
 * interpreter then raises RecursionError itself, with the right message). */
int rt_enter(TS *ts, Frame *f) {
  if (UNLIKELY(ts->cframe->use_tracing) || UNLIKELY(ts->recursion_remaining <= 0)) {
    rt_note_deopt(RT_DEOPT_ENTRY);
    return 1;
  }
  ts->recursion_remaining--;
  f->previous = ts->cframe->current_frame;
  ts->cframe->current_frame = f;
  /* Past RESUME: the frame is complete (tracebacks, sys._getframe see it). */
  f->prev_instr = _PyCode_CODE(f->f_code) + f->f_code->_co_firsttraceable;
  return 0;
}

/* Unlinks the frame before a normal return; the value stack is empty. */
void rt_leave(TS *ts, Frame *f) {
  ts->cframe->current_frame = f->previous;
  ts->recursion_remaining++;
}

/* Hands the frame to the interpreter. The caller has stored the live stack values into
 * localsplus[nlocalsplus ..]. throwflag 1: an exception is set and raised at the code unit
 * `unit`; throwflag 0: resume at `unit` (prev_instr = unit - 1). */
RT_COLD PyObject *rt_leave_to_interp(TS *ts, Frame *f, int64_t unit, int64_t nstack,
                                     int throwflag, int64_t reason) {
  rt_note_deopt(reason);
  PyCodeObject *co = f->f_code;
  f->prev_instr = _PyCode_CODE(co) + unit - (throwflag ? 0 : 1);
  f->stacktop = co->co_nlocalsplus + (int)nstack;
  ts->cframe->current_frame = f->previous;
  ts->recursion_remaining++;
  return _PyEval_EvalFrameDefault(ts, f, throwflag);
}

/* Keeps prev_instr current before an operation that may call out. */
void rt_set_instr(Frame *f, int64_t unit) { f->prev_instr = _PyCode_CODE(f->f_code) + unit; }

/* Nonzero when the eval breaker asks for attention (signals, GIL drop, pending calls). */
int rt_breaker_set(TS *ts) {
  return _Py_atomic_load_relaxed(&ts->interp->ceval.eval_breaker) != 0;
}

int rt_err_occurred(TS *ts) { return ts->curexc_type != NULL; }

/* ---- reference counts -------------------------------------------------------------- */

void rt_incref(TS *ts, Frame *f, PyObject *o) { Py_INCREF(o); }
void rt_decref(TS *ts, Frame *f, PyObject *o) { Py_DECREF(o); }
void rt_xdecref(TS *ts, Frame *f, PyObject *o) { Py_XDECREF(o); }

/* ---- locals ------------------------------------------------------------------------ */

RT_COLD static void unbound_local(Frame *f, int64_t i) {
  PyObject *name = PyTuple_GET_ITEM(f->f_code->co_localsplusnames, i);
  PyErr_Format(PyExc_UnboundLocalError,
               "cannot access local variable '%U' where it is not associated with a value",
               name);
}

PyObject *rt_load_local(TS *ts, Frame *f, int64_t i) {
  PyObject *v = f->localsplus[i];
  if (UNLIKELY(v == NULL)) {
    unbound_local(f, i);
    return NULL;
  }
  Py_INCREF(v);
  return v;
}

void rt_store_local(TS *ts, Frame *f, int64_t i, PyObject *v) {
  PyObject *old = f->localsplus[i];
  f->localsplus[i] = v;
  Py_XDECREF(old);
}

int rt_delete_local(TS *ts, Frame *f, int64_t i) {
  PyObject *old = f->localsplus[i];
  if (UNLIKELY(old == NULL)) {
    unbound_local(f, i);
    return -1;
  }
  f->localsplus[i] = NULL;
  Py_DECREF(old);
  return 0;
}

/* ---- numbers ----------------------------------------------------------------------- */

/* A "compact" int: at most one 30-bit digit (3.11's representation). */
static RT_INLINE int is_compact(PyObject *o) {
  Py_ssize_t n = Py_SIZE(o);
  return n >= -1 && n <= 1;
}
static RT_INLINE long compact_value(PyObject *o) {
  return (long)Py_SIZE(o) * (long)((PyLongObject *)o)->ob_digit[0];
}

/* An int result: small ints come from the interpreter's cache without a call. */
static RT_INLINE PyObject *box_long(long v) {
  if (LIKELY(v >= -_PY_NSMALLNEGINTS && v < _PY_NSMALLPOSINTS)) {
    PyObject *o = (PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + v];
    Py_INCREF(o);
    return o;
  }
  return PyLong_FromLong(v);
}

RT_COLD static PyObject *binary_generic(int64_t op, PyObject *a, PyObject *b) {
  switch (op) {
  case NB_ADD: return PyNumber_Add(a, b);
  case NB_AND: return PyNumber_And(a, b);
  case NB_FLOOR_DIVIDE: return PyNumber_FloorDivide(a, b);
  case NB_LSHIFT: return PyNumber_Lshift(a, b);
  case NB_MATRIX_MULTIPLY: return PyNumber_MatrixMultiply(a, b);
  case NB_MULTIPLY: return PyNumber_Multiply(a, b);
  case NB_REMAINDER: return PyNumber_Remainder(a, b);
  case NB_OR: return PyNumber_Or(a, b);
  case NB_POWER: return PyNumber_Power(a, b, Py_None);
  case NB_RSHIFT: return PyNumber_Rshift(a, b);
  case NB_SUBTRACT: return PyNumber_Subtract(a, b);
  case NB_TRUE_DIVIDE: return PyNumber_TrueDivide(a, b);
  case NB_XOR: return PyNumber_Xor(a, b);
  case NB_INPLACE_ADD: return PyNumber_InPlaceAdd(a, b);
  case NB_INPLACE_AND: return PyNumber_InPlaceAnd(a, b);
  case NB_INPLACE_FLOOR_DIVIDE: return PyNumber_InPlaceFloorDivide(a, b);
  case NB_INPLACE_LSHIFT: return PyNumber_InPlaceLshift(a, b);
  case NB_INPLACE_MATRIX_MULTIPLY: return PyNumber_InPlaceMatrixMultiply(a, b);
  case NB_INPLACE_MULTIPLY: return PyNumber_InPlaceMultiply(a, b);
  case NB_INPLACE_REMAINDER: return PyNumber_InPlaceRemainder(a, b);
  case NB_INPLACE_OR: return PyNumber_InPlaceOr(a, b);
  case NB_INPLACE_POWER: return PyNumber_InPlacePower(a, b, Py_None);
  case NB_INPLACE_RSHIFT: return PyNumber_InPlaceRshift(a, b);
  case NB_INPLACE_SUBTRACT: return PyNumber_InPlaceSubtract(a, b);
  case NB_INPLACE_TRUE_DIVIDE: return PyNumber_InPlaceTrueDivide(a, b);
  case NB_INPLACE_XOR: return PyNumber_InPlaceXor(a, b);
  }
  PyErr_Format(PyExc_SystemError, "pyllc: bad binary operator %d", (int)op);
  return NULL;
}

/* The in-place forms behave as the plain ones on ints and floats (immutable). */
static RT_INLINE int64_t base_op(int64_t op) {
  return op >= NB_INPLACE_ADD ? op - NB_INPLACE_ADD : op;
}

PyObject *rt_binary_op(TS *ts, Frame *f, int64_t op, PyObject *a, PyObject *b) {
  int64_t bop = base_op(op);
  if (PyLong_CheckExact(a) && PyLong_CheckExact(b) && is_compact(a) && is_compact(b)) {
    long x = compact_value(a), y = compact_value(b);
    switch (bop) {
    case NB_ADD: return box_long(x + y); /* |x|,|y| < 2^30: cannot overflow a long */
    case NB_SUBTRACT: return box_long(x - y);
    case NB_MULTIPLY: return box_long(x * y);
    case NB_AND: return box_long(x & y);
    case NB_OR: return box_long(x | y);
    case NB_XOR: return box_long(x ^ y);
    default: break;
    }
  } else if (PyFloat_CheckExact(a) && PyFloat_CheckExact(b)) {
    double x = PyFloat_AS_DOUBLE(a), y = PyFloat_AS_DOUBLE(b);
    switch (bop) {
    case NB_ADD: return PyFloat_FromDouble(x + y);
    case NB_SUBTRACT: return PyFloat_FromDouble(x - y);
    case NB_MULTIPLY: return PyFloat_FromDouble(x * y);
    default: break;
    }
  }
  return binary_generic(op, a, b);
}

static RT_INLINE int cmp_long(int64_t c, long x, long y) {
  switch (c) {
  case Py_LT: return x < y;
  case Py_LE: return x <= y;
  case Py_EQ: return x == y;
  case Py_NE: return x != y;
  case Py_GT: return x > y;
  default: return x >= y;
  }
}

static RT_INLINE int cmp_double(int64_t c, double x, double y) {
  switch (c) {
  case Py_LT: return x < y;
  case Py_LE: return x <= y;
  case Py_EQ: return x == y;
  case Py_NE: return x != y;
  case Py_GT: return x > y;
  default: return x >= y;
  }
}

static RT_INLINE PyObject *box_bool(int b) {
  PyObject *o = b ? Py_True : Py_False;
  Py_INCREF(o);
  return o;
}

PyObject *rt_compare_op(TS *ts, Frame *f, int64_t c, PyObject *a, PyObject *b) {
  if (PyLong_CheckExact(a) && PyLong_CheckExact(b) && is_compact(a) && is_compact(b))
    return box_bool(cmp_long(c, compact_value(a), compact_value(b)));
  if (PyFloat_CheckExact(a) && PyFloat_CheckExact(b))
    return box_bool(cmp_double(c, PyFloat_AS_DOUBLE(a), PyFloat_AS_DOUBLE(b)));
  return PyObject_RichCompare(a, b, (int)c);
}

int rt_truth(TS *ts, Frame *f, PyObject *o) {
  if (o == Py_True) return 1;
  if (o == Py_False || o == Py_None) return 0;
  if (PyLong_CheckExact(o)) return Py_SIZE(o) != 0;
  return PyObject_IsTrue(o);
}

int rt_is(TS *ts, Frame *f, PyObject *a, PyObject *b) { return a == b; }
int rt_is_null(TS *ts, Frame *f, PyObject *a) { return a == NULL; }
PyObject *rt_box_bool(TS *ts, Frame *f, int b) { return box_bool(b); }

/* ---- globals ----------------------------------------------------------------------- */

RT_COLD static PyObject *load_global_slow(Frame *f, PyObject *name) {
  PyObject *v;
  if (PyDict_CheckExact(f->f_globals) && PyDict_CheckExact(f->f_builtins)) {
    v = PyDict_GetItemWithError(f->f_globals, name);
    if (!v && !PyErr_Occurred()) v = PyDict_GetItemWithError(f->f_builtins, name);
    if (v) {
      Py_INCREF(v);
      return v;
    }
  } else {
    v = PyObject_GetItem(f->f_globals, name);
    if (v) return v;
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) return NULL;
    PyErr_Clear();
    v = PyObject_GetItem(f->f_builtins, name);
    if (v) return v;
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) return NULL;
    PyErr_Clear();
  }
  if (!PyErr_Occurred())
    PyErr_Format(PyExc_NameError, "name '%.200U' is not defined", name);
  return NULL;
}

PyObject *rt_load_global(TS *ts, Frame *f, PyObject *name) {
  return load_global_slow(f, name);
}

/* ---- calls ------------------------------------------------------------------------- */

/* The CALL protocol: m is the method or NULL, fn the callable or self. Lowering passes
 * args with one writable slot before args[0], as the interpreter's stack has. */
PyObject *rt_call(TS *ts, Frame *f, PyObject *kwnames, PyObject *m, PyObject *fn,
                  PyObject **args, int64_t n) {
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  if (m != NULL) {
    args[-1] = fn; /* self becomes the first argument */
    return PyObject_Vectorcall(m, args - 1, (size_t)(n + 1 - nkw), kwnames);
  }
  return PyObject_Vectorcall(fn, args, ((size_t)(n - nkw)) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                             kwnames);
}

/* ---- iteration --------------------------------------------------------------------- */

PyObject *rt_get_iter(TS *ts, Frame *f, PyObject *o) { return PyObject_GetIter(o); }

/* NULL without an exception: exhausted. */
PyObject *rt_iter_next(TS *ts, Frame *f, PyObject *it) {
  PyObject *v = (*Py_TYPE(it)->tp_iternext)(it);
  if (v == NULL && ts->curexc_type != NULL) {
    if (!PyErr_ExceptionMatches(PyExc_StopIteration)) return NULL;
    PyErr_Clear();
  }
  return v;
}
