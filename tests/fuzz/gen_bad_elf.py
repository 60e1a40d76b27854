#!/usr/bin/env python3
"""gen_bad_elf.py OUTDIR [SEED]: malformed ELF files for the kernel's loader, end to end.

Writes OUTDIR/NAME for each case and OUTDIR/cases, one line per file:
    NAME STATUS REASON
where STATUS is the exit status tools/run-elf must report (126: the kernel refused the
program) and REASON a fixed string the kernel's "exec: NAME: reason" line must contain
(the loader's messages, fs/binfmt_elf.c). The first case, "valid", is the ELF every other
case is cut from, unharmed: a program that exits with 0, so that a refusal is known to
come from the damage and not from the base.

The damage: empty and truncated files, bad magic, wrong class, byte order, machine and
type, bad program-header size or count, program headers outside the file, segments whose
file bytes lie outside the file, filesz > memsz, overlapping segments, too many segments,
kernel-space, stack-overlapping, wrapping and too-low addresses, an interpreter, no
loadable segment, an entry point outside every segment, and random bytes (with and
without the ELF magic), drawn from SEED (default 1), so a run is repeatable.

Relies on: only the Python 3 standard library (struct, random).
"""
import os
import random
import struct
import sys

EHDR = "<16sHHIIIIIHHHHHH"	# Elf32_Ehdr, 52 bytes
PHDR = "<IIIIIIII"		# Elf32_Phdr, 32 bytes
PT_LOAD, PT_INTERP, PT_NOTE = 1, 3, 4
BASE = 0x08048000
# mov eax, 1; xor ebx, ebx; int 0x80: exit(0)
CODE = bytes([0xb8, 1, 0, 0, 0, 0x31, 0xdb, 0xcd, 0x80])


def ident(cls=1, data=1):
    return b"\x7fELF" + bytes([cls, data, 1, 0]) + bytes(8)


def elf(phdrs, entry=None, machine=3, etype=2, cls=1, data=1, phentsize=32,
        phnum=None, phoff=52, tail=CODE, extra=b""):
    """An ELF file: header, program headers at phoff, then tail (the code)."""
    if phnum is None:
        phnum = len(phdrs)
    if entry is None:	# the code, right after the program headers
        entry = BASE + phoff + 32 * len(phdrs) + len(extra)
    eh = struct.pack(EHDR, ident(cls, data), etype, machine, 1, entry, phoff, 0, 0, 52,
                     phentsize, phnum, 40, 0, 0)
    ph = b"".join(struct.pack(PHDR, *p) for p in phdrs)
    return eh + ph + extra + tail


def load(vaddr=BASE, offset=0, filesz=None, memsz=None, flags=5):
    """A PT_LOAD covering the file from offset (the whole small file by default)."""
    if filesz is None:
        filesz = 0x200
    if memsz is None:
        memsz = filesz
    return (PT_LOAD, offset, vaddr, vaddr, filesz, memsz, flags, 0x1000)


def valid_file():
    """One PT_LOAD mapping the whole file at BASE; the entry is the code after it."""
    body = elf([load(filesz=0, memsz=0)])	# sizes fixed below
    size = len(body)
    return elf([load(filesz=size, memsz=size)], entry=BASE + 52 + 32)


