/* lower_internal.h - shared by lib/Lower's files: building LLVM modules from pyllc IR
 * (lower.c), optimising and emitting them (emit.c), and the JIT engine (engine.c). */
#ifndef PYLLC_LOWER_INTERNAL_H
#define PYLLC_LOWER_INTERNAL_H

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>
#include <stdbool.h>
#include <stdint.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"

/* One slot of a function's object table: the Python objects compiled code uses (constants,
 * names) are loaded from a global array `<fn>.objs` that whoever loads the code fills in
 * (the JIT engine), so that generated code holds no addresses and -c output stays
 * meaningful. */
enum { LOWER_OBJ_CONST, LOWER_OBJ_NAME };
typedef struct LowerObj {
  uint8_t kind;    /* LOWER_OBJ_* */
  uint32_t index;  /* into fn->consts or fn->names */
} LowerObj;

/* What lowering tells its caller about one function. Strings and arrays are malloc'd and
 * owned by the caller (lower_info_clear frees them). */
typedef struct LowerFuncInfo {
  char *sym;        /* the entry function's symbol */
  char *objs_sym;   /* the object table's symbol, NULL when the table is empty */
  LowerObj *objs;
  uint32_t nobjs;
  char why[160];    /* when lowering failed: the reason (unsupported op, generator...) */
  char *budget_sym; /* baseline code (lower_ctx_count_calls_and_loops): its i64 budget */
} LowerFuncInfo;

void lower_info_clear(LowerFuncInfo *info);

/* A module being built: the LLVM context is borrowed, the module owned until
 * lower_ctx_finish hands it over. */
typedef struct LowerCtx LowerCtx;

/* opt_level 0: helpers are called (native copies); above, linked in to be inlined. */
LowerCtx *lower_ctx_new(LLVMContextRef ctx, const char *module_name, int opt_level);
/* Baseline code: every entry and every loop back-edge decrements a global budget
 * (`<sym>.budget`, set by the JIT engine). When it goes below 0 the code asks
 * rt_osr_request for optimised code: at the entry it calls that instead; at a back-edge
 * it stores the loop header's frame state into the frame and continues there
 * (rt_leave_to_osr: on-stack replacement). */
void lower_ctx_count_calls_and_loops(LowerCtx *lc);
/* Lowers fn into the module under the symbol `sym`. Returns 0, or -1 with info->why set
 * (the function is then absent from the module, which stays valid). */
int lower_func(LowerCtx *lc, IrFunc *fn, const char *sym, LowerFuncInfo *info);
/* Links the runtime helpers the module uses (above -O0), makes them internal, verifies.
 * Returns the module (ownership passes to the caller) or NULL with *err set (malloc'd),
 * and frees lc either way. */
LLVMModuleRef lower_ctx_finish(LowerCtx *lc, char **err);
void lower_ctx_free(LowerCtx *lc);

/* The target machine every output uses: x86-64 (generic CPU, the helpers' features),
 * PIC, at the code-generation level matching opt_level. Returns NULL with *err set. */
LLVMTargetMachineRef lower_target_machine(int opt_level, char **err);
/* Runs LLVM's pipeline of an optimisation level (docs/LOWERING.md). Returns 0 or -1 with
 * *err set. */
int lower_optimize(LLVMModuleRef m, LLVMTargetMachineRef tm, int opt_level, char **err);
/* "default<O2>" etc.: the LLVM pass pipeline of a level, "" at -O0. */
const char *lower_llvm_pipeline(int opt_level);

/* A symbol name for fn: "py." + its qualified name with characters outside [A-Za-z0-9_.]
 * replaced by '_', + ".<tag>" when tag >= 0. malloc'd. */
char *lower_symbol_name(const IrFunc *fn, long tag);

/* Why fn cannot be compiled at all (generator, coroutine...), or NULL. */
const char *lower_unsupported_reason(const IrFunc *fn);

#endif
