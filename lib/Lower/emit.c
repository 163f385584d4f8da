/* emit.c - the CLI's outputs: textual LLVM IR (-emit-llvm), x86-64 assembly (-S) and ELF
 * objects (-c), and the LLVM pipelines of each -O level (docs/LOWERING.md).
 *
 * The whole IrModule becomes one LLVM module. With --stats every function is also
 * compiled alone (lowering, LLVM optimisation, code generation to memory) and timed, so
 * that per-function figures are real rather than shares of a module's total.
 */
#include <errno.h>
#include <llvm-c/Support.h>
#include <llvm-c/Target.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lower_internal.h"
#include "pyllc/lower.h"
#include "pyllc/support.h"

/* -O2's pipeline, picked by hand for code made of helper calls (docs/LOWERING.md): inline
 * the helpers, then the scalar clean-ups that fold their fast paths into the caller;
 * sinking/hoisting common instructions merges the many similar failure exits. No loop,
 * vectorisation or GVN passes: they cost compile time and bought nothing measurable on
 * bench/ (docs/LOWERING.md). */
static const char o2_pipeline[] =
    "cgscc(inline),"
    "function(sroa,early-cse<memssa>,instcombine,"
    "simplifycfg<sink-common-insts;hoist-common-insts>,jump-threading,"
    "early-cse<memssa>,instcombine,"
    "simplifycfg<sink-common-insts>),"
    "globaldce,globalopt,deadargelim";

const char *lower_llvm_pipeline(int opt_level) {
  switch (opt_level) {
  case 0: return "";
  case 1: return "default<O1>";
  case 2: return o2_pipeline;
  default: return "default<O3>";
  }
}

/* Tail merging compares the tails of every pair of returning blocks: quadratic in the
 * exits to the interpreter that every fallible operation has, and a sixth of the whole
 * -c time of a module like textwrap.py. Set once per process (LLVM's options are global). */
static void set_codegen_options(void) {
  static bool done;
  if (done) return;
  done = true;
  const char *argv[] = {"pyllc", "-enable-tail-merge=false"};
  LLVMParseCommandLineOptions(2, argv, NULL);
}

LLVMTargetMachineRef lower_target_machine(int opt_level, char **err) {
  static const char triple[] = "x86_64-pc-linux-gnu";
  LLVMInitializeX86TargetInfo();
  LLVMInitializeX86Target();
  LLVMInitializeX86TargetMC();
  LLVMInitializeX86AsmPrinter();
  LLVMInitializeX86AsmParser();
  set_codegen_options();
  LLVMTargetRef target = NULL;
  char *msg = NULL;
  if (LLVMGetTargetFromTriple(triple, &target, &msg)) {
    *err = strdup(msg ? msg : "no x86-64 target");
    LLVMDisposeMessage(msg);
    return NULL;
  }
  /* -O2 keeps "Default": at "Less" the block layout put decref's dealloc calls and the
   * float path inline of the int fast path. */
  LLVMCodeGenOptLevel cg = opt_level == 0   ? LLVMCodeGenLevelNone
                           : opt_level == 1 ? LLVMCodeGenLevelLess
                           : opt_level == 2 ? LLVMCodeGenLevelDefault
                                            : LLVMCodeGenLevelAggressive;
  /* The generic x86-64 CPU: the runtime helpers are compiled for it, and output does not
   * depend on the machine (tests compare it). */
  return LLVMCreateTargetMachine(target, triple, "x86-64", "", cg, LLVMRelocPIC,
                                 LLVMCodeModelSmall);
}

int lower_optimize(LLVMModuleRef m, LLVMTargetMachineRef tm, int opt_level, char **err) {
  const char *pipeline = lower_llvm_pipeline(opt_level);
  if (!*pipeline) return 0; /* -O0: helpers are not linked in, nothing to clean up */
  LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
  LLVMErrorRef e = LLVMRunPasses(m, pipeline, tm, po);
  LLVMDisposePassBuilderOptions(po);
  if (e) {
    char *msg = LLVMGetErrorMessage(e);
    *err = strdup(msg);
    LLVMDisposeErrorMessage(msg);
    return -1;
  }
  return 0;
}

