/* diag.h - the user-error channel: `file:line:col: error: message`, the source line and
 * a caret under the column. Several errors per run; the library never exits: callers
 * check pyllc_diag_errors(). Internal bugs use PYLLC_DIE (support.h) instead. */
#ifndef PYLLC_DIAG_H
#define PYLLC_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { PYLLC_ERROR, PYLLC_WARNING, PYLLC_NOTE } PyllcSeverity;

/* One diagnostic, handed to a sink (the CLI prints, the Python module raises). */
typedef struct PyllcDiagInfo {
  PyllcSeverity severity;
  const char *file;   /* may be NULL: no position */
  int line, col;      /* 1-based; 0 when unknown */
  const char *message;
  const char *source_line; /* the text of `line` without newline, or NULL */
} PyllcDiagInfo;

typedef void (*PyllcDiagSink)(void *ctx, const PyllcDiagInfo *info);

typedef struct PyllcDiag PyllcDiag;

/* A new engine printing to `out` (stderr if NULL), or to a sink when one is set. */
PyllcDiag *pyllc_diag_new(FILE *out);
void pyllc_diag_free(PyllcDiag *d);
void pyllc_diag_set_sink(PyllcDiag *d, PyllcDiagSink sink, void *ctx);
/* Registers the text of a file so that errors in it can show the source line.
 * The text is borrowed: it must outlive the engine's use of that file. */
void pyllc_diag_add_source(PyllcDiag *d, const char *file, const char *text, size_t len);
/* Reports at file:line:col (line/col 1-based, 0 = unknown). */
void pyllc_diag_report(PyllcDiag *d, PyllcSeverity sev, const char *file, int line, int col,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void pyllc_diag_vreport(PyllcDiag *d, PyllcSeverity sev, const char *file, int line,
                        int col, const char *fmt, va_list ap);
#define pyllc_error(d, file, line, col, ...)                                                 \
  pyllc_diag_report((d), PYLLC_ERROR, (file), (line), (col), __VA_ARGS__)
int pyllc_diag_errors(const PyllcDiag *d);
/* Stops recording after this many errors (0: no limit); further ones are counted only. */
void pyllc_diag_set_limit(PyllcDiag *d, int max_errors);

#endif
