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
#include <internal/pycore_dict.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_long.h>
#include <internal/pycore_pystate.h>

#include <math.h>
#include <stdint.h>

#include "rt_abi.h"

typedef _PyInterpreterFrame Frame;
typedef PyThreadState TS;

#define RT_INLINE __attribute__((always_inline)) inline
/* Cold helpers are never compiled into JIT modules: lowering turns them into calls of
 * their native copies (lower_ctx_finish), so they must be extern (named rt_*). */
#define RT_COLD __attribute__((cold, noinline))
/* A helper that dispatches on an immediate operand: always inlined into JIT code, where
 * the dispatch folds away (LLVM's inline cost does not see that). Bitcode only: the
 * native copy (gcc) is an ordinary function. */
#ifdef __clang__
#define RT_FOLDS __attribute__((always_inline))
#else
#define RT_FOLDS
#endif
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- frame entry, exit, and leaving to the interpreter ---------------------------- */

/* Links the frame and counts recursion as _PyEval_EvalFrameDefault would. Returns 1 when
 * the interpreter must run the frame instead (tracing on, recursion limit reached: the
 * interpreter then raises RecursionError itself, with the right message). */
static RT_INLINE int rt_enter_refused(TS *ts, int traced) {
  if (UNLIKELY(traced && ts->cframe->use_tracing) ||
      UNLIKELY(ts->recursion_remaining <= 0)) {
    rt_note_deopt(RT_DEOPT_ENTRY);
    return 1;
  }
  return 0;
}

static RT_INLINE int enter(TS *ts, Frame *f, int traced) {
  if (rt_enter_refused(ts, traced)) return 1;
  ts->recursion_remaining--;
  f->previous = ts->cframe->current_frame;
  ts->cframe->current_frame = f;
  /* Past RESUME: the frame is complete (tracebacks, sys._getframe see it). */
  f->prev_instr = _PyCode_CODE(f->f_code) + f->f_code->_co_firsttraceable;
  return 0;
}

int rt_enter(TS *ts, Frame *f) { return enter(ts, f, 1); }

/* rt_enter for code without bytecode (.pyasm): a tracer does not send it to the
 * interpreter, which could not run it. */
int rt_enter_untraced(TS *ts, Frame *f) { return enter(ts, f, 0); }

/* Unlinks the frame before a normal return; the value stack is empty. */
void rt_leave(TS *ts, Frame *f) {
  ts->cframe->current_frame = f->previous;
  ts->recursion_remaining++;
}

/* Hands the frame to the interpreter. The caller has stored the live stack values into
 * localsplus[nlocalsplus ..]. throwflag 1: an exception is set and raised at the code unit
 * `unit`; throwflag 0: resume at `unit` (prev_instr = unit - 1); RT_THROW_IF_SET: 1 when an
 * exception is set (counted as an exception), else 0. `unit` RT_UNIT_AT_PREV_INSTR: the
 * unit prev_instr points at. */
RT_COLD PyObject *rt_leave_to_interp(TS *ts, Frame *f, int64_t unit, int64_t nstack,
                                     int throwflag, int64_t reason) {
  if (throwflag == RT_THROW_IF_SET) {
    throwflag = ts->curexc_type != NULL;
    if (throwflag) reason = RT_DEOPT_EXCEPTION;
  }
  rt_note_deopt(reason);
  PyCodeObject *co = f->f_code;
  _Py_CODEUNIT *at = unit == RT_UNIT_AT_PREV_INSTR ? f->prev_instr : _PyCode_CODE(co) + unit;
  f->prev_instr = at - (throwflag ? 0 : 1);
  f->stacktop = co->co_nlocalsplus + (int)nstack;
  ts->cframe->current_frame = f->previous;
  ts->recursion_remaining++;
  if (throwflag && UNLIKELY(ts->cframe->use_tracing)) return rt_raise_into_traced(ts, f);
  return _PyEval_EvalFrameDefault(ts, f, throwflag);
}

/* rt_enter for code entered through a `dispatch` (generators, OSR entries): links the
 * frame but keeps prev_instr, and returns the code unit the frame continues at (0 for a
 * fresh frame, which is then made complete as rt_enter does), or -1 when the interpreter
 * must run the frame (as rt_enter's 1). */
