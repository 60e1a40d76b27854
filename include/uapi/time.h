/* Linux's i386 time structures: the 32-bit timespec of the old calls, the 64-bit one of the *_time64 calls. */
#ifndef _UAPI_TIME_H
#define _UAPI_TIME_H

#include "../types.h"

struct old_timespec32 {
	s32 tv_sec;
	s32 tv_nsec;
};

struct __kernel_timespec {
	s64 tv_sec;
	s64 tv_nsec;
};

/* gettimeofday's: seconds and microseconds, and the (unused) time zone. */
struct old_timeval32 {
	s32 tv_sec;
	s32 tv_usec;
};

struct timezone {
	s32 tz_minuteswest;
	s32 tz_dsttime;
};

#endif /* _UAPI_TIME_H */
