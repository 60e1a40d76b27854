/*
 * The initramfs (Linux's init/initramfs.c): Multiboot modules that are cpio newc
 * archives (they start with "070701") are unpacked into the root ramfs at boot, in
 * module order; kernel/run_elf.c does not run them as programs.
 *
 * Each archive is checked whole first (fs/cpio.c): a truncated header, a bad magic, a
 * name or data running past the end, or a missing trailer refuses the whole archive
 * with a message naming the offset, and the kernel boots on without it. Then its
 * entries are made: directories, regular files (their data copied into the file's
 * pages), symlinks, with the archive's mode, owner and mtime. Device nodes, FIFOs and
 * sockets are skipped with a message (there are no devices yet), and so are hard links
 * (an entry of nlink > 1 is made as a file of its own; docs/files.md). A name that
 * cannot be made (its directory missing, say) is reported and skipped.
 *
 * Relies on: cpio_next, namei (do_mkdirat, do_symlinkat, do_filp_open), mapping pages.
 */
#include <namei.h>
#include <cpio.h>
#include <err.h>
#include <kernel.h>
#include <mm.h>
#include <multiboot.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

bool is_initramfs(const void *data, size_t len)
{
	return len >= 6 && !memcmp(data, CPIO_MAGIC, 6);
}

/* The whole archive must parse up to its trailer; else a message and -EINVAL. */
static int check_archive(const void *data, size_t len, const char *what)
{
	struct cpio_entry e;
	size_t pos = 0;
	enum cpio_status st;

	while ((st = cpio_next(data, len, &pos, &e)) == CPIO_OK)
		;
	if (st == CPIO_END)
		return 0;
	pr_err("initramfs: %s refused: %s at offset %zu (0x%zx) of %zu bytes; "
	       "booting without it\n", what, cpio_strerror(st), pos, pos, len);
	return -EINVAL;
}

/* Regular file data: straight into the page table (the kernel's own copy). */
static int fill_file(struct inode *inode, const char *data, size_t size)
{
	size_t done = 0;

	while (done < size) {
		struct page *page = mapping_get_page(inode->i_mapping, done >> PAGE_SHIFT, true);
		size_t n = min((size_t)PAGE_SIZE, size - done);

		if (!page)
			return -ENOMEM;
		memcpy(page_address(page), data + done, n);
		done += n;
	}
	inode->i_size = size;
	return 0;
}

static void set_attrs(char *name, const struct cpio_entry *e)
{
	struct dentry *dentry;
	struct inode *inode;

	if (filename_lookup(AT_FDCWD, name, 0, &dentry))
		return;
	inode = dentry->d_inode;
	inode->i_mode = (inode->i_mode & S_IFMT) | (e->mode & S_IALLUGO);
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	inode->i_mtime.tv_sec = e->mtime;
	inode->i_mtime.tv_nsec = 0;
	dput(dentry);
}

static int make_entry(const struct cpio_entry *e, char *name, char *scratch)
{
	umode_t type = e->mode & S_IFMT;
	struct file *file;
	long err;

	switch (type) {
	case S_IFDIR:
		strlcpy(scratch, name, PATH_MAX);
		err = do_mkdirat(AT_FDCWD, scratch, e->mode & 07777);
		if (err == -EEXIST)
			err = 0;	/* "." or a directory given twice: attributes only */
		break;
	case S_IFREG:
		strlcpy(scratch, name, PATH_MAX);
		file = do_filp_open(AT_FDCWD, scratch, O_CREAT | O_WRONLY | O_TRUNC,
				    e->mode & 07777);
		if (IS_ERR(file))
			return PTR_ERR(file);
		err = fill_file(file->f_inode, e->data, e->filesize);
		fput(file);
		break;
	case S_IFLNK:
		if (e->filesize >= PATH_MAX)
			return -ENAMETOOLONG;
		memcpy(scratch, e->data, e->filesize);
		scratch[e->filesize] = 0;
		{
			char *where = kmalloc(PATH_MAX, GFP_KERNEL);

			if (!where)
				return -ENOMEM;
			strlcpy(where, name, PATH_MAX);
			err = do_symlinkat(scratch, AT_FDCWD, where);
			kfree(where);
		}
		return err;		/* a symlink's own mode and owner do not matter */
	default:
		pr_warn("initramfs: %s: %s skipped (no devices, FIFOs or sockets yet)\n",
			name, type == S_IFCHR || type == S_IFBLK ? "device node" : "special file");
		return 0;
	}
	if (!err) {
		strlcpy(scratch, name, PATH_MAX);
		set_attrs(scratch, e);
	}
	return err;
}

int unpack_to_rootfs(const void *data, size_t len)
{
	struct cpio_entry e;
	size_t pos = 0;
	char *name, *scratch;
	int made = 0, failed = 0;

	if (check_archive(data, len, "archive"))
		return -EINVAL;
	name = kmalloc(PATH_MAX, GFP_KERNEL);
	scratch = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!name || !scratch) {
		kfree(name);
		kfree(scratch);
		return -ENOMEM;
	}
	while (cpio_next(data, len, &pos, &e) == CPIO_OK) {
		const char *n = e.name;
		long err;

		while (n[0] == '.' && n[1] == '/')
			n += 2;
		/* Names are relative to the root, whatever the archive says. */
		name[0] = '/';
		strlcpy(name + 1, n[0] == '/' ? n + 1 : n, PATH_MAX - 1);
		if (!strcmp(name, "/.") || !strcmp(name, "/")) {
			strlcpy(name, "/", PATH_MAX);
			set_attrs(name, &e);
			continue;
		}
		err = make_entry(&e, name, scratch);
		if (err) {
			pr_err("initramfs: %s (entry at offset %zu): error %ld, skipped\n",
			       name, e.offset, err);
			failed++;
		} else {
			made++;
		}
	}
	kfree(name);
	kfree(scratch);
	pr_info("initramfs: unpacked %d entries into /%s\n", made,
		failed ? " (some failed: see above)" : "");
	return failed ? -EIO : 0;
}

void populate_rootfs(void)
{
	const struct multiboot_info *mbi = boot_mbi;
	const struct multiboot_mod_list *mods;
	u32 i;

	if (!mbi || !(mbi->flags & MULTIBOOT_INFO_MODS))
		return;
	mods = __va(mbi->mods_addr);
	for (i = 0; i < mbi->mods_count; i++) {
		const void *data = __va(mods[i].mod_start);
		size_t len = mods[i].mod_end - mods[i].mod_start;

		if (mods[i].mod_end < mods[i].mod_start ||
		    mods[i].mod_end > (max_low_pfn << PAGE_SHIFT) || !is_initramfs(data, len))
			continue;
		pr_info("initramfs: module %u, %zu bytes\n", i, len);
		unpack_to_rootfs(data, len);
	}
}
