/*
 * Pointers that carry an error (Linux's include/linux/err.h): the top 4095 addresses
 * are kernel space nobody allocates, so a function returning a pointer can return
 * -errno in it instead. IS_ERR() tells them apart.
 */
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
