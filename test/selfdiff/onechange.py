#!/usr/bin/env python3
"""Write a copy of a kernel object or module with one function changed.

Usage: onechange.py IN OUT   (prints the function's name)

The function is the first in the symbol table that livepatch can replace:
FUNC, at least 16 bytes, in an executable section other than .init.* and
.exit.*, with an ftrace entry (a relocation to __fentry__ in its first 16
bytes). One byte in its second half that no relocation covers is flipped,
so that create-diff-object must see exactly that function changed (an
undecodable instruction counts as changed) and take every special section
of the object through its entry-by-entry rebuild. Exit 3 when the object
has no such function. The selfdiff suite uses it on Debian's modules: real
compiler output, changed at run time, no binary file committed.
"""
import struct
import sys

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
SHDR = struct.Struct("<IIQQQQIIQQ")
SYM = struct.Struct("<IBBHQQ")
RELA = struct.Struct("<QQq")
SHT_SYMTAB, SHT_RELA, SHF_EXECINSTR, STT_FUNC = 2, 4, 4, 2
WIDTH = {1: 8, 2: 4, 4: 4, 9: 4, 10: 4, 11: 4, 24: 8}  # x86_64 relocation types


def cstr(data, off):
    return data[off:data.index(b"\0", off)].decode("latin-1")


def main():
    src, dst = sys.argv[1], sys.argv[2]
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
    for idx, (name, info, _, shndx, value, size) in enumerate(syms):
        if info & 0xf != STT_FUNC or size < 16 or not 0 < shndx < shnum:
            continue
        sec = secs[shndx]
        if not sec[2] & SHF_EXECINSTR or names[shndx].startswith((".init", ".exit")):
            continue
        r = rels.get(shndx, [])
        if not any(f and value <= off < value + 16 for off, _, f in r):
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
