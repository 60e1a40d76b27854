/*
 * vdso_clock: the vDSO a libc finds through AT_SYSINFO_EHDR, and the clocks it answers
 * without a system call (glibc and musl call __vdso_clock_gettime64, __vdso_gettimeofday,
 * __vdso_time from it when it is there).
 *
 * Printed: the ELF header at AT_SYSINFO_EHDR, AT_SYSINFO inside that object, the
 * dynamic symbols the libcs look up with their versions (walked through the object's own
 * PT_DYNAMIC, as a libc does); then, once CLOCK_MONOTONIC has passed 0.3 s (the kernel
 * here knows the TSC rate from 0.11 s on; before that its vDSO makes the system call),
 * the libc's clock_gettime never goes backwards over many calls and stays close to the
 * system call's; gettimeofday and time agree with CLOCK_REALTIME; a CPU-time clock and a
 * bad clock id (answered by the system call behind the vDSO) give the kernel's answers.
 * Only yes/no and error names are printed, so the output is the same on every kernel.
 */
#include <elf.h>
#include <sys/auxv.h>
#include <sys/time.h>
#include <time.h>
#include "abi.h"

/* <errno.h> needs the kernel's asm headers, which the 32-bit build may lack. */
extern int *__errno_location(void);
#define EINVAL_NR	22

struct dso {
	const unsigned char *base;
	const Elf32_Sym *sym;
	const char *str;
	const Elf32_Half *versym;
	const Elf32_Verdef *verdef;
	unsigned int nsyms;
};

/* The loaded object's tables; its addresses are offsets from where it is mapped. */
static int dso_open(struct dso *d, unsigned long base)
{
	const Elf32_Ehdr *eh = (const void *)base;
	const Elf32_Phdr *ph = (const void *)(base + eh->e_phoff);
	const Elf32_Dyn *dyn = NULL;
	unsigned long load = 0;
	int i, have_load = 0;

	memset(d, 0, sizeof(*d));
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_load) {
			load = base + ph[i].p_offset - ph[i].p_vaddr;
			have_load = 1;
		}
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const void *)(base + ph[i].p_offset);
	}
	if (!dyn || !have_load)
		return -1;
	d->base = (const void *)load;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		const void *p = d->base + dyn->d_un.d_ptr;

		switch (dyn->d_tag) {
		case DT_HASH: d->nsyms = ((const Elf32_Word *)p)[1]; break;
		case DT_STRTAB: d->str = p; break;
		case DT_SYMTAB: d->sym = p; break;
		case DT_VERSYM: d->versym = p; break;
		case DT_VERDEF: d->verdef = p; break;
		}
	}
	return d->nsyms && d->str && d->sym && d->versym && d->verdef ? 0 : -1;
}

static const char *version_of(const struct dso *d, unsigned int ndx)
{
	const Elf32_Verdef *v = d->verdef;

	for (;;) {
		if (v->vd_ndx == (ndx & 0x7fff))
			return d->str + ((const Elf32_Verdaux *)((const char *)v + v->vd_aux))->vda_name;
		if (!v->vd_next)
			return "?";
		v = (const void *)((const char *)v + v->vd_next);
	}
}

static const Elf32_Sym *dso_sym(const struct dso *d, const char *name, const char **ver)
{
	unsigned int i;

	for (i = 1; i < d->nsyms; i++) {
		if (!strcmp(d->str + d->sym[i].st_name, name) && d->sym[i].st_shndx != SHN_UNDEF) {
			*ver = version_of(d, d->versym[i]);
			return &d->sym[i];
		}
	}
	return NULL;
}

