/* ir.h - pyllc's SSA IR: the data structures every pass and both front ends share.
 *
 * Terms
 *   module    the IR of one source file: a list of functions (one per code object).
 *   function  blocks of instructions in SSA form, plus what lowering needs of the code
 *             object (locals, flags, constants, names). Owns an arena: one call frees it.
 *   value     the result of an instruction; identified by the instruction's index
 *             (IrRef) in fn->instrs. There are no other kinds of value: function
 *             arguments live in the frame (load_local), constants are instructions.
 *   block     an array of instruction indices (phis first) plus one terminator, kept
 *             apart in `term`. Successors are stored on the terminator.
 *   frame state  at every instruction that can raise or deoptimise: the bytecode offset
 *             and the SSA values of the locals and the value stack at that point, and the
 *             handler of an exception raised there: a landing block, or none when the
 *             exception leaves the function. Control leaves compiled code only at those
 *             points, to the interpreter (deopts, exceptions without a compiled handler).
 *   landing block  a block entered with its state in the frame, as an exception handler
 *             is: `entry_stack` reads the value stack there. It has no predecessors; for
 *             reachability and dominance it is a root, like the entry, reached through the
 *             frame states that name it (an exceptional edge from the raising block). It
 *             declares how unwinding enters it (eh_depth, eh_lasti): the stack values it
 *             keeps, and whether lasti is pushed below the exception.
 *
 * Invariants (checked by ir_verify)
 *   - every block ends in exactly one terminator; phis come first in a block;
 *   - a phi has one operand per predecessor, with the matching incoming block;
 *   - every use is dominated by its definition (phi uses: at the end of the incoming block);
 *   - operand and result types agree with the op's signature in ir_ops.def;
 *   - every IRF_RAISE / IRF_DEOPT / IRF_SUSPEND instruction carries a frame state; a frame
 *     state's handler is IR_NOREF or a declared landing block other than the entry, with
 *     no predecessors and no phis, and the frame state's stack is at least its depth;
 *   - `dispatch` is only the entry block's terminator; its resume successors have distinct
 *     offsets and no other predecessor.
 *
 * Derived data (preds, rpo, dominators, uses, loops) is never patched by passes: a pass
 * that changes the CFG calls the ir_fill_* function it needs again.
 */
#ifndef PYLLC_IR_H
#define PYLLC_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pyllc/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t IrRef;     /* index of an instruction (and of its value) in fn->instrs */
typedef uint32_t IrBlockId; /* index of a block in fn->blocks */

#define IR_NOREF ((IrRef)UINT32_MAX)        /* no value / no block */
#define IR_FS_MEM ((IrRef)UINT32_MAX - 1)   /* frame-state slot: value is in the frame */
#define IR_FS_UNSET ((IrRef)UINT32_MAX - 2) /* frame-state slot: NULL (unbound local) */

typedef enum IrType {
  IR_T_VOID,
  IR_T_OBJ,  /* PyObject*, possibly NULL only where the op says so */
  IR_T_I64,
  IR_T_F64,
  IR_T_BOOL,
  IR_T_PTR,  /* raw machine pointer (runtime data, not a Python object) */
  IR_T__COUNT
} IrType;

/* Flags of an operation (ir_ops.def). */
enum {
  IRF_PURE = 1 << 0,  /* no side effect, no raise: removable when unused, CSE-able */
  IRF_FOLD = 1 << 1,  /* constfold knows how to evaluate it on constant operands */
  IRF_RAISE = 1 << 2, /* may raise: needs a frame state */
  IRF_DEOPT = 1 << 3, /* may leave to the interpreter: needs a frame state */
  IRF_TERM = 1 << 4,  /* block terminator */
  IRF_STEAL = 1 << 5, /* consumes its object operands (references are transferred) */
  IRF_STEAL_LAST = 1 << 6, /* consumes only its last operand (LIST_APPEND's value) */
  IRF_SUSPEND = 1 << 7, /* suspends the frame (yield): the frame state stays in the frame */
  IRF_CONSUME = 1 << 8, /* consumes its object operands whether it succeeds or fails (CALL:
                         * the callee's frame takes them); its frame state is the stack after
                         * they are popped */
};
/* The operations that carry a frame state. */
#define IRF_NEEDS_FS (IRF_RAISE | IRF_DEOPT | IRF_SUSPEND)

