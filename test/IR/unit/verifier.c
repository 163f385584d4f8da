// Verifier checks that textual IR cannot reach (the parser only builds well-formed
// references): the builder can, so each is tested here.
// RUN: %ir-cc
// RUN: %t | %FileCheck %s --implicit-check-not=error:
#include <stdio.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"

static IrFunc *base(IrModule *m, const char *name, IrBlockId *b0, IrRef *none) {
  static const char *names[] = {"x"};
  static uint8_t kinds[] = {IR_LOCAL_PLAIN};
  IrFunc *fn = ir_new_func(m, name);
  fn->nlocalsplus = 1;
  fn->localnames = names;
  fn->localkinds = kinds;
  *b0 = ir_new_block(fn);
  *none = ir_emit_const(fn, *b0, ir_add_const(fn, (IrConst){.kind = IR_C_NONE}));
  return fn;
}

int main(void) {
  IrModule *m = ir_new_module("verifier.c");
  IrBlockId b0;
  IrRef none;

  // Without a text position, the message gives the Python source line when known.
  // CHECK: error: in @operands, bb0, '%1 = binary_op' (source line 12): operand 2 is not a live instruction
  // CHECK: error: in @operands, bb0, 'decref' (instruction 4 of the block): operand 1 refers to an instruction without a result
  // CHECK: error: in @operands, bb0, 'decref' (instruction 5 of the block): operand 1 is not a live instruction
  IrFunc *fn = base(m, "operands", &b0, &none);
  IrRef sum = ir_emit2(fn, b0, IR_BINARY_OP, none, 12345);
  ir_attach_fstate(fn, sum, ir_new_fstate(fn, 0, 0));
  fn->instrs[sum].line = 12;
  IrRef dec = ir_emit1(fn, b0, IR_DECREF, none);
  ir_emit1(fn, b0, IR_DECREF, dec);
  IrRef gone = ir_emit_const_i64(fn, b0, 1);
  ir_emit1(fn, b0, IR_DECREF, gone);
  ir_remove(fn, gone);
  ir_emit1(fn, b0, IR_RET, none);

  // CHECK: error: in @immediates, bb0, '%1 = binary_op': immediate 1 out of range (26)
  // CHECK: error: in @immediates, bb0, '%2 = load_local': immediate 1 out of range (1)
  // CHECK: error: in @immediates, bb0, '%3 = const': immediate 1 out of range (7)
  // CHECK: error: in @immediates, bb0, '%4 = load_global': immediate 1 out of range (0)
  fn = base(m, "immediates", &b0, &none);
  IrRef r = ir_emit2(fn, b0, IR_BINARY_OP, none, none);
  fn->instrs[r].imm[0] = 26;
  ir_attach_fstate(fn, r, ir_new_fstate(fn, 0, 0));
  r = ir_emit0(fn, b0, IR_LOAD_LOCAL);
  fn->instrs[r].imm[0] = 1;
  ir_attach_fstate(fn, r, ir_new_fstate(fn, 2, 0));
  ir_emit_const(fn, b0, 7);
  r = ir_emit0(fn, b0, IR_LOAD_GLOBAL);
  ir_attach_fstate(fn, r, ir_new_fstate(fn, 4, 0));
  ir_emit1(fn, b0, IR_RET, none);

  // CHECK: error: in @structure, bb0, '%1 = const.i64': instruction says it is in bb1
  // CHECK: error: in @structure, bb1, '%1 = const.i64': instruction is listed in more than one place
  // CHECK: error: in @structure, bb1: block lists instruction #999, out of range
  // CHECK: error: in @structure, bb0, 'br' (instruction 3 of the block): successor 1 is not a block
  fn = base(m, "structure", &b0, &none);
  IrBlockId b1 = ir_new_block(fn);
  IrRef twice = ir_emit_const_i64(fn, b0, 3);
  IrRef br = ir_emit_br(fn, b0, 77);
  (void)br;
  fn->blocks[b1].instrs = NULL;
  ir_emit_const_i64(fn, b1, 4);           // gives bb1 an instruction list
  fn->blocks[b1].instrs[0] = twice;        // ... then lists bb0's instruction there too
  fn->instrs[twice].block = b1;
  ir_emit_const_i64(fn, b1, 5);
  fn->blocks[b1].instrs[1] = 999;
  ir_emit1(fn, b1, IR_RET, none);

  // CHECK: error: in @fstate, bb0, '%1 = load_local': frame state has 0 locals, the function 1
  // CHECK: error: in @fstate, bb0, '%2 = load_local': frame state 42 out of range
  // CHECK: error: in @fstate, bb0, '%3 = load_local': frame-state slot 1 is not a live value
  // CHECK: error: in @fstate, bb0, '%4 = load_local': frame-state handler is not a block
  fn = base(m, "fstate", &b0, &none);
  uint32_t fs = ir_new_fstate(fn, 0, 0);
  fn->fstates[fs].nlocals = 0;
  r = ir_emit0(fn, b0, IR_LOAD_LOCAL);
  ir_attach_fstate(fn, r, fs);
  r = ir_emit0(fn, b0, IR_LOAD_LOCAL);
  fn->instrs[r].fs = 42;
  r = ir_emit0(fn, b0, IR_LOAD_LOCAL);
  fs = ir_new_fstate(fn, 4, 0);
  fn->fstates[fs].vals[0] = 4242;
  ir_attach_fstate(fn, r, fs);
  r = ir_emit0(fn, b0, IR_LOAD_LOCAL);
  fs = ir_new_fstate(fn, 6, 0);
  fn->fstates[fs].handler = 7;
  ir_attach_fstate(fn, r, fs);
  ir_emit1(fn, b0, IR_RET, none);

  // CHECK: error: in @consts: constant 1: item 0 is not an earlier constant
  // CHECK: error: in @consts: constant 2 names no function
  fn = base(m, "consts", &b0, &none);
  uint32_t self = 1;
  ir_add_const(fn, (IrConst){.kind = IR_C_TUPLE, .n = 1, .u.items = &self});
  ir_add_const(fn, (IrConst){.kind = IR_C_CODE, .u.func = 99});
  ir_emit1(fn, b0, IR_RET, none);

  PyllcDiag *d = pyllc_diag_new(stdout);
  int problems = ir_verify_module(d, m);
  // CHECK: ; 17 problems
  printf("; %d problems\n", problems);
  pyllc_diag_free(d);
  ir_free_module(m);
  return 0;
}
