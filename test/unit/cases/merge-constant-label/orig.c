/* gcc loads some constants from mergeable sections (.rodata.cst2/4/8/16)
 * through local labels (.LC23), which the assembler keeps as symbols: a
 * merge section's contents cannot be addressed by section + offset. Such a
 * label is a literal of the object (rtc-cmos.c's cmos_do_probe loads a
 * 16-bit constant so), not a symbol of the running kernel. */
#include "kmacros.h"
asm(".section .rodata.cst2,\"aM\",@progbits,2\n"
    ".LCk: .value 0x1234\n"
    ".previous\n");

noinline int load_constant(int x)
{
	unsigned short v;

	asm("movzwl .LCk(%%rip), %k0" : "=r"(v));
	return v + x;
}
