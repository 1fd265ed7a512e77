#!/usr/bin/env python3
"""Write a copy of a kernel object or module with one function or one
constant changed.

Usage: onechange.py IN OUT [func|data]   (prints the symbol's name)

func (the default): the first function in the symbol table that livepatch
can replace: FUNC, at least 16 bytes, in an executable section other than
.init.* and .exit.*, with an ftrace entry (a relocation to __fentry__ in its
first 16 bytes). data: the first read-only constant that code reads:
OBJECT, at least 4 bytes, in an allocated, read-only, non-executable
PROGBITS section named .rodata*, outside .init.*/.exit.* data, the target
of a relocation of executable code (a function's name that only a
dynamic-debug descriptor points at changes with a rename only, which makes
a new function). One byte in the second half of the
symbol that no relocation covers is flipped, so that create-diff-object
must see exactly that symbol changed (an undecodable instruction counts as
changed) and take every special section of the object through its
entry-by-entry rebuild (and, for a constant, copy it and patch its
readers, or refuse). Exit 3 when the object has no such symbol. The
selfdiff suite uses it on real objects: compiler output changed at run
time, no binary file committed.
"""
import struct
import sys

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
SHDR = struct.Struct("<IIQQQQIIQQ")
SYM = struct.Struct("<IBBHQQ")
RELA = struct.Struct("<QQq")
SHT_PROGBITS, SHT_SYMTAB, SHT_RELA = 1, 2, 4
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR = 1, 2, 4
STT_OBJECT, STT_FUNC, STT_SECTION = 1, 2, 3
WIDTH = {1: 8, 2: 4, 4: 4, 9: 4, 10: 4, 11: 4, 24: 8}  # x86_64 relocation types


def cstr(data, off):
    return data[off:data.index(b"\0", off)].decode("latin-1")


def wanted(mode, typ, size, sec, secname):
    """Is a symbol of TYP and SIZE in SEC (its header) one to change?"""
    if secname.startswith((".init", ".exit")):
        return False
    if mode == "func":
        return typ == STT_FUNC and size >= 16 and bool(sec[2] & SHF_EXECINSTR)
    return (typ == STT_OBJECT and size >= 4 and sec[1] == SHT_PROGBITS and secname.startswith(".rodata")
            and sec[2] & (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR) == SHF_ALLOC)


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[3:] not in ([], ["func"], ["data"]):
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) == 4 else "func"
    data = bytearray(open(src, "rb").read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit("%s: not a little-endian 64-bit ELF file" % src)
    e = EHDR.unpack_from(data)
    shoff, shentsize, shnum, shstrndx = e[6], e[11], e[12], e[13]
    secs = [SHDR.unpack_from(data, shoff + i * shentsize) for i in range(shnum)]
    names = [cstr(data, secs[shstrndx][4] + s[0]) for s in secs]
    symtab = next(i for i, s in enumerate(secs) if s[1] == SHT_SYMTAB)
    st = secs[symtab]
    strtab = secs[st[6]][4]
    syms = [SYM.unpack_from(data, st[4] + i * SYM.size) for i in range(st[5] // SYM.size)]
    symname = [cstr(data, strtab + s[0]) for s in syms]
    fentry = {i for i, n in enumerate(symname) if n == "__fentry__"}
    # relocations of each section: (offset, width, is a call of __fentry__)
    rels = {}
    for s in secs:
        if s[1] == SHT_RELA and s[6] == symtab:
            lst = rels.setdefault(s[7], [])
            for k in range(s[5] // RELA.size):
                off, info, _ = RELA.unpack_from(data, s[4] + k * RELA.size)
                lst.append((off, WIDTH.get(info & 0xffffffff, 8), (info >> 32) in fentry))
    read_by_code = set()  # symbol indexes, and (section, offset) pairs
    for s in secs if mode == "data" else []:
        if s[1] == SHT_RELA and s[6] == symtab and secs[s[7]][2] & SHF_EXECINSTR:
            for k in range(s[5] // RELA.size):
                _, info, addend = RELA.unpack_from(data, s[4] + k * RELA.size)
                t = syms[info >> 32]
                if t[1] & 0xf == STT_SECTION:  # PC32, PLT32: the field is 4 before the next insn
                    read_by_code.add((t[3], addend + 4 if info & 0xffffffff in (2, 4) else addend))
                else:
                    read_by_code.add(info >> 32)
    for idx, (name, info, _, shndx, value, size) in enumerate(syms):
        if not 0 < shndx < shnum or not wanted(mode, info & 0xf, size, secs[shndx], names[shndx]):
            continue
        if mode == "data" and idx not in read_by_code and not any(
                (shndx, off) in read_by_code for off in range(value, value + size)):
            continue
        sec = secs[shndx]
        r = rels.get(shndx, [])
        if mode == "func" and not any(f and value <= off < value + 16 for off, _, f in r):
            continue
        covered = {b for off, w, _ in r for b in range(off, off + w)}
        for at in range(value + size // 2, value + size):
            if at not in covered:
                data[sec[4] + at] ^= 0x01
                open(dst, "wb").write(data)
                print(symname[idx])
                return
    sys.exit(3)


if __name__ == "__main__":
    main()
