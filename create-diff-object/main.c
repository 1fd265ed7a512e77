/* create-diff-object: the list of passes. See FORMAT.md for the output and
 * the man page for usage. */
#include "cdo.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: create-diff-object [-d] [--allow-layout-change NAME]... [--via-callers NAME]...\n"
	"                          ORIG.o PATCHED.o PARENT SYMTAB\n"
	"                          SYMVERS MODNAME OUTPUT.o\n"
	"\n"
	"Compare two builds of a kernel object (-ffunction-sections -fdata-sections)\n"
	"and write OUTPUT.o with the changed and new functions and what they need,\n"
	"plus the livepatch metadata described in FORMAT.md.\n"
	"\n"
	"  PARENT   vmlinux, or the module the object is linked into\n"
	"  SYMTAB   `readelf -s --wide` of the parent, or the parent ELF itself\n"
	"  SYMVERS  Module.symvers (or /dev/null)\n"
	"  MODNAME  name of the patch module\n"
	"  -d       debug messages\n"
	"  --allow-layout-change NAME\n"
	"           accept a changed layout of struct, union or typedef NAME (by\n"
	"           default refused: existing instances keep the old layout)\n"
	"  --via-callers NAME\n"
	"           NAME, a global function without an ftrace entry that the patch\n"
	"           changes, is replaced through its callers: where this object\n"
	"           defines it, it is carried as plain code; every function here\n"
	"           that calls it is patched, its calls going to the patch's copy\n"
	"           (kpatch-build gives every object of the patch the same list,\n"
	"           with the objects of the parent that call NAME)\n"
	"\n"
	"Entry sizes of special sections: BUG_STRUCT_SIZE, JUMP_STRUCT_SIZE,\n"
	"ALT_STRUCT_SIZE, EX_STRUCT_SIZE, PARA_STRUCT_SIZE, ORC_STRUCT_SIZE,\n"
	"STATIC_CALL_STRUCT_SIZE, PRINTK_INDEX_STRUCT_SIZE (else sh_entsize, else\n"
	"derived from the entries' relocations, else the x86_64 6.1 layout); a\n"
	"size that contradicts the section is an error.\n"
	"\n"
	"Exit codes:\n"
	"  0  changes found, OUTPUT.o written\n"
	"  1  error (bad arguments, unreadable or corrupt ELF, I/O)\n"
	"  2  refused: the change cannot be live patched (the reason is printed)\n"
	"  3  no changes: nothing written\n";

static struct ctx ctx;		/* global so leak checkers see it at exit */

static void parse_args(int argc, char **argv, struct ctx *c)
{
	struct args *a = &c->a;
	int i = 1;

	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage, stdout);
		exit(EXIT_WRITTEN);
	}
	c->allow_layout = xcalloc((size_t)argc, sizeof(*c->allow_layout));
	c->via_callers = xcalloc((size_t)argc, sizeof(*c->via_callers));
	for (; i < argc; i++) {
		if (!strcmp(argv[i], "-d"))
			g_debug = true;
		else if (!strcmp(argv[i], "--allow-layout-change") && i + 1 < argc && *argv[i + 1])
			c->allow_layout[c->nallow_layout++] = argv[++i];
		else if (!strcmp(argv[i], "--via-callers") && i + 1 < argc && *argv[i + 1])
			c->via_callers[c->nvia_callers++] = argv[++i];
		else
			break;
	}
	if (argc - i != 7) {
		fputs(usage, stderr);
		exit(EXIT_ERROR);
	}
	*a = (struct args){ argv[i], argv[i + 1], argv[i + 2], argv[i + 3], argv[i + 4], argv[i + 5], argv[i + 6] };
	for (const char *const *p = &a->orig; p <= &a->output; p++)
		if (!**p) {
			fputs(usage, stderr);
			exit(EXIT_ERROR);
		}
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static void cleanup(void)
{
	elf_close_model(&ctx.orig);
	elf_close_model(&ctx.patched);
	symtab_free();
	special_free();
	free(ctx.funcs);
	for (size_t i = 0; i < ctx.nsynths; i++) {
		buf_free(&ctx.synths[i].data);
		free(ctx.synths[i].rels);
	}
	free(ctx.synths);
	free(ctx.rewrites);
	free(ctx.allow_layout);
	free(ctx.via_callers);
}

void include_free(void);

void cdo_free_all(void)
{
	include_free();
	layout_free();
	write_free();
	cleanup();
	memset(&ctx, 0, sizeof(ctx));
}

int main(int argc, char **argv)
{
	struct ctx *c = &ctx;
	bool changed;

	parse_args(argc, argv, c);
	g_objname = basename_of(c->a.patched);
	c->parent_is_vmlinux = !strcmp(c->a.parent, "vmlinux");
	if (elf_version(EV_CURRENT) == EV_NONE)
		die(EXIT_ERROR, "libelf: %s", elf_errmsg(-1));

	elf_open_model(&c->orig, c->a.orig, is_special);
	elf_open_model(&c->patched, c->a.patched, is_special);
	kpatch_compat(&c->orig);
	kpatch_compat(&c->patched);
	symtab_load(c->a.symtab, &c->patched, &c->orig, c->parent_is_vmlinux);
	symvers_load(c->a.symvers);

	correlate(c);
	mark_ignored(c);
	compare(c);
	renew_const_data(c);
	patch_notrace_callers(c);
	check_refusals(c);
	changed = include_changes(c);
	if (changed) {
		check_struct_layouts(c);
		include_special(c);
		join_cold_parts(c);
		note_taken_addresses(c);
		cover_tail_calls(c);
		write_output(c);
	} else {
		debug("no changes in %s", c->a.patched);
	}
	cdo_free_all();
	return changed ? EXIT_WRITTEN : EXIT_NOCHANGE;
}
