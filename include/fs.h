/*
 * Files, as far as they exist before the VFS: descriptors 0, 1 and 2 are the console
 * (fs/read_write.c). The VFS replaces this with a per-process descriptor table.
 */
#ifndef _FS_H
#define _FS_H

#include "types.h"

/* Is fd one of the standard descriptors (the only files there are)? */
bool fd_is_open(unsigned long fd);

#endif /* _FS_H */
