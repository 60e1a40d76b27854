/*
 * What fs/namei.c and the rest of the VFS need from the kernel, for the host tests of
 * path lookup (tests/host/test_namei.c): one task as current (root's credentials, an
 * fs_struct and a descriptor table made by the VFS's own copy_fs/copy_files), caches
 * and kmalloc on malloc with live-object counts, the clock, user copies as plain
 * memory copies, RLIMIT_NOFILE. Pages come from fake_page_alloc.c.
 */
#include <stdlib.h>
#include <string.h>
#include <fdtable.h>
#include <resource.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <uapi/resource.h>
#include "fake_page_alloc.h"

static struct task_struct host_task;
struct task_struct *current = &host_task;
long host_live_objects;

struct kmem_cache {
	size_t size;
};

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned long flags, void (*ctor)(void *))
{
	struct kmem_cache *c = malloc(sizeof(*c));

	(void)name;
	(void)align;
	(void)flags;
	(void)ctor;
	c->size = size;
	return c;
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t flags)
{
	void *p = flags & __GFP_ZERO ? calloc(1, c->size) : malloc(c->size);

	host_live_objects += p != NULL;
	return p;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	(void)c;
	host_live_objects--;
	free(obj);
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p = flags & __GFP_ZERO ? calloc(1, size) : malloc(size);

	host_live_objects += p != NULL;
	return p;
}

void kfree(const void *p)
{
	if (!p)
		return;
	host_live_objects--;
	free((void *)p);
}

u64 ktime_get_real_ns(void)
{
	return 1700000000ULL * 1000000000ULL;
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

unsigned long clear_user(void *to, unsigned long n)
{
	memset(to, 0, n);
	return 0;
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	long n = strnlen(src, count);

	memcpy(dst, src, n < count ? n + 1 : n);
	return n;
}

static struct rlimit host_rlim[RLIM_NLIMITS];

const struct rlimit *task_rlim(const struct task_struct *tsk)
{
	(void)tsk;
	host_rlim[RLIMIT_NOFILE].rlim_cur = host_rlim[RLIMIT_NOFILE].rlim_max = 1024;
	return host_rlim;
}

unsigned long rlimit(unsigned int limit)
{
	return task_rlim(current)[limit].rlim_cur;
}

unsigned long rlimit_max(unsigned int limit)
{
	return task_rlim(current)[limit].rlim_max;
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = 0;
	}
	return len;
}

/* Never called by the tests (vfs_init is not): the console, /proc and the initramfs. */
void console_init(void)
{
}

void populate_rootfs(void)
{
}

void proc_root_init(void)
{
}
