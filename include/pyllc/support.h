/* support.h - the internal-bug channel and small helpers shared by every library.
 * PYLLC_DIE is for broken invariants only, never for bad user input. */
#ifndef PYLLC_SUPPORT_H
#define PYLLC_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

_Noreturn void pyllc_die_at(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define PYLLC_DIE(...) pyllc_die_at(__FILE__, __LINE__, __VA_ARGS__)

/* Growable heap array: ensures room for one more element of `*arr` (count n, cap *cap). */
void *pyllc_grow(void *arr, size_t elem_size, uint32_t n, uint32_t *cap);

/* Whole-file read; returns malloc'd NUL-terminated text, or NULL with errno set. */
char *pyllc_read_file(const char *path, size_t *len);

/* Monotonic seconds, for the compile-time statistics. */
double pyllc_now(void);

#endif
