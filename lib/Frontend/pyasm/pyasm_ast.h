/* pyasm_ast.h - the .pyasm front end's tokens, syntax tree and shared context.
 *
 * Pipeline (pyasm_compile in lower.c):
 *   text --pyasm_tokenize--> token array --pyasm_parse--> PyasmStmt list (the tree)
 *        --pyasm_sema--> errors (labels, macros, stack depth, static asserts)
 *        --pyasm_lower--> IrModule
 *
 * Terms
 *   statement   one instruction (LOAD, IF, DEF, ...) with its operands and nested blocks.
 *   expression  a source or a target: $x, @x, %1, OP(...), e.name, e[i], e(args), ...
 *   static      an expression whose value is known at compile time (a literal, an OP on
 *               literals, ~PY_VERSION); such OPs are folded.
 *   expansion   one use of a macro: its body walked with the parameters bound to the
 *               caller's argument expressions (by name) and its own private locals.
 *
 * Memory: every token, node and string lives in the context's arena, freed in one call.
 * Positions: every node has the 1-based line and column (bytes) of its first token.
 */
#ifndef PYLLC_PYASM_AST_H
#define PYLLC_PYASM_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pyllc/arena.h"
#include "pyllc/diag.h"
#include "pyllc/frontend.h"
#include "pyllc/ir.h"

/* ---- context ---------------------------------------------------------------------- */

/* A diagnostic held back while tokenizing and parsing, so that they come out in source
 * order (the tokenizer runs ahead of the parser). */
typedef struct PyasmDeferred {
  uint8_t sev;
  bool lexical;       /* from the tokenizer: parse errors on its line are not shown */
  int line, col, kline, kcol;
  uint32_t seq;
  const char *file, *msg;
} PyasmDeferred;

typedef struct PyasmCtx {
  IrArena *arena;       /* owns tokens, tree and strings */
  PyllcDiag *diag;      /* user errors */
  const char *filename; /* for diagnostics and MACRO_IMPORT */
  const PyasmOptions *opts; /* the embedder's: import path, compile-time values */
  const char *text;     /* the whole source, NUL-terminated copy in the arena */
  size_t len;
  int nerrors;          /* errors reported through this context */
  bool defer;           /* hold diagnostics back until pyasm_flush */
  bool lexing;          /* the tokenizer is running */
  void (*on_error)(void *data); /* after each error: notes (the chain of expansions) */
  void *on_error_data;
  PyasmDeferred *deferred;
  uint32_t ndeferred, capdeferred;
} PyasmCtx;

