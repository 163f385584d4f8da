/* bytecode_fuzz.c - libFuzzer target of the bytecode front end's decoder, validator and
 * SSA builder (lib/Frontend/bytecode/decode.c, build.c), with the IR verifier as oracle:
 * any input is either refused with a diagnostic or becomes IR that verifies. A crash,
 * a sanitizer report or an abort is a bug.
 *
 * Input: a code object in a flat form, so that the fuzzer mutates the bytes the decoder
 * reads rather than marshal's framing (CPython itself writes out of bounds while
 * quickening some malformed code objects, so .pyc files cannot be fed through marshal):
 *   u16 le  nconsts, nnames, nlocalsplus, stacksize, len(exceptiontable), len(linetable)
 *   nlocalsplus bytes of CO_FAST_* kinds, the exception table, the line table, then the
 *   code units (a trailing odd byte is dropped).
 * fuzz/make_corpus.py writes real code objects (from .py and .pyc files) in this form.
 *
 * Run: scripts/fuzz.sh bytecode [SECONDS]. By hand (clang-19, from the source tree):
 *   clang-19 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude \
 *     -isystem /usr/include/python3.11 fuzz/bytecode_fuzz.c \
 *     lib/Frontend/bytecode/{decode,build}.c lib/IR/ir_[a-z]*.c \
 *     lib/Support/{arena,diag,support}.c -o bytecode_fuzz
 *   ./bytecode_fuzz -max_total_time=60 CORPUS_DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/Frontend/bytecode/bytecode.h"
#include "pyllc/diag.h"
#include "pyllc/ir.h"

static void quiet(void *ctx, const PyllcDiagInfo *info) {
  (void)ctx;
  (void)info;
}

static uint32_t u16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  enum { HDR = 12 };
  if (size < HDR)
    return 0;
  /* Pool sizes and co_stacksize are kept below 1024: the pools are filled one by one
   * (names deduplicated) and frame states copy the stack at every raising operation, so
   * huge values only slow the fuzzer down (real code objects stay far below). */
  uint32_t nconsts = u16(data) & 1023, nnames = u16(data + 2) & 1023;
  uint32_t nlocals = u16(data + 4), stacksize = u16(data + 6) & 1023;
  uint32_t nexc = u16(data + 8), nline = u16(data + 10);
  size_t need = (size_t)HDR + nlocals + nexc + nline;
  if (size < need)
    return 0;
  const uint8_t *kinds = data + HDR, *exc = kinds + nlocals, *lines = exc + nexc;
  const uint8_t *code = lines + nline;
  uint32_t ncode = (uint32_t)((size - need) / 2);

  PyllcDiag *d = pyllc_diag_new(NULL);
  pyllc_diag_set_sink(d, quiet, NULL);
  IrModule *m = ir_new_module("fuzz.pyc");
  IrFunc *fn = ir_new_func(m, "f");
  fn->qualname = "f";
  fn->stacksize = stacksize;
  fn->nlocalsplus = nlocals;
  fn->localnames = IR_NEW_ARRAY(fn->arena, const char *, nlocals + 1);
  fn->localkinds = IR_NEW_ARRAY(fn->arena, uint8_t, nlocals + 1);
  char buf[16];
  for (uint32_t i = 0; i < nlocals; i++) {
    snprintf(buf, sizeof buf, "l%u", i);
    fn->localnames[i] = ir_strdup(fn->arena, buf, strlen(buf));
    fn->localkinds[i] = kinds[i] & (IR_LOCAL_PLAIN | IR_LOCAL_CELL | IR_LOCAL_FREE);
  }
  for (uint32_t i = 0; i < nnames; i++) {
    snprintf(buf, sizeof buf, "n%u", i);
    ir_add_name(fn, buf);
  }
  uint32_t *const_map = IR_NEW_ARRAY(fn->arena, uint32_t, nconsts + 1);
  for (uint32_t i = 0; i < nconsts; i++) {
    IrConst c;
    memset(&c, 0, sizeof c);
    c.kind = IR_C_NONE;
    c.src_index = (int32_t)i;
    const_map[i] = ir_add_const(fn, c);
  }
  FeCode c = {
      .filename = "fuzz.pyc",
      .code = code,
      .ncode = ncode,
      .exctable = exc,
      .nexctable = nexc,
      .linetable = lines,
      .nlinetable = nline,
      .firstlineno = 1,
      .nconsts = nconsts,
      .nnames = nnames,
      .nlocalsplus = nlocals,
      .stacksize = stacksize,
      .localkinds = fn->localkinds,
  };
  FeDecoded dec;
  if (fe_decode(d, &c, &dec)) {
    bool built = fe_build(d, &c, &dec, fn, const_map);
    fe_decoded_free(&dec);
    if (built && ir_verify_func(d, fn) != 0) {
      PyllcDiag *loud = pyllc_diag_new(stderr);
      ir_verify_func(loud, fn);
      ir_print_func(stderr, fn);
      abort(); /* the builder accepted the input but made invalid IR */
    }
  }
  ir_free_module(m);
  pyllc_diag_free(d);
  return 0;
}
