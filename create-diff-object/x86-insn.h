/* A length decoder for x86-64 instructions: enough to walk a function
 * instruction by instruction and to say which register a few plain
 * instructions write. Anything it does not know it reports as undecodable,
 * and callers then treat the code as changed. */
#ifndef CDO_X86_INSN_H
#define CDO_X86_INSN_H
#include <stdbool.h>
#include <stddef.h>

struct insn {
	size_t len;			/* 0: undecodable */
	unsigned char map;		/* 1: one-byte opcode, 2: 0f xx, 3: 0f 38 xx, 4: 0f 3a xx */
	unsigned char op;		/* the opcode byte within its map */
	unsigned char rex;		/* 0 when absent */
	bool opsize16;			/* 66 prefix */
	bool has_modrm;
	unsigned char modrm;
	size_t imm_off, imm_len;	/* immediate (or rel8/rel32), offsets within the instruction */
};

/* Decode the instruction at CODE (at most AVAIL bytes). */
struct insn insn_decode(const unsigned char *code, size_t avail);

/* Register number (0 rax ... 7 rdi, 8-15 r8-r15) that a plain instruction
 * writes: INSN_WRITES_NONE when it writes no general register (a store,
 * a compare, a nop), INSN_WRITES_UNKNOWN when it is not one we know. */
enum { INSN_WRITES_NONE = -1, INSN_WRITES_UNKNOWN = -2 };
int insn_dest_reg(const struct insn *in);

#endif
