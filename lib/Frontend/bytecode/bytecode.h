/* bytecode.h - the bytecode front end's internal interfaces (not installed).
 *
 * Pipeline, one code object at a time:
 *   code.c     code object (or .py source, or .pyc) -> FeCode: raw code units, tables,
 *              pool sizes; IrFunc metadata and constant pool; nested code objects
 *   decode.c   FeCode -> FeInstr[]: EXTENDED_ARG folded, CACHE units skipped,
 *              specialised opcodes mapped to base ones, line numbers, exception table;
 *              validation of everything the builder relies on
 *   build.c    FeInstr[] -> SSA IR: basic blocks, stack depths, value stack -> SSA
 *              values (phis at merges), one lowering per opcode, frame states
 * decode.c and build.c never touch a Python object: the fuzz target drives them on
 * arbitrary bytes.
 */
#ifndef PYLLC_FE_BYTECODE_H
#define PYLLC_FE_BYTECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pyllc/diag.h"
#include "pyllc/frontend.h"
#include "pyllc/ir.h"

/* How an instruction's argument is read. */
enum {
  FE_ARG_NONE,   /* no argument (opcode < HAVE_ARGUMENT) */
  FE_ARG_INT,    /* a count, flags or a small enum */
  FE_ARG_CONST,  /* index into co_consts */
  FE_ARG_NAME,   /* index into co_names */
  FE_ARG_GLOBAL, /* LOAD_GLOBAL: co_names index << 1 | push NULL */
  FE_ARG_LOCAL,  /* index into localsplus */
  FE_ARG_JFWD,   /* forward jump: target = next unit + oparg */
  FE_ARG_JBACK,  /* backward jump: target = next unit - oparg */
  FE_ARG_CMP,    /* Py_LT .. Py_GE */
  FE_ARG_BINOP,  /* NB_ADD .. NB_INPLACE_XOR */
};

/* Control flow after an instruction. */
enum { FE_J_NONE, FE_J_COND, FE_J_ALWAYS, FE_J_EXIT };

/* Base opcodes, FE_<NAME>. */
enum {
#define FE_OP(num, name, arg, pops, push, pjmp, jump, caches) FE_##name = num,
#define FE_SPEC(num, name, base, feedback)
#include "opcodes_311.def"
#undef FE_OP
#undef FE_SPEC
};

typedef struct FeOpInfo {
  const char *name;   /* NULL: not an opcode of 3.11 */
  uint8_t base;       /* the base opcode (itself for base opcodes) */
  uint8_t arg;        /* FE_ARG_* */
  uint8_t jump;       /* FE_J_* */
  uint8_t caches;     /* inline CACHE units */
  bool is_base;
  bool feedback;      /* specialised form that carries type feedback */
} FeOpInfo;

extern const FeOpInfo fe_op_info[256];

/* Stack effect of base opcode op with argument oparg (see opcodes_311.def). */
void fe_stack_effect(int op, uint32_t oparg, int *pops, int *push, int *push_jump);

/* One code object, as the decoder needs it. Borrowed pointers. */
typedef struct FeCode {
  const char *filename;      /* for diagnostics */
  const uint8_t *code;       /* ncode 2-byte units: opcode, oparg */
  uint32_t ncode;
  const uint8_t *exctable;   /* co_exceptiontable */
  size_t nexctable;
  const uint8_t *linetable;  /* co_linetable (PEP 626 / 3.11 locations format) */
  size_t nlinetable;
  int32_t firstlineno;
  uint32_t nconsts, nnames, nlocalsplus, stacksize;
  const uint8_t *localkinds; /* nlocalsplus CO_FAST_* bytes, may be NULL */
  bool line_in_message;      /* errors name the line in the message, not as a position
                                (the file is a .pyc: no source line to show) */
  bool osr_entries;          /* loop headers get dispatch landings too (OSR) */
  const PyasmOptions *asm_opts; /* not NULL: pyllc.asm("...") calls are spliced in */
  const char *source;        /* the file's text when known (columns of pyllc.asm code) */
  size_t nsource;
} FeCode;

/* One decoded instruction. Offsets are in code units. */
typedef struct FeInstr {
  uint32_t start;     /* first unit: its first EXTENDED_ARG prefix, else the opcode */
  uint32_t unit;      /* the opcode's own unit (prev_instr while it runs) */
  uint32_t next;      /* unit after the instruction and its caches */
  uint8_t op;         /* base opcode */
  uint8_t spec;       /* specialised opcode with feedback seen there, 0 if none */
  uint32_t arg;
  int32_t line;       /* source line, -1 when none */
  int32_t target;     /* jumps: index of the target instruction, else -1 */
} FeInstr;

typedef struct FeHandler {
  uint32_t start, end; /* covered units [start, end) */
  uint32_t target;     /* index of the handler's first instruction */
  uint32_t depth;      /* stack depth kept below the pushed values */
  bool lasti;          /* lasti pushed before the exception */
} FeHandler;

typedef struct FeDecoded {
  FeInstr *instrs;
  uint32_t ninstrs;
  int32_t *index_of_unit; /* ncode entries: instruction index starting there, else -1 */
  FeHandler *handlers;
  uint32_t nhandlers;
} FeDecoded;

