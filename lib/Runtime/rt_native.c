/* rt_native.c - runtime helpers compiled to machine code with the library (not inlined):
 * the rare paths of compiled code, and the engine's counters. The JIT reaches them by
 * absolute symbols (RT_NATIVE_LIST in rt_abi.h). */
#define PY_SSIZE_T_CLEAN
#define Py_BUILD_CORE 1
#include <Python.h>
#include <opcode.h>
#include <internal/pycore_atomic.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_code.h>
#include <internal/pycore_dict.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_object.h>
#include <internal/pycore_pystate.h>
#include <pthread.h>

#include "rt_abi.h"

/* The engine's deopt counters. The eval-frame hook is per interpreter and CPython passes
 * it no context, so this one pointer is the state the hook API forces on us. */
static uint64_t *deopt_counters;

void rt_set_deopt_counters(uint64_t *counters) { deopt_counters = counters; }

/* The engine's call counters (RtCallKind), for the same reason. */
static uint64_t *call_counters;

void rt_set_call_counters(uint64_t *counters) { call_counters = counters; }

static void note_call(RtCallKind kind) {
  if (call_counters) call_counters[kind]++;
}

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

/* ---- raising into the interpreter while tracing ------------------------------------------
 * _PyEval_EvalFrameDefault(throwflag=1) is how generator.throw() re-enters a frame, so it
 * reports a 'call' event to the tracer and the profiler first, which the interpreter never
 * gives for a frame already running. For that one entry each of the two functions is
 * replaced by one that swallows the event and puts the user's function back; 'exception',
 * 'line' and 'return' then reach the user's functions as in the interpreter. */
typedef struct QuietEntry {
  Py_tracefunc trace, profile; /* the user's functions (NULL: that slot is not swapped) */
  PyObject *traceobj, *profileobj; /* their objects: the references the slots held */
  PyObject *self;              /* a capsule pointing here: the swapped slots' object */
} QuietEntry;

static void put_back_trace(PyThreadState *ts, QuietEntry *q) {
  if (!q->trace) return;
  ts->c_tracefunc = q->trace;
  ts->c_traceobj = q->traceobj;
  q->trace = NULL;
  Py_DECREF(q->self);
}

static void put_back_profile(PyThreadState *ts, QuietEntry *q) {
  if (!q->profile) return;
  ts->c_profilefunc = q->profile;
  ts->c_profileobj = q->profileobj;
  q->profile = NULL;
  Py_DECREF(q->self);
}

static int swallow_trace(PyObject *cap, PyFrameObject *f, int what, PyObject *arg) {
  put_back_trace(PyThreadState_Get(), PyCapsule_GetPointer(cap, NULL));
  return 0;
}

static int swallow_profile(PyObject *cap, PyFrameObject *f, int what, PyObject *arg) {
  put_back_profile(PyThreadState_Get(), PyCapsule_GetPointer(cap, NULL));
  return 0;
}

PyObject *rt_raise_into_traced(void *tsv, void *fv) {
  PyThreadState *ts = tsv;
  QuietEntry q = {0};
  q.self = PyCapsule_New(&q, NULL, NULL);
  if (q.self) {
    if (ts->c_tracefunc) {
      q.trace = ts->c_tracefunc, q.traceobj = ts->c_traceobj;
      ts->c_tracefunc = swallow_trace, ts->c_traceobj = Py_NewRef(q.self);
    }
    if (ts->c_profilefunc) {
      q.profile = ts->c_profilefunc, q.profileobj = ts->c_profileobj;
      ts->c_profilefunc = swallow_profile, ts->c_profileobj = Py_NewRef(q.self);
    }
  } else {
    PyErr_Clear(); /* the event then shows; the exception being raised matters more */
  }
  PyObject *res = _PyEval_EvalFrameDefault(ts, fv, 1);
  /* Not entered (recursion limit): nothing swallowed. */
  put_back_trace(ts, &q);
  put_back_profile(ts, &q);
  Py_XDECREF(q.self);
  return res;
}

/* ---- helpers of the helpers ------------------------------------------------------------ */

typedef _PyInterpreterFrame Frame;

/* NameError with the name attached, as the interpreter's format_exc_check_arg does (the
 * traceback printer's "Did you mean" needs it). */
static void name_error(PyObject *name) {
  const char *s = PyUnicode_AsUTF8(name);
  if (!s) return;
  PyErr_Format(PyExc_NameError, "name '%.200s' is not defined", s);
  PyObject *t, *v, *tb;
  PyErr_Fetch(&t, &v, &tb);
  PyErr_NormalizeException(&t, &v, &tb);
  if (v && PyErr_GivenExceptionMatches(v, PyExc_NameError) &&
      PyObject_SetAttrString(v, "name", name) < 0)
    PyErr_Clear();
  PyErr_Restore(t, v, tb);
}

/* value of mapping[key] as a new reference; NULL without an exception when absent. */
static PyObject *map_get(PyObject *map, PyObject *key) {
  if (PyDict_CheckExact(map)) {
    PyObject *v = PyDict_GetItemWithError(map, key);
    Py_XINCREF(v);
    return v;
  }
  PyObject *v = PyObject_GetItem(map, key);
  if (!v && PyErr_ExceptionMatches(PyExc_KeyError)) PyErr_Clear();
  return v;
}

/* ---- names ------------------------------------------------------------------------------ */

PyObject *rt_load_global_slow(void *fv, PyObject *name) {
  Frame *f = fv;
  PyObject *v = map_get(f->f_globals, name);
  if (v || PyErr_Occurred()) return v;
  v = map_get(f->f_builtins, name);
  if (v || PyErr_Occurred()) return v;
  name_error(name);
  return NULL;
}

PyObject *rt_load_global_fill(void *fv, PyObject *name, RtSiteCache *c) {
  Frame *f = fv;
  PyObject *g = f->f_globals, *b = f->f_builtins;
  Py_hash_t h = PyUnicode_CheckExact(name) ? ((PyASCIIObject *)name)->hash : -1;
  if (!PyDict_CheckExact(g) || !PyDict_CheckExact(b) || h == -1)
    return rt_load_global_slow(f, name);
  uint64_t gv = ((PyDictObject *)g)->ma_version_tag, bv = ((PyDictObject *)b)->ma_version_tag;
  PyObject *v = _PyDict_GetItem_KnownHash(g, name, h);
  if (!v && !PyErr_Occurred()) v = _PyDict_GetItem_KnownHash(b, name, h);
  if (!v) {
    if (!PyErr_Occurred()) name_error(name);
    return NULL;
  }
  /* A key's __eq__ may have run code that changed a dict: then the versions read before
   * the lookup do not describe what was found, and the cache stays as it was. */
  if (gv == ((PyDictObject *)g)->ma_version_tag && bv == ((PyDictObject *)b)->ma_version_tag) {
    c->key[0] = gv;
    c->key[1] = bv;
    c->value = v;
  }
  Py_INCREF(v);
  return v;
}

PyObject *rt_load_name_slow(void *fv, PyObject *name) {
  Frame *f = fv;
  if (f->f_locals == NULL) {
    PyErr_Format(PyExc_SystemError, "no locals when loading %R", name);
    return NULL;
  }
  PyObject *v = map_get(f->f_locals, name);
  if (v || PyErr_Occurred()) return v;
  return rt_load_global_slow(f, name);
}

/* The slot of `name` in the index table of unicode keys k: dictobject.c's probe
 * (perturbed open addressing), keys compared by identity only. -1 when absent. */
static Py_ssize_t keys_index(PyDictKeysObject *k, Py_ssize_t slot) {
  switch (k->dk_log2_index_bytes - k->dk_log2_size) {
  case 0: return ((const int8_t *)k->dk_indices)[slot];
  case 1: return ((const int16_t *)k->dk_indices)[slot];
  case 2: return ((const int32_t *)k->dk_indices)[slot];
  default: return ((const int64_t *)k->dk_indices)[slot];
  }
}

static Py_ssize_t entry_of(PyDictKeysObject *k, PyObject *name) {
  Py_hash_t h = ((PyASCIIObject *)name)->hash;
  if (h == -1) return -1;
  size_t mask = ((size_t)1 << k->dk_log2_size) - 1, i = (size_t)h & mask, perturb = (size_t)h;
  PyDictUnicodeEntry *e = DK_UNICODE_ENTRIES(k);
  for (;;) {
    Py_ssize_t ix = keys_index(k, (Py_ssize_t)i);
    if (ix == DKIX_EMPTY) return -1;
    if (ix >= 0 && e[ix].me_key == name) return ix;
    perturb >>= 5; /* PERTURB_SHIFT */
    i = mask & (i * 5 + perturb + 1);
  }
}

