/* x86-64 instruction lengths (see x86-insn.h). One letter per opcode says
 * what follows it:
 *   .  nothing            m  ModRM            b  ModRM + imm8
 *   z  ModRM + imm16/32   i  imm8 (or rel8)   w  imm16
 *   Z  imm16/32           V  imm16/32/64      D  rel32
 *   o  moffs (8 bytes)    e  imm16 + imm8     g/G  f6/f7: ModRM, imm8/imm16/32 for /0 /1
 *   2  0f escape          3  0f 38 escape     4  0f 3a escape
 *   p  prefix (taken before the opcode)       x  invalid in 64-bit mode, or VEX/EVEX
 *      (not decoded: callers treat such code as changed)
 */
#include "x86-insn.h"

static const char map1[256 + 1] =
	/* 0123456789abcdef */
	"mmmmiZxxmmmmiZx2"	/* 0x */
	"mmmmiZxxmmmmiZxx"	/* 1x */
	"mmmmiZpxmmmmiZpx"	/* 2x */
	"mmmmiZpxmmmmiZpx"	/* 3x */
	"pppppppppppppppp"	/* 4x: REX */
	"................"	/* 5x */
	"xxxmppppZzib...."	/* 6x */
	"iiiiiiiiiiiiiiii"	/* 7x */
	"bzxbmmmmmmmmmmmm"	/* 8x */
	"..........x....."	/* 9x */
	"oooo....iZ......"	/* ax */
	"iiiiiiiiVVVVVVVV"	/* bx */
	"bbw.xxbze.w..ix."	/* cx */
	"mmmmxxx.mmmmmmmm"	/* dx */
	"iiiiiiiiDDxi...."	/* ex */
	"p.pp..gG......mm";	/* fx */

static const char map2[256 + 1] =
	/* 0123456789abcdef */
	"mmmmx.....x.xm.b"	/* 0f 0x */
	"mmmmmmmmmmmmmmmm"	/* 0f 1x */
	"mmmmxxxxmmmmmmmm"	/* 0f 2x */
	"......x.3x4xxxxx"	/* 0f 3x */
	"mmmmmmmmmmmmmmmm"	/* 0f 4x: cmov */
	"mmmmmmmmmmmmmmmm"	/* 0f 5x */
	"mmmmmmmmmmmmmmmm"	/* 0f 6x */
	"bbbbmmm.mmxxmmmm"	/* 0f 7x */
	"DDDDDDDDDDDDDDDD"	/* 0f 8x: jcc rel32 */
	"mmmmmmmmmmmmmmmm"	/* 0f 9x: setcc */
	"...mbmxx...mbmmm"	/* 0f ax */
	"mmmmmmmmmmbmmmmm"	/* 0f bx */
	"mmbmbbbm........"	/* 0f cx */
	"mmmmmmmmmmmmmmmm"	/* 0f dx */
	"mmmmmmmmmmmmmmmm"	/* 0f ex */
	"mmmmmmmmmmmmmmmm";	/* 0f fx */

static bool is_legacy_prefix(unsigned char b)
{
	static const unsigned char prefixes[] = { 0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x2e, 0x36, 0x3e, 0x26, 0x64, 0x65 };

	for (size_t i = 0; i < sizeof(prefixes); i++)
		if (b == prefixes[i])
			return true;
	return false;
}

/* Bytes of ModRM, SIB and displacement at CODE, or 0 when cut short. */
static size_t modrm_len(const unsigned char *code, size_t avail)
{
	unsigned char modrm, mod, rm;
	size_t len = 1;

	if (avail < 1)
		return 0;
	modrm = code[0];
	mod = modrm >> 6;
	rm = modrm & 7;
	if (mod != 3 && rm == 4) {
		if (avail < 2)
			return 0;
		len++;
		if (mod == 0 && (code[1] & 7) == 5)
			len += 4;
	} else if (mod == 0 && rm == 5) {
		len += 4;		/* RIP-relative */
	}
	if (mod == 1)
		len += 1;
	else if (mod == 2)
		len += 4;
	return len <= avail ? len : 0;
}

struct insn insn_decode(const unsigned char *code, size_t avail)
{
	struct insn in = { 0 };
	bool addr32 = false;
	size_t i = 0, imm = 0;
	char kind;

