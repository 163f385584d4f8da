/* pyllc-opt - reads textual pyllc IR, runs IR passes, prints the result.
 *
 *   pyllc-opt [--passes=a,b,c] [--verify-each] [--print-after=PASS|all] [-o OUT] FILE|-
 *
 * The input is verified after parsing (unless --no-verify); every error is reported as
 * file:line:col with the source line, and the exit status is then 1. Only this file, the
 * tool, may exit; the library reports through the PyllcDiag.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"
#include "pyllc/ir_passes.h"
#include "pyllc/support.h"

typedef struct Options {
  const char *input;
  const char *output;
  const char *passes;
  const char *print_after;
  bool verify_each, no_verify, print_analyses;
} Options;

static void usage(FILE *out) {
  fputs("usage: pyllc-opt [options] FILE.ir|-\n"
        "\n"
        "Reads pyllc's textual IR, verifies it, runs IR passes and prints the result.\n"
        "\n"
        "options:\n"
        "  --passes=A,B,...     run these passes in order (default: none)\n"
        "  --verify-each        run the verifier after every pass\n"
        "  --print-after=PASS   print the IR to stderr after PASS ('all': every pass)\n"
        "  --print-after-all    same as --print-after=all\n"
        "  --no-verify          do not verify the input\n"
        "  --print-analyses     print preds, dominators, loops and users instead of the IR\n"
        "  -o FILE              write the result to FILE (default or -: standard output)\n"
        "  -h, --help           show this help\n"
        "  --version            show the version\n"
        "\n"
        "passes:\n",
        out);
  ir_list_passes(out);
}

static int fail(const char *fmt, const char *arg) {
  fputs("pyllc-opt: error: ", stderr);
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  return 1;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, Options *o) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(a, "--version")) {
      printf("pyllc-opt %s (LLVM %s, CPython %s)\n", PYLLC_VERSION, PYLLC_LLVM_VERSION,
             PYLLC_PY_VERSION);
      return 0;
    } else if (!strncmp(a, "--passes=", 9) || !strncmp(a, "-passes=", 8)) {
      o->passes = strchr(a, '=') + 1;
    } else if (!strcmp(a, "--verify-each")) {
      o->verify_each = true;
    } else if (!strcmp(a, "--print-analyses")) {
      o->print_analyses = true;
    } else if (!strcmp(a, "--no-verify")) {
      o->no_verify = true;
    } else if (!strncmp(a, "--print-after=", 14)) {
      o->print_after = a + 14;
      if (!*o->print_after)
        return fail("--print-after= needs a pass name or 'all'", NULL);
    } else if (!strcmp(a, "--print-after-all")) {
      o->print_after = "all";
    } else if (!strcmp(a, "-o")) {
      if (i + 1 >= argc)
        return fail("-o needs a file name", NULL);
      o->output = argv[++i];
    } else if (a[0] == '-' && a[1] != '\0') {
      return fail("unknown option '%s' (see --help)", a);
    } else if (o->input) {
      return fail("more than one input file ('%s')", a);
    } else {
      o->input = a;
    }
  }
  if (!o->input)
    return fail("no input file (use '-' for standard input; see --help)", NULL);
  return -1;
}

int main(int argc, char **argv) {
  Options o = {0};
  int rc = parse_args(argc, argv, &o);
  if (rc >= 0)
    return rc;
  size_t len = 0;
  char *text = pyllc_read_file(o.input, &len);
  if (!text) {
    fprintf(stderr, "pyllc-opt: error: cannot read '%s': %s\n", o.input, strerror(errno));
    return 1;
  }
  const char *name = strcmp(o.input, "-") ? o.input : "<stdin>";
  PyllcDiag *d = pyllc_diag_new(stderr);
  pyllc_diag_set_limit(d, 20);
  rc = 1;
  FILE *out = NULL;
  IrModule *m = ir_parse(d, name, text, len);
  if (!m)
    goto done;
  if (!o.no_verify && ir_verify_module(d, m) != 0)
    goto done;
  out = o.output && strcmp(o.output, "-") != 0 ? fopen(o.output, "w") : stdout;
  if (!out) {
    fprintf(stderr, "pyllc-opt: error: cannot write '%s': %s\n", o.output, strerror(errno));
    goto done;
  }
  IrPassOptions popt = {o.verify_each, o.print_after, stderr};
  if (ir_run_pipeline(d, m, o.passes ? o.passes : "", &popt) != 0)
    goto done;
  if (o.print_analyses) {
    for (uint32_t i = 0; i < m->nfuncs; i++)
      if (m->funcs[i])
        ir_print_analyses(out, m->funcs[i]);
  } else {
    ir_print_module(out, m);
  }
  rc = 0;
done:
  if (out && out != stdout && fclose(out) != 0 && rc == 0) {
    fprintf(stderr, "pyllc-opt: error: cannot write '%s'\n", o.output);
    rc = 1;
  }
  if (out == stdout && fflush(stdout) != 0 && rc == 0)
    rc = 1;
  ir_free_module(m);
  pyllc_diag_free(d);
  free(text);
  return rc;
}