PyObject *rt_load_name_fill(void *fv, PyObject *name, RtSiteCache *c) {
  Frame *f = fv;
  PyObject *v = rt_load_name_slow(f, name);
  PyDictObject *d = (PyDictObject *)f->f_locals;
  if (!v || !d || !PyDict_CheckExact(d) || d->ma_values || !PyUnicode_CheckExact(name))
    return v;
  PyDictKeysObject *k = d->ma_keys;
  if (k->dk_kind != DICT_KEYS_UNICODE) return v;
  Py_ssize_t ix = entry_of(k, name);
  /* Found in f_locals (not in the globals or builtins behind it)? */
  if (ix >= 0 && DK_UNICODE_ENTRIES(k)[ix].me_value == v) {
    c->key[0] = (uint64_t)(uintptr_t)k;
    c->key[1] = (uint64_t)ix;
  }
  return v;
}

int rt_store_name_slow(void *fv, PyObject *name, PyObject *v) {
  Frame *f = fv;
  if (f->f_locals == NULL) {
    PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
    return -1;
  }
  if (PyDict_CheckExact(f->f_locals)) return PyDict_SetItem(f->f_locals, name, v);
  return PyObject_SetItem(f->f_locals, name, v);
}

int rt_delete_name(void *ts, void *fv, PyObject *name) {
  Frame *f = fv;
  if (f->f_locals == NULL) {
    PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
    return -1;
  }
  if (PyObject_DelItem(f->f_locals, name) != 0) {
    name_error(name);
    return -1;
  }
  return 0;
}

int rt_store_global(void *ts, void *fv, PyObject *name, PyObject *v) {
  return PyDict_SetItem(((Frame *)fv)->f_globals, name, v);
}

int rt_delete_global(void *ts, void *fv, PyObject *name) {
  if (PyDict_DelItem(((Frame *)fv)->f_globals, name) != 0) {
    if (PyErr_ExceptionMatches(PyExc_KeyError)) name_error(name);
    return -1;
  }
  return 0;
}

int rt_delete_subscr(void *ts, void *f, PyObject *c, PyObject *k) {
  return PyObject_DelItem(c, k);
}

int rt_delete_attr(void *ts, void *f, PyObject *name, PyObject *o) {
  return PyObject_SetAttr(o, name, NULL);
}

PyObject *rt_load_classderef(void *ts, void *fv, int64_t i) {
  Frame *f = fv;
  PyCodeObject *co = f->f_code;
  PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
  PyObject *v = f->f_locals ? map_get(f->f_locals, name) : NULL;
  if (v || PyErr_Occurred()) return v;
  v = PyCell_GET(f->localsplus[i]);
  if (v) {
    Py_INCREF(v);
    return v;
  }
  if (i < co->co_nplaincellvars + co->co_nlocals) {
    PyErr_Format(PyExc_UnboundLocalError,
                 "cannot access local variable '%U' where it is not associated with a value",
                 name);
  } else {
    PyErr_Format(PyExc_NameError,
                 "cannot access free variable '%U' where it is not associated with a value"
                 " in enclosing scope",
                 name);
  }
  return NULL;
}

/* ---- containers ------------------------------------------------------------------------ */

static void release(PyObject **items, int64_t n) {
  for (int64_t i = 0; i < n; i++) Py_XDECREF(items[i]);
}

PyObject *rt_build_set(void *ts, void *f, PyObject **items, int64_t n) {
  PyObject *s = PySet_New(NULL);
  if (!s) return NULL;
  for (int64_t i = 0; i < n; i++)
    if (PySet_Add(s, items[i]) < 0) {
      Py_DECREF(s);
      return NULL;
    }
  release(items, n);
  return s;
}

PyObject *rt_build_map(void *ts, void *f, PyObject **items, int64_t n) {
  PyObject *d = _PyDict_NewPresized(n / 2);
  if (!d) return NULL;
  for (int64_t i = 0; i + 1 < n; i += 2)
    if (PyDict_SetItem(d, items[i], items[i + 1]) < 0) {
      Py_DECREF(d);
      return NULL;
    }
  release(items, n);
  return d;
}

PyObject *rt_build_const_key_map(void *ts, void *f, PyObject *keys, PyObject **items,
                                 int64_t n) {
  if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != n) {
    PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
    return NULL;
  }
  PyObject *d = _PyDict_NewPresized(n);
  if (!d) return NULL;
  for (int64_t i = 0; i < n; i++)
    if (PyDict_SetItem(d, PyTuple_GET_ITEM(keys, i), items[i]) < 0) {
      Py_DECREF(d);
      return NULL;
    }
  release(items, n);
  Py_DECREF(keys);
  return d;
}

PyObject *rt_build_string(void *ts, void *f, PyObject **items, int64_t n) {
  PyObject *empty = PyUnicode_New(0, 0);
  if (!empty) return NULL;
  PyObject *s = _PyUnicode_JoinArray(empty, items, n);
  Py_DECREF(empty);
  if (s) release(items, n);
  return s;
}

PyObject *rt_build_slice(void *ts, void *f, PyObject *a, PyObject *b, PyObject *c) {
  PyObject *s = PySlice_New(a, b, c);
  if (!s) return NULL;
  Py_DECREF(a);
  Py_DECREF(b);
  Py_XDECREF(c);
  return s;
}

int rt_set_add(void *ts, void *f, PyObject *s, PyObject *v) { return PySet_Add(s, v); }

int rt_map_add(void *ts, void *f, PyObject *d, PyObject *k, PyObject *v) {
  return PyDict_SetItem(d, k, v);
}

int rt_list_extend(void *ts, void *f, PyObject *l, PyObject *it) {
  PyObject *none = _PyList_Extend((PyListObject *)l, it);
  if (none) {
    Py_DECREF(none);
    return 0;
  }
  if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(it)->tp_iter == NULL &&
      !PySequence_Check(it)) {
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                 Py_TYPE(it)->tp_name);
  }
  return -1;
}

int rt_set_update(void *ts, void *f, PyObject *s, PyObject *it) { return _PySet_Update(s, it); }

int rt_dict_update(void *ts, void *f, PyObject *d, PyObject *m) {
  if (PyDict_Update(d, m) < 0) {
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(m)->tp_name);
    }
    return -1;
  }
  return 0;
}

/* The interpreter's wording of errors from merging **kwargs. */
static void kwargs_error(PyObject *fn, PyObject *kwargs) {
  if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
    PyErr_Clear();
    PyObject *fs = _PyObject_FunctionStr(fn);
    if (fs) {
      PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s", fs,
                   Py_TYPE(kwargs)->tp_name);
      Py_DECREF(fs);
    }
  } else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (v && PyTuple_Check(v) && PyTuple_GET_SIZE(v) == 1) {
      PyObject *fs = _PyObject_FunctionStr(fn);
      if (fs) {
        PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'", fs,
                     PyTuple_GET_ITEM(v, 0));
        Py_DECREF(fs);
      }
      Py_XDECREF(t);
      Py_XDECREF(v);
      Py_XDECREF(tb);
    } else {
      PyErr_Restore(t, v, tb);
    }
  }
}

int rt_dict_merge(void *ts, void *f, PyObject *fn, PyObject *d, PyObject *m) {
  if (_PyDict_MergeEx(d, m, 2) < 0) {
    kwargs_error(fn, m);
    return -1;
  }
  return 0;
}

PyObject *rt_list_to_tuple(void *ts, void *f, PyObject *l) { return PyList_AsTuple(l); }

PyObject *rt_format_value(void *ts, void *f, int64_t conv, PyObject *v, PyObject *spec) {
  PyObject *c;
  switch (conv) {
  case 1: c = PyObject_Str(v); break;
  case 2: c = PyObject_Repr(v); break;
  case 3: c = PyObject_ASCII(v); break;
  default: c = (Py_INCREF(v), v); break;
  }
  if (!c) return NULL;
  if (PyUnicode_CheckExact(c) && spec == NULL) return c;
  PyObject *r = PyObject_Format(c, spec);
  Py_DECREF(c);
  return r;
}

