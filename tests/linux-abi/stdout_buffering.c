/*
 * stdout_buffering: what the libc decides about the standard descriptors, which is what
 * the kernel's fstat/ioctl answers (fs/stat.c, fs/ioctl.c) must make it decide as on
 * Linux, where the runner's stdout is a file or a pipe and stdin is empty: none is a
 * terminal (TCGETS and TIOCGWINSZ are -ENOTTY, isatty says no), fstat agrees with that
 * (a terminal would be a character device), and so stdio buffers stdout fully: a line
 * printed with printf comes out after a later write(2), at exit. glibc decides at the
 * first output (isatty); musl writes its first line at the newline and then asks
 * TIOCGWINSZ, so its second printf line is the first one held back.
 */
#include <sys/stat.h>
#include "abi.h"

#define SYS_fstat64	197

int main(void)
{
	unsigned char tio[64], ws[8];
	struct stat st;
	int fd;

	for (fd = 0; fd < 3; fd++) {
		long tcgets = sc(SYS_ioctl, fd, 0x5401, (long)tio, 0, 0, 0);
		long winsz = sc(SYS_ioctl, fd, 0x5413, (long)ws, 0, 0, 0);
		int ok = fstat(fd, &st) == 0;

		out("fd %d: TCGETS %s, TIOCGWINSZ %s, isatty %s, fstat %s\n", fd, res(tcgets),
		    res(winsz), yesno(isatty(fd)), ok ? "ok" : "failed");
		out("fd %d: fstat and ioctl agree it is no terminal: %s\n", fd,
		    yesno(ok && tcgets == -25 && (!S_ISCHR(st.st_mode) || fd == 0)));
	}
	out("ioctl on fd 5: %s\n", res(sc(SYS_ioctl, 5, 0x5401, (long)tio, 0, 0, 0)));
	out("fstat64 on fd 5: %s\n", res(sc(SYS_fstat64, 5, (long)&st, 0, 0, 0, 0)));
	out("fstat64 to a bad pointer: %s\n", res(sc(SYS_fstat64, 1, 0xc0001000, 0, 0, 0, 0)));
	printf("first line printed with printf\n");
	out("written with write(2) after the first printf\n");
	printf("second line printed with printf\n");
	out("written with write(2) after the second printf\n");
	return 0;
}
