/* ir_internal.h - helpers shared by the files of lib/IR (not part of the public API). */
#ifndef PYLLC_IR_INTERNAL_H
#define PYLLC_IR_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pyllc/ir.h"

/* Operation lookup by mnemonic; -1 when unknown. */
int ir_op_from_name(const char *s, size_t len);
/* IrType of a signature letter, -1 for 'a' (any) or an unknown letter. */
int ir_type_from_letter(char c);
/* The result type the signature fixes (IR_T_VOID for 'v' and for 'a'). */
IrType ir_op_result_type(IrOp op);
/* Required operand count and whether more may follow. */
void ir_op_arity(IrOp op, uint32_t *fixed, bool *variadic);
/* Signature letter of operand i, 0 when the op takes no operand i. */
char ir_op_operand_letter(IrOp op, uint32_t i);

/* Appends an existing instruction to block b's instruction list, whatever it is. The
 * parser uses it to keep malformed input (a terminator mid-block, a late phi) as written
 * so that the verifier can report it. */
void ir_block_push(IrFunc *fn, IrBlockId b, IrRef r);
/* A new instruction of op, in no block yet (block field set to b). */
IrRef ir_new_instr(IrFunc *fn, IrBlockId b, IrOp op, const IrRef *args, uint32_t nargs);

/* Deletes the blocks for which keep[b] is false and renumbers the rest densely in order;
 * successors, phi_from, frame-state handlers and instr->block are remapped, instructions
 * of deleted blocks are marked dead. Derived data must be filled again afterwards. */
void ir_compact_blocks(IrFunc *fn, const bool *keep);

/* Label under which function fn is printed and referenced (@label): its name when that
 * is unique in the module, has no '#' and is shorter than size/2, else name#index (unique
 * either way, since the part after the last '#' is then the index; a long name is cut
 * before the '#'). Written into buf. */
const char *ir_func_label(const IrFunc *fn, char *buf, size_t size);

/* The printer's value numbers (%N): instructions with a result, in layout order;
 * UINT32_MAX for the others. malloc'd, ninstrs entries: the caller frees it. */
uint32_t *ir_number_values(const IrFunc *fn);

/* Deepest nesting of constant tuples the printer and parser accept. */
#define IR_MAX_NESTING 64

/* Shortest text that strtod reads back as d; always has '.', 'e', inf or nan, so that it
 * cannot be mistaken for an int. */
void ir_format_f64(char *buf, size_t size, double d);
/* "..." or b"..." with Python's escapes. */
void ir_print_string(FILE *out, const char *s, size_t n, bool bytes);
/* A constant of fn's pool as a Python-like literal. */
void ir_print_const(FILE *out, const IrFunc *fn, uint32_t index);

#endif