/* UNPACK_SEQUENCE / UNPACK_EX: the items (and the starred list) as one tuple. after < 0:
 * no star. */
static PyObject *unpack(PyObject *v, int64_t argcnt, int64_t after) {
  int64_t total = argcnt + (after >= 0 ? 1 + after : 0);
  if (after < 0 && (PyTuple_CheckExact(v) || PyList_CheckExact(v)) &&
      Py_SIZE(v) == argcnt) {
    PyObject **src = PyTuple_CheckExact(v) ? ((PyTupleObject *)v)->ob_item
                                           : ((PyListObject *)v)->ob_item;
    PyObject *t = PyTuple_New(argcnt);
    for (int64_t i = 0; t && i < argcnt; i++) {
      Py_INCREF(src[i]);
      PyTuple_SET_ITEM(t, i, src[i]);
    }
    return t;
  }
  PyObject *it = PyObject_GetIter(v);
  if (!it) {
    if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL &&
        !PySequence_Check(v)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                   Py_TYPE(v)->tp_name);
    }
    return NULL;
  }
  PyObject *t = PyTuple_New(total);
  if (!t) goto error;
  for (int64_t i = 0; i < argcnt; i++) {
    PyObject *w = PyIter_Next(it);
    if (!w) {
      if (!PyErr_Occurred()) {
        if (after < 0)
          PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected %d, got %d)",
                       (int)argcnt, (int)i);
        else
          PyErr_Format(PyExc_ValueError,
                       "not enough values to unpack (expected at least %d, got %d)",
                       (int)(argcnt + after), (int)i);
      }
      goto error;
    }
    PyTuple_SET_ITEM(t, i, w);
  }
  if (after < 0) {
    PyObject *w = PyIter_Next(it);
    if (w == NULL) {
      if (PyErr_Occurred()) goto error;
      Py_DECREF(it);
      return t;
    }
    Py_DECREF(w);
    PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", (int)argcnt);
    goto error;
  }
  PyObject *l = PySequence_List(it);
  if (!l) goto error;
  PyTuple_SET_ITEM(t, argcnt, l);
  Py_ssize_t ll = PyList_GET_SIZE(l);
  if (ll < after) {
    PyErr_Format(PyExc_ValueError,
                 "not enough values to unpack (expected at least %d, got %zd)",
                 (int)(argcnt + after), (Py_ssize_t)argcnt + ll);
    goto error;
  }
  for (int64_t j = 0; j < after; j++) {
    PyObject *w = PyList_GET_ITEM(l, ll - after + j);
    Py_INCREF(w);
    PyTuple_SET_ITEM(t, argcnt + 1 + j, w);
  }
  if (PyList_SetSlice(l, ll - after, ll, NULL) < 0) goto error;
  Py_DECREF(it);
  return t;
error:
  Py_XDECREF(t);
  Py_DECREF(it);
  return NULL;
}

PyObject *rt_unpack_seq(void *ts, void *f, int64_t n, PyObject *s) { return unpack(s, n, -1); }

PyObject *rt_unpack_ex(void *ts, void *f, int64_t before, int64_t after, PyObject *s) {
  return unpack(s, before, after);
}

/* ---- calls and functions -------------------------------------------------------------- */

/* CALL_FUNCTION_EX, consuming fn, args and kw as the instruction does: a mapping that is
 * not a dict and an iterable that is not a tuple are converted first, the originals
 * released then; the rest after the call. On failure what is left goes in the order the
 * interpreter releases it (kw, then the stack top first). */
PyObject *rt_call_ex(void *ts, void *f, PyObject *fn, PyObject *args, PyObject *kw) {
  PyObject *r = NULL;
  if (kw && !PyDict_CheckExact(kw)) {
    PyObject *d = PyDict_New();
    if (d && _PyDict_MergeEx(d, kw, 2) < 0) {
      Py_CLEAR(d);
      kwargs_error(fn, kw);
    }
    Py_SETREF(kw, d);
    if (!kw) goto fail;
  }
  if (!PyTuple_CheckExact(args)) {
    if (Py_TYPE(args)->tp_iter == NULL && !PySequence_Check(args)) {
      PyErr_Clear();
      PyObject *fs = _PyObject_FunctionStr(fn);
      if (fs) {
        PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s",
                     fs, Py_TYPE(args)->tp_name);
        Py_DECREF(fs);
      }
      Py_CLEAR(args);
      goto fail;
    }
    Py_SETREF(args, PySequence_Tuple(args));
    if (!args) goto fail;
  }
  r = PyObject_Call(fn, args, kw);
  Py_DECREF(fn);
  Py_DECREF(args);
  Py_XDECREF(kw);
  return r;
fail:
  Py_XDECREF(kw);
  Py_XDECREF(args);
  Py_DECREF(fn);
  return NULL;
}

PyObject *rt_make_function(void *ts, void *fv, int64_t flags, PyObject *code,
                           PyObject *closure, PyObject *annotations, PyObject *kwdefaults,
                           PyObject *defaults) {
  Frame *f = fv;
  PyFunctionObject *fn = (PyFunctionObject *)PyFunction_New(code, f->f_globals);
  if (!fn) return NULL;
  Py_DECREF(code);
  if (flags & 8) fn->func_closure = closure;
  if (flags & 4) fn->func_annotations = annotations;
  if (flags & 2) fn->func_kwdefaults = kwdefaults;
  if (flags & 1) fn->func_defaults = defaults;
  return (PyObject *)fn;
}

PyObject *rt_load_build_class(void *ts, void *fv) {
  Frame *f = fv;
  PyObject *name = PyUnicode_InternFromString("__build_class__");
  if (!name) return NULL;
  PyObject *bc = map_get(f->f_builtins, name);
  Py_DECREF(name);
  if (!bc && !PyErr_Occurred()) PyErr_SetString(PyExc_NameError, "__build_class__ not found");
  return bc;
}

int rt_setup_annotations(void *ts, void *fv) {
  Frame *f = fv;
  if (f->f_locals == NULL) {
    PyErr_SetString(PyExc_SystemError, "no locals found when setting up annotations");
    return -1;
  }
  PyObject *key = PyUnicode_InternFromString("__annotations__");
  if (!key) return -1;
  int rc = -1;
  PyObject *ann = map_get(f->f_locals, key);
  if (ann) {
    Py_DECREF(ann);
    rc = 0;
  } else if (!PyErr_Occurred()) {
    ann = PyDict_New();
    if (ann) {
      rc = PyDict_CheckExact(f->f_locals) ? PyDict_SetItem(f->f_locals, key, ann)
                                          : PyObject_SetItem(f->f_locals, key, ann);
      Py_DECREF(ann);
    }
  }
  Py_DECREF(key);
  return rc;
}

int rt_print_expr(void *ts, void *f, PyObject *v) {
  PyObject *hook = PySys_GetObject("displayhook"); /* borrowed */
  if (!hook) {
    PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook");
    return -1;
  }
  PyObject *r = PyObject_CallOneArg(hook, v);
  if (!r) return -1;
  Py_DECREF(r);
  return 0;
}

/* ---- imports ---------------------------------------------------------------------------- */

PyObject *rt_import_name(void *tsv, void *fv, PyObject *name, PyObject *level,
                         PyObject *fromlist) {
  PyThreadState *ts = tsv;
  Frame *f = fv;
  PyObject *key = PyUnicode_InternFromString("__import__");
  if (!key) return NULL;
  PyObject *import = map_get(f->f_builtins, key);
  Py_DECREF(key);
  if (!import) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_ImportError, "__import__ not found");
    return NULL;
  }
  PyObject *locals = f->f_locals ? f->f_locals : Py_None;
  PyObject *r;
  if (import == ts->interp->import_func) {
    int ilevel = _PyLong_AsInt(level);
    r = ilevel == -1 && PyErr_Occurred()
            ? NULL
            : PyImport_ImportModuleLevelObject(name, f->f_globals, locals, fromlist, ilevel);
  } else {
    PyObject *args[5] = {name, f->f_globals, locals, fromlist, level};
    r = PyObject_Vectorcall(import, args, 5, NULL);
  }
  Py_DECREF(import);
  return r;
}

