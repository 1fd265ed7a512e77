#include "kmacros.h"

/* DWARF no compiler writes: an array of itself, a typedef of itself, and
 * an anonymous struct holding itself, in a struct the layout check reads. */
asm(".pushsection .debug_abbrev,\"\",@progbits\n"
    ".uleb128 1\n.uleb128 0x11\n.byte 1\n.uleb128 0x3\n.uleb128 0x8\n.byte 0,0\n"
    ".uleb128 2\n.uleb128 0x01\n.byte 1\n.uleb128 0x49\n.uleb128 0x13\n.byte 0,0\n"
    ".uleb128 3\n.uleb128 0x21\n.byte 0\n.uleb128 0x37\n.uleb128 0x0b\n.byte 0,0\n"
    ".uleb128 4\n.uleb128 0x13\n.byte 1\n.uleb128 0x3\n.uleb128 0x8\n.uleb128 0x0b\n.uleb128 0x0b\n.byte 0,0\n"
    ".uleb128 5\n.uleb128 0x0d\n.byte 0\n.uleb128 0x3\n.uleb128 0x8\n.uleb128 0x49\n.uleb128 0x13\n.uleb128 0x38\n.uleb128 0x0b\n.byte 0,0\n"
    ".uleb128 6\n.uleb128 0x16\n.byte 0\n.uleb128 0x3\n.uleb128 0x8\n.uleb128 0x49\n.uleb128 0x13\n.byte 0,0\n"
    ".uleb128 7\n.uleb128 0x13\n.byte 1\n.uleb128 0x0b\n.uleb128 0x0b\n.byte 0,0\n"
    ".byte 0\n"
    ".popsection\n"
    ".pushsection .debug_info,\"\",@progbits\n"
    ".Lcu:\n.long .Lend - .Lver\n.Lver:\n.short 4\n.long 0\n.byte 8\n"
    ".uleb128 1\n.asciz \"obj.c\"\n"
    ".Larr:\n.uleb128 2\n.long .Larr - .Lcu\n.uleb128 3\n.byte 2\n.byte 0\n"
    ".Ltd:\n.uleb128 6\n.asciz \"self_t\"\n.long .Ltd - .Lcu\n"
    ".Lanon:\n.uleb128 7\n.byte 8\n.uleb128 5\n.asciz \"again\"\n.long .Lanon - .Lcu\n.byte 0\n.byte 0\n"
    ".uleb128 4\n.asciz \"evil\"\n.byte 24\n"
    ".uleb128 5\n.asciz \"a\"\n.long .Larr - .Lcu\n.byte 0\n"
    ".uleb128 5\n.asciz \"b\"\n.long .Ltd - .Lcu\n.byte 8\n"
    ".uleb128 5\n.asciz \"c\"\n.long .Lanon - .Lcu\n.byte 16\n"
    ".byte 0\n.byte 0\n.Lend:\n"
    ".popsection\n");

int evil_get(void)
{
	return 1;
}
