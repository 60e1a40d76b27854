/*
 * Self-tests of the standard descriptors' story (fs/stat.c, fs/ioctl.c): fstat64 and
 * statx describe pipes and ioctl answers as a pipe, so the two never disagree about
 * whether a descriptor is a terminal. A tiny user program makes the calls; it exits
 * with the number of the first check that failed (0: all passed).
 */
#include <ktest.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include "user_image.h"

static u8 image[TEST_IMAGE_MAX];

#define CHECK(n, expect)						\
	"cmp $" #expect ", %eax\n je 9f\n mov $" #n ", %ebx\n" SYS_EXIT_EBX "9:\n"
#define SYSCALL4(nr, b, c, d)						\
	"mov $" #nr ", %eax\n mov " b ", %ebx\n mov " c ", %ecx\n mov " d ", %edx\n int $0x80\n"

USER_CODE(prog_fds,
	"sub $512, %esp\n"
	"movl $0, 400(%esp)\n"				/* an empty string */
	SYSCALL4(197, "$0", "%esp", "$0")		/* fstat64(0) */
	CHECK(1, 0)
	"mov 16(%esp), %eax\n"				/* st_mode */
	CHECK(2, 0x1180)				/* S_IFIFO | 0600 */
	"mov 52(%esp), %eax\n"				/* st_blksize */
	CHECK(3, 4096)
	"mov 32(%esp), %eax\n"				/* st_rdev: not a device */
	CHECK(4, 0)
	"mov 12(%esp), %edi\n"				/* fd 0's inode */
	SYSCALL4(197, "$2", "%esp", "$0")		/* fstat64(2) */
	CHECK(5, 0)
	"mov 12(%esp), %eax\n cmp %eax, %edi\n jne 8f\n mov $6, %ebx\n" SYS_EXIT_EBX "8:\n"
	"mov 88(%esp), %eax\n cmp 12(%esp), %eax\n je 8f\n mov $7, %ebx\n" SYS_EXIT_EBX "8:\n"
	"movl $0x55, (%esp)\n"
	SYSCALL4(54, "$0", "$0x541b", "%esp")		/* ioctl(0, FIONREAD) */
	CHECK(8, 0)
	"mov (%esp), %eax\n"
	CHECK(9, 0)
	SYSCALL4(54, "$1", "$0x541b", "$0x10")		/* FIONREAD to unmapped memory */
	CHECK(10, -14)
	SYSCALL4(54, "$1", "$0x541b", "$0xc0001000")	/* ... to kernel memory */
	CHECK(11, -14)
	SYSCALL4(54, "$0", "$0x5401", "%esp")		/* TCGETS: not a terminal */
	CHECK(12, -25)
	SYSCALL4(54, "$2", "$0x5413", "%esp")		/* TIOCGWINSZ */
	CHECK(13, -25)
	SYSCALL4(54, "$1", "$0x5402", "%esp")		/* TCSETS */
	CHECK(14, -25)
	SYSCALL4(54, "$3", "$0x541b", "%esp")		/* a descriptor that is not open */
	CHECK(15, -9)
	"lea 400(%esp), %ecx\n"
	"mov $383, %eax\n mov $1, %ebx\n mov $0x1000, %edx\n mov $0x7ff, %esi\n"
	"mov %esp, %edi\n int $0x80\n"			/* statx(1, "", AT_EMPTY_PATH) */
	CHECK(16, 0)
	"movzwl 28(%esp), %eax\n"			/* stx_mode */
	CHECK(17, 0x1180)
	"mov 4(%esp), %eax\n"				/* stx_blksize */
	CHECK(18, 4096)
	"mov 128(%esp), %eax\n"				/* stx_rdev_major */
	CHECK(19, 0)
	"mov $0, %ebx\n"
	SYS_EXIT_EBX);

KTEST(fd, standard_descriptors_are_pipes_to_fstat_statx_and_ioctl)
{
	unsigned long pages = nr_free_pages() + nr_slab_pages(), objs = nr_slab_objects();

	KTEST_EXPECT_EQ(run_program("fds", image, build_program(image, prog_fds, prog_fds_end)), 0);
	KTEST_EXPECT_EQ(nr_free_pages() + nr_slab_pages(), pages);
	KTEST_EXPECT_EQ(nr_slab_objects(), objs);
}