PyObject *rt_import_from(void *ts, void *f, PyObject *name, PyObject *v) {
  PyObject *x = NULL, *pkgname = NULL, *fullname, *pkgpath, *errmsg;
  if (_PyObject_LookupAttr(v, name, &x) != 0) return x;
  /* A circular relative import: try sys.modules. */
  pkgname = PyObject_GetAttrString(v, "__name__");
  if (pkgname == NULL) goto error;
  if (!PyUnicode_Check(pkgname)) {
    Py_CLEAR(pkgname);
    goto error;
  }
  fullname = PyUnicode_FromFormat("%U.%U", pkgname, name);
  if (fullname == NULL) {
    Py_DECREF(pkgname);
    return NULL;
  }
  x = PyImport_GetModule(fullname);
  Py_DECREF(fullname);
  if (x == NULL && !PyErr_Occurred()) goto error;
  Py_DECREF(pkgname);
  return x;
error:
  pkgpath = PyModule_GetFilenameObject(v);
  PyObject *shown = pkgname ? pkgname : PyUnicode_FromString("<unknown module name>");
  if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
    PyErr_Clear();
    errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                  shown);
    PyErr_SetImportError(errmsg, pkgname, NULL);
  } else {
    PyObject *spec = PyObject_GetAttrString(v, "__spec__");
    int initializing = 0;
    if (spec) {
      PyObject *init = NULL, *key = PyUnicode_InternFromString("_initializing");
      if (key && _PyObject_LookupAttr(spec, key, &init) > 0) {
        initializing = PyObject_IsTrue(init) > 0;
        Py_DECREF(init);
      }
      Py_XDECREF(key); /* a new reference, even when interned */
      Py_DECREF(spec);
    }
    PyErr_Clear();
    const char *fmt = initializing ? "cannot import name %R from partially initialized module "
                                     "%R (most likely due to a circular import) (%S)"
                                   : "cannot import name %R from %R (%S)";
    errmsg = PyUnicode_FromFormat(fmt, name, shown, pkgpath);
    PyErr_SetImportError(errmsg, pkgname, pkgpath);
  }
  Py_XDECREF(errmsg);
  Py_XDECREF(pkgpath);
  if (shown != pkgname) Py_XDECREF(shown);
  Py_XDECREF(pkgname);
  return NULL;
}

int rt_import_star(void *ts, void *fv, PyObject *v) {
  Frame *f = fv;
  PyObject *locals = f->f_locals, *all = NULL, *dict = NULL;
  if (locals == NULL) {
    PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'");
    return -1;
  }
  int skip_under = 0, err = 0;
  PyObject *k_all = PyUnicode_InternFromString("__all__");
  PyObject *k_dict = PyUnicode_InternFromString("__dict__");
  if (!k_all || !k_dict || _PyObject_LookupAttr(v, k_all, &all) < 0) goto fail;
  if (all == NULL) {
    if (_PyObject_LookupAttr(v, k_dict, &dict) < 0) goto fail;
    if (dict == NULL) {
      PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
      goto fail;
    }
    all = PyMapping_Keys(dict);
    Py_DECREF(dict);
    if (!all) goto fail;
    skip_under = 1;
  }
  for (Py_ssize_t pos = 0;; pos++) {
    PyObject *name = PySequence_GetItem(all, pos);
    if (name == NULL) {
      if (!PyErr_ExceptionMatches(PyExc_IndexError)) err = -1;
      else PyErr_Clear();
      break;
    }
    if (!PyUnicode_Check(name)) {
      PyObject *modname = PyObject_GetAttrString(v, "__name__");
      if (modname && !PyUnicode_Check(modname))
        PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                     Py_TYPE(modname)->tp_name);
      else if (modname)
        PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                     skip_under ? "Key" : "Item", modname, skip_under ? "__dict__" : "__all__",
                     Py_TYPE(name)->tp_name);
      Py_XDECREF(modname);
      Py_DECREF(name);
      err = -1;
      break;
    }
    if (skip_under && PyUnicode_GET_LENGTH(name) > 0 && PyUnicode_READ_CHAR(name, 0) == '_') {
      Py_DECREF(name);
      continue;
    }
    PyObject *value = PyObject_GetAttr(v, name);
    if (!value) err = -1;
    else if (PyDict_CheckExact(locals)) err = PyDict_SetItem(locals, name, value);
    else err = PyObject_SetItem(locals, name, value);
    Py_DECREF(name);
    Py_XDECREF(value);
    if (err != 0) break;
  }
  Py_DECREF(all);
  Py_DECREF(k_all);
  Py_DECREF(k_dict);
  return err;
fail:
  Py_XDECREF(k_all);
  Py_XDECREF(k_dict);
  return -1;
}

/* ---- unwinding to a compiled exception handler ----------------------------------------- */

/* The frame object of f, the current frame, made if needed without losing the exception
 * being raised. NULL when it cannot be made (no traceback entry then). */
static PyFrameObject *frame_object(PyThreadState *ts, Frame *f) {
  if (f->frame_obj) return f->frame_obj;
  if (ts->cframe->current_frame != f) return NULL;
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyFrameObject *fo = PyEval_GetFrame();
  PyErr_Restore(type, value, tb);
  return fo;
}

int rt_unwind(void *tsv, void *fv, int64_t nstack, int64_t depth, int64_t lasti,
              int64_t add_tb) {
  PyThreadState *ts = tsv;
  Frame *f = fv;
  if (add_tb) {
    /* The interpreter's `error:` label: the traceback entry at prev_instr, then the
     * tracer's exception event, which we leave to the interpreter. */
    if (ts->cframe->use_tracing) return 1;
    if (!PyErr_Occurred())
      PyErr_SetString(PyExc_SystemError, "error return without exception set");
    if (!_PyFrame_IsIncomplete(f)) {
      PyFrameObject *fo = frame_object(ts, f);
      if (fo) PyTraceBack_Here(fo);
    }
  }
  PyObject **stack = f->localsplus + f->f_code->co_nlocalsplus;
  for (int64_t k = nstack; k-- > depth;) {
    PyObject *v = stack[k];
    stack[k] = NULL;
    Py_XDECREF(v);
  }
  if (lasti) {
    /* prev_instr, which RERAISE may have set to the original instruction. As the
     * interpreter, retry on MemoryError (which replaces the exception). */
    PyObject *l;
    while (!(l = PyLong_FromLong(_PyInterpreterFrame_LASTI(f)))) {
    }
    stack[depth] = l;
  }
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  PyException_SetTraceback(value, tb ? tb : Py_None);
  Py_XDECREF(tb);
  Py_XDECREF(type);
  stack[depth + lasti] = value;
  return 0;
}

int rt_raise(void *tsv, void *fv, PyObject *exc, PyObject *cause) {
  PyThreadState *ts = tsv;
  if (!exc) { /* bare `raise`: the exception being handled, with its own traceback */
    PyObject *value = _PyErr_GetTopmostException(ts)->exc_value;
    if (!value || value == Py_None) {
      PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
      return 0;
    }
    PyObject *type = (PyObject *)Py_TYPE(value);
    Py_INCREF(type);
    Py_INCREF(value);
    PyErr_Restore(type, value, PyException_GetTraceback(value));
    return 1;
  }
  PyObject *type, *value; /* value: a new reference */
  if (PyExceptionClass_Check(exc)) {
    type = exc;
    value = PyObject_CallNoArgs(exc);
    if (!value) return 0;
    if (!PyExceptionInstance_Check(value)) {
      PyErr_Format(PyExc_TypeError,
                   "calling %R should have returned an instance of BaseException, not %R",
                   type, Py_TYPE(value));
      Py_DECREF(value);
      return 0;
    }
  } else if (PyExceptionInstance_Check(exc)) {
    value = exc;
    Py_INCREF(value);
    type = (PyObject *)Py_TYPE(exc);
  } else {
    PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
    return 0;
  }
  if (cause) {
    PyObject *fixed; /* a new reference, which PyException_SetCause steals */
    if (PyExceptionClass_Check(cause)) {
      fixed = PyObject_CallNoArgs(cause);
      if (!fixed) {
        Py_DECREF(value);
        return 0;
      }
    } else if (PyExceptionInstance_Check(cause)) {
      fixed = cause;
      Py_INCREF(fixed);
    } else if (cause == Py_None) {
      fixed = NULL;
    } else {
      PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
      Py_DECREF(value);
      return 0;
    }
    PyException_SetCause(value, fixed);
  }
  PyErr_SetObject(type, value); /* chains the handled exception as __context__ */
  Py_DECREF(value);
  return 0;
}