/* How an immediate is stored (in IrInstr.imm[k]) and printed. */
typedef enum IrImmKind {
  IR_IMM_NONE,
  IR_IMM_INT,   /* int64, printed in decimal */
  IR_IMM_F64,   /* double in imm as bits (ir_imm_f64), printed so that it re-parses exactly */
  IR_IMM_CONST, /* index into fn->consts, printed as the literal; -1 prints `none` */
  IR_IMM_NAME,  /* index into fn->names, printed as a quoted string */
  IR_IMM_LOCAL, /* index into localsplus, printed as $name */
  IR_IMM_BINOP, /* BINARY_OP argument 0..25, printed as add, inplace_add, ... */
  IR_IMM_CMP,   /* Py_LT..Py_GE (0..5), printed as lt le eq ne gt ge */
  IR_IMM_FUNC,  /* index into module->funcs, printed as @name */
} IrImmKind;

typedef enum IrOp {
#define IR_OP(id, text, sig, nsucc, flags, imm0, imm1) IR_##id,
#include "pyllc/ir_ops.def"
#undef IR_OP
  IR_OP__COUNT
} IrOp;

typedef struct IrOpInfo {
  const char *name;  /* mnemonic */
  const char *sig;   /* "r:ops" signature, see ir_ops.def */
  int8_t nsucc;      /* successors of a terminator, -1 variadic */
  uint16_t flags;    /* IRF_* */
  uint8_t imm[2];    /* IrImmKind of imm[0], imm[1] */
} IrOpInfo;

extern const IrOpInfo ir_op_info[IR_OP__COUNT];

/* BINARY_OP's argument, in CPython 3.11's numbering (NB_ADD .. NB_INPLACE_XOR). */
extern const char *const ir_binop_names[26];
/* Rich comparison names, indexed by Py_LT..Py_GE. */
extern const char *const ir_cmp_names[6];
extern const char *const ir_type_names[IR_T__COUNT];
/* Names of CPython 3.11's specialised opcodes (IrInstr.spec), NULL for other numbers;
 * generated from the bytecode front end's opcodes_311.def. */
extern const char *const ir_spec_names[256];

/* ---- constants ------------------------------------------------------------------ */

typedef enum IrConstKind {
  IR_C_NONE,
  IR_C_TRUE,
  IR_C_FALSE,
  IR_C_ELLIPSIS,
  IR_C_INT,       /* small: `i`; big (does not fit int64): decimal text in `str` */
  IR_C_FLOAT,
  IR_C_COMPLEX,
  IR_C_STR,       /* UTF-8 (surrogatepass) bytes in str/len */
  IR_C_BYTES,
  IR_C_TUPLE,     /* items: indices into fn->consts */
  IR_C_FROZENSET,
  IR_C_CODE,      /* a nested code object: func = index into module->funcs */
} IrConstKind;

typedef struct IrConst {
  uint8_t kind;      /* IrConstKind */
  bool big;          /* IR_C_INT that does not fit int64: text in str */
  int32_t src_index; /* index in the code object's co_consts, -1 if none */
  uint32_t n;        /* length of str (bytes) or of items */
  union {
    int64_t i;
    double f;
    double c[2];       /* complex: real, imag */
    const char *str;   /* STR, BYTES, big INT (decimal) */
    uint32_t *items;   /* TUPLE, FROZENSET */
    uint32_t func;     /* CODE */
  } u;
} IrConst;

/* ---- instructions, blocks, frame states ------------------------------------------ */

typedef struct IrFrameState {
  int32_t bc_offset;  /* byte offset of the instruction's opcode (prev_instr while it runs,
                       * where an exception is raised) */
  int32_t bc_start;   /* byte offset of its first EXTENDED_ARG prefix, bc_offset without
                       * one: where a deopt resumes the interpreter */
  uint32_t nlocals;   /* == fn->nlocalsplus */
  uint32_t nstack;    /* depth of the value stack */
  uint32_t nframe;    /* leaving puts stack values [0, nframe) into the frame and releases
                       * the rest: the temporaries of .pyasm code spliced into a bytecode
                       * function, which the code object has no room for. Only an exception
                       * leaves from a state with nframe < nstack (never a deopt: the
                       * instruction cannot be run again). Usually nstack */
  IrRef *vals;        /* nlocals + nstack: locals first; IR_FS_MEM / IR_FS_UNSET markers */
  IrBlockId handler;  /* where an exception raised here is handled: a landing block, which
                       * reads its stack from the frame (entry_stack); IR_NOREF when the
                       * exception leaves the function */
} IrFrameState;

typedef struct IrInstr {
  uint16_t op;        /* IrOp */
  uint8_t type;       /* IrType of the result, IR_T_VOID when none */
  bool dead;          /* deleted by a pass: no longer in any block */
  IrBlockId block;    /* the block holding it */
  uint32_t nargs;
  IrRef *args;        /* operands (arena) */
  IrBlockId *phi_from;/* phi only: incoming block of each operand (arena) */
  uint32_t nsucc;
  IrBlockId *succ;    /* terminator only: successor blocks (arena) */
  int64_t imm[2];     /* immediates; kinds in ir_op_info[op].imm */
  uint32_t fs;        /* index into fn->fstates, or IR_NOREF */
  int32_t line;       /* source line (tracebacks, -emit-ir), -1 when unknown */
  uint16_t spec;      /* specialised CPython opcode seen at run time, 0 if none */
} IrInstr;

