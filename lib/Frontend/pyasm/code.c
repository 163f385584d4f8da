/* code.c - code objects for the functions of a .pyasm module, so that the execution
 * engine can run them (it attaches compiled code to a code object and enters it through
 * the frames CPython makes for it).
 *
 * .pyasm has no bytecode. The lowering gives frame state k (in layout order) code unit
 * k; the code object here has one instruction there: RESUME where the IR has `resume`,
 * RAISE_VARARGS 1 where it has `raise` (the interpreter runs that one itself),
 * RETURN_GENERATOR where it has `return_generator` (the interpreter makes the generator),
 * MAKE_CELL where it has `make_cell` (for locals() and f_locals), a NOP elsewhere, and a
 * line table giving each unit the line of its IR instruction.
 * When compiled code hands a raising frame to the interpreter, the interpreter finds no
 * handler, releases the spilled stack and adds the traceback entry with the .pyasm line.
 * After the last unit comes code that raises, so that a function the engine could not
 * compile fails loudly instead of doing nothing, never silently wrong:
 *     LOAD_CONST 0 (a NotImplementedError instance)  RAISE_VARARGS 1
 *
 * Localsplus: the lowering orders it plain locals (parameters first), cells, free
 * variables, as PyCode_NewWithPosOnlyArgs lays out varnames, cellvars and freevars.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

#include "pyllc/frontend.h"
#include "pyllc/support.h"

enum {
  OP_NOP = 9,
  OP_RETURN_GENERATOR = 75,
  OP_LOAD_CONST = 100,
  OP_RAISE_VARARGS = 130,
  OP_MAKE_CELL = 135,
  OP_RESUME = 151
};

typedef struct Buf {
  unsigned char *p;
  size_t n, cap;
} Buf;

static void put(Buf *b, unsigned char c) {
  if (b->n == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 256;
    b->p = realloc(b->p, b->cap);
    if (!b->p)
      PYLLC_DIE("out of memory");
  }
  b->p[b->n++] = c;
}

/* The 3.11 location table's varints: 6 bits a byte, 0x40 = more follows. */
static void put_varint(Buf *b, unsigned v) {
  while (v >= 64) {
    put(b, (unsigned char)(0x40 | (v & 63)));
    v >>= 6;
  }
  put(b, (unsigned char)v);
}

static void put_svarint(Buf *b, int v) {
  put_varint(b, v < 0 ? ((unsigned)(-v) << 1) | 1 : (unsigned)v << 1);
}

/* One unit with line `line` (code 13: no column information), or none (code 15). */
static void put_line(Buf *lt, int line, int *prev) {
  if (line <= 0) {
    put(lt, 0x80 | (15 << 3));
    return;
  }
  put(lt, 0x80 | (13 << 3));
  put_svarint(lt, line - *prev);
  *prev = line;
}

static PyObject *names_where(const IrFunc *fn, uint8_t mask, uint8_t not_mask) {
  PyObject *t = PyList_New(0);
  for (uint32_t i = 0; t && i < fn->nlocalsplus; i++) {
    if (!(fn->localkinds[i] & mask) || (fn->localkinds[i] & not_mask))
      continue;
    PyObject *s = PyUnicode_InternFromString(fn->localnames[i]);
    if (!s || PyList_Append(t, s) < 0)
      Py_CLEAR(t);
    Py_XDECREF(s);
  }
  if (!t)
    return NULL;
  PyObject *tup = PyList_AsTuple(t);
  Py_DECREF(t);
  return tup;
}

/* RAISE_VARARGS's argument for a `raise` of the exception and cause operands. */
static int raise_count(const IrFunc *fn, const IrInstr *in) {
  bool exc = fn->instrs[in->args[0]].op != IR_NULLOBJ;
  bool cause = fn->instrs[in->args[1]].op != IR_NULLOBJ;
  return cause ? 2 : exc ? 1 : 0;
}

/* The interpreter runs a raise itself, and makes a generator (RETURN_GENERATOR) when
 * compiled code hands it the fresh frame. MAKE_CELL units tell frame introspection
 * (locals(), f_locals) that the cells exist: _PyFrame_OpAlreadyRan looks for them. */
static int unit_opcode(const IrInstr *in) {
  switch (in->op) {
  case IR_RESUME: return OP_RESUME;
  case IR_RAISE: return OP_RAISE_VARARGS;
  case IR_RETURN_GENERATOR: return OP_RETURN_GENERATOR;
  case IR_MAKE_CELL: return in->imm[0] <= 255 ? OP_MAKE_CELL : OP_NOP; /* one unit */
  default: return OP_NOP;
  }
}

