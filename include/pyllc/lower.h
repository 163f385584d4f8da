/* lower.h - pyllc IR -> LLVM IR (LLVM-C, LLVM 19) -> x86-64 machine code (ORC LLJIT),
 * and the execution engine that runs compiled code inside CPython (PEP 523 hook). */
#ifndef PYLLC_LOWER_H
#define PYLLC_LOWER_H

#include <stdbool.h>
#include <stdio.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"

#ifndef Py_PYTHON_H
typedef struct _object PyObject;
#endif

typedef enum LowerEmitKind {
  LOWER_EMIT_LLVM, /* textual LLVM IR */
  LOWER_EMIT_ASM,  /* x86-64 assembly */
  LOWER_EMIT_OBJ,  /* ELF object file */
} LowerEmitKind;

typedef struct LowerOptions {
  int opt_level;          /* 0..3: LLVM's default<On> pipeline and pyllc's passes */
  bool verify_each;       /* run the IR verifier after every pass */
  bool stats;             /* print per-function compile times (front end, passes, LLVM
                             optimisation, code generation) to stderr */
  const char *only_func;  /* --function NAME, or NULL for every function */
} LowerOptions;

/* Writes the whole module in the given form. `out_path` NULL or "-" means stdout (an
 * object file refuses a terminal). Returns 0, or 1 after reporting to `d`. */
int lower_emit_module(PyllcDiag *d, IrModule *m, const LowerOptions *opts,
                      LowerEmitKind kind, const char *out_path);

/* --run: JIT-compiles every function of `m` before anything runs, installs the execution
 * engine, and executes `code` (the module's code object) as __main__ with sys.argv set to
 * argv[0..argc). Returns the process exit status the program would have with python3.11
 * (0, 1 after an uncaught exception with its traceback printed, or SystemExit's code), or
 * -SIGINT after an uncaught KeyboardInterrupt: python3.11 then finalises and kills itself
 * with SIGINT, and so should the caller. */
int lower_run_main(PyllcDiag *d, IrModule *m, const LowerOptions *opts, PyObject *code,
                   int argc, char **argv);

/* ---- The engine inside a running CPython: the API of the `pyllc` module (issue 5) ----
 * Added by the pyllc-module side (lib/Runtime/module/rt_glue.c is the only caller); the
 * implementation is the last section of lib/Lower/engine.c. One engine per process,
 * created by the first call and kept until exit, with its PEP 523 hook installed. All
 * functions need the GIL; errors are Python exceptions (-1/NULL). */

/* Turns a code object into optimised IR (front end + passes): the module's callback, so
 * that lib/Lower does not depend on the front ends. Returns the IrFunc of `code` inside a
 * new module (*m_out, freed by the caller), or NULL with *why set to a malloc'd reason.
 * osr_entries: loop headers get dispatch landings (fe_func_from_code_ex). */
typedef IrFunc *(*LowerRtFrontEnd)(PyObject *code, int opt_level, bool osr_entries,
                                   IrModule **m_out, char **why);

/* Creates the engine (once) and installs the hook. 0, or -1 with an exception set. */
int lower_rt_init(LowerRtFrontEnd front_end);
/* Compiles `code` at `opt_level` and attaches it. 1 compiled (or already), 0 left to the
 * interpreter (reason recorded under "qualname (file:line)" in the stats), -1 error. */
int lower_rt_compile(PyObject *code, int opt_level);
/* Runs a module whose functions have code objects but no bytecode to interpret (a .pyasm
 * module, after pyasm_code_objects): compiles every function of `m` at `opt_level`, then
 * runs the body (funcs[0]->origin) with `globals` as its namespace. A function left to
 * the interpreter is recorded in the stats' fallbacks (its code object raises when
 * called); a body that cannot be compiled raises NotImplementedError with the reason.
 * 0, or -1 with the body's exception set. */
int lower_rt_exec_module(IrModule *m, PyObject *globals, int opt_level);
/* The compiling half of lower_rt_exec_module (functions already compiled are kept):
 * returns how many functions are left to the interpreter, or -1 with an exception. */
int lower_rt_compile_module(IrModule *m, int opt_level);
/* 1 if calls of `code` run compiled code, else 0. */
int lower_rt_is_compiled(PyObject *code);
/* Whole-program mode: compile a code object when its count exceeds `threshold` (0: at
 * its first run); a negative threshold turns the mode off. */
void lower_rt_set_threshold(long threshold, int opt_level);
/* {"compiled", "fallbacks", "deopts", "compile_time_s", "code_bytes",
 *  "jit_memory_bytes"} as a new dict; empty counters before lower_rt_init. */
PyObject *lower_rt_stats(void);

#endif