static RT_INLINE int64_t enter_resume(TS *ts, Frame *f, int traced) {
  if (rt_enter_refused(ts, traced)) return -1;
  ts->recursion_remaining--;
  f->previous = ts->cframe->current_frame;
  ts->cframe->current_frame = f;
  _Py_CODEUNIT *first = _PyCode_CODE(f->f_code);
  int64_t next = f->prev_instr + 1 - first;
  if (next == 0) f->prev_instr = first + f->f_code->_co_firsttraceable;
  return next;
}

int64_t rt_enter_resume(TS *ts, Frame *f) { return enter_resume(ts, f, 1); }
int64_t rt_enter_resume_untraced(TS *ts, Frame *f) { return enter_resume(ts, f, 0); }

/* The dispatch found no landing for the frame's next instruction: the interpreter runs
 * the frame as it is (its stack is in the frame). */
RT_COLD PyObject *rt_resume_in_interp(TS *ts, Frame *f) {
  rt_note_deopt(RT_DEOPT_RESUME);
  ts->cframe->current_frame = f->previous;
  ts->recursion_remaining++;
  return _PyEval_EvalFrameDefault(ts, f, 0);
}

/* YIELD_VALUE: the generator is suspended at code unit `unit` with nstack values of its
 * stack in the frame (already stored there), and the frame is unlinked, as the
 * interpreter leaves it; the caller returns the yielded value. */