static PyObject *make_code(IrFunc *fn, PyObject *filename, PyObject *extra_consts) {
  Buf code = {0}, lt = {0};
  int prev = fn->firstlineno > 0 ? fn->firstlineno : 1;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i <= bb->ninstrs; i++) {
      IrRef r = i < bb->ninstrs ? bb->instrs[i] : bb->term;
      if (r == IR_NOREF || fn->instrs[r].fs == IR_NOREF)
        continue;
      IrInstr *in = &fn->instrs[r];
      if ((size_t)fn->fstates[in->fs].bc_offset != code.n)
        PYLLC_DIE("pyasm: frame state of %%%u is not at unit %zu", r, code.n / 2);
      /* the interpreter runs a raise itself, on the spilled stack: RAISE_VARARGS with
       * as many operands as are not NULL (RAW RAISE_VARARGS 0 and 2 too) */
      int op = unit_opcode(in);
      put(&code, (unsigned char)op);
      put(&code, op == OP_RAISE_VARARGS ? raise_count(fn, in)
                 : op == OP_MAKE_CELL   ? (unsigned char)in->imm[0]
                                        : 0);
      put_line(&lt, in->line, &prev);
    }
  }
  put(&code, OP_LOAD_CONST);
  put(&code, 0);
  put(&code, OP_RAISE_VARARGS);
  put(&code, 1);
  put_line(&lt, fn->firstlineno, &prev);
  put_line(&lt, fn->firstlineno, &prev);

  PyObject *co = NULL, *bytes = NULL, *lines = NULL, *consts = NULL, *names = NULL;
  PyObject *varnames = NULL, *cellvars = NULL, *freevars = NULL, *name = NULL;
  PyObject *qualname = NULL, *exctable = NULL, *msg = NULL;
  bytes = PyBytes_FromStringAndSize((const char *)code.p, (Py_ssize_t)code.n);
  lines = PyBytes_FromStringAndSize((const char *)lt.p, (Py_ssize_t)lt.n);
  exctable = PyBytes_FromStringAndSize("", 0);
  msg = PyObject_CallFunction(PyExc_NotImplementedError, "s",
                              "pyllc: this .pyasm function was not compiled (an operation the "
                              "JIT lacks) and has no bytecode to interpret");
  consts = PyList_New(0);
  if (consts && msg && PyList_Append(consts, msg) == 0 && extra_consts) {
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(extra_consts); k++)
      if (PyList_Append(consts, PyList_GET_ITEM(extra_consts, k)) < 0)
        Py_CLEAR(consts);
  }
  PyObject *ctuple = consts ? PyList_AsTuple(consts) : NULL;
  names = PyTuple_New(fn->nnames);
  for (uint32_t i = 0; names && i < fn->nnames; i++) {
    PyObject *s = PyUnicode_InternFromString(fn->names[i]);
    if (!s)
      Py_CLEAR(names);
    else
      PyTuple_SET_ITEM(names, i, s);
  }
  varnames = names_where(fn, IR_LOCAL_PLAIN, IR_LOCAL_FREE);
  cellvars = names_where(fn, IR_LOCAL_CELL, IR_LOCAL_FREE);
  freevars = names_where(fn, IR_LOCAL_FREE, 0);
  name = PyUnicode_FromString(fn->name ? fn->name : "?");
  qualname = PyUnicode_FromString(fn->qualname ? fn->qualname : "?");
  if (bytes && lines && exctable && ctuple && names && varnames && cellvars && freevars &&
      name && qualname) {
    co = (PyObject *)PyCode_NewWithPosOnlyArgs(
        (int)fn->argcount, (int)fn->posonlyargcount, (int)fn->kwonlyargcount,
        (int)PyTuple_GET_SIZE(varnames), (int)fn->stacksize + 2, (int)fn->flags, bytes,
        ctuple, names, varnames, freevars, cellvars, filename, name, qualname,
        fn->firstlineno > 0 ? fn->firstlineno : 1, lines, exctable);
  }
  Py_XDECREF(bytes);
  Py_XDECREF(lines);
  Py_XDECREF(exctable);
  Py_XDECREF(msg);
  Py_XDECREF(consts);
  Py_XDECREF(ctuple);
  Py_XDECREF(names);
  Py_XDECREF(varnames);
  Py_XDECREF(cellvars);
  Py_XDECREF(freevars);
  Py_XDECREF(name);
  Py_XDECREF(qualname);
  free(code.p);
  free(lt.p);
  return co;
}

