/* ir_passes.h - pyllc's IR passes and the pipeline that runs them.
 * A pipeline is a comma-separated list of pass names ("constfold,dce"); each pass
 * states in one comment line (lib/IR/Passes) what it requires, keeps and breaks. */
#ifndef PYLLC_IR_PASSES_H
#define PYLLC_IR_PASSES_H

#include <stdbool.h>
#include <stdio.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"

/* The pyllc IR pipeline of an optimisation level 0..3 ("" at -O0). */
const char *ir_default_pipeline(int opt_level);

/* Runs `pipeline` on every function of m. With verify_each, the verifier runs after every
 * pass. If print_after is not NULL, the module is printed to it after every pass.
 * Returns 0, or 1 after reporting an unknown pass name or a verifier failure to d. */
int ir_run_passes(PyllcDiag *d, IrModule *m, const char *pipeline, bool verify_each,
                  FILE *print_after);

/* Finer control, for pyllc-opt. print_after: a pass name, "all", or NULL. */
typedef struct IrPassOptions {
  bool verify_each;
  const char *print_after;
  FILE *dump; /* where print_after prints; stdout if NULL */
} IrPassOptions;
int ir_run_pipeline(PyllcDiag *d, IrModule *m, const char *pipeline, const IrPassOptions *opt);

/* Lists the passes, one line each (name and summary), for --help. */
void ir_list_passes(FILE *out);

/* The passes (lib/IR/Passes); each returns whether it changed fn. */
bool ir_pass_constfold(IrFunc *fn);
bool ir_pass_dce(IrFunc *fn);

/* Replaces every phi whose operands are all one value (or the phi itself) by that value,
 * in one linear rewrite of operands and frame states; returns whether any went. Both
 * passes use it; so may a front end after SSA construction (Braun et al.). */
bool ir_remove_trivial_phis(IrFunc *fn);

#endif