int rt_reraise(void *tsv, void *fv, PyObject *lasti, PyObject *e) {
  Frame *f = fv;
  if (lasti) {
    if (!PyLong_Check(lasti)) {
      PyErr_SetString(PyExc_SystemError, "lasti is not an int");
      return 0;
    }
    f->prev_instr = _PyCode_CODE(f->f_code) + PyLong_AsLong(lasti);
  }
  PyObject *type = (PyObject *)Py_TYPE(e);
  Py_INCREF(type);
  Py_INCREF(e);
  PyErr_Restore(type, e, PyException_GetTraceback(e));
  return 1;
}

/* ---- exceptions and with ------------------------------------------------------------------ */

/* t is an exception class or a tuple of them (ceval.c's check_except_type_valid). */
static int check_except_type_valid(PyObject *t) {
  static const char msg[] =
      "catching classes that do not inherit from BaseException is not allowed";
  if (PyTuple_Check(t)) {
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++)
      if (!PyExceptionClass_Check(PyTuple_GET_ITEM(t, i))) {
        PyErr_SetString(PyExc_TypeError, msg);
        return -1;
      }
  } else if (!PyExceptionClass_Check(t)) {
    PyErr_SetString(PyExc_TypeError, msg);
    return -1;
  }
  return 0;
}

int rt_check_exc_match(void *ts, void *f, PyObject *e, PyObject *t) {
  if (check_except_type_valid(t) < 0) return -1;
  return PyErr_GivenExceptionMatches(e, t);
}

/* ... and, for except*, none is an exception group (check_except_star_type_valid). */
static int check_except_star_type_valid(PyObject *t) {
  if (check_except_type_valid(t) < 0) return -1;
  Py_ssize_t n = PyTuple_Check(t) ? PyTuple_GET_SIZE(t) : 1;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *c = PyTuple_Check(t) ? PyTuple_GET_ITEM(t, i) : t;
    int sub = PyObject_IsSubclass(c, PyExc_BaseExceptionGroup);
    if (sub < 0) return -1;
    if (sub) {
      PyErr_SetString(PyExc_TypeError,
                      "catching ExceptionGroup with except* is not allowed. "
                      "Use except instead.");
      return -1;
    }
  }
  return 0;
}

/* BaseExceptionGroup("", excs): _PyExc_CreateExceptionGroup, which CPython hides. */
static PyObject *new_exception_group(PyObject *excs) {
  return PyObject_CallFunction(PyExc_BaseExceptionGroup, "(sO)", "", excs);
}

/* ceval.c's exception_group_match: (match, rest) of e against t, each None when empty. */
static int exception_group_match(PyObject *e, PyObject *t, PyObject **match,
                                 PyObject **rest) {
  *match = *rest = NULL;
  if (e == Py_None) {
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(Py_None);
    return 0;
  }
  if (PyErr_GivenExceptionMatches(e, t)) { /* all of e */
    if (_PyBaseExceptionGroup_Check(e)) {
      *match = Py_NewRef(e);
    } else { /* a naked exception: wrapped */
      PyObject *excs = PyTuple_Pack(1, e);
      if (!excs) return -1;
      *match = new_exception_group(excs);
      Py_DECREF(excs);
      if (!*match) return -1;
    }
    *rest = Py_NewRef(Py_None);
    return 0;
  }
  if (_PyBaseExceptionGroup_Check(e)) { /* part of it, maybe */
    PyObject *pair = PyObject_CallMethod(e, "split", "(O)", t);
    if (!pair) return -1;
    *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
    *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
    Py_DECREF(pair);
    return 0;
  }
  *match = Py_NewRef(Py_None);
  *rest = Py_NewRef(Py_None);
  return 0;
}

PyObject *rt_check_eg_match(void *ts, void *f, PyObject *e, PyObject *t) {
  if (check_except_star_type_valid(t) < 0) return NULL;
  PyObject *match, *rest;
  if (exception_group_match(e, t, &match, &rest) < 0) return NULL;
  PyObject *r;
  if (match == Py_None) {
    r = PyTuple_Pack(2, e, match);
  } else {
    r = PyTuple_Pack(2, rest, match);
    if (r) PyErr_SetExcInfo(NULL, Py_NewRef(match), NULL); /* the handled exception */
  }
  Py_DECREF(match);
  Py_DECREF(rest);
  return r;
}

/* except* re-raise (Objects/exceptions.c, _PyExc_PrepReraiseStar, hidden in CPython). */

/* Adds the ids of the leaf exceptions of e (None: none) to the set ids. */
static int collect_leaf_ids(PyObject *e, PyObject *ids) {
  if (e == Py_None) return 0;
  if (!_PyBaseExceptionGroup_Check(e)) {
    PyObject *id = PyLong_FromVoidPtr(e);
    if (!id) return -1;
    int r = PySet_Add(ids, id);
    Py_DECREF(id);
    return r;
  }
  PyObject *excs = ((PyBaseExceptionGroupObject *)e)->excs;
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
    if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids")) return -1;
    int r = collect_leaf_ids(PyTuple_GET_ITEM(excs, i), ids);
    Py_LeaveRecursiveCall();
    if (r < 0) return -1;
  }
  return 0;
}

/* subgroup() predicate: a leaf exception whose id is in the set `ids` (self). */
static PyObject *leaf_in(PyObject *ids, PyObject *e) {
  if (_PyBaseExceptionGroup_Check(e)) Py_RETURN_FALSE;
  PyObject *id = PyLong_FromVoidPtr(e);
  if (!id) return NULL;
  int r = PySet_Contains(ids, id);
  Py_DECREF(id);
  if (r < 0) return NULL;
  return PyBool_FromLong(r);
}

/* A Python function calling leaf_in with `ids`: subgroup() takes only Python functions
 * as predicates. */
static PyObject *leaf_predicate(PyObject *ids) {
  static PyMethodDef leaf_in_def = {"leaf_in", (PyCFunction)leaf_in, METH_O, NULL};
  PyObject *globals = PyDict_New(), *f = PyCFunction_New(&leaf_in_def, ids), *pred = NULL;
  if (globals && f && PyDict_SetItemString(globals, "leaf_in", f) == 0)
    pred = PyRun_String("lambda e: leaf_in(e)", Py_eval_input, globals, globals);
  Py_XDECREF(globals);
  Py_XDECREF(f);
  return pred;
}

/* The sub-group of eg with the leaves of the groups in the list keep: CPython's
 * exception_group_projection, as BaseExceptionGroup.subgroup (not a subclass's
 * override) with a predicate matching those leaves by identity. */
static PyObject *exception_group_projection(PyObject *eg, PyObject *keep) {
  PyObject *ids = PySet_New(NULL), *pred = NULL, *subgroup = NULL, *r = NULL;
  if (!ids) return NULL;
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keep); i++)
    if (collect_leaf_ids(PyList_GET_ITEM(keep, i), ids) < 0) goto done;
  pred = leaf_predicate(ids);
  subgroup = PyObject_GetAttrString(PyExc_BaseExceptionGroup, "subgroup");
  if (pred && subgroup) r = PyObject_CallFunctionObjArgs(subgroup, eg, pred, NULL);
done:
  Py_DECREF(ids);
  Py_XDECREF(pred);
  Py_XDECREF(subgroup);
  return r;
}

static bool same_exception_metadata(PyObject *a, PyObject *b) {
  PyBaseExceptionObject *x = (PyBaseExceptionObject *)a, *y = (PyBaseExceptionObject *)b;
  return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause &&
         x->context == y->context;
}

