/* Linux's i386 terminal ioctl numbers (asm-generic/ioctls.h). */
#ifndef _UAPI_IOCTLS_H
#define _UAPI_IOCTLS_H

#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413
#define FIONREAD	0x541B

#endif /* _UAPI_IOCTLS_H */
