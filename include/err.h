/* Pointers that carry an errno (Linux's include/linux/err.h): -4095..-1 as addresses. */
#ifndef _ERR_H
#define _ERR_H

#include "uapi/errno.h"

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* _ERR_H */