/* Compiles fn alone and prints its times: one line per function on stderr. */
static void stats_one(IrFunc *fn, const LowerOptions *opts, LLVMTargetMachineRef tm,
                      const char *file) {
  LLVMContextRef C = LLVMContextCreate();
  double t0 = pyllc_now();
  LowerCtx *lc = lower_ctx_new(C, "stats", opts->opt_level);
  LowerFuncInfo info;
  char *sym = lower_symbol_name(fn, -1);
  int rc = lower_func(lc, fn, sym, &info);
  char *err = NULL;
  LLVMModuleRef m = rc == 0 ? lower_ctx_finish(lc, &err) : (lower_ctx_free(lc), NULL);
  double t1 = pyllc_now(), t2 = t1, t3 = t1;
  size_t bytes = 0;
  if (m && lower_optimize(m, tm, opts->opt_level, &err) == 0) {
    t2 = pyllc_now();
    LLVMMemoryBufferRef buf = NULL;
    char *msg = NULL;
    if (!LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &msg, &buf)) {
      bytes = LLVMGetBufferSize(buf);
      LLVMDisposeMemoryBuffer(buf);
    }
    LLVMDisposeMessage(msg);
    t3 = pyllc_now();
  }
  if (rc == 0 && m)
    fprintf(stderr,
            "pyllc: stats: %s:%d %s: front %.3f ms, passes %.3f ms, lower %.3f ms, "
            "llvm-opt %.3f ms, codegen %.3f ms, object %zu bytes\n",
            file, fn->firstlineno, fn->qualname ? fn->qualname : "?", fn->t_front * 1e3,
            fn->t_passes * 1e3, (t1 - t0) * 1e3,
            (t2 - t1) * 1e3, (t3 - t2) * 1e3, bytes);
  else
    fprintf(stderr, "pyllc: stats: %s:%d %s: not compiled (%s)\n", file, fn->firstlineno,
            fn->qualname ? fn->qualname : "?", rc ? info.why : err ? err : "?");
  free(err);
  free(sym);
  lower_info_clear(&info);
  if (m) LLVMDisposeModule(m);
  LLVMContextDispose(C);
}

int lower_emit_module(PyllcDiag *d, IrModule *m, const LowerOptions *opts,
                      LowerEmitKind kind, const char *out_path) {
  int rc = 1;
  char *err = NULL;
  const char *file = m->filename ? m->filename : "<ir>";
  bool to_stdout = !out_path || !strcmp(out_path, "-");
  if (kind == LOWER_EMIT_OBJ && to_stdout && isatty(STDOUT_FILENO)) {
    pyllc_error(d, NULL, 0, 0, "refusing to write an object file to a terminal (use -o)");
    return 1;
  }
  IrFunc *only = NULL;
  if (opts->only_func && !(only = ir_find_func(m, opts->only_func))) {
    pyllc_error(d, file, 0, 0, "no function named '%s'", opts->only_func);
    return 1;
  }
  LLVMTargetMachineRef tm = lower_target_machine(opts->opt_level, &err);
  if (!tm) {
    pyllc_error(d, NULL, 0, 0, "LLVM: %s", err);
    free(err);
    return 1;
  }
  LLVMContextRef C = LLVMContextCreate();
  LLVMModuleRef mod = NULL;
  LLVMMemoryBufferRef buf = NULL;
  if (opts->stats) {
    for (uint32_t i = 0; i < m->nfuncs; i++)
      if (!only || m->funcs[i] == only) stats_one(m->funcs[i], opts, tm, file);
  }

  LowerCtx *lc = lower_ctx_new(C, file, opts->opt_level);
  for (uint32_t i = 0; i < m->nfuncs; i++) {
    IrFunc *fn = m->funcs[i];
    if (only && fn != only) continue;
    /* Symbols are unique per module: the function index disambiguates. */
    char *sym = lower_symbol_name(fn, (long)i);
    LowerFuncInfo info;
    if (lower_func(lc, fn, sym, &info) != 0)
      pyllc_diag_report(d, PYLLC_WARNING, file, fn->firstlineno, 0,
                        "function '%s' is not compiled (left to the interpreter): %s",
                        fn->qualname ? fn->qualname : "?", info.why);
    lower_info_clear(&info);
    free(sym);
  }
  mod = lower_ctx_finish(lc, &err);
  if (!mod) {
    pyllc_error(d, file, 0, 0, "internal error: lowering produced invalid LLVM IR: %s", err);
    goto done;
  }
  if (lower_optimize(mod, tm, opts->opt_level, &err) != 0) {
    pyllc_error(d, file, 0, 0, "LLVM pipeline '%s': %s", lower_llvm_pipeline(opts->opt_level),
                err);
    goto done;
  }
  FILE *out = NULL;
  if (kind == LOWER_EMIT_LLVM) {
    char *text = LLVMPrintModuleToString(mod);
    out = to_stdout ? stdout : fopen(out_path, "w");
    if (out) fputs(text, out);
    LLVMDisposeMessage(text);
  } else {
    char *msg = NULL;
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, mod, kind == LOWER_EMIT_ASM ? LLVMAssemblyFile
                                                                            : LLVMObjectFile,
                                            &msg, &buf)) {
      pyllc_error(d, file, 0, 0, "LLVM code generation: %s", msg ? msg : "?");
      LLVMDisposeMessage(msg);
      goto done;
    }
    out = to_stdout ? stdout : fopen(out_path, kind == LOWER_EMIT_OBJ ? "wb" : "w");
    if (out) fwrite(LLVMGetBufferStart(buf), 1, LLVMGetBufferSize(buf), out);
  }
  if (!out || (out != stdout ? fclose(out) : fflush(out)) != 0) {
    pyllc_error(d, to_stdout ? "<stdout>" : out_path, 0, 0, "cannot write: %s",
                strerror(errno));
    goto done;
  }
  rc = 0;
done:
  free(err);
  if (buf) LLVMDisposeMemoryBuffer(buf);
  if (mod) LLVMDisposeModule(mod);
  LLVMContextDispose(C);
  LLVMDisposeTargetMachine(tm);
  return rc;
}