PyObject *rt_prep_reraise_star(void *ts, void *f, PyObject *orig, PyObject *excs) {
  Py_ssize_t n = PyList_GET_SIZE(excs);
  if (n == 0) return Py_NewRef(Py_None);
  if (!_PyBaseExceptionGroup_Check(orig)) /* a naked exception, wrapped: one clause ran */
    return Py_NewRef(PyList_GET_ITEM(excs, 0));
  PyObject *raised = PyList_New(0), *reraised = PyList_New(0), *result = NULL;
  if (!raised || !reraised) goto done;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *e = PyList_GET_ITEM(excs, i);
    if (e == Py_None) continue;
    if (PyList_Append(same_exception_metadata(e, orig) ? reraised : raised, e) < 0)
      goto done;
  }
  PyObject *reraised_eg = exception_group_projection(orig, reraised);
  if (!reraised_eg) goto done;
  if (PyList_GET_SIZE(raised) == 0) {
    result = reraised_eg;
    goto done;
  }
  int r = reraised_eg == Py_None ? 0 : PyList_Append(raised, reraised_eg);
  Py_DECREF(reraised_eg);
  if (r < 0) goto done;
  /* 3.11 wraps what the clauses raised in a new group even when it is one exception
   * (3.12 raises a lone one as it is). */
  result = new_exception_group(raised);
done:
  Py_XDECREF(raised);
  Py_XDECREF(reraised);
  return result;
}

PyObject *rt_with_except_start(void *ts, void *f, PyObject *exit, PyObject *e) {
  PyObject *tb = PyException_GetTraceback(e);
  PyObject *args[4] = {NULL, PyExceptionInstance_Class(e), e, tb ? tb : Py_None};
  PyObject *r = PyObject_Vectorcall(exit, args + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
  Py_XDECREF(tb);
  return r;
}

/* BEFORE_WITH and BEFORE_ASYNC_WITH: (mgr.<exit>, mgr.<enter>()); `protocol` words the
 * TypeError of a manager without the methods. */
/* k_enter, k_exit: CPython's static strings (&_Py_ID(...), _PyRuntime is exported), so
 * that no name is made and interned per call. */
static PyObject *before_with(PyObject *mgr, PyObject *k_enter, PyObject *k_exit,
                             const char *protocol) {
  PyObject *enter = NULL, *exit = NULL, *res = NULL, *r = NULL;
  enter = _PyObject_LookupSpecial(mgr, k_enter);
  if (!enter) {
    if (!PyErr_Occurred())
      PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the %s protocol",
                   Py_TYPE(mgr)->tp_name, protocol);
    goto done;
  }
  exit = _PyObject_LookupSpecial(mgr, k_exit);
  if (!exit) {
    if (!PyErr_Occurred())
      PyErr_Format(PyExc_TypeError,
                   "'%.200s' object does not support the %s protocol (missed %U method)",
                   Py_TYPE(mgr)->tp_name, protocol, k_exit);
    goto done;
  }
  res = PyObject_CallNoArgs(enter);
  if (!res) goto done;
  r = PyTuple_Pack(2, exit, res);
done:
  Py_XDECREF(enter);
  Py_XDECREF(exit);
  Py_XDECREF(res);
  return r;
}

PyObject *rt_before_with(void *ts, void *f, PyObject *mgr) {
  return before_with(mgr, &_Py_ID(__enter__), &_Py_ID(__exit__), "context manager");
}

PyObject *rt_before_async_with(void *ts, void *f, PyObject *mgr) {
  return before_with(mgr, &_Py_ID(__aenter__), &_Py_ID(__aexit__),
                     "asynchronous context manager");
}

/* ---- pattern matching ------------------------------------------------------------------- */

PyObject *rt_match_keys(void *ts, void *f, PyObject *map, PyObject *keys) {
  Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
  if (!nkeys) return PyTuple_New(0);
  PyObject *seen = NULL, *dummy = NULL, *values = NULL, *get = NULL;
  PyObject *k_get = PyUnicode_InternFromString("get");
  int meth_found = k_get ? _PyObject_GetMethod(map, k_get, &get) : 0;
  Py_XDECREF(k_get);
  if (get == NULL) goto fail;
  if (!(seen = PySet_New(NULL))) goto fail;
  if (!(dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type))) goto fail;
  if (!(values = PyTuple_New(nkeys))) goto fail;
  for (Py_ssize_t i = 0; i < nkeys; i++) {
    PyObject *key = PyTuple_GET_ITEM(keys, i);
    if (PySet_Contains(seen, key) || PySet_Add(seen, key)) {
      if (!PyErr_Occurred())
        PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
      goto fail;
    }
    PyObject *args[] = {map, key, dummy};
    PyObject *value = meth_found ? PyObject_Vectorcall(get, args, 3, NULL)
                                 : PyObject_Vectorcall(get, &args[1], 2, NULL);
    if (!value) goto fail;
    if (value == dummy) {
      Py_DECREF(value);
      Py_DECREF(values);
      Py_INCREF(Py_None);
      values = Py_None;
      break;
    }
    PyTuple_SET_ITEM(values, i, value);
  }
  Py_DECREF(get);
  Py_DECREF(seen);
  Py_DECREF(dummy);
  return values;
fail:
  Py_XDECREF(get);
  Py_XDECREF(seen);
  Py_XDECREF(dummy);
  Py_XDECREF(values);
  return NULL;
}

static PyObject *match_class_attr(PyObject *subject, PyObject *type, PyObject *name,
                                  PyObject *seen) {
  if (PySet_Contains(seen, name) || PySet_Add(seen, name)) {
    if (!PyErr_Occurred())
      PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                   ((PyTypeObject *)type)->tp_name, name);
    return NULL;
  }
  PyObject *attr = PyObject_GetAttr(subject, name);
  if (attr == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) PyErr_Clear();
  return attr;
}

/* A tuple of the attributes when subject matches, else None (or NULL on error). */
PyObject *rt_match_class(void *ts, void *f, int64_t nargs, PyObject *subject, PyObject *type,
                         PyObject *kwargs) {
  if (!PyType_Check(type)) {
    PyErr_SetString(PyExc_TypeError, "called match pattern must be a type");
    return NULL;
  }
  int inst = PyObject_IsInstance(subject, type);
  if (inst < 0) return NULL;
  if (inst == 0) Py_RETURN_NONE;
  PyObject *seen = PySet_New(NULL), *attrs = PyList_New(0), *match_args = NULL;
  if (!seen || !attrs) goto fail;
  if (nargs) {
    int match_self = 0;
    match_args = PyObject_GetAttrString(type, "__match_args__");
    if (match_args) {
      if (!PyTuple_CheckExact(match_args)) {
        PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                     ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
        goto fail;
      }
    } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Clear();
      match_args = PyTuple_New(0);
      if (!match_args) goto fail;
      match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
    } else {
      goto fail;
    }
    Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
    if (allowed < nargs) {
      const char *plural = (allowed == 1) ? "" : "s";
      PyErr_Format(PyExc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                   ((PyTypeObject *)type)->tp_name, (int)allowed, plural, (int)nargs);
      goto fail;
    }
    if (match_self) {
      if (PyList_Append(attrs, subject) < 0) goto fail;
    } else {
      for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *name = PyTuple_GET_ITEM(match_args, i);
        if (!PyUnicode_CheckExact(name)) {
          PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings (got %s)",
                       Py_TYPE(name)->tp_name);
          goto fail;
        }
        PyObject *attr = match_class_attr(subject, type, name, seen);
        if (!attr) goto fail_or_none;
        int rc = PyList_Append(attrs, attr);
        Py_DECREF(attr);
        if (rc < 0) goto fail;
      }
    }
    Py_CLEAR(match_args);
  }
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
    PyObject *name = PyTuple_GET_ITEM(kwargs, i);
    PyObject *attr = match_class_attr(subject, type, name, seen);
    if (!attr) goto fail_or_none;
    int rc = PyList_Append(attrs, attr);
    Py_DECREF(attr);
    if (rc < 0) goto fail;
  }
  Py_DECREF(seen);
  PyObject *t = PyList_AsTuple(attrs);
  Py_DECREF(attrs);
  return t;
fail_or_none:
  if (!PyErr_Occurred()) {
    Py_XDECREF(match_args);
    Py_XDECREF(seen);
    Py_XDECREF(attrs);
    Py_RETURN_NONE;
  }
fail:
  Py_XDECREF(match_args);
  Py_XDECREF(seen);
  Py_XDECREF(attrs);
  return NULL;
}

/* ---- direct calls between compiled functions ------------------------------------------
 * What _PyFunction_Vectorcall -> _PyEval_Vector -> the PEP 523 hook do for a call of a
 * compiled function, minus the detours: push the callee's frame on the thread's data
 * stack, initialise it (_PyFrame_InitializeSpecials), move the arguments in, run the
 * entry, then clear and pop the frame (_PyEvalFrameClearAndPop). _PyFrame_Clear,
 * _PyThreadState_PopFrame and frame.c's take_ownership are hidden in python3.11, so their
 * equivalents are here. Anything unusual takes PyObject_Vectorcall. */

