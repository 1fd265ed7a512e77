#!/usr/bin/env python3
"""Make a hostile ELF file from a normal x86_64 relocatable object.

Usage: elfmangle.py FILE OP [ARGS...]   (FILE is changed in place)

  ehdr FIELD VALUE          class, data, machine, type, shoff
  shdr SECTION FIELD VALUE  type, flags, offset, size, link, info,
                            addralign, entsize of the section named SECTION
  rela-addend SECTION VALUE the first relocation of SECTION (a .rela
                            section) against a section symbol gets r_addend
                            VALUE
  sym-empty-name TYPE       the first local symbol of TYPE (OBJECT, FUNC)
                            gets an empty name (st_name 0)
  shdr-unaligned            the section header table moves to the end of
                            the file at an offset that is 4 mod 8

VALUE is a number (0x... allowed) or, for a section type, NOBITS,
PROGBITS, ... The test suites use it to write each hostile input at run
time from an object just compiled, so no binary file is committed.
"""
import struct
import sys

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
SHDR = struct.Struct("<IIQQQQIIQQ")
SYM = struct.Struct("<IBBHQQ")
RELA = struct.Struct("<QQq")
EHDR_FIELDS = {"type": 1, "machine": 2, "shoff": 6}
IDENT_FIELDS = {"class": 4, "data": 5}
SHDR_FIELDS = ["name", "type", "flags", "addr", "offset", "size", "link", "info",
               "addralign", "entsize"]
SHT = {"NULL": 0, "PROGBITS": 1, "SYMTAB": 2, "STRTAB": 3, "RELA": 4, "NOBITS": 8}
STT = {"NOTYPE": 0, "OBJECT": 1, "FUNC": 2}


def number(text):
    return SHT[text] if text in SHT else int(text, 0)


class Elf:
    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.data = bytearray(f.read())
        self.ehdr = list(EHDR.unpack_from(self.data, 0))

    def save(self):
        with open(self.path, "wb") as f:
            f.write(self.data)

    @property
    def shoff(self):
        return self.ehdr[6]

    def shdr_at(self, idx):
        return self.shoff + idx * SHDR.size

    def shdr(self, idx):
        return list(SHDR.unpack_from(self.data, self.shdr_at(idx)))

    def put_shdr(self, idx, fields):
        SHDR.pack_into(self.data, self.shdr_at(idx), *fields)

    def string(self, sec, off):
        sh = self.shdr(sec)
        start = sh[4] + off
        return bytes(self.data[start:self.data.index(0, start)]).decode()

    def section(self, name):
        shstrndx = self.ehdr[13]
        for idx in range(1, self.ehdr[12]):
            if self.string(shstrndx, self.shdr(idx)[0]) == name:
                return idx
        sys.exit(f"elfmangle: {self.path}: no section {name}")

    def first_of_type(self, sh_type):
        for idx in range(1, self.ehdr[12]):
            if self.shdr(idx)[1] == sh_type:
                return idx
        sys.exit(f"elfmangle: {self.path}: no section of type {sh_type}")


def op_ehdr(elf, field, value):
    if field in IDENT_FIELDS:
        elf.data[IDENT_FIELDS[field]] = number(value)
    else:
        elf.ehdr[EHDR_FIELDS[field]] = number(value)
        EHDR.pack_into(elf.data, 0, *elf.ehdr)


def op_shdr(elf, name, field, value):
    idx = elf.section(name)
    sh = elf.shdr(idx)
    sh[SHDR_FIELDS.index(field)] = number(value)
    elf.put_shdr(idx, sh)


def op_sym_empty_name(elf, sym_type):
    symtab = elf.first_of_type(SHT["SYMTAB"])
    sh = elf.shdr(symtab)
    for off in range(sh[4] + SYM.size, sh[4] + sh[5], SYM.size):
        name, info, other, shndx, value, size = SYM.unpack_from(elf.data, off)
        if info >> 4 == 0 and info & 0xf == STT[sym_type]:
            SYM.pack_into(elf.data, off, 0, info, other, shndx, value, size)
            return
    sys.exit(f"elfmangle: {elf.path}: no local {sym_type} symbol")


def op_rela_addend(elf, name, value):
    rela = elf.shdr(elf.section(name))
    symtab = elf.shdr(rela[6])
    for off in range(rela[4], rela[4] + rela[5], RELA.size):
        r_offset, r_info, _ = RELA.unpack_from(elf.data, off)
        sym = SYM.unpack_from(elf.data, symtab[4] + (r_info >> 32) * SYM.size)
        if sym[1] & 0xf == 3:  # STT_SECTION
            RELA.pack_into(elf.data, off, r_offset, r_info, int(value, 0))
            return
    sys.exit(f"elfmangle: {elf.path}: {name} has no relocation against a section symbol")


def op_shdr_unaligned(elf):
    table = bytes(elf.data[elf.shoff:elf.shoff + elf.ehdr[12] * SHDR.size])
    while len(elf.data) % 8 != 4:
        elf.data.append(0)
    elf.ehdr[6] = len(elf.data)
    EHDR.pack_into(elf.data, 0, *elf.ehdr)
    elf.data += table


OPS = {"ehdr": (op_ehdr, 2), "shdr": (op_shdr, 3), "sym-empty-name": (op_sym_empty_name, 1),
       "rela-addend": (op_rela_addend, 2),
       "shdr-unaligned": (op_shdr_unaligned, 0)}


def main(argv):
    if len(argv) < 3 or argv[2] not in OPS or len(argv) - 3 != OPS[argv[2]][1]:
        sys.exit(__doc__)
    elf = Elf(argv[1])
    OPS[argv[2]][0](elf, *argv[3:])
    elf.save()


if __name__ == "__main__":
    main(sys.argv)