typedef struct IrBlock {
  IrRef *instrs;      /* non-terminator instructions in order, phis first (heap array) */
  uint32_t ninstrs, cap;
  IrRef term;         /* terminator, IR_NOREF while the block is being built */
  int32_t bc_offset;  /* bytecode offset the block starts at, -1 if none */
  int32_t eh_depth;   /* an exception handler's landing block: the stack depth unwinding
                       * keeps below what it pushes (the exception table's), else -1 */
  bool eh_lasti;      /* ... and lasti is pushed before the exception */
  /* derived, filled by ir_fill_* */
  IrBlockId *preds;   /* ir_fill_preds (arena) */
  uint32_t npreds;
  uint32_t rpo;       /* ir_fill_rpo: position in reverse post-order, UINT32_MAX unreachable */
  bool landing;       /* ir_fill_rpo: a handler named by a reachable frame state (a root) */
  IrBlockId idom;     /* ir_fill_doms: immediate dominator, IR_NOREF for the roots (entry,
                       * landing blocks), for blocks only they dominate together, and for
                       * unreachable ones */
  uint32_t loop_depth;/* ir_fill_loops: number of natural loops containing the block */
  IrBlockId loop_header; /* ir_fill_loops: innermost loop header, IR_NOREF if none */
} IrBlock;

/* Kinds of a localsplus slot, as CPython's CO_FAST_LOCAL/CELL/FREE bits. */
enum { IR_LOCAL_PLAIN = 0x20, IR_LOCAL_CELL = 0x40, IR_LOCAL_FREE = 0x80 };

typedef struct IrModule IrModule;

/* A position in textual IR (1-based), recorded by the parser for diagnostics. */
typedef struct IrTextPos {
  uint32_t line, col;
} IrTextPos;

typedef struct IrFunc {
  IrArena *arena;      /* owns everything below that is not a heap array */
  IrModule *module;
  uint32_t index;      /* in module->funcs */
  const char *name, *qualname;
  int32_t firstlineno;

  /* what lowering needs of the code object */
  uint32_t argcount, posonlyargcount, kwonlyargcount, flags, stacksize;
  uint32_t nlocalsplus;
  const char **localnames; /* nlocalsplus names (co_localsplusnames) */
  uint8_t *localkinds;     /* nlocalsplus IR_LOCAL_* bits */
  void *origin;            /* PyCodeObject* it came from (borrowed), NULL from text */
  bool no_bytecode;        /* its code object has no bytecode to run (.pyasm): compiled code
                              keeps running under a tracer or profiler (docs/pyasm.md) */
  /* --stats: seconds the front end spent on this function alone (nested functions not
   * included) and seconds in pyllc passes; 0 when not measured */
  double t_front, t_passes;

  IrInstr *instrs;     /* heap array; IrRef indexes it */
  uint32_t ninstrs, cap_instrs;
  IrBlock *blocks;     /* heap array; block 0 is the entry */
  uint32_t nblocks, cap_blocks;
  IrFrameState *fstates;
  uint32_t nfstates, cap_fstates;
  IrConst *consts;
  uint32_t nconsts, cap_consts;
  const char **names;  /* IR_IMM_NAME strings (co_names) */
  uint32_t nnames, cap_names;

  /* derived, filled by ir_fill_uses: users of each value (arena), valid until changed */
  IrRef **users;
  uint32_t *nusers;
  IrBlockId *rpo_order; /* ir_fill_rpo: reachable blocks in reverse post-order */
  uint32_t nrpo;

  /* set by ir_parse only (else NULL): where things were written in the IR text, so that
   * the verifier can report file:line:col (file = module->filename); line 0 = unknown */
  IrTextPos *instr_pos; /* indexed by IrRef, ninstr_pos entries (arena) */
  uint32_t ninstr_pos;
  IrTextPos *block_pos; /* indexed by IrBlockId: the label (arena) */
  uint32_t nblock_pos;
  IrTextPos header_pos; /* the `func` keyword */
} IrFunc;

struct IrModule {
  const char *filename;
  IrFunc **funcs;      /* heap array; funcs[0] is the module body when from a file */
  uint32_t nfuncs, cap_funcs;
  IrArena *arena;      /* module-level strings */
};

/* ---- lifetime -------------------------------------------------------------------- */
IrModule *ir_new_module(const char *filename);
void ir_free_module(IrModule *m); /* frees every function */
IrFunc *ir_new_func(IrModule *m, const char *name);
void ir_free_func(IrFunc *fn);    /* one call: arena and heap arrays */
/* The first function whose name or qualname is `name`, or NULL. */
IrFunc *ir_find_func(const IrModule *m, const char *name);

