/* ir_parse_fuzz.c - libFuzzer target for the IR text parser (and what runs after it).
 *
 * For any input: ir_parse must not crash, leak or read out of bounds. When it succeeds:
 *   - the printed text must parse again and print the same (print∘parse is a fixed point);
 *   - if the verifier accepts the module, constfold and dce must keep it valid, and their
 *     output must round-trip too.
 * A broken property aborts, which libFuzzer reports as a crash with the input saved.
 * Build: scripts/fuzz.sh ir_parse 60 (clang-19, -fsanitize=fuzzer,address,undefined).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"
#include "pyllc/ir_passes.h"

static void discard(void *ctx, const PyllcDiagInfo *info) {
  (void)ctx;
  (void)info;
}

static PyllcDiag *quiet_diag(void) {
  PyllcDiag *d = pyllc_diag_new(NULL);
  pyllc_diag_set_sink(d, discard, NULL);
  pyllc_diag_set_limit(d, 8);
  return d;
}

static char *print(IrModule *m, size_t *len) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  if (!f)
    abort();
  ir_print_module(f, m);
  fclose(f);
  return buf;
}

/* Parses text that the printer wrote: it must parse, and print the same. */
static void check_fixed_point(const char *what, const char *text, size_t len) {
  PyllcDiag *d = pyllc_diag_new(stderr);
  IrModule *m = ir_parse(d, what, text, len);
  if (!m) {
    fprintf(stderr, "printed IR (%s) does not parse:\n%s\n", what, text);
    abort();
  }
  size_t len2;
  char *again = print(m, &len2);
  if (len2 != len || memcmp(again, text, len) != 0) {
    fprintf(stderr, "print(parse(print(x))) != print(x) (%s):\n%s\n---\n%s\n", what, text,
            again);
    abort();
  }
  free(again);
  ir_free_module(m);
  pyllc_diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  PyllcDiag *d = quiet_diag();
  IrModule *m = ir_parse(d, "fuzz.ir", (const char *)data, size);
  if (m) {
    size_t len;
    char *text = print(m, &len);
    check_fixed_point("parsed", text, len);
    free(text);
    if (ir_verify_module(d, m) == 0) {
      PyllcDiag *loud = pyllc_diag_new(stderr);
      if (ir_run_passes(loud, m, "constfold,dce", true, NULL) != 0) {
        fprintf(stderr, "constfold,dce broke valid IR\n");
        abort();
      }
      text = print(m, &len);
      check_fixed_point("optimised", text, len);
      free(text);
      pyllc_diag_free(loud);
    }
    ir_free_module(m);
  }
  pyllc_diag_free(d);
  return 0;
}