/* Decodes and validates the encoding (opcodes, argument ranges, jump targets, tables).
 * Returns false after reporting to d. Memory: malloc'd, fe_decoded_free. */
bool fe_decode(PyllcDiag *d, const FeCode *c, FeDecoded *out);
void fe_decoded_free(FeDecoded *dec);
/* Line of code unit `unit` from the line table, -1 when it has none. */
int32_t fe_line_of(const FeCode *c, uint32_t unit);

/* Builds fn's blocks from decoded code: checks stack depths (merges, underflow,
 * co_stacksize), then lowers every reachable instruction (fe_lower_one, or the branching
 * ones here) and every exception handler.
 * fn's metadata must be filled; const_map maps co_consts indices to fn->consts indices.
 * Returns false after reporting to d. */
bool fe_build(PyllcDiag *d, const FeCode *c, const FeDecoded *dec, IrFunc *fn,
              const uint32_t *const_map);

/* Whether oparg is valid for base opcode op as far as the lowering relies on it (counts,
 * flags, operator numbers), apart from the ranges of a code object's pools. */
bool fe_oparg_valid(int op, uint32_t oparg);

/* One instruction's lowering, shared by fe_build and by .pyasm's RAW instruction
 * (lib/Frontend/pyasm/lower.c). The caller owns the value stack: SSA values, each an
 * owned reference as in the interpreter. */
typedef struct FeLower {
  IrFunc *fn;
  IrBlockId cur;        /* the block to emit into */
  IrRef *stack;         /* the value stack, with room for the instruction's pushes */
  uint32_t sp;          /* its depth; fe_lower_one updates it */
  IrRef *pre;           /* the stack before the instruction: what its frame states hold */
  uint32_t pre_sp;
  int32_t line;         /* line of the emitted instructions, -1 when none */
  int32_t fs_offset;    /* bc_offset of its frame states (the opcode's own unit) */
  int32_t fs_start;     /* their bc_start (the first EXTENDED_ARG prefix) */
  IrBlockId handler;    /* their handler (landing block), IR_NOREF when an exception leaves
                         * the function */
  /* NULL: frame states are made here (fs_offset, handler, pre). Else called for each raising or
   * deoptimising instruction with the stack to record: the caller makes the frame state
   * (.pyasm does, once the function's locals are known). */
  void (*on_fstate)(void *data, IrRef instr, const IrRef *stack, uint32_t n);
  void *data;
  int64_t kwnames;      /* KW_NAMES constant (fn->consts index) for the next CALL, -1 */
  uint16_t precall_spec;/* PRECALL's specialisation, for the next CALL */
  uint32_t true_const;  /* fn->consts index of True, UINT32_MAX until needed */
  bool called_out;      /* an operation that may run other code was emitted since the
                           last tracing check (build.c's trace points) */
} FeLower;

/* Lowers base opcode op, which does not branch (fe_op_info[op].jump is FE_J_NONE or
 * FE_J_EXIT), at the end of l->cur: pops and pushes l->stack as the interpreter would,
 * with the decrefs of what it pops. oparg is the argument with CONST indices already
 * mapped to fn->consts (NAME, GLOBAL and LOCAL ones index fn->names and localsplus); it
 * must satisfy fe_oparg_valid and the stack must hold what fe_stack_effect pops. spec is
 * the specialised opcode seen there (type feedback), 0 if none. An FE_J_EXIT opcode ends
 * l->cur with its terminator. */
void fe_lower_one(FeLower *l, int op, uint32_t oparg, uint16_t spec);

/* ---- pyllc.asm("...") spliced into the function (lib/Frontend/pyasm/lower.c) ---- */

/* One call site: its .pyasm code and where that starts in the file. */
typedef struct FeAsmSite {
  const char *text;
  size_t len;
  int line, col;      /* 1-based, of the code's first character */
  uint32_t depth;     /* the Python stack depth below the call's three values */
} FeAsmSite;

typedef struct PyasmSplicer PyasmSplicer;

/* Parses and checks the code of every site of fn (a dry run of the lowering). NULL after
 * errors (reported; *failed set) or when the code cannot be spliced (*why says why: the
 * calls then stay calls). */
PyasmSplicer *pyasm_splice_begin(PyllcDiag *d, IrFunc *fn, const char *filename,
                                 const FeAsmSite *sites, uint32_t n, const PyasmOptions *opts,
                                 bool *failed, const char **why);
/* Lowers site k's code at the end of block *cur, stack[0..sp) being the Python stack below
 * the call: its operations get frame states at fs_offset with handler, which keep those
 * sp values and release the code's own when leaving. On return *cur is where control
 * goes on (IR_NOREF: nowhere) with stack[0..sp) the values there. */
void pyasm_splice_at(PyasmSplicer *s, uint32_t k, IrBlockId *cur, IrRef *stack, uint32_t sp,
                     int32_t fs_offset, IrBlockId handler);
/* After every site: phis and frame states. False after errors (reported). Frees s. */
bool pyasm_splice_end(PyasmSplicer *s);
void pyasm_splice_free(PyasmSplicer *s);

/* 0-based column of code unit `unit` from the line table, -1 when it has none. */
int32_t fe_col_of(const FeCode *c, uint32_t unit);

/* Reports `offset N: message` at the instruction's line when known. */
void fe_error_at(PyllcDiag *d, const FeCode *c, uint32_t unit, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
