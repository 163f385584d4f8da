/* rt_asm.c - pyllc.asm(text): inline .pyasm inside a Python function, run in place.
 *
 * The text is compiled once per call site (caller's code object, instruction offset,
 * text) into a function `<pyllc.asm>(d)` of the caller's variables (rt_glue_asm_code):
 * it takes their values from d, runs, and returns its locals(). A call hands it the
 * caller frame's locals dict, copies the result back into that dict and writes the dict
 * into the frame's variables (PyFrame_LocalsToFast), as debuggers do. So `$x = ...` in
 * the text assigns the function's x, whether the function runs in the interpreter or
 * as code pyllc compiled (which keeps its variables in the frame).
 *
 * pyllc.asm is a builtin: it adds no frame. An exception out of the text loses the
 * `<pyllc.asm>` frame's traceback entry, so that it looks raised by the pyllc.asm()
 * line itself, as if the code were written there; what the code assigned before the
 * exception is written back all the same (from that frame's locals).
 *
 * In a function that pyllc compiles, the code is spliced into the function instead
 * (lib/Frontend/bytecode/build.c, lower_asm_call): this runs only in the interpreter.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h> /* PyFrame_LocalsToFast */
#include <stdbool.h>

#include "rt_glue.h"

/* The variables of `code` in localsplus order, and those that are cells there. */
static int variables_of(PyCodeObject *code, PyObject **names, PyObject **cells) {
  PyObject *varnames = PyCode_GetVarnames(code), *cellvars = PyCode_GetCellvars(code);
  PyObject *freevars = PyCode_GetFreevars(code), *all = PyList_New(0);
  int rc = -1;
  if (!varnames || !cellvars || !freevars || !all) goto done;
  PyObject *parts[3] = {varnames, cellvars, freevars};
  for (int p = 0; p < 3; p++)
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(parts[p]); i++) {
      PyObject *name = PyTuple_GET_ITEM(parts[p], i);
      int seen = PySequence_Contains(all, name); /* an argument that is a cell: once */
      if (seen < 0 || (!seen && PyList_Append(all, name) < 0)) goto done;
    }
  *names = PyList_AsTuple(all);
  *cells = PySequence_Concat(cellvars, freevars);
  rc = *names && *cells ? 0 : -1;
done:
  Py_XDECREF(varnames);
  Py_XDECREF(cellvars);
  Py_XDECREF(freevars);
  Py_XDECREF(all);
  return rc;
}

/* (snippet code, names) of the call of pyllc.asm(text) at `lasti` of `code`, compiled on
 * the first call (cached in the module's `_asm_cache` dict). New reference. */
static PyObject *snippet_of(PyObject *module, PyCodeObject *code, int lasti, PyObject *text,
                            PyObject *globals, int opt) {
  PyObject *cache = PyObject_GetAttrString(module, "_asm_cache");
  if (!cache) {
    PyErr_Clear();
    cache = PyDict_New();
    if (!cache || PyObject_SetAttrString(module, "_asm_cache", cache) < 0) {
      Py_XDECREF(cache);
      return NULL;
    }
  }
  PyObject *key = Py_BuildValue("(OiO)", code, lasti, text);
  PyObject *entry = key ? PyDict_GetItemWithError(cache, key) : NULL;
  if (entry || PyErr_Occurred()) {
    Py_XINCREF(entry);
    goto done;
  }
  PyObject *inline_mod = PyImport_ImportModule("pyllc._inline");
  PyObject *pos = inline_mod ? PyObject_CallMethod(inline_mod, "position", "OiO", code,
                                                   lasti, text)
                             : NULL;
  PyObject *names = NULL, *cells = NULL, *snippet = NULL;
  int line, col;
  PyObject *src;
  if (pos && PyArg_ParseTuple(pos, "iiO", &line, &col, &src) &&
      variables_of(code, &names, &cells) == 0)
    snippet = rt_glue_asm_code(code->co_filename, text, line, col, names, cells, src,
                               globals, opt);
  if (snippet)
    entry = PyTuple_Pack(2, snippet, names);
  if (entry && PyDict_SetItem(cache, key, entry) < 0)
    Py_CLEAR(entry);
  Py_XDECREF(inline_mod);
  Py_XDECREF(pos);
  Py_XDECREF(names);
  Py_XDECREF(cells);
  Py_XDECREF(snippet);
done:
  Py_XDECREF(key);
  Py_DECREF(cache);
  return entry;
}

/* The locals() of the snippet's frame when the exception left it (from the exception's
 * first traceback entry), NULL if not found; the exception stays set. What the code
 * wrote before raising is written back, as when spliced into a compiled function. */
