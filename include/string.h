/*
 * The string and memory functions the kernel implements for itself (lib/string.c).
 * GCC may also emit calls to memcpy/memset/memmove/memcmp on its own, so these exist
 * with exactly the standard names and signatures.
 */
#ifndef _STRING_H
#define _STRING_H

#include "types.h"

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memchr(const void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strlcpy(char *dst, const char *src, size_t size);
unsigned long simple_strtoul(const char *s, const char **end, unsigned int base);

#endif /* _STRING_H */