static long long ts_ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void)
{
	static const char *const names[] = {
		"__kernel_vsyscall", "__kernel_sigreturn", "__kernel_rt_sigreturn",
		"__vdso_clock_gettime", "__vdso_clock_gettime64", "__vdso_gettimeofday",
		"__vdso_time", "__vdso_clock_getres",
	};
	unsigned long ehdr = getauxval(AT_SYSINFO_EHDR), sysinfo = getauxval(AT_SYSINFO);
	struct timespec a, b, r;
	struct timeval tv;
	struct dso d;
	struct { long long sec, nsec; } k64;	/* the system call's own timespec */
	long long prev, worst = 0, k;
	int i, backwards = 0;
	time_t t;

	out("AT_SYSINFO_EHDR is nonzero: %s\n", yesno(ehdr != 0));
	if (!ehdr)
		return 1;
	out("the ELF magic is there: %s\n", yesno(!memcmp((void *)ehdr, ELFMAG, SELFMAG)));
	out("a 32-bit shared object: %s\n",
	    yesno(((Elf32_Ehdr *)ehdr)->e_ident[EI_CLASS] == ELFCLASS32 &&
		  ((Elf32_Ehdr *)ehdr)->e_type == ET_DYN));
	out("AT_SYSINFO lies in it (within 8 KiB): %s\n",
	    yesno(sysinfo > ehdr && sysinfo < ehdr + 8192));
	out("its dynamic tables can be read: %s\n", yesno(dso_open(&d, ehdr) == 0));
	for (i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++) {
		const char *ver = "";
		const Elf32_Sym *s = dso_sym(&d, names[i], &ver);

		out("%s: %s%s%s\n", names[i], s ? "defined, version " : "missing", s ? ver : "",
		    s && names[i][2] == 'k' && (unsigned long)d.base + s->st_value == sysinfo ?
		    " (AT_SYSINFO)" : "");
	}

	do
		clock_gettime(CLOCK_MONOTONIC, &a);
	while (ts_ns(&a) < 300000000LL);
	prev = ts_ns(&a);
	for (i = 0; i < 20000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		backwards += ts_ns(&a) < prev;
		prev = ts_ns(&a);
	}
	out("CLOCK_MONOTONIC never went backwards in 20000 calls: %s\n", yesno(!backwards));
	for (i = 0; i < 100; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		sc(SYS_clock_gettime64, CLOCK_MONOTONIC, (long)&k64, 0, 0, 0, 0);
		clock_gettime(CLOCK_MONOTONIC, &b);
		/* the system call's reading lies between the two libc readings */
		k = k64.sec * 1000000000LL + k64.nsec;
		if (k < ts_ns(&a) || k > ts_ns(&b))
			worst++;
	}
	out("the system call's CLOCK_MONOTONIC lies between two of the libc's: %s\n",
	    yesno(worst == 0));
	clock_gettime(CLOCK_REALTIME, &a);
	gettimeofday(&tv, NULL);
	clock_gettime(CLOCK_REALTIME, &b);
	k = (long long)tv.tv_sec * 1000000000LL + tv.tv_usec * 1000LL;
	out("gettimeofday lies between two CLOCK_REALTIME readings (to the microsecond): %s\n",
	    yesno(k >= ts_ns(&a) / 1000 * 1000 && k <= ts_ns(&b)));
	out("tv_usec below 1000000: %s\n", yesno(tv.tv_usec >= 0 && tv.tv_usec < 1000000));
	clock_gettime(CLOCK_REALTIME, &a);
	t = time(NULL);
	clock_gettime(CLOCK_REALTIME, &b);
	out("time() is CLOCK_REALTIME's seconds (to a tick): %s\n",
	    yesno(t >= a.tv_sec - 1 && t <= b.tv_sec));
	out("the wall clock is past 2020: %s\n", yesno(a.tv_sec > 1577836800));
	clock_gettime(CLOCK_MONOTONIC_COARSE, &a);
	clock_gettime(CLOCK_MONOTONIC, &b);
	out("CLOCK_MONOTONIC_COARSE is not ahead of CLOCK_MONOTONIC: %s\n",
	    yesno(ts_ns(&a) <= ts_ns(&b)));
	out("clock_gettime(CLOCK_PROCESS_CPUTIME_ID): %s\n",
	    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a) ? "failed" : "ok");
	*__errno_location() = 0;
	out("clock_gettime(clock 99): %s\n",
	    clock_gettime(99, &a) == -1 && *__errno_location() == EINVAL_NR ? "EINVAL" : "wrong");
	clock_getres(CLOCK_MONOTONIC, &r);
	out("clock_getres(CLOCK_MONOTONIC): %ld s %ld ns\n", (long)r.tv_sec, r.tv_nsec);
	clock_getres(CLOCK_MONOTONIC_COARSE, &r);
	out("clock_getres(CLOCK_MONOTONIC_COARSE) is between 1 and 10 ms: %s\n",
	    yesno(r.tv_sec == 0 && r.tv_nsec >= 1000000 && r.tv_nsec <= 10000000));
	return 0;
}
