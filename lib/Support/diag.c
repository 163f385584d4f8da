/* diag.c - the user-error channel (diag.h).
 *
 * Output format, one diagnostic:
 *     file:line:col: error: message
 *     <the source line>
 *         ^
 * The caret line copies the source line's tabs so that it lines up in a terminal, and
 * counts a UTF-8 sequence as one column. Positions are 1-based; a 0 line or column is
 * left out of the prefix. */
#include "pyllc/diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pyllc/support.h"

typedef struct Source {
  const char *file, *text;
  size_t len;
} Source;

struct PyllcDiag {
  FILE *out;
  PyllcDiagSink sink;
  void *sink_ctx;
  Source *sources;
  uint32_t nsources, cap_sources;
  int errors, warnings;
  int limit; /* 0: no limit */
};

PyllcDiag *pyllc_diag_new(FILE *out) {
  PyllcDiag *d = calloc(1, sizeof *d);
  if (!d) PYLLC_DIE("out of memory");
  d->out = out;
  return d;
}

void pyllc_diag_free(PyllcDiag *d) {
  if (!d) return;
  free(d->sources);
  free(d);
}

void pyllc_diag_set_sink(PyllcDiag *d, PyllcDiagSink sink, void *ctx) {
  d->sink = sink;
  d->sink_ctx = ctx;
}

void pyllc_diag_set_limit(PyllcDiag *d, int max_errors) { d->limit = max_errors; }

int pyllc_diag_errors(const PyllcDiag *d) { return d->errors; }

void pyllc_diag_add_source(PyllcDiag *d, const char *file, const char *text, size_t len) {
  for (uint32_t i = 0; i < d->nsources; i++) {
    if (strcmp(d->sources[i].file, file) == 0) {
      d->sources[i].text = text;
      d->sources[i].len = len;
      return;
    }
  }
  d->sources = pyllc_grow(d->sources, sizeof *d->sources, d->nsources, &d->cap_sources);
  d->sources[d->nsources++] = (Source){file, text, len};
}

/* Finds line `line` (1-based) of the registered text of `file`; sets *n to its length. */
static const char *find_line(const PyllcDiag *d, const char *file, int line, size_t *n) {
  if (!file || line <= 0) return NULL;
  for (uint32_t i = 0; i < d->nsources; i++) {
    const Source *s = &d->sources[i];
    if (strcmp(s->file, file) != 0) continue;
    const char *p = s->text, *end = s->text + s->len;
    for (int l = 1; l < line; l++) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      if (!nl) return NULL;
      p = nl + 1;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    size_t len = eol ? (size_t)(eol - p) : (size_t)(end - p);
    if (len && p[len - 1] == '\r') len--;
    *n = len;
    return p;
  }
  return NULL;
}

static const char *severity_name(PyllcSeverity s) {
  switch (s) {
  case PYLLC_ERROR: return "error";
  case PYLLC_WARNING: return "warning";
  case PYLLC_NOTE: return "note";
  }
  return "error";
}

static void print_info(FILE *out, const PyllcDiagInfo *in) {
  if (in->file) {
    fputs(in->file, out);
    if (in->line > 0) fprintf(out, ":%d", in->line);
    if (in->line > 0 && in->col > 0) fprintf(out, ":%d", in->col);
    fputs(": ", out);
  } else {
    fputs("pyllc: ", out);
  }
  fprintf(out, "%s: %s\n", severity_name(in->severity), in->message);
  if (!in->source_line) return;
  const char *src = in->source_line;
  size_t len = strlen(src);
  /* Keep the line printable: binary garbage must not reach the terminal raw. */
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)src[i];
    fputc(c == '\t' || c >= 0x20 ? c : '?', out);
  }
  fputc('\n', out);
  if (in->col <= 0) return;
  for (size_t i = 0; i + 1 < (size_t)in->col && i < len; i++) {
    unsigned char c = (unsigned char)src[i];
    if ((c & 0xC0) == 0x80) continue; /* UTF-8 continuation byte: same column */
    fputc(c == '\t' ? '\t' : ' ', out);
  }
  fputs("^\n", out);
}

void pyllc_diag_vreport(PyllcDiag *d, PyllcSeverity sev, const char *file, int line, int col,
                        const char *fmt, va_list ap) {
  if (sev == PYLLC_ERROR) d->errors++;
  if (sev == PYLLC_WARNING) d->warnings++;
  if (sev == PYLLC_ERROR && d->limit > 0 && d->errors > d->limit) {
    if (d->errors == d->limit + 1 && !d->sink)
      fprintf(d->out ? d->out : stderr, "pyllc: too many errors, stopping\n");
    return;
  }
  char msg[1024];
  vsnprintf(msg, sizeof msg, fmt, ap);
  size_t n = 0;
  const char *src = find_line(d, file, line, &n);
  char *srcline = NULL;
  if (src) {
    srcline = malloc(n + 1);
    if (!srcline) PYLLC_DIE("out of memory");
    memcpy(srcline, src, n);
    srcline[n] = '\0';
    /* A NUL inside the line would cut it short: show it as '?'. */
    for (size_t i = 0; i < n; i++)
      if (srcline[i] == '\0') srcline[i] = '?';
  }
  PyllcDiagInfo info = {sev, file, line, col, msg, srcline};
  if (d->sink)
    d->sink(d->sink_ctx, &info);
  else
    print_info(d->out ? d->out : stderr, &info);
  free(srcline);
}

void pyllc_diag_report(PyllcDiag *d, PyllcSeverity sev, const char *file, int line, int col,
                       const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pyllc_diag_vreport(d, sev, file, line, col, fmt, ap);
  va_end(ap);
}
