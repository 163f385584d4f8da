/* ir_ops.c - the tables generated from ir_ops.def, and the names the printer uses.
 *
 * Everything the printer, parser and verifier know about an operation comes from
 * ir_op_info (one row per IR_OP line); there is no per-operation switch elsewhere.
 */
#include <string.h>

#include "ir_internal.h"

const IrOpInfo ir_op_info[IR_OP__COUNT] = {
#define IR_OP(id, text, sig, nsucc, flags, imm0, imm1)                                   \
  [IR_##id] = {text, sig, nsucc, flags, {imm0, imm1}},
#include "pyllc/ir_ops.def"
#undef IR_OP
};

/* CPython 3.11's NB_* numbering (Include/internal/pycore_code.h / opcode.py _nb_ops). */
const char *const ir_binop_names[26] = {
    "add",          "and",          "floor_divide",         "lshift",
    "matrix_multiply", "multiply",  "remainder",            "or",
    "power",        "rshift",       "subtract",             "true_divide",
    "xor",          "inplace_add",  "inplace_and",          "inplace_floor_divide",
    "inplace_lshift", "inplace_matrix_multiply", "inplace_multiply", "inplace_remainder",
    "inplace_or",   "inplace_power", "inplace_rshift",      "inplace_subtract",
    "inplace_true_divide", "inplace_xor",
};

const char *const ir_cmp_names[6] = {"lt", "le", "eq", "ne", "gt", "ge"};

const char *const ir_type_names[IR_T__COUNT] = {"void", "obj", "i64", "f64", "bool", "ptr"};

/* IrInstr.spec: the specialised opcodes of the front end's table (only their names). */
const char *const ir_spec_names[256] = {
#define FE_OP(num, name, arg, pops, push, pjmp, jump, caches)
#define FE_SPEC(num, name, base, feedback) [num] = #name,
#include "../Frontend/bytecode/opcodes_311.def"
#undef FE_OP
#undef FE_SPEC
};

int ir_op_from_name(const char *s, size_t len) {
  for (int op = 0; op < IR_OP__COUNT; op++) {
    const char *n = ir_op_info[op].name;
    if (strlen(n) == len && memcmp(n, s, len) == 0)
      return op;
  }
  return -1;
}

int ir_type_from_letter(char c) {
  switch (c) {
  case 'v': return IR_T_VOID;
  case 'o': return IR_T_OBJ;
  case 'i': return IR_T_I64;
  case 'f': return IR_T_F64;
  case 'b': return IR_T_BOOL;
  case 'p': return IR_T_PTR;
  default: return -1; /* 'a': the instruction's own type */
  }
}

IrType ir_op_result_type(IrOp op) {
  int t = ir_type_from_letter(ir_op_info[op].sig[0]);
  return t < 0 ? IR_T_VOID : (IrType)t;
}

void ir_op_arity(IrOp op, uint32_t *fixed, bool *variadic) {
  const char *colon = strchr(ir_op_info[op].sig, ':');
  const char *ops = colon ? colon + 1 : "";
  size_t n = strlen(ops);
  *variadic = n > 0 && ops[n - 1] == '*';
  /* "ooo*": the starred letter repeats zero or more times, so it is not required. */
  *fixed = (uint32_t)(*variadic ? n - 2 : n);
}

char ir_op_operand_letter(IrOp op, uint32_t i) {
  const char *colon = strchr(ir_op_info[op].sig, ':');
  const char *ops = colon ? colon + 1 : "";
  size_t n = strlen(ops);
  if (n > 0 && ops[n - 1] == '*') {
    if (i >= n - 2)
      return ops[n - 2];
  } else if (i >= n) {
    return 0;
  }
  return ops[i];
}