PyObject *pyasm_code_objects(PyllcDiag *d, IrModule *m) {
  if (!m->nfuncs || !m->funcs[0]) {
    pyllc_error(d, m->filename, 0, 0, "no module body to run");
    return NULL;
  }
  PyObject *filename = PyUnicode_DecodeFSDefault(m->filename ? m->filename : "<pyasm>");
  PyObject *nested = PyList_New(0);
  PyObject *module = NULL;
  bool ok = filename && nested;
  for (uint32_t i = 1; ok && i < m->nfuncs; i++) {
    if (!m->funcs[i])
      continue;
    PyObject *co = make_code(m->funcs[i], filename, NULL);
    ok = co && PyList_Append(nested, co) == 0;
    if (co)
      m->funcs[i]->origin = co; /* borrowed: the module's code keeps it in co_consts */
    Py_XDECREF(co);
  }
  if (ok) {
    module = make_code(m->funcs[0], filename, nested);
    if (module)
      m->funcs[0]->origin = module;
  }
  if (!module) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *s = value ? PyObject_Str(value) : NULL;
    pyllc_error(d, m->filename, 0, 0, "cannot make the code objects of the module: %s",
                s && PyUnicode_Check(s) ? PyUnicode_AsUTF8(s) : "unknown error");
    PyErr_Clear();
    Py_XDECREF(s);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    for (uint32_t i = 0; i < m->nfuncs; i++)
      if (m->funcs[i])
        m->funcs[i]->origin = NULL;
  }
  Py_XDECREF(filename);
  Py_XDECREF(nested);
  return module;
}

char **pyasm_sys_path_dirs(const char *first, size_t *n) {
  PyObject *path = PySys_GetObject("path"); /* borrowed */
  Py_ssize_t np = path && PyList_Check(path) ? PyList_GET_SIZE(path) : 0;
  char **dirs = calloc((size_t)np + 2, sizeof *dirs);
  if (!dirs)
    PYLLC_DIE("out of memory");
  *n = 0;
  if (first)
    dirs[(*n)++] = strdup(first);
  for (Py_ssize_t i = 0; i < np; i++) {
    PyObject *e = PyList_GET_ITEM(path, i);
    const char *s = PyUnicode_Check(e) ? PyUnicode_AsUTF8(e) : NULL;
    if (s)
      dirs[(*n)++] = strdup(*s ? s : ".");
  }
  for (size_t i = 0; i < *n; i++)
    if (!dirs[i])
      PYLLC_DIE("out of memory");
  PyErr_Clear();
  return dirs;
}

void pyasm_free_dirs(char **dirs, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(dirs[i]);
  free(dirs);
}

/* The constant `v` is, in *out (strings malloc'd); 0 when it is not one. */
static int constant_of(PyObject *v, IrConst *out) {
  memset(out, 0, sizeof *out);
  out->src_index = -1;
  const char *p = NULL;
  Py_ssize_t n = 0;
  PyObject *text = NULL;
  if (v == Py_None) {
    out->kind = IR_C_NONE;
  } else if (PyBool_Check(v)) {
    out->kind = v == Py_True ? IR_C_TRUE : IR_C_FALSE;
  } else if (PyLong_CheckExact(v)) {
    int overflow;
    long long i = PyLong_AsLongLongAndOverflow(v, &overflow);
    out->kind = IR_C_INT;
    if (overflow) { /* big: decimal text, as the lexer keeps big literals */
      out->big = true;
      text = PyObject_Str(v);
      p = text ? PyUnicode_AsUTF8AndSize(text, &n) : NULL;
    } else {
      out->u.i = i;
    }
  } else if (PyFloat_CheckExact(v)) {
    out->kind = IR_C_FLOAT;
    out->u.f = PyFloat_AS_DOUBLE(v);
  } else if (PyUnicode_CheckExact(v)) {
    out->kind = IR_C_STR;
    p = PyUnicode_AsUTF8AndSize(v, &n);
  } else if (PyBytes_CheckExact(v)) {
    out->kind = IR_C_BYTES;
    p = PyBytes_AS_STRING(v);
    n = PyBytes_GET_SIZE(v);
  } else {
    return 0;
  }
  if (out->kind == IR_C_STR || out->kind == IR_C_BYTES || out->big) {
    char *copy = p ? malloc((size_t)n + 1) : NULL;
    if (copy) {
      memcpy(copy, p, (size_t)n);
      copy[n] = 0;
    }
    Py_XDECREF(text);
    out->u.str = copy;
    out->n = (uint32_t)n;
    return copy != NULL;
  }
  return 1;
}

int pyasm_python_resolve(void *globals, char kind, const char *root,
                         const char *const *attrs, uint32_t nattrs, IrConst *out) {
  PyObject *v = NULL;
  if (kind == '@') {
    v = globals ? PyDict_GetItemString((PyObject *)globals, root) : NULL;
    Py_XINCREF(v);
  } else {
    PyObject *builtins = PyEval_GetBuiltins(); /* borrowed */
    v = builtins ? PyDict_GetItemString(builtins, root) : NULL;
    if (v)
      Py_INCREF(v);
    else
      v = PyImport_ImportModule(root);
  }
  for (uint32_t i = 0; v && i < nattrs; i++) {
    PyObject *a = PyObject_GetAttrString(v, attrs[i]);
    Py_DECREF(v);
    v = a;
  }
  int rc = v ? constant_of(v, out) : 0;
  Py_XDECREF(v);
  PyErr_Clear();
  return rc;
}