def cases(seed):
    v = valid_file()
    size = len(v)
    entry = BASE + 52 + 32
    ok = load(filesz=size, memsz=size)
    c = []

    def add(name, data, reason, status=126):
        c.append((name, data, status, reason))

    add("valid", v, "-", 0)
    add("empty", b"", "bad magic")
    add("three_bytes", v[:3], "bad magic")
    add("bad_magic", b"\x7fELG" + v[4:], "bad magic")
    add("truncated_ehdr", v[:40], "truncated ELF header")
    add("class64", elf([ok], entry, cls=2), "not a 32-bit ELF file")
    add("class_none", elf([ok], entry, cls=0), "not a 32-bit ELF file")
    add("big_endian", elf([ok], entry, data=2), "not a little-endian ELF file")
    add("machine_x86_64", elf([ok], entry, machine=62), "wrong machine 62")
    add("machine_arm", elf([ok], entry, machine=40), "wrong machine 40")
    add("type_dyn", elf([ok], entry, etype=3), "position-independent executable")
    add("type_rel", elf([ok], entry, etype=1), "not an executable (ELF type 1)")
    add("type_core", elf([ok], entry, etype=4), "not an executable (ELF type 4)")
    add("phentsize", elf([ok], entry, phentsize=56), "bad program header size 56")
    add("no_phdrs", elf([ok], entry, phnum=0), "no program headers")
    add("phdrs_past_end", elf([ok], entry, phoff=0x10000), "program headers (offset 0x10000")
    add("phdrs_wrap", elf([ok], entry, phoff=0xffffffe0), "past the end of the file")
    add("phnum_huge", elf([ok], entry, phnum=0xffff), "past the end of the file")
    add("filesz_gt_memsz", elf([load(filesz=size, memsz=size - 1)], entry),
        "larger than memory size")
    add("bytes_past_end", elf([load(filesz=size + 0x1000, memsz=size + 0x1000)], entry),
        "past the end of the file")
    add("offset_wrap", elf([load(offset=0xfffff000, filesz=0x2000, memsz=0x2000)], entry),
        "past the end of the file")
    add("kernel_space", elf([load(vaddr=0xc0000000, filesz=size, memsz=size)], 0xc0000054),
        "reaches into kernel space")
    add("straddles_kernel", elf([load(vaddr=0xbffff000, filesz=size, memsz=0x2000)],
                                0xbffff054), "reaches into kernel space")
    add("vaddr_wrap", elf([load(vaddr=0xfffff000, filesz=size, memsz=0x2000)], 0xfffff054),
        "reaches into kernel space")
    add("memsz_huge", elf([load(filesz=size, memsz=0xffffffff)], entry),
        "reaches into kernel space")
    add("overlaps_stack", elf([load(vaddr=0xbff00000, filesz=size, memsz=0x100000)],
                              0xbff00054), "overlaps the stack")
    add("below_min_addr", elf([load(vaddr=0x1000, filesz=size, memsz=size)], 0x1054),
        "the lowest address a program may map")
    add("vaddr_zero", elf([load(vaddr=0, filesz=size, memsz=size)], 0x54),
        "the lowest address a program may map")
    two = [load(filesz=0x80, memsz=0x80), load(vaddr=BASE + 0x40, offset=0x40, filesz=0x40)]
    add("overlapping", elf(two, tail=CODE + bytes(0x80)), "segments 0 and 1 overlap")
    add("same_segment_twice", elf([ok, ok]), "segments 0 and 1 overlap")
    many = [load(vaddr=BASE + 0x1000 * i, filesz=0x10, memsz=0x10) for i in range(17)]
    add("too_many_segments", elf(many, entry), "more than 16 loadable segments")
    interp = (PT_INTERP, 0, 0, 0, 0x10, 0x10, 4, 1)
    add("interpreter", elf([interp, ok], entry), "dynamically linked")
    note = (PT_NOTE, 0, 0, 0, 0x10, 0x10, 4, 4)
    add("no_load", elf([note], entry), "no loadable segment")
    add("entry_outside", elf([ok], 0x09000000), "entry point 0x09000000 is outside")
    add("entry_zero", elf([ok], 0), "entry point 0x00000000 is outside")

    rng = random.Random(seed)
    for i in range(8):
        add("random_%d" % i, bytes(rng.randrange(256) for _ in range(rng.randrange(1, 600))),
            "bad magic")
    for i in range(8):
        # The magic, then noise: some other check must refuse it.
        add("magic_noise_%d" % i,
            b"\x7fELF" + bytes(rng.randrange(256) for _ in range(rng.randrange(0, 600))),
            "")
    for i in range(8):
        # A valid header with its program header overwritten by noise.
        noise = bytes(rng.randrange(256) for _ in range(32))
        add("phdr_noise_%d" % i, v[:52] + noise + v[84:], "")
    return c


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gen_bad_elf.py OUTDIR [SEED]")
    out = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) == 3 else 1
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "cases"), "w") as f:
        for name, data, status, reason in cases(seed):
            with open(os.path.join(out, name), "wb") as g:
                g.write(data)
            f.write("%s %d %s\n" % (name, status, reason))


if __name__ == "__main__":
    main()