/* ---- builder: append to blocks; returns the new instruction's IrRef ------------------ */
IrBlockId ir_new_block(IrFunc *fn);
IrRef ir_emit(IrFunc *fn, IrBlockId b, IrOp op, const IrRef *args, uint32_t nargs);
IrRef ir_emit0(IrFunc *fn, IrBlockId b, IrOp op);
IrRef ir_emit1(IrFunc *fn, IrBlockId b, IrOp op, IrRef a);
IrRef ir_emit2(IrFunc *fn, IrBlockId b, IrOp op, IrRef a, IrRef c);
IrRef ir_emit_phi(IrFunc *fn, IrBlockId b, IrType t, uint32_t nincoming);
void ir_phi_set(IrFunc *fn, IrRef phi, uint32_t i, IrRef value, IrBlockId from);
IrRef ir_emit_br(IrFunc *fn, IrBlockId b, IrBlockId target);
IrRef ir_emit_cbr(IrFunc *fn, IrBlockId b, IrRef cond, IrBlockId t, IrBlockId f);
/* Sets the successors of any terminator (switch-like ones included). */
void ir_set_succ(IrFunc *fn, IrRef term, const IrBlockId *succ, uint32_t nsucc);
IrRef ir_emit_const_i64(IrFunc *fn, IrBlockId b, int64_t v);
IrRef ir_emit_const_f64(IrFunc *fn, IrBlockId b, double v);
IrRef ir_emit_const_bool(IrFunc *fn, IrBlockId b, bool v);
IrRef ir_emit_const(IrFunc *fn, IrBlockId b, uint32_t const_index);
/* Inserts before position `pos` of block b's instruction list (0 = first). */
IrRef ir_insert(IrFunc *fn, IrBlockId b, uint32_t pos, IrOp op, const IrRef *args,
                uint32_t nargs);
void ir_remove(IrFunc *fn, IrRef r);           /* unlinks from its block, marks dead */
void ir_replace_uses(IrFunc *fn, IrRef from, IrRef to);

static inline IrInstr *ir_instr(IrFunc *fn, IrRef r) { return &fn->instrs[r]; }
static inline double ir_imm_f64(const IrInstr *in) {
  union { int64_t i; double d; } u = {in->imm[0]};
  return u.d;
}
static inline int64_t ir_f64_bits(double d) {
  union { double d; int64_t i; } u = {d};
  return u.i;
}

/* Frame state: allocates nlocals+nstack slots (filled with IR_FS_MEM), no handler. */
uint32_t ir_new_fstate(IrFunc *fn, int32_t bc_offset, uint32_t nstack);
void ir_attach_fstate(IrFunc *fn, IrRef r, uint32_t fs);

/* Pools: return the index. Strings are copied into the function's arena. */
uint32_t ir_add_const(IrFunc *fn, IrConst c);
uint32_t ir_add_name(IrFunc *fn, const char *name);
const char *ir_strdup(IrArena *a, const char *s, size_t len);

/* ---- analyses (derived data) ------------------------------------------------------- */
void ir_fill_preds(IrFunc *fn);
/* Depth-first from the entry along successors and exceptional edges (a block to the
 * handlers its frame states name, visited first); marks landing blocks. */
void ir_fill_rpo(IrFunc *fn);
void ir_fill_doms(IrFunc *fn);  /* Cooper-Harvey-Kennedy, roots: entry, landings; needs rpo, preds */
bool ir_dominates(const IrFunc *fn, IrBlockId a, IrBlockId b);
void ir_fill_uses(IrFunc *fn);
void ir_fill_loops(IrFunc *fn); /* natural loops from back edges; needs doms */

/* ---- text ------------------------------------------------------------------------ */
void ir_print_module(FILE *out, const IrModule *m);
void ir_print_func(FILE *out, const IrFunc *fn);
/* Fills and prints the derived data of every block and value as `;` comment lines (preds,
 * rpo, idom, loops, users), for tests and debugging (pyllc-opt --print-analyses). */
void ir_print_analyses(FILE *out, IrFunc *fn);
/* Parses textual IR. Errors go to `diag` (file:line:col); returns NULL on any error. */
struct PyllcDiag;
IrModule *ir_parse(struct PyllcDiag *diag, const char *filename, const char *text,
                   size_t len);

/* ---- verifier: returns the number of problems, each reported to diag (or stderr). --- */
int ir_verify_func(struct PyllcDiag *diag, IrFunc *fn);
int ir_verify_module(struct PyllcDiag *diag, IrModule *m);

#ifdef __cplusplus
}
#endif
#endif
