/* CFI prefix symbols (__cfi_NAME: the type hash before NAME, as the compiler
 * writes them) for two assembler functions; only asmfn changes. */
#include "kmacros.h"
#define ASM_FN(name, value)						\
	asm(".pushsection .text." #name ",\"ax\",@progbits\n"		\
	    ".globl __cfi_" #name "\n.type __cfi_" #name ",@function\n"	\
	    "__cfi_" #name ":\n.skip 16, 0x90\n"			\
	    ".size __cfi_" #name ", 16\n"				\
	    ".globl " #name "\n.type " #name ",@function\n"		\
	    #name ":\n\tcall __fentry__\n\tmovl $" #value ", %eax\n\tret\n" \
	    ".size " #name ", .-" #name "\n"				\
	    ".popsection\n"						\
	    ".pushsection __mcount_loc,\"a\"\n.quad " #name "\n.popsection\n")
ASM_FN(asmfn, 2);
ASM_FN(asmsame, 9);