void pyasm_error(PyasmCtx *cx, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void pyasm_note(PyasmCtx *cx, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
char *pyasm_strndup(PyasmCtx *cx, const char *s, size_t n);
/* Reports the held-back diagnostics sorted by position and stops holding them back. */
void pyasm_flush(PyasmCtx *cx);

/* ---- tokens ----------------------------------------------------------------------- */

typedef enum PyasmTokKind {
  PA_TK_IDENT,   /* [A-Za-z_][A-Za-z0-9_]* */
  PA_TK_INT,     /* ival, or big: decimal digits in str (sign included) */
  PA_TK_FLOAT,   /* fval */
  PA_TK_STR,     /* "..." decoded to UTF-8 in str/slen */
  PA_TK_BYTES,   /* b"..." decoded in str/slen */
  PA_TK_LABEL,   /* 'name': the name in str */
  PA_TK_PUNCT,   /* operator or sigil, its text in str */
  PA_TK_PYCODE,  /* PYTHON { ... }: the raw text between the braces in str */
  PA_TK_NEWLINE, /* one or more newlines (the parser ignores them inside ( ) and [ ]) */
  PA_TK_EOF,
} PyasmTokKind;

typedef struct PyasmTok {
  uint8_t kind;       /* PyasmTokKind */
  bool space_before;  /* whitespace (or start of line) directly before the token */
  bool big;           /* PA_TK_INT that does not fit int64 */
  int line, col;      /* 1-based */
  const char *loc;    /* start in the source text */
  uint32_t len;       /* length in the source text */
  const char *str;    /* NUL-terminated: identifier, punct text, decoded string */
  uint32_t slen;      /* length of str (strings may hold NULs) */
  int64_t ival;
  double fval;
} PyasmTok;

/* Splits the text into tokens ending with PA_TK_EOF; reports lexical errors and always
 * returns a usable array (a bad token is skipped). */
PyasmTok *pyasm_tokenize(PyasmCtx *cx, uint32_t *ntoks);

/* ---- expressions -------------------------------------------------------------------- */

typedef enum PyasmExprKind {
  PA_E_LOCAL,       /* $name */
  PA_E_CALLER,      /* $:name  the macro caller's local */
  PA_E_GLOBAL,      /* @name */
  PA_E_GLOBAL_STATIC, /* @!name */
  PA_E_CELL,        /* §name */
  PA_E_PARAM,       /* &name  macro parameter */
  PA_E_BUILTIN,     /* ~name */
  PA_E_TOS,         /* % (pops) or %N (copies the value N below the top): n, has_n */
  PA_E_DISCARD,     /* \ */
  PA_E_INT,         /* ival, or big with text in str */
  PA_E_FLOAT,
  PA_E_STR,
  PA_E_BYTES,
  PA_E_NONE,
  PA_E_TRUE,
  PA_E_FALSE,
  PA_E_OP,          /* OP (...): op */
  PA_E_ATTR,        /* a.name */
  PA_E_ATTR_STATIC, /* a.!name */
  PA_E_ATTR_DYN,    /* a.(b) */
  PA_E_SUBSCR,      /* a[b] */
  PA_E_CALL,        /* a(args) */
  PA_E_LATE,        /* ?a  (PARTIAL argument evaluated at each call) */
  PA_E_BLOCK,       /* [$a, $b] { ... }  a CODE_BLOCK macro argument */
  PA_E_MACRO_NAME,  /* ns:name  a bare (macro) name, only as a callee */
} PyasmExprKind;

typedef enum PyasmArgKind { PA_ARG_POS, PA_ARG_KW, PA_ARG_STAR, PA_ARG_DSTAR } PyasmArgKind;

typedef struct PyasmExpr PyasmExpr;
typedef struct PyasmStmt PyasmStmt;
typedef struct PyasmOp PyasmOp;

typedef struct PyasmArg {
  uint8_t kind;      /* PyasmArgKind */
  const char *name;  /* PA_ARG_KW */
  PyasmExpr *value;
} PyasmArg;

struct PyasmExpr {
  uint8_t kind;      /* PyasmExprKind */
  bool has_n;        /* PA_E_TOS: %N rather than % */
  bool big;          /* PA_E_INT: text in str */
  int line, col;
  const char *name;  /* variables, attributes, macro names */
  const char *str;   /* STR / BYTES / big INT */
  uint32_t slen;
  int64_t ival;      /* INT, TOS's N */
  double fval;
  PyasmExpr *a, *b;  /* ATTR*: a; ATTR_DYN, SUBSCR: a, b; CALL: a = callee; LATE: a */
  PyasmArg *args;    /* CALL */
  uint32_t nargs;
  PyasmOp *op;       /* OP */
  const char **bnames; /* BLOCK: names bound by MACRO_PASTE (without '$') */
  uint32_t nbnames;
  PyasmStmt *body;   /* BLOCK: statements */
};

/* ---- OP ------------------------------------------------------------------------------ */

#define PYASM_OPERATORS(X)                                                                  \
  /* binary, numeric: BINARY_OP argument in b */                                           \
  X(ADD, "+", 0) X(SUB, "-", 10) X(MUL, "*", 5) X(TRUEDIV, "/", 11) X(FLOORDIV, "//", 2)    \
  X(POW, "**", 8) X(MOD, "%", 6) X(AND, "&", 1) X(OR, "|", 7) X(XOR, "^", 12)               \
  X(LSHIFT, "<<", 3) X(RSHIFT, ">>", 9) X(MATMUL, "@", 4)                                   \
  /* comparisons: Py_LT.. in b */                                                          \
  X(LT, "<", 0) X(LE, "<=", 1) X(EQ, "==", 2) X(NE, "!=", 3) X(GT, ">", 4) X(GE, ">=", 5)  \
  X(IS, "is", 0) X(ISNOT, "!is", 0) X(IN, "in", 0) X(NOTIN, "!in", 0)                      \
  X(LAND, "and", 0) X(LOR, "or", 0) X(NAND, "nand", 0) X(NOR, "nor", 0)                    \
  X(ANDEVAL, "andeval", 0) X(OREVAL, "oreval", 0) X(LXOR, "xor", 0) X(LXNOR, "xnor", 0)    \
  X(WALRUS, ":=", 0) X(RWALRUS, "=:", 0)                                                   \
  X(ISINSTANCE, "isinstance", 0) X(ISSUBCLASS, "issubclass", 0)                            \
  X(HASATTR, "hasattr", 0) X(GETATTR, "getattr", 0)                                        \
  /* unary */                                                                              \
  X(NEG, "-", 0) X(POS, "+", 0) X(INVERT, "~", 0) X(NOT, "not", 0) X(BANG, "!", 0)         \
  /* prefix */                                                                             \
  X(SUM, "sum", 0) X(PROD, "prod", 0) X(AVG, "avg", 0) X(AVGI, "avgi", 0)                  \
  X(TUPLE, "tuple", 0) X(LIST, "list", 0) X(SET, "set", 0) X(DICT, "dict", 0)

typedef enum PyasmOperator {
#define PA_X(id, text, arg) PA_OP_##id,
  PYASM_OPERATORS(PA_X)
#undef PA_X
  PA_OP__COUNT
} PyasmOperator;

#define PA_OP_FIRST_BINARY PA_OP_ADD
#define PA_OP_LAST_BINARY PA_OP_GETATTR
#define PA_OP_FIRST_UNARY PA_OP_NEG
#define PA_OP_LAST_UNARY PA_OP_BANG
#define PA_OP_FIRST_PREFIX PA_OP_SUM

extern const char *const pyasm_op_text[PA_OP__COUNT];
extern const int pyasm_op_arg[PA_OP__COUNT]; /* BINARY_OP argument / Py_LT.. */

typedef enum PyasmOpForm {
  PA_OPF_VALUE,  /* OP (e): just an operand */
  PA_OPF_BINARY, /* lhs OP rhs */
  PA_OPF_UNARY,  /* OP a */
  PA_OPF_PREFIX, /* OP (a, b, ...) */
} PyasmOpForm;

struct PyasmOp {
  uint8_t form;      /* PyasmOpForm */
  uint8_t op;        /* PyasmOperator */
  int line, col;     /* of the operator token */
  PyasmExpr *lhs, *rhs; /* BINARY: both; UNARY/VALUE: lhs */
  PyasmExpr **items; /* PREFIX operands */
  uint32_t nitems;
};

/* ---- statements --------------------------------------------------------------------- */

typedef enum PyasmStmtKind {
  PA_S_LOAD, PA_S_STORE, PA_S_LOAD_FAST, PA_S_STORE_FAST, PA_S_LOAD_GLOBAL,
  PA_S_STORE_GLOBAL, PA_S_LOAD_CONST, PA_S_POP, PA_S_RETURN, PA_S_YIELD, PA_S_RAISE,
  PA_S_RAW, PA_S_CALL, PA_S_OP, PA_S_IF, PA_S_WHILE, PA_S_FOREACH, PA_S_LABEL, PA_S_JUMP,
  PA_S_DEF, PA_S_CLASS, PA_S_PYTHON, PA_S_ASSERT, PA_S_ASSERT_STATIC, PA_S_NAMESPACE,
  PA_S_MACRO, PA_S_MACRO_PASTE, PA_S_MACRO_RETURN, PA_S_MACRO_IMPORT,
  PA_S_MACRO_USE, /* ns:name(args) [-> t]: an ASSEMBLY macro used as an instruction */
  PA_S__COUNT
} PyasmStmtKind;

extern const char *const pyasm_stmt_names[PA_S__COUNT];

typedef enum PyasmCallKind { PA_CALL_PLAIN, PA_CALL_PARTIAL, PA_CALL_MACRO } PyasmCallKind;

typedef enum PyasmParamKind {
  PA_P_PLAIN,     /* a / name=default in DEF */
  PA_P_STAR,      /* *args (name NULL: a bare '*') */
  PA_P_DSTAR,     /* **kw */
} PyasmParamKind;

typedef enum PyasmMacroType {
  PA_MT_NONE,         /* no type: any expression, passed by name */
  PA_MT_ANY,
  PA_MT_CODE_BLOCK,   /* n = number of bound names */
  PA_MT_VARIABLE,
  PA_MT_VARIABLE_ARG, /* type_name: element type, or NULL */
} PyasmMacroType;

typedef struct PyasmParam {
  uint8_t kind;        /* PyasmParamKind (DEF) */
  uint8_t mtype;       /* PyasmMacroType (MACRO) */
  bool eager;          /* MACRO !p: evaluated once */
  int line, col;
  const char *name;
  PyasmExpr *deflt;    /* DEF a=default */
  uint32_t n;          /* CODE_BLOCK[n] */
  const char *type_name; /* VARIABLE_ARG[type] */
} PyasmParam;

struct PyasmStmt {
  uint8_t kind;        /* PyasmStmtKind */
  uint8_t call_kind;   /* CALL: PyasmCallKind */
  bool star;           /* YIELD *: yield from; FOREACH: '*' (product) between sources */
  bool assembly;       /* MACRO ASSEMBLY */
  bool ret_any;        /* MACRO ... -> ANY */
  int line, col;
  PyasmStmt *next;     /* following statement of the same block */

  PyasmExpr *e;        /* the main operand: LOAD src, STORE src (or NULL), RETURN, IF/WHILE
                          condition, JUMP condition, CALL's call, ASSERT condition, ... */
  PyasmExpr *target;   /* `-> t`, STORE's t */
  PyasmExpr *msg;      /* ASSERT message */
  PyasmOp *op;         /* OP */
  const char *name;    /* label, DEF/CLASS/MACRO/NAMESPACE name, LOAD_FAST name, RAW
                          opname, MACRO_PASTE parameter, MACRO_IMPORT module */
  const char *alias;   /* MACRO_IMPORT -> ns */
  int64_t n;           /* POP n, LOAD_FAST index (name NULL), RAW opcode number */
  bool has_arg;        /* RAW: argument given (names in list, else e); LOAD_FAST: by index */
  PyasmStmt *body;     /* IF/WHILE/FOREACH/DEF/CLASS/NAMESPACE/MACRO body */
  PyasmStmt *orelse;   /* IF ... ELSE */
  bool has_else;
  PyasmExpr **list;    /* FOREACH targets; MACRO_PASTE arguments; RAW argument names
                          (PA_E_MACRO_NAME) */
  uint32_t nlist;
  PyasmExpr **srcs;    /* FOREACH sources */
  uint32_t nsrcs;
  PyasmArg *args;      /* CLASS bases */
  uint32_t nargs;
  PyasmParam *params;  /* DEF, MACRO */
  uint32_t nparams;
  const char **captures; /* DEF/CLASS <a, b> */
  uint32_t ncaptures;
  const char *code;    /* PYTHON text */
  uint32_t codelen;
  int end_line;        /* line of the closing '}' of the body */
};

/* Parses the whole file; returns the statement list (possibly partial after errors). */
PyasmStmt *pyasm_parse(PyasmCtx *cx, PyasmTok *toks, uint32_t ntoks);

/* ---- static values (compile-time constants) --------------------------------------- */

typedef enum PyasmValKind {
  PA_V_NONE_, PA_V_TRUE, PA_V_FALSE, PA_V_INT, PA_V_BIGINT, PA_V_FLOAT, PA_V_STR,
  PA_V_BYTES,
} PyasmValKind;

typedef struct PyasmVal {
  uint8_t kind;       /* PyasmValKind */
  int64_t i;
  double f;
  const char *s;      /* STR, BYTES, BIGINT (decimal) */
  uint32_t slen;
} PyasmVal;

/* A literal's value; false for any other expression. */
bool pyasm_literal_val(const PyasmExpr *e, PyasmVal *out);
/* Evaluates `a OP b` / `OP a` as Python would; false when it cannot be done at compile
 * time (non-foldable operator or operand kinds, or Python would raise or overflow), and
 * the operation is then left to run time. */
bool pyasm_fold_binary(IrArena *arena, int op, const PyasmVal *a, const PyasmVal *b,
                       PyasmVal *out);
bool pyasm_fold_unary(int op, const PyasmVal *a, PyasmVal *out);
bool pyasm_val_truth(const PyasmVal *v);
/* Python's repr-like text of a value, for messages. */
const char *pyasm_val_repr(IrArena *arena, const PyasmVal *v);

/* ---- semantic checks and macro expansion ------------------------------------------ */

typedef struct PyasmMacro PyasmMacro;

/* The macro table: every MACRO of the file (and imported ones) with its namespace. */
typedef struct PyasmMacros {
  PyasmMacro **items;
  uint32_t n, cap;
  const char **imported; /* files already imported (each once) */
  uint32_t nimported, capimported;
  int import_depth;
} PyasmMacros;

struct PyasmMacro {
  const char *ns;      /* namespace path "a:b", "" at top level */
  const char *name;    /* last component */
  const char *full;    /* ns:name */
  PyasmStmt *def;      /* the MACRO statement */
  const char *file;    /* the file it is written in (MACRO_IMPORT) */
};

/* Collects macros (MACRO, NAMESPACE, MACRO_IMPORT) into `tab`. */
void pyasm_collect_macros(PyasmCtx *cx, PyasmStmt *prog, PyasmMacros *tab);
/* Finds the macro `name` (possibly qualified) used from namespace `ns` with these
 * arguments: namespaces outwards, then overload by count and parameter types. Reports
 * an error and returns NULL when none matches. */
PyasmMacro *pyasm_find_macro(PyasmCtx *cx, const PyasmMacros *tab, const char *ns,
                             const char *name, const PyasmArg *args, uint32_t nargs,
                             int line, int col, bool report);
/* The text of a macro's signature, `ns:name(a, !b CODE_BLOCK[1])`, for messages. */
const char *pyasm_macro_signature(PyasmCtx *cx, const PyasmMacro *m);

/* Semantic checks and lowering, in one walk (lower.c): label resolution, macro expansion,
 * stack-depth simulation, folding, static asserts. With `out` NULL the IR is built and
 * thrown away (the checks alone); returns the number of errors. */
int pyasm_sema(PyasmCtx *cx, PyasmStmt *prog, PyasmMacros *tab, IrModule **out);

#define PYASM_MAX_EXPANSION_DEPTH 64
#define PYASM_MAX_EXPANSIONS 20000
#define PYASM_MAX_STMTS 200000
#define PYASM_MAX_NESTING 200

#endif
