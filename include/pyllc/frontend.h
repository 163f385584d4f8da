/* frontend.h - the two front ends: CPython 3.11 bytecode and Python assembly (.pyasm).
 * Both produce an IrModule of pyllc SSA IR: one IrFunc per code object (nested code
 * objects included), funcs[0] the outermost. Errors go to the PyllcDiag engine with
 * positions; a NULL result means at least one error was reported. */
#ifndef PYLLC_FRONTEND_H
#define PYLLC_FRONTEND_H

#include <stdbool.h>
#include <stddef.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"

#ifndef Py_PYTHON_H
typedef struct _object PyObject;
#endif

/* Source text -> code object with the embedded CPython (Py_CompileString semantics, so
 * the bytecode is exactly what python3.11 runs) -> IR. The interpreter must be
 * initialised. A SyntaxError becomes a diagnostic at its position. If code_out is not
 * NULL it receives a new reference to the module's code object. */
IrModule *fe_module_from_source(PyllcDiag *d, const char *filename, const char *src,
                                size_t len, PyObject **code_out);
/* A .pyc file: header (magic, flags) checked; another version's magic is refused with a
 * message naming both versions. */
IrModule *fe_module_from_pyc(PyllcDiag *d, const char *filename, const unsigned char *data,
                             size_t len, PyObject **code_out);
/* A live code object (the runtime's entry point). Specialised bytecode is read and mapped
 * back to base opcodes, the specialisation kept as type feedback. Nested code objects in
 * co_consts become further functions of `m`. Returns the function, or NULL on error. */
IrFunc *fe_func_from_code(PyllcDiag *d, IrModule *m, PyObject *code);
/* As fe_func_from_code; with osr_entries, every loop header (the target of a backward
 * jump) is also a resume landing of the dispatch (docs/IR.md, "Resumable functions"), so
 * that a frame in the middle of a loop can enter the compiled code (on-stack
 * replacement). */
IrFunc *fe_func_from_code_ex(PyllcDiag *d, IrModule *m, PyObject *code, bool osr_entries);

/* Python assembly: a whole .pyasm file as a module body. */
IrModule *pyasm_compile(PyllcDiag *d, const char *filename, const char *text, size_t len);

/* Compile-time values of `@!name` and `~name.!attr...` (kind '@': a global; '~': a
 * builtin, else a module), for an embedder that has them. Returns 1 with *out set when
 * the value is a constant (None, a bool, int, float, str or bytes; text in a malloc'd
 * out->u.str that the caller frees), 0 when it is unknown or not a constant: it is then
 * loaded at run time. */
typedef int (*PyasmResolve)(void *data, char kind, const char *root,
                            const char *const *attrs, uint32_t nattrs, IrConst *out);

/* What an embedder adds to a .pyasm compilation. */
typedef struct PyasmOptions {
  /* Directories MACRO_IMPORT a.b searches for a/b.pyasm after the importing file's own,
   * in order (sys.path, the folder holding the pyllc package for `pyllc.std`). */
  const char *const *import_dirs;
  size_t nimport_dirs;
  PyasmResolve resolve; /* NULL: every @!name and .!name loads at run time */
  void *resolve_data;
} PyasmOptions;

/* The embedded interpreter's PyasmResolve: `globals` (a dict, or NULL) for '@', the
 * builtins module or an imported module for '~', then getattr. The interpreter must be
 * initialised; errors (a failed import, a missing attribute) mean "unknown". */
int pyasm_python_resolve(void *globals, char kind, const char *root,
                         const char *const *attrs, uint32_t nattrs, IrConst *out);
IrModule *pyasm_compile_ex(PyllcDiag *d, const char *filename, const char *text, size_t len,
                           const PyasmOptions *opts);
/* Inline .pyasm: the text of `pyllc.asm("...")` in a Python function whose variables are
 * names[0..nnames) (cells[i]: a cell or free variable there). The result is a module
 * whose funcs[1] is `<pyllc.asm>(d)`: it takes the function's variables from dict d
 * (those d holds), runs the text, and returns its locals() (a dict, for the caller to
 * copy back). funcs[0] is an empty module body (for pyasm_code_objects). `$x` must be one
 * of the names; RETURN, YIELD, DEF, CLASS and PYTHON are refused (the code runs in the
 * middle of a Python function). Positions are the Python file's: the text starts at
 * line:col of `filename`, whose whole source `file_text` (or NULL) shows the lines. */
typedef struct PyasmInline {
  const char *filename;
  const char *text;
  size_t len;
  int line, col;
  const char *file_text;
  size_t file_len;
  const char *const *names;
  const bool *cells;
  uint32_t nnames;
} PyasmInline;
IrModule *pyasm_compile_inline(PyllcDiag *d, const PyasmInline *in, const PyasmOptions *opts);

/* The import path of an embedded interpreter: `first` (if not NULL), then the str entries
 * of sys.path ("" as "."), as a malloc'd array of malloc'd strings; *n gets the count.
 * The interpreter must be initialised; it raises nothing. */
char **pyasm_sys_path_dirs(const char *first, size_t *n);
void pyasm_free_dirs(char **dirs, size_t n);
/* Code objects for the functions of a module from pyasm_compile (the interpreter must be
 * initialised), so that the execution engine can run them: sets every fn->origin and
 * returns a new reference to the module body's code object, which keeps the others alive
 * (in its co_consts). They hold no real bytecode: one RESUME/NOP per frame state, with a
 * line table for tracebacks; uncompiled, they raise. NULL after reporting to d. */
PyObject *pyasm_code_objects(PyllcDiag *d, IrModule *m);

#endif
