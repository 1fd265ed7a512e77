/*
 * A hand-made object in the shape FORMAT.md gives create-diff-object's
 * output: checks that lpdump reads .livepatch.funcs, .livepatch.relocs and
 * callbacks as specified, so a case failure points at the tool, not at lpdump.
 */
#include "kmacros.h"
int new_f(int x) { printk_indexed("new_f %d\n", x); return x + 2; }
static __used int my_pre(void) { return 0; }
asm(".pushsection .livepatch.strings,\"a\"\n"
    "s_f: .asciz \"f\"\n"
    "s_vmlinux: .asciz \"vmlinux\"\n"
    "s_helper: .asciz \"helper\"\n"
    ".popsection\n"
    ".pushsection .livepatch.funcs,\"a\"\n.balign 8\n"
    ".quad new_f, s_f, s_vmlinux, 2\n"
    ".popsection\n"
    ".pushsection .livepatch.relocs,\"\"\n.balign 8\n"
    ".quad new_f + 12, s_helper, s_vmlinux, 3\n"
    ".long 4, 0\n"                 /* R_X86_64_PLT32 */
    ".quad -4\n"
    ".popsection\n"
    ".pushsection .livepatch.callbacks.pre_patch,\"a\"\n.balign 8\n"
    ".quad my_pre, s_vmlinux\n"
    ".popsection\n");
