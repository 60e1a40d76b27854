/* Linux's struct iovec (readv, writev) and the most entries one call takes. */
#ifndef _UAPI_UIO_H
#define _UAPI_UIO_H

#include "../types.h"

#define UIO_MAXIOV	1024

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#endif /* _UAPI_UIO_H */
