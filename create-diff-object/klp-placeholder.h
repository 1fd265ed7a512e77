/* The symbol create-diff-object relocates the code sites of livepatch
 * relocations against, besides their .livepatch.relocs entry: kbuild runs
 * objtool over the linked patch module on kernels with IBT (6.2+), and
 * objtool needs a destination for every call and jump. The patch module's
 * own code defines it (kmod/livepatch-core.c); create-klp-module removes the
 * relocations again. See FORMAT.md. */
#ifndef KLP_PLACEHOLDER_H
#define KLP_PLACEHOLDER_H
#define KLP_PLACEHOLDER "__klp_placeholder"
#endif