ptrdiff_t rt_code_extra_index = -1;

/* co_extra's layout in 3.11 (Objects/codeobject.c's _PyCodeObjectExtra, not in a header):
 * the slots' count, then the slots. */
typedef struct CodeExtra {
  Py_ssize_t ce_size;
  void *ce_extras[1];
} CodeExtra;

RtCompiled *rt_compiled_record(void *code) {
  CodeExtra *x = ((PyCodeObject *)code)->co_extra;
  ptrdiff_t i = rt_code_extra_index;
  if (x == NULL || i < 0 || i >= x->ce_size) return NULL;
  return x->ce_extras[i];
}

/* C stack bounds of this thread (pthread's), found once per thread. */
static _Thread_local char *c_stack_lo;

int rt_c_stack_low(void) {
  char here;
  if (!c_stack_lo) {
    pthread_attr_t a;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &a) != 0) return 0;
    pthread_attr_getstack(&a, &addr, &size);
    pthread_attr_destroy(&a);
    if (!addr) return 0;
    c_stack_lo = addr;
  }
  return &here < c_stack_lo || (size_t)(&here - c_stack_lo) < RT_C_STACK_RESERVE;
}

/* The number of arguments a direct call passes, or -1 when the call is not simple: only
 * positional parameters, n of them given and defaults for the rest. */
static Py_ssize_t simple_call_shape(PyFunctionObject *func, PyCodeObject *co, Py_ssize_t n) {
  enum { NOT_SIMPLE = CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE |
                      CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE };
  if ((co->co_flags & NOT_SIMPLE) || !(co->co_flags & CO_OPTIMIZED) ||
      co->co_kwonlyargcount != 0)
    return -1;
  if (n == co->co_argcount) return n;
  PyObject *defs = func->func_defaults;
  if (n > co->co_argcount || !defs || n + PyTuple_GET_SIZE(defs) < co->co_argcount) return -1;
  return n;
}

/* _PyThreadState_BumpFramePointer's inline path: room in the current chunk, or NULL (the
 * vectorcall path then allocates a chunk). A frame at the very start of a chunk would
 * free the chunk when popped: never made here, so popping is one store. */
static Frame *push_frame(PyThreadState *ts, PyCodeObject *co) {
  PyObject **base = ts->datastack_top;
  if (base == NULL || base == &ts->datastack_chunk->data[0]) return NULL;
  PyObject **top = base + co->co_nlocalsplus + co->co_stacksize + FRAME_SPECIALS_SIZE;
  if (top >= ts->datastack_limit) return NULL;
  ts->datastack_top = top;
  return (Frame *)base;
}

/* frame.c's take_ownership: a frame object outlives its frame (sys._getframe() kept, a
 * traceback): it gets a copy of the frame and the frame object of the caller as f_back. */
static void take_ownership(PyThreadState *ts, PyFrameObject *fo, Frame *f) {
  Py_ssize_t size = (char *)&f->localsplus[f->stacktop] - (char *)f;
  memcpy(fo->_f_frame_data, f, size);
  Frame *copy = (Frame *)fo->_f_frame_data;
  fo->f_frame = copy;
  copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
  if (_PyFrame_IsIncomplete(copy))
    copy->prev_instr = _PyCode_CODE(copy->f_code) + copy->f_code->_co_firsttraceable;
  Frame *prev = copy->previous;
  while (prev && _PyFrame_IsIncomplete(prev)) prev = prev->previous;
  copy->previous = NULL;
  if (prev) {
    /* _PyFrame_GetFrameObject(prev) is hidden; PyEval_GetFrame makes the frame object of
     * the current frame, so prev is made current for the call. */
    _PyInterpreterFrame *cur = ts->cframe->current_frame;
    ts->cframe->current_frame = prev;
    PyFrameObject *back = PyEval_GetFrame(); /* borrowed; NULL: no memory, nothing to do */
    ts->cframe->current_frame = cur;
    fo->f_back = (PyFrameObject *)Py_XNewRef(back);
  }
  if (!PyObject_GC_IsTracked((PyObject *)fo)) PyObject_GC_Track(fo);
}

/* _PyFrame_Clear then _PyThreadState_PopFrame. The recursion headroom around the clear is
 * _PyEvalFrameClearAndPop's (finalizers may run). */
static void clear_and_pop(PyThreadState *ts, Frame *f) {
  ts->recursion_remaining--;
  PyFrameObject *fo = f->frame_obj;
  f->frame_obj = NULL;
  if (fo && Py_REFCNT(fo) > 1) {
    take_ownership(ts, fo, f);
    Py_DECREF(fo);
  } else {
    Py_XDECREF(fo);
    for (int i = 0; i < f->stacktop; i++) Py_XDECREF(f->localsplus[i]);
    Py_XDECREF(f->f_locals);
    Py_DECREF(f->f_func);
    Py_DECREF(f->f_code);
  }
  ts->recursion_remaining++;
  ts->datastack_top = (PyObject **)f;
}

/* _PyFunction_Vectorcall with the caller's references to func and the arguments moved
 * into the frame it makes, as CALL moves its stack's: _PyEval_Vector takes references of
 * its own to all of them before it runs any code, so each of ours is given up first by
 * lowering the count without deallocating (it may be 0 until then). From there on the
 * interpreter's releases are the only ones: after an argument a callee deletes, when its
 * frame is cleared, or where binding fails (initialize_locals). */
static void give_up_to_vectorcall(PyObject *o) {
  Py_SET_REFCNT(o, Py_REFCNT(o) - 1);
#ifdef Py_REF_DEBUG
  _Py_RefTotal--; /* as Py_DECREF counts */
#endif
}

static PyObject *vectorcall_moving(PyObject *func, PyObject *const *args, size_t nargsf,
                                   PyObject *kwnames) {
  Py_ssize_t n = PyVectorcall_NARGS(nargsf) + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
  for (Py_ssize_t i = 0; i < n; i++) give_up_to_vectorcall(args[i]);
  give_up_to_vectorcall(func);
  return _PyFunction_Vectorcall(func, args, nargsf, kwnames);
}

PyObject *rt_call_function(void *tsv, PyObject *callable, PyObject *const *args,
                           size_t nargsf, PyObject *kwnames) {
  PyThreadState *ts = tsv;
  PyFunctionObject *func = (PyFunctionObject *)callable;
  PyCodeObject *co = (PyCodeObject *)func->func_code;
  Py_ssize_t n = PyVectorcall_NARGS(nargsf);
  RtCompiled *rec = kwnames ? NULL : rt_compiled_record(co);
  if (!rec) return vectorcall_moving(callable, args, nargsf, kwnames);
  Frame *f = NULL;
  /* Deep recursion: the C stack is checked (the hooks raise RecursionError near its end). */
  if (simple_call_shape(func, co, n) < 0 ||
      (ts->recursion_limit - ts->recursion_remaining > 64 && rt_c_stack_low()) ||
      !(f = push_frame(ts, co))) {
    note_call(RT_CALL_VECTORCALL);
    return vectorcall_moving(callable, args, nargsf, kwnames);
  }
  note_call(RT_CALL_DIRECT);
  /* The frame takes over the references to func (f_func) and to the arguments. */
  _PyFrame_InitializeSpecials(f, func, NULL, co->co_nlocalsplus);
  PyObject **locals = f->localsplus;
  for (Py_ssize_t i = 0; i < n; i++) locals[i] = args[i];
  if (n < co->co_argcount) {
    PyObject *defs = func->func_defaults;
    Py_ssize_t first = PyTuple_GET_SIZE(defs) - (co->co_argcount - n);
    for (Py_ssize_t i = n; i < co->co_argcount; i++)
      locals[i] = Py_NewRef(PyTuple_GET_ITEM(defs, first + (i - n)));
  }
  for (int i = co->co_argcount; i < co->co_nlocalsplus; i++) locals[i] = NULL;
  PyObject *res = rec->entry(ts, f, 0);
  clear_and_pop(ts, f);
  return res;
}

/* ---- coroutines and async generators ------------------------------------------------
 * CPython's own helpers for these (_PyCoro_GetAwaitableIter, _PyGen_yf,
 * _PyAsyncGenValueWrapperNew) are hidden: what follows does what they do. */

