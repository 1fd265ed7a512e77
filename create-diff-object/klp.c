/* Which references from included code stay ordinary relocations (exported
 * symbols the module loader resolves, undefined symbols the parent does not
 * have) and which become livepatch relocations, with the target's name,
 * object and position in the parent. */
#include "cdo.h"
#include <string.h>

/* An export of another module that the original object already uses: the
 * module being patched depends on that module, which is loaded whenever it
 * is. A livepatch relocation of the patched module's object resolves it
 * when that object is patched, so the patch module itself needs neither
 * module: it loads where they cannot (a driver for absent hardware) and
 * loads neither. An export the patch newly uses stays a plain relocation:
 * nothing else makes sure its module is there. */
static const char *other_module_export(struct ctx *c, const struct sym *sym)
{
	const char *owner;

	if (c->parent_is_vmlinux || sym->sec || sym->bind == STB_LOCAL || !sym->twin || sym->twin->sec ||
	    sym->plain_export)
		return NULL;
	owner = symvers_owner(sym->name);
	if (!owner || !strcmp(owner, "vmlinux") || !strcmp(owner, c->a.parent))
		return NULL;
	return owner;
}

/* A jump label's key must be resolved when the patch module loads (the
 * kernel reads its __jump_table then), so another module's exported key
 * stays a plain relocation after all: the patch module then depends on that
 * module, as the patched module itself does. */
const char *klp_keep_export_plain(struct ctx *c, struct sym *sym)
{
	const char *owner = other_module_export(c, sym);

	if (owner)
		sym->plain_export = true;
	return owner;
}

bool klp_is_exported(struct ctx *c, const struct sym *sym)
{
	const char *owner;

	if (sym->bind == STB_LOCAL || sym->type == STT_SECTION)
		return false;
	/* --via-callers: the patch's copy, defined by another of its objects */
	if (!sym->sec && sym->via_callers)
		return true;
	if (other_module_export(c, sym))
		return false;
	owner = symvers_owner(sym->name);
	if (!owner)
		/* undefined, neither exported nor in the parent: another
		 * object of the same patch may define it (a new global
		 * function called from another file); kpatch-build's final
		 * check reports what no object defines */
		return !sym->sec && !symtab_has_global(sym->name);
	/* a module's own exports are still its own symbols: not resolvable
	 * by the loader before the module is patched */
	return c->parent_is_vmlinux || strcmp(owner, c->a.parent) != 0;
}

void klp_target(struct ctx *c, const struct sym *sym, const char *user, struct klp_target *t)
{
	const struct sym *o = sym->twin ? sym->twin : sym;

	t->name = o->name;
	t->sympos = 0;
	if ((t->symobj = other_module_export(c, sym))) {
		t->objname = c->a.parent;	/* exported: one of its name there */
		return;
	}
	if (sym->sec) {
		t->objname = c->a.parent;
		if (sym->bind == STB_LOCAL)
			t->sympos = symtab_local_pos(o, user);
		else if (!symtab_has_global(o->name))
			die(EXIT_ERROR, "%s: global symbol %s (used by %s) not found in the parent's symbol table",
			    c->a.parent, o->name, user);
		else
			t->sympos = symtab_global_pos(o->name);
		return;
	}
	/* undefined: klp_is_exported kept those not in the parent plain */
	t->objname = c->a.parent;
	t->sympos = symtab_global_pos(o->name);
}