static PyObject *snippet_locals_at_error(PyObject *snippet) {
  PyObject *type, *value, *tb, *snap = NULL;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  PyTracebackObject *t = (PyTracebackObject *)tb;
  if (t && PyTraceBack_Check(tb)) {
    PyCodeObject *co = PyFrame_GetCode(t->tb_frame);
    if ((PyObject *)co == snippet)
      snap = PyFrame_GetLocals(t->tb_frame);
    Py_XDECREF(co);
  }
  if (!snap)
    PyErr_Clear();
  PyErr_Restore(type, value, tb);
  return snap;
}

/* The exception out of the snippet's frame: its traceback entry goes, as if raised by
 * the pyllc.asm() call (the caller adds its own entry, at the line of the call). */
static void drop_snippet_entry(PyObject *snippet) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  PyTracebackObject *t = (PyTracebackObject *)tb;
  if (t && PyTraceBack_Check(tb)) {
    PyCodeObject *co = PyFrame_GetCode(t->tb_frame);
    if ((PyObject *)co == snippet) {
      PyObject *next = Py_XNewRef((PyObject *)t->tb_next);
      Py_DECREF(tb);
      tb = next;
      if (value && PyExceptionInstance_Check(value))
        PyException_SetTraceback(value, tb ? tb : Py_None);
    }
    Py_XDECREF(co);
  }
  PyErr_Restore(type, value, tb);
}

/* Copies the snippet's result into the frame's locals dict (with `unbind`, a variable it
 * does not hold is unbound), then the dict into the frame's variables. */
static int write_back(PyFrameObject *frame, PyObject *locals, PyObject *out, PyObject *names,
                      bool unbind) {
  if (!PyDict_Check(out) || !PyDict_Check(locals)) {
    PyErr_SetString(PyExc_SystemError, "pyllc.asm(): locals are not dicts");
    return -1;
  }
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(names); i++) {
    PyObject *name = PyTuple_GET_ITEM(names, i);
    PyObject *v = PyDict_GetItemWithError(out, name);
    if (v ? PyDict_SetItem(locals, name, v) < 0 : PyErr_Occurred() != NULL) return -1;
    if (!v && unbind && PyDict_Contains(locals, name) == 1 && PyDict_DelItem(locals, name) < 0)
      return -1;
  }
  PyFrame_LocalsToFast(frame, 1);
  return PyErr_Occurred() ? -1 : 0;
}

PyObject *rt_asm(PyObject *module, PyObject *text, int opt) {
  if (!PyUnicode_Check(text))
    return PyErr_Format(PyExc_TypeError, "pyllc.asm() takes the .pyasm code as a str, not %s",
                        Py_TYPE(text)->tp_name);
  PyFrameObject *frame = PyEval_GetFrame(); /* borrowed: the caller's */
  if (!frame) {
    PyErr_SetString(PyExc_RuntimeError, "pyllc.asm() needs a calling Python function");
    return NULL;
  }
  PyCodeObject *code = PyFrame_GetCode(frame);
  PyObject *entry = NULL, *fn = NULL, *locals = NULL, *out = NULL, *result = NULL;
  PyObject *globals = NULL;
  if (!(code->co_flags & CO_OPTIMIZED)) {
    PyErr_SetString(PyExc_TypeError, "pyllc.asm() works inside a function: its $x are the "
                                      "function's variables");
    goto done;
  }
  globals = PyFrame_GetGlobals(frame);
  entry = globals ? snippet_of(module, code, PyFrame_GetLasti(frame), text, globals, opt)
                  : NULL;
  if (!entry) goto done;
  PyObject *snippet = PyTuple_GET_ITEM(entry, 0), *names = PyTuple_GET_ITEM(entry, 1);
  fn = PyFunction_New(snippet, globals);
  locals = fn ? PyFrame_GetLocals(frame) : NULL;
  out = locals ? PyObject_CallOneArg(fn, locals) : NULL;
  if (!out && fn && locals) {
    PyObject *snap = snippet_locals_at_error(snippet);
    drop_snippet_entry(snippet);
    if (snap) { /* the exception wins over an error of the write-back */
      PyObject *type, *value, *tb;
      PyErr_Fetch(&type, &value, &tb);
      if (write_back(frame, locals, snap, names, false) < 0) /* it may not have begun */
        PyErr_Clear();
      PyErr_Restore(type, value, tb);
      Py_DECREF(snap);
    }
  }
  if (out && write_back(frame, locals, out, names, true) == 0)
    result = Py_NewRef(Py_None);
done:
  Py_XDECREF(out);
  Py_XDECREF(locals);
  Py_XDECREF(fn);
  Py_XDECREF(entry);
  Py_XDECREF(globals);
  Py_DECREF(code);
  return result;
}
