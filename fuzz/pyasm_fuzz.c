/* pyasm_fuzz.c - libFuzzer target of the .pyasm front end: tokenizer, parser, macro
 * table, and the walk that checks and lowers (lib/Frontend/pyasm), with the IR verifier
 * as oracle: any input is either refused with diagnostics or becomes IR that verifies.
 * A crash, a sanitizer report, a hang or an abort is a bug.
 *
 * Build and run: scripts/fuzz.sh pyasm 60 (seeds: every .pyasm file under test/).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pyllc/diag.h"
#include "pyllc/frontend.h"
#include "pyllc/ir.h"

static void discard(void *ctx, const PyllcDiagInfo *info) {
  (void)ctx;
  (void)info;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  PyllcDiag *d = pyllc_diag_new(NULL);
  pyllc_diag_set_sink(d, discard, NULL);
  pyllc_diag_set_limit(d, 16);
  const char *file = "fuzz-input.pyasm";
  pyllc_diag_add_source(d, file, (const char *)data, size);
  IrModule *m = pyasm_compile(d, file, (const char *)data, size);
  if (m) {
    if (pyllc_diag_errors(d) != 0) {
      fprintf(stderr, "pyasm_compile returned a module after reporting errors\n");
      abort();
    }
    PyllcDiag *v = pyllc_diag_new(stderr);
    if (ir_verify_module(v, m) != 0) {
      fprintf(stderr, "the .pyasm front end produced IR that does not verify\n");
      abort();
    }
    pyllc_diag_free(v);
    ir_free_module(m);
  }
  pyllc_diag_free(d);
  return 0;
}
