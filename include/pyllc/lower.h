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
 * (0, 1 after an uncaught exception with its traceback printed, or SystemExit's code). */
int lower_run_main(PyllcDiag *d, IrModule *m, const LowerOptions *opts, PyObject *code,
                   int argc, char **argv);

#endif
