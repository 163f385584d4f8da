// The builder API of ir.h: what it promises beyond what the text format shows.
// RUN: %ir-cc
// RUN: %t | %FileCheck %s
#include <stdio.h>
#include <string.h>

#include "pyllc/diag.h"
#include "pyllc/ir.h"

static IrFunc *new_func(IrModule *m, const char *name) {
  static const char *names[] = {"x", "y"};
  static uint8_t kinds[] = {IR_LOCAL_PLAIN, IR_LOCAL_PLAIN};
  IrFunc *fn = ir_new_func(m, name);
  fn->nlocalsplus = 2;
  fn->localnames = names;
  fn->localkinds = kinds;
  return fn;
}

// Phis added late go after the block's phis, before its other instructions
// (SSA construction adds them to blocks already filled).
// CHECK-LABEL: func @late_phi(
// CHECK:      bb1:
// CHECK-NEXT: [[P1:%[0-9]+]]:obj = phi {{\[}}[[A:%[0-9]+]], bb0]
// CHECK-NEXT: [[P2:%[0-9]+]]:i64 = phi {{\[}}[[I:%[0-9]+]], bb0]
// CHECK-NEXT: %{{[0-9]+}}:i64 = add.i64 [[P2]], [[P2]]
// CHECK-NEXT: ret [[P1]]
static void late_phi(IrModule *m) {
  IrFunc *fn = new_func(m, "late_phi");
  IrBlockId b0 = ir_new_block(fn), b1 = ir_new_block(fn);
  IrRef a = ir_emit_const(fn, b0, ir_add_const(fn, (IrConst){.kind = IR_C_NONE}));
  IrRef i = ir_emit_const_i64(fn, b0, 5);
  ir_emit_br(fn, b0, b1);
  IrRef p1 = ir_emit_phi(fn, b1, IR_T_OBJ, 1);
  IrRef add = ir_emit2(fn, b1, IR_ADD_I64, IR_NOREF, IR_NOREF);
  IrRef p2 = ir_emit_phi(fn, b1, IR_T_I64, 1);
  ir_phi_set(fn, p1, 0, a, b0);
  ir_phi_set(fn, p2, 0, i, b0);
  fn->instrs[add].args[0] = fn->instrs[add].args[1] = p2;
  ir_emit1(fn, b1, IR_RET, p1);
}

// ir_insert puts an instruction at a position; ir_remove unlinks (terminators too);
// ir_replace_uses rewrites operands and frame-state slots.
// CHECK-LABEL: func @edit(
// CHECK-NEXT: bb0:
// CHECK-NEXT: [[ONE:%[0-9]+]]:obj = const 1
// CHECK-NEXT: [[TWO:%[0-9]+]]:obj = const 2
// CHECK-NEXT: %{{[0-9]+}}:obj = binary_op add [[TWO]], [[TWO]] !fs(@6 | [[TWO]] | $y=[[TWO]])
// CHECK-NEXT: ret [[TWO]]
// CHECK-NEXT: }
static void edit(IrModule *m) {
  IrFunc *fn = new_func(m, "edit");
  IrBlockId b0 = ir_new_block(fn);
  IrRef one = ir_emit_const(fn, b0, ir_add_const(fn, (IrConst){.kind = IR_C_INT, .u.i = 1}));
  IrRef dead = ir_emit_const_i64(fn, b0, 99);
  IrRef sum = ir_emit2(fn, b0, IR_BINARY_OP, one, one);
  uint32_t fs = ir_new_fstate(fn, 6, 1);
  fn->fstates[fs].vals[2] = one;  // the stack slot
  fn->fstates[fs].vals[1] = one;  // local y
  ir_attach_fstate(fn, sum, fs);
  IrRef two = ir_insert(fn, b0, 1, IR_CONST, NULL, 0);
  fn->instrs[two].imm[0] = ir_add_const(fn, (IrConst){.kind = IR_C_INT, .u.i = 2});
  ir_emit1(fn, b0, IR_RET, one);
  ir_replace_uses(fn, one, two);
  ir_remove(fn, dead);
  ir_remove(fn, fn->blocks[b0].term);
  ir_emit1(fn, b0, IR_RET, two);
}

// Pools: names are interned, strings copied; ir_set_succ resizes successor lists.
// CHECK-LABEL: func @pools(
// CHECK:      load_global "len"
// CHECK-NEXT: load_global "print"
// CHECK-NEXT: load_global "len"
// CHECK-NEXT: const "abc"
// CHECK-NEXT: [[T:%[0-9]+]]:bool = const.bool 1
// CHECK-NEXT: cbr [[T]], bb1, bb1
// CHECK: ; names 2, the string constant unchanged: abc
static char pools_note[128];
static void pools(IrModule *m) {
  IrFunc *fn = new_func(m, "pools");
  IrBlockId b0 = ir_new_block(fn), b1 = ir_new_block(fn);
  char buf[8] = "len";
  const char *names[] = {"len", "print", buf};
  for (int k = 0; k < 3; k++) {
    IrRef g = ir_emit0(fn, b0, IR_LOAD_GLOBAL);
    fn->instrs[g].imm[0] = ir_add_name(fn, names[k]);
    ir_attach_fstate(fn, g, ir_new_fstate(fn, 2 * k, 0));
  }
  strcpy(buf, "abc");
  uint32_t c = ir_add_const(fn, (IrConst){.kind = IR_C_STR, .u.str = buf, .n = 3});
  buf[0] = 'X';
  IrRef str = ir_emit_const(fn, b0, c);
  IrRef t = ir_emit_const_bool(fn, b0, true);
  IrRef cbr = ir_emit_cbr(fn, b0, t, b1, b1);
  IrBlockId two[2] = {b1, b1};
  ir_set_succ(fn, cbr, two, 2);
  ir_emit1(fn, b1, IR_RET, str);
  snprintf(pools_note, sizeof pools_note, "; names %u, the string constant unchanged: %.*s",
           fn->nnames, (int)fn->consts[c].n, fn->consts[c].u.str);
}

// CHECK: ; problems: 0

// A function freed on its own leaves its module slot empty; printing skips it.
// CHECK-LABEL: ; after ir_free_func
// CHECK-NOT: func @gone
// CHECK: func @kept(
static void free_one(void) {
  IrModule *m = ir_new_module("t.py");
  IrFunc *gone = ir_new_func(m, "gone");
  IrFunc *kept = ir_new_func(m, "kept");
  IrBlockId b = ir_new_block(kept);
  ir_emit0(kept, b, IR_UNREACHABLE);
  ir_free_func(gone);
  printf("; after ir_free_func\n");
  ir_print_module(stdout, m);
  ir_free_module(m);
}

int main(void) {
  IrModule *m = ir_new_module("builder.c");
  late_phi(m);
  edit(m);
  pools(m);
  PyllcDiag *d = pyllc_diag_new(stdout);
  int problems = ir_verify_module(d, m);
  ir_print_module(stdout, m);
  printf("%s\n; problems: %d\n", pools_note, problems);
  pyllc_diag_free(d);
  ir_free_module(m);
  free_one();
  return 0;
}