/* A generator marked by types.coroutine counts as a coroutine. */
static int is_coroutine(PyObject *o) {
  return PyCoro_CheckExact(o) ||
         (PyGen_CheckExact(o) &&
          (((PyGenObject *)o)->gi_code->co_flags & CO_ITERABLE_COROUTINE));
}

/* The iterator `await o` drives: o itself for a coroutine, else o.__await__(), which
 * must be an iterator and not a coroutine. */
static PyObject *awaitable_iter(PyObject *o) {
  if (is_coroutine(o)) {
    Py_INCREF(o);
    return o;
  }
  PyTypeObject *t = Py_TYPE(o);
  unaryfunc await = t->tp_as_async ? t->tp_as_async->am_await : NULL;
  if (!await) {
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 t->tp_name);
    return NULL;
  }
  PyObject *it = await(o);
  if (it && is_coroutine(it)) {
    PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
    Py_CLEAR(it);
  } else if (it && !PyIter_Check(it)) {
    PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                 Py_TYPE(it)->tp_name);
    Py_CLEAR(it);
  }
  return it;
}

/* Is this suspended coroutine inside an `await` (its next instruction a RESUME 2 or 3)? */
static int coro_is_awaiting(PyGenObject *g) {
  if (g->gi_frame_state >= FRAME_CLEARED || g->gi_frame_state == FRAME_CREATED) return 0;
  _PyInterpreterFrame *fr = (_PyInterpreterFrame *)g->gi_iframe;
  _Py_CODEUNIT next = fr->prev_instr[1];
  return _Py_OPCODE(next) == RESUME && _Py_OPARG(next) >= 2;
}

PyObject *rt_get_awaitable(void *ts, void *f, int64_t where, PyObject *o) {
  PyObject *it = awaitable_iter(o);
  if (!it) {
    PyTypeObject *t = Py_TYPE(o);
    if ((where == 1 || where == 2) && !(t->tp_as_async && t->tp_as_async->am_await))
      PyErr_Format(PyExc_TypeError,
                   "'async with' received an object from %s that does not implement "
                   "__await__: %.100s",
                   where == 1 ? "__aenter__" : "__aexit__", t->tp_name);
    return NULL;
  }
  if (PyCoro_CheckExact(it) && coro_is_awaiting((PyGenObject *)it)) {
    Py_DECREF(it);
    PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
    return NULL;
  }
  return it;
}

PyObject *rt_get_aiter(void *ts, void *f, PyObject *o) {
  PyTypeObject *t = Py_TYPE(o);
  unaryfunc aiter = t->tp_as_async ? t->tp_as_async->am_aiter : NULL;
  if (!aiter) {
    PyErr_Format(PyExc_TypeError,
                 "'async for' requires an object with __aiter__ method, got %.100s", t->tp_name);
    return NULL;
  }
  PyObject *it = aiter(o);
  if (!it) return NULL;
  PyTypeObject *it_t = Py_TYPE(it);
  if (!it_t->tp_as_async || !it_t->tp_as_async->am_anext) {
    PyErr_Format(PyExc_TypeError,
                 "'async for' received an object from __aiter__ that does not implement "
                 "__anext__: %.100s",
                 it_t->tp_name);
    Py_DECREF(it);
    return NULL;
  }
  return it;
}

PyObject *rt_get_anext(void *ts, void *f, PyObject *aiter) {
  PyTypeObject *t = Py_TYPE(aiter);
  if (PyAsyncGen_CheckExact(aiter)) return t->tp_as_async->am_anext(aiter);
  unaryfunc anext = t->tp_as_async ? t->tp_as_async->am_anext : NULL;
  if (!anext) {
    PyErr_Format(PyExc_TypeError,
                 "'async for' requires an iterator with __anext__ method, got %.100s",
                 t->tp_name);
    return NULL;
  }
  PyObject *next = anext(aiter);
  if (!next) return NULL;
  PyObject *aw = awaitable_iter(next);
  if (!aw)
    _PyErr_FormatFromCause(PyExc_TypeError,
                           "'async for' received an invalid object from __anext__: %.100s",
                           Py_TYPE(next)->tp_name);
  Py_DECREF(next);
  return aw;
}

/* What an async generator yields travels wrapped in an object of a type CPython keeps
 * hidden; its layout is a header and the value. The type is learnt once from the
 * interpreter: a probe async generator is run (as gen_send_ex does, minus what `yield
 * None` does not need) to its first yield, whose result is such a wrapper. */
typedef struct {
  PyObject_HEAD
  PyObject *val;
} AsyncGenWrapped;

static PyTypeObject *async_gen_wrapped_type;

static PyTypeObject *learn_async_gen_wrapped_type(PyThreadState *ts) {
  PyObject *g = PyDict_New();
  PyObject *r = g ? PyRun_String("async def probe():\n    yield None\n", Py_file_input, g, g)
                  : NULL;
  PyObject *fn = r ? PyDict_GetItemString(g, "probe") : NULL; /* borrowed */
  PyObject *ag = fn ? PyObject_CallNoArgs(fn) : NULL;
  Py_XDECREF(r);
  Py_XDECREF(g);
  if (!ag) return NULL;
  PyGenObject *gen = (PyGenObject *)ag;
  _PyInterpreterFrame *fr = (_PyInterpreterFrame *)gen->gi_iframe;
  if (!PyAsyncGen_CheckExact(ag) || gen->gi_frame_state != FRAME_CREATED) {
    Py_DECREF(ag);
    PyErr_SetString(PyExc_SystemError, "pyllc: the async generator probe did not start");
    return NULL;
  }
  Py_INCREF(Py_None);
  fr->localsplus[fr->stacktop++] = Py_None; /* the value sent to start it */
  fr->previous = ts->cframe->current_frame;
  gen->gi_frame_state = FRAME_EXECUTING;
  PyObject *w = _PyEval_EvalFrameDefault(ts, fr, 0);
  fr->previous = NULL;
  if (gen->gi_frame_state == FRAME_EXECUTING) gen->gi_frame_state = FRAME_COMPLETED;
  PyTypeObject *t = w ? Py_TYPE(w) : NULL;
  if (t) {
    Py_INCREF(t);
    Py_DECREF(w);
  }
  Py_DECREF(ag); /* closed by its finaliser: GeneratorExit at the yield */
  return t;
}

PyObject *rt_async_gen_wrap(void *ts, void *f, PyObject *v) {
  if (!async_gen_wrapped_type) {
    async_gen_wrapped_type = learn_async_gen_wrapped_type(ts);
    if (!async_gen_wrapped_type) return NULL;
  }
  AsyncGenWrapped *w = PyObject_GC_New(AsyncGenWrapped, async_gen_wrapped_type);
  if (!w) return NULL;
  Py_INCREF(v);
  w->val = v;
  PyObject_GC_Track(w);
  return (PyObject *)w;
}

/* ---- on-stack replacement -------------------------------------------------------------
 * Baseline code (lower_ctx_count_calls_and_loops) asks for the optimised code of its code
 * object when its budget is spent; the engine compiles it (rt_set_osr_handler). */
static void *(*osr_handler)(PyObject *code);
static uint64_t osr_entries;

void rt_set_osr_handler(void *(*handler)(PyObject *code)) { osr_handler = handler; }

uint64_t rt_osr_entries(void) { return osr_entries; }

void *rt_osr_request(void *ts, void *f) {
  return osr_handler ? osr_handler((PyObject *)((_PyInterpreterFrame *)f)->f_code) : NULL;
}

/* The frame, its stack stored, continues at code unit `unit` in `entry` (whose dispatch
 * has a landing there; else the interpreter runs it). As leaving to the interpreter. */
PyObject *rt_leave_to_osr(void *tsv, void *fv, int64_t unit, int64_t nstack, void *entry) {
  PyThreadState *ts = tsv;
  _PyInterpreterFrame *f = fv;
  osr_entries++;
  f->prev_instr = _PyCode_CODE(f->f_code) + unit - 1;
  f->stacktop = f->f_code->co_nlocalsplus + (int)nstack;
  ts->cframe->current_frame = f->previous;
  ts->recursion_remaining++;
  PyObject *(*run)(void *, void *, int) = (PyObject * (*)(void *, void *, int)) entry;
  return run(ts, f, 0);
}
