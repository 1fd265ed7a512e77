/* Objects built with kpatch's kpatch-macros.h: its sections steer the
 * differ as ours do (FORMAT.md, "Inputs that steer cdo"). The ignore lists
 * have the same layout and are read under both names (compare.c);
 * callbacks ({ fn, objname }, as ours) are renamed here so the output holds
 * only our sections; .kpatch.force is accepted and dropped. */
#include "cdo.h"
#include <string.h>

static const struct {
	const char *kpatch, *ours;
} callbacks[] = {
	{ ".kpatch.callbacks.pre_patch",	".livepatch.callbacks.pre_patch" },
	{ ".kpatch.callbacks.post_patch",	".livepatch.callbacks.post_patch" },
	{ ".kpatch.callbacks.pre_unpatch",	".livepatch.callbacks.pre_unpatch" },
	{ ".kpatch.callbacks.post_unpatch",	".livepatch.callbacks.post_unpatch" },
};

/* Only the name changes: the section is found by its prefix from now on
 * (sec_by_name no longer finds it under either name). */
void kpatch_compat(struct elf *elf)
{
	for_each_sec(elf, sec) {
		if (strncmp(sec->name, ".kpatch.", 8))
			continue;
		for (size_t i = 0; i < sizeof(callbacks) / sizeof(callbacks[0]); i++)
			if (!strcmp(sec->name, callbacks[i].kpatch)) {
				debug("%s: kpatch's %s read as %s", elf->path, sec->name, callbacks[i].ours);
				sec->name = callbacks[i].ours;
			}
		/* KPATCH_FORCE_UNSAFE: livepatch has no per-function way around
		 * its consistency model; the function is patched as any other */
		if (!strcmp(sec->name, ".kpatch.force"))
			debug("%s: .kpatch.force ignored (KPATCH_FORCE_UNSAFE has no livepatch equivalent)", elf->path);
	}
}
