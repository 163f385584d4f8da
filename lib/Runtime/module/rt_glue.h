/* rt_glue.h - what the `_pyllc` extension needs from the rest of pyllc: the front ends,
 * the IR passes, the lowering and the execution engine (lib/Lower). One thin layer, so
 * that pyllc_module.c deals with Python objects only and the engine's API can change in
 * one place.
 *
 * Every function follows CPython's convention: -1 or NULL with a Python exception set on
 * error. "Fallback" is not an error: the function keeps running in the interpreter and
 * the reason is handed back so that pyllc.stats() can show it. */
#ifndef PYLLC_RT_GLUE_H
#define PYLLC_RT_GLUE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>

/* Which parts of pyllc this build holds (the layers land one by one). */
typedef struct RtParts {
  bool bytecode_frontend; /* fe_func_from_code */
  bool pyasm_frontend;    /* pyasm_compile */
  bool lowering;          /* lower_emit_module */
  bool engine;            /* the execution engine: compile live functions, PEP 523 hook */
} RtParts;

RtParts rt_glue_parts(void);

/* Compiles `func` (a Python function) at optimisation level `opt` (0..3) so that every
 * later call runs native code. Returns 1 when compiled, 0 on a fallback with *reason set
 * to a new str, -1 on error. */
int rt_glue_compile(PyObject *func, int opt, PyObject **reason);

/* 1 if calls of `func` run compiled code, 0 if not, -1 on error. */
int rt_glue_is_compiled(PyObject *func);

/* Whole-program mode: compile a code object once calls plus loop back-edges reach
 * `threshold` (0: before its first run). Returns 0, or -1 with an exception set. */
int rt_glue_enable(long threshold, int opt);
int rt_glue_disable(void);

/* The engine's counters as a dict (keys as pyllc.stats() documents), or a new empty dict
 * when there is no engine yet. */
PyObject *rt_glue_engine_stats(void);

/* The text of one stage ("ir", "llvm" or "asm") for a live function, as a str. */
PyObject *rt_glue_dump(PyObject *func, const char *stage, int opt);

/* Runs the .pyasm text `text` of file `filename` as the body of a module whose namespace
 * is `globals`. A bad file raises SyntaxError with filename, line, offset and text. */
int rt_glue_exec_pyasm(PyObject *filename, PyObject *text, PyObject *globals, int opt);

/* The code object of pyllc.asm()'s function for `text` (pyasm_compile_inline), compiled:
 * `<pyllc.asm>(d)` takes the variables `names` (a tuple of str; those in `cells` are
 * cells there) from dict d, runs the text and returns its locals(). The text starts at
 * line:col of `filename`, whose source is `file_text` (str or None); @!name is the value
 * in `globals` now. Bad code raises SyntaxError at its position. */
PyObject *rt_glue_asm_code(PyObject *filename, PyObject *text, int line, int col,
                           PyObject *names, PyObject *cells, PyObject *file_text,
                           PyObject *globals, int opt);

/* pyllc.asm(text) (rt_asm.c): runs inline .pyasm in the calling function's frame. */
PyObject *rt_asm(PyObject *module, PyObject *text, int opt);

#endif