	if (avail > 15)
		avail = 15;
	while (i < avail && is_legacy_prefix(code[i])) {
		in.opsize16 |= code[i] == 0x66;
		addr32 |= code[i] == 0x67;
		i++;
	}
	if (i < avail && (code[i] & 0xf0) == 0x40)
		in.rex = code[i++];
	if (i >= avail)
		return (struct insn){ 0 };
	in.map = 1;
	in.op = code[i++];
	kind = map1[in.op];
	while (kind == '2' || kind == '3' || kind == '4') {
		if (i >= avail)
			return (struct insn){ 0 };
		in.op = code[i++];
		in.map = kind == '2' ? 2 : kind == '3' ? 3 : 4;
		kind = in.map == 2 ? map2[in.op] : in.map == 3 ? 'm' : 'b';
	}
	switch (kind) {
	case '.': break;
	case 'i': imm = 1; break;
	case 'w': imm = 2; break;
	case 'e': imm = 3; break;
	case 'D': imm = 4; break;
	case 'Z': imm = in.opsize16 ? 2 : 4; break;
	case 'V': imm = (in.rex & 8) ? 8 : in.opsize16 ? 2 : 4; break;
	case 'o': imm = addr32 ? 4 : 8; break;
	case 'm': case 'b': case 'z': case 'g': case 'G':
		in.has_modrm = true;
		break;
	default:
		return (struct insn){ 0 };
	}
	if (in.has_modrm) {
		size_t m = modrm_len(code + i, avail - i);

		if (!m)
			return (struct insn){ 0 };
		in.modrm = code[i];
		i += m;
		if (kind == 'b')
			imm = 1;
		else if (kind == 'z')
			imm = in.opsize16 ? 2 : 4;
		else if ((kind == 'g' || kind == 'G') && ((in.modrm >> 3) & 7) < 2)
			imm = kind == 'g' ? 1 : in.opsize16 ? 2 : 4;
	}
	if (i + imm > avail)
		return (struct insn){ 0 };
	in.imm_off = i;
	in.imm_len = imm;
	in.len = i + imm;
	return in;
}

static int reg_field(const struct insn *in)
{
	return ((in->modrm >> 3) & 7) | ((in->rex & 4) << 1);
}

/* The r/m operand when it is a register, else INSN_WRITES_NONE (memory). */
static int rm_reg(const struct insn *in)
{
	return (in->modrm >> 6) == 3 ? (in->modrm & 7) | ((in->rex & 1) << 3) : INSN_WRITES_NONE;
}

int insn_dest_reg(const struct insn *in)
{
	unsigned char op = in->op;

	if (!in->len)
		return INSN_WRITES_UNKNOWN;
	if (in->map == 2) {
		if (op == 0x1f)					/* nop r/m */
			return INSN_WRITES_NONE;
		if ((op & 0xf0) == 0x40 || op == 0xb6 || op == 0xb7 || op == 0xbe || op == 0xbf)
			return reg_field(in);			/* cmov, movzx, movsx */
		return INSN_WRITES_UNKNOWN;
	}
	if (in->map != 1)
		return INSN_WRITES_UNKNOWN;
	if (op < 0x40 && (op & 7) < 4) {			/* add/or/adc/sbb/and/sub/xor/cmp r/m, r */
		if ((op >> 3) == 7)
			return INSN_WRITES_NONE;		/* cmp */
		return (op & 2) ? reg_field(in) : rm_reg(in);
	}
	switch (op) {
	case 0x84: case 0x85:					/* test */
	case 0x68: case 0x6a:					/* push imm: stack arguments */
		return INSN_WRITES_NONE;
	case 0x88: case 0x89:					/* mov r -> r/m */
		return rm_reg(in);
	case 0x8a: case 0x8b: case 0x8d: case 0x63:		/* mov r/m -> r, lea, movsxd */
		return reg_field(in);
	case 0x80: case 0x81: case 0x83:			/* ALU r/m, imm */
		return ((in->modrm >> 3) & 7) == 7 ? INSN_WRITES_NONE : rm_reg(in);
	case 0xc6: case 0xc7:					/* mov imm -> r/m */
		return ((in->modrm >> 3) & 7) == 0 ? rm_reg(in) : INSN_WRITES_UNKNOWN;
	case 0x90:						/* nop; with REX.B xchg r8 */
		return (in->rex & 1) ? INSN_WRITES_UNKNOWN : INSN_WRITES_NONE;
	}
	if (op >= 0x50 && op <= 0x57)				/* push */
		return INSN_WRITES_NONE;
	if ((op >= 0x58 && op <= 0x5f) || op >= 0xb0)		/* pop, mov imm -> r */
		return op <= 0xbf ? (op & 7) | ((in->rex & 1) << 3) : INSN_WRITES_UNKNOWN;
	return INSN_WRITES_UNKNOWN;
}
