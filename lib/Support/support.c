/* support.c - the internal-bug channel and small shared helpers (support.h). */
#include "pyllc/support.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

_Noreturn void pyllc_die_at(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "pyllc: internal error at %s:%d: ", file, line);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

void *pyllc_grow(void *arr, size_t elem_size, uint32_t n, uint32_t *cap) {
  if (n < *cap) return arr;
  if (*cap >= UINT32_MAX / 2) PYLLC_DIE("array too large");
  uint32_t newcap = *cap ? *cap * 2 : 8;
  void *p = realloc(arr, elem_size * newcap);
  if (!p) PYLLC_DIE("out of memory");
  memset((char *)p + elem_size * *cap, 0, elem_size * (newcap - *cap));
  *cap = newcap;
  return p;
}

char *pyllc_read_file(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) PYLLC_DIE("out of memory");
  for (;;) {
    if (cap - n < 2) {
      cap *= 2;
      char *nb = realloc(buf, cap);
      if (!nb) PYLLC_DIE("out of memory reading %s", path);
      buf = nb;
    }
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
  }
  int err = ferror(f) ? errno : 0;
  if (f != stdin) fclose(f);
  if (err) {
    free(buf);
    errno = err ? err : EIO;
    return NULL;
  }
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

double pyllc_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
