/* passes.c - the pass registry and the pipeline driver (pyllc-opt --passes=, pyllc -O).
 *
 * A pipeline is a comma-separated list of pass names, run in order, each on every
 * function of the module. With verify_each the verifier runs after each pass and a
 * failure stops the pipeline naming the pass; print_after dumps the module.
 * Each pass states what it requires, keeps and breaks, one line here and in its file.
 */
#include <string.h>

#include "../ir_internal.h"
#include "pyllc/ir_passes.h"
#include "pyllc/support.h"

typedef struct PassInfo {
  const char *name;
  bool (*run)(IrFunc *fn); /* returns whether it changed fn */
  const char *summary;
} PassInfo;

static const PassInfo passes[] = {
    /* constfold  requires verified IR; keeps SSA, block ids; breaks preds/rpo/doms/uses */
    {"constfold", ir_pass_constfold, "fold IRF_FOLD operations and cbr on constants"},
    /* dce        requires verified IR; keeps SSA; breaks block ids and all derived data */
    {"dce", ir_pass_dce, "delete unreachable blocks and unused pure instructions"},
};
#define NPASSES (sizeof passes / sizeof passes[0])

/* The -O pipelines, top to bottom. */
const char *ir_default_pipeline(int opt_level) {
  if (opt_level <= 0)
    return "";
  return "constfold,dce";
}

void ir_list_passes(FILE *out) {
  for (size_t i = 0; i < NPASSES; i++)
    fprintf(out, "  %-12s %s\n", passes[i].name, passes[i].summary);
}

static const PassInfo *find_pass(const char *s, size_t n) {
  for (size_t i = 0; i < NPASSES; i++)
    if (strlen(passes[i].name) == n && memcmp(passes[i].name, s, n) == 0)
      return &passes[i];
  return NULL;
}

/* Splits the pipeline into passes; reports every unknown name. */
static int parse_pipeline(PyllcDiag *d, const char *pipeline, const PassInfo **out,
                          size_t max, size_t *n) {
  *n = 0;
  int bad = 0;
  const char *s = pipeline;
  if (!*s)
    return 0;
  for (;;) {
    const char *comma = strchr(s, ',');
    size_t len = comma ? (size_t)(comma - s) : strlen(s);
    const PassInfo *p = find_pass(s, len);
    if (!p) {
      char known[256] = "";
      for (size_t i = 0; i < NPASSES; i++) {
        strncat(known, i ? ", " : "", sizeof known - strlen(known) - 1);
        strncat(known, passes[i].name, sizeof known - strlen(known) - 1);
      }
      if (len == 0)
        pyllc_error(d, NULL, 0, 0, "empty pass name in pipeline '%s'", pipeline);
      else
        pyllc_error(d, NULL, 0, 0, "unknown pass '%.*s' (known: %s)", (int)len, s, known);
      bad++;
    } else if (*n < max) {
      out[(*n)++] = p;
    } else {
      pyllc_error(d, NULL, 0, 0, "pipeline too long (at most %zu passes)", max);
      return 1;
    }
    if (!comma)
      break;
    s = comma + 1;
  }
  return bad;
}

int ir_run_pipeline(PyllcDiag *d, IrModule *m, const char *pipeline,
                    const IrPassOptions *opt) {
  enum { MAX_PIPELINE = 256 };
  const PassInfo *list[MAX_PIPELINE];
  size_t n;
  if (parse_pipeline(d, pipeline ? pipeline : "", list, MAX_PIPELINE, &n))
    return 1;
  if (opt && opt->print_after && strcmp(opt->print_after, "all") != 0 &&
      !find_pass(opt->print_after, strlen(opt->print_after))) {
    pyllc_error(d, NULL, 0, 0, "unknown pass '%s' to print after", opt->print_after);
    return 1;
  }
  for (size_t k = 0; k < n; k++) {
    for (uint32_t i = 0; i < m->nfuncs; i++) {
      IrFunc *fn = m->funcs[i];
      if (!fn)
        continue;
      double t0 = pyllc_now();
      list[k]->run(fn);
      fn->t_passes += pyllc_now() - t0;
    }
    if (opt && opt->print_after &&
        (!strcmp(opt->print_after, "all") || !strcmp(opt->print_after, list[k]->name))) {
      FILE *out = opt->dump ? opt->dump : stdout;
      fprintf(out, "; *** IR after %s ***\n", list[k]->name);
      ir_print_module(out, m);
    }
    if (opt && opt->verify_each && ir_verify_module(d, m) != 0) {
      pyllc_error(d, NULL, 0, 0, "the IR is broken after pass '%s'", list[k]->name);
      return 1;
    }
  }
  return 0;
}

int ir_run_passes(PyllcDiag *d, IrModule *m, const char *pipeline, bool verify_each,
                  FILE *print_after) {
  IrPassOptions opt = {verify_each, print_after ? "all" : NULL, print_after};
  return ir_run_pipeline(d, m, pipeline, &opt);
}
