/* A stand-in live patch module for the kpatch CLI's module reader, built
 * at test time (no kernel needed): .modinfo strings and one
 * .livepatch.funcs entry (create-diff-object/FORMAT.md) whose names are
 * relocations to strings. -DNO_NAME leaves out the name= string;
 * -DDEPENDS='"a,b"' adds a depends= string. */
struct klp_func_entry {
	void *new_func;
	const char *old_name;
	const char *objname;
	unsigned long sympos;
};

int new_version_proc_show(void) { return 0; }

#ifndef NO_NAME
__attribute__((section(".modinfo"), used)) static const char m_name[] = "name=livepatch_fake";
#endif
__attribute__((section(".modinfo"), used)) static const char m_vermagic[] = "vermagic=6.1.0 SMP mod_unload ";
__attribute__((section(".modinfo"), used)) static const char m_livepatch[] = "livepatch=Y";
__attribute__((section(".modinfo"), used)) static const char m_license[] = "license=GPL";
#ifdef DEPENDS
__attribute__((section(".modinfo"), used)) static const char m_depends[] = "depends=" DEPENDS;
#endif

__attribute__((section(".livepatch.funcs"), used)) static struct klp_func_entry funcs[] = {
	{ (void *)new_version_proc_show, "version_proc_show", "vmlinux", 0 },
};