void rt_yield(TS *ts, Frame *f, int64_t unit, int64_t nstack) {
  _PyFrame_GetGenerator(f)->gi_frame_state = FRAME_SUSPENDED;
  f->prev_instr = _PyCode_CODE(f->f_code) + unit;
  f->stacktop = f->f_code->co_nlocalsplus + (int)nstack;
  ts->cframe->current_frame = f->previous;
  ts->recursion_remaining++;
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

RT_COLD void rt_unbound_local(Frame *f, int64_t i) {
  PyObject *name = PyTuple_GET_ITEM(f->f_code->co_localsplusnames, i);
  PyErr_Format(PyExc_UnboundLocalError,
               "cannot access local variable '%U' where it is not associated with a value",
               name);
}

PyObject *rt_load_local(TS *ts, Frame *f, int64_t i) {
  PyObject *v = f->localsplus[i];
  if (UNLIKELY(v == NULL)) {
    rt_unbound_local(f, i);
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
    rt_unbound_local(f, i);
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

RT_COLD PyObject *rt_binary_generic(int64_t op, PyObject *a, PyObject *b) {
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

static RT_INLINE int both_compact_ints(PyObject *a, PyObject *b) {
  return PyLong_CheckExact(a) && PyLong_CheckExact(b) && is_compact(a) && is_compact(b);
}

/* The double an exact float or exact compact int stands for, for float arithmetic: float's
 * own methods convert an int operand with PyLong_AsDouble, exact below 2^30. Returns 0
 * for anything else. */
static RT_INLINE int as_double(PyObject *o, double *d) {
  if (PyFloat_CheckExact(o)) {
    *d = PyFloat_AS_DOUBLE(o);
    return 1;
  }
  if (PyLong_CheckExact(o) && is_compact(o)) {
    *d = (double)compact_value(o);
    return 1;
  }
  return 0;
}

/* At least one float, the other a float or a compact int: float arithmetic applies
 * (int's methods return NotImplemented for a float, then float's run). */
static RT_INLINE int float_pair(PyObject *a, PyObject *b, double *x, double *y) {
  if (!PyFloat_CheckExact(a) && !PyFloat_CheckExact(b)) return 0;
  return as_double(a, x) && as_double(b, y);
}

/* Python's // and % on C longs (rounding towards minus infinity); y != 0 and no overflow
 * (|x|, |y| < 2^30). */
static RT_INLINE long floor_div(long x, long y) {
  long q = x / y;
  if (x % y != 0 && ((x < 0) != (y < 0))) q--;
  return q;
}
static RT_INLINE long floor_mod(long x, long y) {
  long r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return r;
}

/* int op int, both compact: the result, or NULL (no exception) for the generic path
 * (division by zero raises there, with the interpreter's message). */
static RT_INLINE PyObject *int_fast(int64_t bop, long x, long y) {
  switch (bop) {
  case NB_ADD: return box_long(x + y);
  case NB_SUBTRACT: return box_long(x - y);
  case NB_MULTIPLY: return box_long(x * y);
  case NB_AND: return box_long(x & y);
  case NB_OR: return box_long(x | y);
  case NB_XOR: return box_long(x ^ y);
  case NB_FLOOR_DIVIDE: return y ? box_long(floor_div(x, y)) : NULL;
  case NB_REMAINDER: return y ? box_long(floor_mod(x, y)) : NULL;
  /* long_true_divide divides the doubles when both are exact in a double */
  case NB_TRUE_DIVIDE: return y ? PyFloat_FromDouble((double)x / (double)y) : NULL;
  }
  return NULL;
}

/* float op float (or compact int): the result, or NULL (no exception) for the generic
 * path: a zero divisor, and powers float_pow treats specially (a base <= 0, a non-finite
 * operand, a result that overflows or is subnormal: errno decides there). */
static RT_INLINE PyObject *float_fast(int64_t bop, double x, double y) {
  switch (bop) {
  case NB_ADD: return PyFloat_FromDouble(x + y);
  case NB_SUBTRACT: return PyFloat_FromDouble(x - y);
  case NB_MULTIPLY: return PyFloat_FromDouble(x * y);
  case NB_TRUE_DIVIDE: return y != 0.0 ? PyFloat_FromDouble(x / y) : NULL;
  case NB_POWER:
    if (x > 0.0 && __builtin_isfinite(x) && __builtin_isfinite(y)) {
      double r = pow(x, y);
      if (__builtin_isnormal(r)) return PyFloat_FromDouble(r);
    }
    return NULL;
  }
  return NULL;
}

/* Operators with a float fast path (float_fast). */
static RT_INLINE int float_op(int64_t bop) {
  return bop == NB_ADD || bop == NB_SUBTRACT || bop == NB_MULTIPLY || bop == NB_TRUE_DIVIDE ||
         bop == NB_POWER;
}

/* One operator's fast paths: exact ints of one digit, floats (with a compact int on one
 * side), str + str. |x|,|y| < 2^30: no int result overflows a long. */
static RT_INLINE PyObject *binary_fast(int64_t bop, int64_t op, PyObject *a, PyObject *b) {
  double x, y;
  PyObject *r = NULL;
  if (LIKELY(both_compact_ints(a, b))) {
    if (bop == NB_POWER) return rt_binary_generic(op, a, b);
    r = int_fast(bop, compact_value(a), compact_value(b));
  } else if (float_op(bop) && float_pair(a, b, &x, &y)) {
    r = float_fast(bop, x, y);
  } else if (bop == NB_ADD && PyUnicode_CheckExact(a) && PyUnicode_CheckExact(b)) {
    return PyUnicode_Concat(a, b);
  }
  if (r != NULL) return r;
  return rt_binary_generic(op, a, b);
}

/* The operator is a constant at every call site: dispatch first, one operator's code
 * after inlining. */
RT_FOLDS PyObject *rt_binary_op(TS *ts, Frame *f, int64_t op, PyObject *a, PyObject *b) {
  switch (base_op(op)) {
  case NB_ADD: return binary_fast(NB_ADD, op, a, b);
  case NB_SUBTRACT: return binary_fast(NB_SUBTRACT, op, a, b);
  case NB_MULTIPLY: return binary_fast(NB_MULTIPLY, op, a, b);
  case NB_AND: return binary_fast(NB_AND, op, a, b);
  case NB_OR: return binary_fast(NB_OR, op, a, b);
  case NB_XOR: return binary_fast(NB_XOR, op, a, b);
  case NB_FLOOR_DIVIDE: return binary_fast(NB_FLOOR_DIVIDE, op, a, b);
  case NB_REMAINDER: return binary_fast(NB_REMAINDER, op, a, b);
  case NB_TRUE_DIVIDE: return binary_fast(NB_TRUE_DIVIDE, op, a, b);
  case NB_POWER: return binary_fast(NB_POWER, op, a, b);
  default: return rt_binary_generic(op, a, b);
  }
}

/* a OP b where b is a constant compact int of value y (lower.c, "constant right
 * operands"): b's type is known, y folds into the code. */
RT_FOLDS PyObject *rt_binary_op_rint(TS *ts, Frame *f, int64_t op, PyObject *a, PyObject *b,
                                     int64_t y) {
  int64_t bop = base_op(op);
  PyObject *r = NULL;
  if (LIKELY(PyLong_CheckExact(a) && is_compact(a))) {
    if (bop != NB_POWER) r = int_fast(bop, compact_value(a), (long)y);
  } else if (float_op(bop) && PyFloat_CheckExact(a)) {
    r = float_fast(bop, PyFloat_AS_DOUBLE(a), (double)y);
  }
  if (r != NULL) return r;
  return rt_binary_generic(op, a, b);
}

/* a OP b where b is a constant float of value y. */
RT_FOLDS PyObject *rt_binary_op_rfloat(TS *ts, Frame *f, int64_t op, PyObject *a, PyObject *b,
                                       double y) {
  int64_t bop = base_op(op);
  double x;
  PyObject *r = NULL;
  if (float_op(bop) && as_double(a, &x)) r = float_fast(bop, x, y);
  if (r != NULL) return r;
  return rt_binary_generic(op, a, b);
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

/* The truth of `a CMP b` when the operands' types have a fast path, else -1: compact
 * ints compare as longs; floats (or a float and a compact int, exact in a double) as
 * doubles; str == str as the interpreter's COMPARE_OP_STR_JUMP does. */
static RT_INLINE int compare_fast(int64_t c, PyObject *a, PyObject *b) {
  double x, y;
  if (LIKELY(both_compact_ints(a, b))) return cmp_long(c, compact_value(a), compact_value(b));
  if (float_pair(a, b, &x, &y)) return cmp_double(c, x, y);
  if ((c == Py_EQ || c == Py_NE) && PyUnicode_CheckExact(a) && PyUnicode_CheckExact(b))
    return _PyUnicode_Equal(a, b) == (c == Py_EQ);
  return -1;
}

/* A compare_op that only feeds a branch (lower.c, "compare feeding a branch"): 0 or 1
 * without making a bool, or -1 for the generic compare_op and truth. */
int64_t rt_compare_fast(TS *ts, Frame *f, int64_t c, PyObject *a, PyObject *b) {
  return compare_fast(c, a, b);
}

/* rt_compare_fast where b is a constant compact int of value y. */
int64_t rt_compare_fast_rint(TS *ts, Frame *f, int64_t c, PyObject *a, PyObject *b, int64_t y) {
  if (LIKELY(PyLong_CheckExact(a) && is_compact(a))) return cmp_long(c, compact_value(a), y);
  if (PyFloat_CheckExact(a)) return cmp_double(c, PyFloat_AS_DOUBLE(a), (double)y);
  return -1;
}

/* rt_compare_fast where b is a constant float of value y. */
int64_t rt_compare_fast_rfloat(TS *ts, Frame *f, int64_t c, PyObject *a, PyObject *b,
                               double y) {
  double x;
  return as_double(a, &x) ? cmp_double(c, x, y) : -1;
}

/* compare_op where rt_compare_fast said -1. */
PyObject *rt_compare_generic(TS *ts, Frame *f, int64_t c, PyObject *a, PyObject *b) {
  return PyObject_RichCompare(a, b, (int)c);
}

PyObject *rt_compare_op(TS *ts, Frame *f, int64_t c, PyObject *a, PyObject *b) {
  int k = compare_fast(c, a, b);
  if (k >= 0) return box_bool(k);
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
/* pyllc.asm is the extension's builtin `asm` of module "pyllc._pyllc": recognised by name
 * and module, as JIT code cannot refer to the extension's own symbols. */
int rt_is_asm(TS *ts, Frame *f, PyObject *a) {
  if (!PyCFunction_Check(a)) return 0;
  PyCFunctionObject *fn = (PyCFunctionObject *)a;
  PyObject *mod = fn->m_module;
  return strcmp(fn->m_ml->ml_name, "asm") == 0 && mod && PyUnicode_Check(mod) &&
         PyUnicode_CompareWithASCIIString(mod, "pyllc._pyllc") == 0;
}
PyObject *rt_box_bool(TS *ts, Frame *f, int b) { return box_bool(b); }

/* ---- globals ----------------------------------------------------------------------- */

/* A hit is three compares and a load: the globals' version, the builtins' type (a
 * builtins that is not a dict has no version to read) and version. */
PyObject *rt_load_global(TS *ts, Frame *f, PyObject *name, RtSiteCache *c) {
  PyObject *b = f->f_builtins;
  if (LIKELY(c->key[0] == ((PyDictObject *)f->f_globals)->ma_version_tag &&
             Py_IS_TYPE(b, &PyDict_Type) &&
             c->key[1] == ((PyDictObject *)b)->ma_version_tag)) {
    PyObject *v = c->value;
    Py_INCREF(v);
    return v;
  }
  return rt_load_global_fill(f, name, c);
}

/* ---- calls ------------------------------------------------------------------------- */

/* The CALL protocol: m is the method or NULL, fn the callable or self; consumes m, fn
 * and the n args, as CALL does. A Python function's frame takes them over
 * (rt_call_function); any other callable borrows them, and they are released when it
 * returns, the callable first, before the error check (ceval.c's order). Lowering passes
 * args with one writable slot before args[0], as the interpreter's stack has. */
PyObject *rt_call(TS *ts, Frame *f, PyObject *kwnames, PyObject *m, PyObject *fn,
                  PyObject **args, int64_t n) {
  if (m == NULL && Py_IS_TYPE(fn, &PyMethod_Type)) {
    /* PRECALL: a bound method is called as its function with self first. */
    m = Py_NewRef(PyMethod_GET_FUNCTION(fn));
    PyObject *self = Py_NewRef(PyMethod_GET_SELF(fn));
    Py_DECREF(fn);
    fn = self;
  }
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  PyObject *callee = fn;
  size_t nargsf = ((size_t)(n - nkw)) | PY_VECTORCALL_ARGUMENTS_OFFSET;
  if (m != NULL) {
    args[-1] = fn; /* self becomes the first argument */
    callee = m;
    args--;
    n++;
    nargsf = (size_t)(n - nkw);
  }
  /* Python functions: rt_call_function calls compiled ones directly. */
  if (Py_IS_TYPE(callee, &PyFunction_Type))
    return rt_call_function(ts, callee, args, nargsf, kwnames);
  PyObject *res;
  /* str(x): what the interpreter's PRECALL_NO_KW_STR_1 does (str has no vectorcall) */
  if (callee == (PyObject *)&PyUnicode_Type && PyVectorcall_NARGS(nargsf) == 1 && !kwnames)
    res = PyObject_Str(args[0]);
  else
    res = PyObject_Vectorcall(callee, args, nargsf, kwnames);
  Py_DECREF(callee);
  for (int64_t i = 0; i < n; i++) Py_DECREF(args[i]);
  return res;
}

/* ---- iteration --------------------------------------------------------------------- */

PyObject *rt_get_iter(TS *ts, Frame *f, PyObject *o) { return PyObject_GetIter(o); }

/* range_iterator's layout in 3.11 (Objects/rangeobject.c, not in any header); the
 * interpreter's FOR_ITER_RANGE reads the same fields. */
typedef struct {
  PyObject_HEAD
  long index, start, step, len;
} RangeIter;

/* NULL without an exception: exhausted. A range iterator is stepped here, as FOR_ITER_RANGE
 * does, without calling its tp_iternext. */
PyObject *rt_iter_next(TS *ts, Frame *f, PyObject *it) {
  if (Py_IS_TYPE(it, &PyRangeIter_Type)) {
    RangeIter *r = (RangeIter *)it;
    if (r->index >= r->len) return NULL;
    return box_long((long)(r->start + (unsigned long)(r->index++) * r->step));
  }
  PyObject *v = (*Py_TYPE(it)->tp_iternext)(it);
  if (v == NULL && ts->curexc_type != NULL) {
    if (!PyErr_ExceptionMatches(PyExc_StopIteration)) return NULL;
    PyErr_Clear();
  }
  return v;
}

/* ---- small operations ---------------------------------------------------------------- */

int rt_is_none(TS *ts, Frame *f, PyObject *a) { return a == Py_None; }

PyObject *rt_tuple_item(TS *ts, Frame *f, int64_t k, PyObject *t) {
  PyObject *v = PyTuple_GET_ITEM(t, k);
  Py_INCREF(v);
  return v;
}

/* The stack slot the interpreter left for a handler: the reference moves out of the
 * frame. */
PyObject *rt_entry_stack(TS *ts, Frame *f, int64_t k) {
  PyObject **slot = &f->localsplus[f->f_code->co_nlocalsplus + k];
  PyObject *v = *slot;
  *slot = NULL;
  return v;
}

PyObject *rt_unary_pos(TS *ts, Frame *f, PyObject *a) { return PyNumber_Positive(a); }
PyObject *rt_unary_neg(TS *ts, Frame *f, PyObject *a) {
  if (PyLong_CheckExact(a) && is_compact(a)) return box_long(-compact_value(a));
  if (PyFloat_CheckExact(a)) return PyFloat_FromDouble(-PyFloat_AS_DOUBLE(a));
  return PyNumber_Negative(a);
}
PyObject *rt_unary_invert(TS *ts, Frame *f, PyObject *a) { return PyNumber_Invert(a); }

int rt_contains(TS *ts, Frame *f, PyObject *a, PyObject *b) {
  return PySequence_Contains(b, a);
}

PyObject *rt_binary_subscr(TS *ts, Frame *f, PyObject *c, PyObject *k) {
  if (PyLong_CheckExact(k) && (size_t)Py_SIZE(k) <= 1) {
    Py_ssize_t i = (Py_ssize_t)((PyLongObject *)k)->ob_digit[0];
    if (PyList_CheckExact(c) && i < PyList_GET_SIZE(c)) {
      PyObject *v = PyList_GET_ITEM(c, i);
      Py_INCREF(v);
      return v;
    }
    if (PyTuple_CheckExact(c) && i < PyTuple_GET_SIZE(c)) {
      PyObject *v = PyTuple_GET_ITEM(c, i);
      Py_INCREF(v);
      return v;
    }
  }
  return PyObject_GetItem(c, k);
}

int rt_store_subscr(TS *ts, Frame *f, PyObject *c, PyObject *k, PyObject *v) {
  if (PyList_CheckExact(c) && PyLong_CheckExact(k) && (size_t)Py_SIZE(k) <= 1) {
    Py_ssize_t i = (Py_ssize_t)((PyLongObject *)k)->ob_digit[0];
    if (i < PyList_GET_SIZE(c)) {
      PyObject *old = PyList_GET_ITEM(c, i);
      Py_INCREF(v);
      PyList_SET_ITEM(c, i, v);
      Py_DECREF(old);
      return 0;
    }
  }
  if (PyDict_CheckExact(c)) return PyDict_SetItem(c, k, v);
  return PyObject_SetItem(c, k, v);
}

/* ---- attributes ------------------------------------------------------------------------ */

PyObject *rt_load_attr(TS *ts, Frame *f, PyObject *name, PyObject *o) {
  return PyObject_GetAttr(o, name);
}

int rt_store_attr(TS *ts, Frame *f, PyObject *name, PyObject *o, PyObject *v) {
  return PyObject_SetAttr(o, name, v);
}

/* LOAD_METHOD's first half: the unbound method when the type's attribute is a method
 * descriptor that no instance dictionary can shadow; else NULL and no exception (the
 * second half then does a plain getattr, which binds: same result, one call more). */
PyObject *rt_load_method(TS *ts, Frame *f, PyObject *name, PyObject *o) {
  PyTypeObject *tp = Py_TYPE(o);
  if (tp->tp_getattro != PyObject_GenericGetAttr || tp->tp_dictoffset != 0 ||
      tp->tp_dict == NULL)
    return NULL;
  PyObject *d = _PyType_Lookup(tp, name);
  if (d == NULL || !PyType_HasFeature(Py_TYPE(d), Py_TPFLAGS_METHOD_DESCRIPTOR)) return NULL;
  Py_INCREF(d);
  return d;
}

PyObject *rt_load_method_self(TS *ts, Frame *f, PyObject *name, PyObject *o, PyObject *m) {
  if (m != NULL) {
    Py_INCREF(o);
    return o;
  }
  return PyObject_GetAttr(o, name);
}

/* ---- cells ------------------------------------------------------------------------------- */

RT_COLD void rt_unbound_deref(Frame *f, int64_t i) {
  if (PyErr_Occurred()) return;
  PyCodeObject *co = f->f_code;
  PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
  if (i < co->co_nplaincellvars + co->co_nlocals) {
    rt_unbound_local(f, i);
  } else {
    PyErr_Format(PyExc_NameError,
                 "cannot access free variable '%U' where it is not associated with a value"
                 " in enclosing scope",
                 name);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    if (v && PyObject_SetAttrString(v, "name", name) < 0) PyErr_Clear();
    PyErr_Restore(t, v, tb);
  }
}

int rt_make_cell(TS *ts, Frame *f, int64_t i) {
  PyObject *initial = f->localsplus[i];
  PyObject *cell = PyCell_New(initial);
  if (cell == NULL) return -1;
  f->localsplus[i] = cell;
  Py_XDECREF(initial);
  return 0;
}

PyObject *rt_load_deref(TS *ts, Frame *f, int64_t i) {
  PyObject *v = PyCell_GET(f->localsplus[i]);
  if (UNLIKELY(v == NULL)) {
    rt_unbound_deref(f, i);
    return NULL;
  }
  Py_INCREF(v);
  return v;
}

void rt_store_deref(TS *ts, Frame *f, int64_t i, PyObject *v) {
  PyObject *cell = f->localsplus[i];
  PyObject *old = PyCell_GET(cell);
  PyCell_SET(cell, v);
  Py_XDECREF(old);
}

int rt_delete_deref(TS *ts, Frame *f, int64_t i) {
  PyObject *cell = f->localsplus[i];
  PyObject *old = PyCell_GET(cell);
  if (old == NULL) {
    rt_unbound_deref(f, i);
    return -1;
  }
  PyCell_SET(cell, NULL);
  Py_DECREF(old);
  return 0;
}

void rt_copy_free_vars(TS *ts, Frame *f, int64_t n) {
  PyCodeObject *co = f->f_code;
  PyObject *closure = f->f_func->func_closure;
  int offset = co->co_nlocals + co->co_nplaincellvars;
  for (int64_t i = 0; i < n; i++) {
    PyObject *o = PyTuple_GET_ITEM(closure, i);
    Py_INCREF(o);
    f->localsplus[offset + i] = o;
  }
}

/* ---- containers (items consumed on success only) --------------------------------------- */

PyObject *rt_build_tuple(TS *ts, Frame *f, PyObject **items, int64_t n) {
  PyObject *t = PyTuple_New(n);
  if (t == NULL) return NULL;
  for (int64_t i = 0; i < n; i++) PyTuple_SET_ITEM(t, i, items[i]);
  return t;
}

PyObject *rt_build_list(TS *ts, Frame *f, PyObject **items, int64_t n) {
  PyObject *l = PyList_New(n);
  if (l == NULL) return NULL;
  for (int64_t i = 0; i < n; i++) PyList_SET_ITEM(l, i, items[i]);
  return l;
}

int rt_list_append(TS *ts, Frame *f, PyObject *l, PyObject *v) {
  if (PyList_Append(l, v) < 0) return -1;
  Py_DECREF(v);
  return 0;
}

PyObject *rt_get_len(TS *ts, Frame *f, PyObject *o) {
  Py_ssize_t n = PyObject_Length(o);
  if (n < 0) return NULL;
  return PyLong_FromSsize_t(n);
}

int rt_match_mapping(TS *ts, Frame *f, PyObject *s) {
  return (Py_TYPE(s)->tp_flags & Py_TPFLAGS_MAPPING) != 0;
}
int rt_match_sequence(TS *ts, Frame *f, PyObject *s) {
  return (Py_TYPE(s)->tp_flags & Py_TPFLAGS_SEQUENCE) != 0;
}

PyObject *rt_load_assertion_error(TS *ts, Frame *f) {
  Py_INCREF(PyExc_AssertionError);
  return PyExc_AssertionError;
}

/* ---- exceptions being handled ------------------------------------------------------------ */

PyObject *rt_push_exc_info(TS *ts, Frame *f, PyObject *e) {
  _PyErr_StackItem *ei = ts->exc_info;
  PyObject *prev = ei->exc_value;
  if (prev == NULL) {
    prev = Py_None;
    Py_INCREF(prev);
  }
  Py_INCREF(e);
  ei->exc_value = e;
  return prev;
}

void rt_pop_except(TS *ts, Frame *f, PyObject *e) {
  _PyErr_StackItem *ei = ts->exc_info;
  PyObject *old = ei->exc_value;
  ei->exc_value = e;
  Py_XDECREF(old);
}

/* ---- the interpreter's periodic checks ------------------------------------------------- */

/* RESUME n / a loop's eval breaker: -1 with an exception (from a signal handler...), -1
 * without one to leave for the tracer, else 0. */
int rt_resume(TS *ts, Frame *f, int64_t n) {
  if (UNLIKELY(ts->cframe->use_tracing)) return -1;
  if (n < 2 && UNLIKELY(rt_breaker_set(ts))) return rt_handle_breaker(ts);
  return 0;
}

int rt_eval_breaker(TS *ts, Frame *f) {
  if (UNLIKELY(ts->cframe->use_tracing)) return -1;
  if (UNLIKELY(rt_breaker_set(ts))) return rt_handle_breaker(ts);
  return 0;
}

/* resume and eval_breaker in code without bytecode (.pyasm): tracing does not leave. */
int rt_resume_untraced(TS *ts, Frame *f, int64_t n) {
  if (n < 2 && UNLIKELY(rt_breaker_set(ts))) return rt_handle_breaker(ts);
  return 0;
}

int rt_eval_breaker_untraced(TS *ts, Frame *f) {
  if (UNLIKELY(rt_breaker_set(ts))) return rt_handle_breaker(ts);
  return 0;
}

/* ---- names ------------------------------------------------------------------------------- */

/* A hit of load_name's cache on an exact dict namespace (rt_abi.h): the entry at the
 * cached index of the cached keys holds this very name, so it is the name's entry now,
 * whatever happened since (a resize makes new keys; a deletion clears the entry's key;
 * the keys' address reused by others still has to hold the name there). Only combined
 * tables keep their values in the entries. The value, borrowed, or NULL. */
static inline PyObject *cached_name(PyObject *ns, PyObject *name, RtSiteCache *c) {
  PyDictObject *d = (PyDictObject *)ns;
  PyDictKeysObject *k = d->ma_keys;
  Py_ssize_t i = (Py_ssize_t)c->key[1];
  if ((uint64_t)(uintptr_t)k != c->key[0] || d->ma_values || k->dk_kind != DICT_KEYS_UNICODE ||
      i >= k->dk_nentries)
    return NULL;
  PyDictUnicodeEntry *e = &DK_UNICODE_ENTRIES(k)[i];
  return e->me_key == name ? e->me_value : NULL;
}

/* LOAD_NAME. Module and class bodies look their names up in a dict every time: the
 * cache skips the hashing and probing for names found in f_locals. */
PyObject *rt_load_name(TS *ts, Frame *f, PyObject *name, RtSiteCache *c) {
  PyObject *ns = f->f_locals;
  if (LIKELY(ns && Py_IS_TYPE(ns, &PyDict_Type))) {
    PyObject *v = cached_name(ns, name, c);
    if (LIKELY(v != NULL)) {
      Py_INCREF(v);
      return v;
    }
  }
  return rt_load_name_fill(f, name, c);
}
int rt_store_name(TS *ts, Frame *f, PyObject *name, PyObject *v) {
  PyObject *ns = f->f_locals;
  if (ns != NULL && PyDict_CheckExact(ns)) return PyDict_SetItem(ns, name, v);
  return rt_store_name_slow(f, name, v);
}

/* ---- generators and coroutines ------------------------------------------------------ */

/* SEND: (result, True) when recv returned (result is its return value), (result, False)
 * when it yielded; NULL when it raised. PyIter_Send is what the interpreter calls. */
PyObject *rt_send(TS *ts, Frame *f, PyObject *recv, PyObject *v) {
  PyObject *res;
  PySendResult st = PyIter_Send(recv, v, &res);
  if (st == PYGEN_ERROR) return NULL;
  PyObject *t = PyTuple_New(2);
  if (!t) {
    Py_DECREF(res);
    return NULL;
  }
  PyObject *done = st == PYGEN_RETURN ? Py_True : Py_False;
  Py_INCREF(done);
  PyTuple_SET_ITEM(t, 0, res);
  PyTuple_SET_ITEM(t, 1, done);
  return t;
}

/* GET_YIELD_FROM_ITER: generators (and coroutines, in a coroutine) delegate to themselves,
 * anything else to its iterator. */
PyObject *rt_get_yield_from_iter(TS *ts, Frame *f, PyObject *o) {
  if (PyCoro_CheckExact(o)) {
    if (!(f->f_code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
      PyErr_SetString(PyExc_TypeError,
                      "cannot 'yield from' a coroutine object in a non-coroutine generator");
      return NULL;
    }
  } else if (!PyGen_CheckExact(o)) {
    return PyObject_GetIter(o);
  }
  Py_INCREF(o);
  return o;
}

/* END_ASYNC_FOR: the StopAsyncIteration that ends the loop is consumed; anything else
 * leaves to the interpreter (-1, no exception set), which re-raises it without a new
 * traceback entry. */
int rt_end_async_for(TS *ts, Frame *f, PyObject *aiter, PyObject *e) {
  return PyErr_GivenExceptionMatches(e, PyExc_StopAsyncIteration) ? 0 : -1;
}
