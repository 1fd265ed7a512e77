/* Output: the included sections, the rebuilt special sections and the
 * FORMAT.md metadata, written with libelf to a temporary file that is
 * renamed over OUTPUT only when complete. */
#include "cdo.h"
#include "tmpout.h"
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct orel { GElf_Addr off; unsigned type; GElf_Sxword addend; size_t osym; };

struct osec {
	const char *name;
	GElf_Word type;
	GElf_Xword flags, align, entsize;
	const void *data;
	size_t size;
	struct orel *rels;
	size_t nrels, caprels;
	size_t link, info;
	size_t secsym;			/* osym id of its section symbol, 0 if none yet */
	char *ownname;
	unsigned char *owndata;		/* a copy of the input's bytes that the output changes */
};

struct osym {
	const char *name;
	unsigned char info;
	size_t shndx;
	GElf_Addr value;
	GElf_Xword size;
	size_t final;
};

static struct out {
	struct osec *secs;
	size_t nsecs;
	struct osym *syms;
	size_t nsyms;
	struct ht undef;		/* name -> osym id + 1 */
	struct ht strs;			/* .livepatch.strings: string -> offset + 1 */
	char **strkeys;
	size_t nstrkeys;
	struct buf strings, funcs, relocs;
	size_t strings_sec, nklp;
	Elf *e;				/* while the output is written: */
	struct buf shstr, str, symbytes, *relbytes;
	size_t nrelbytes;
} o;

static size_t new_sec(const char *name, GElf_Word type, GElf_Xword flags, GElf_Xword align)
{
	struct osec *s;

	o.secs = xgrow(o.secs, o.nsecs, sizeof(*o.secs));
	s = &o.secs[o.nsecs];
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->type = type;
	s->flags = flags & ~(GElf_Xword)SHF_GROUP;
	s->align = align ? align : 1;
	return o.nsecs++;
}

static size_t new_sym(const char *name, unsigned char info, size_t shndx, GElf_Addr value, GElf_Xword size)
{
	o.syms = xgrow(o.syms, o.nsyms, sizeof(*o.syms));
	o.syms[o.nsyms] = (struct osym){ name, info, shndx, value, size, 0 };
	return o.nsyms++;
}

static size_t secsym(size_t sec)
{
	if (!o.secs[sec].secsym)
		o.secs[sec].secsym = new_sym("", GELF_ST_INFO(STB_LOCAL, STT_SECTION), sec, 0, 0);
	return o.secs[sec].secsym;
}

static void add_rel(size_t sec, GElf_Addr off, unsigned type, GElf_Sxword addend, size_t osym)
{
	struct osec *s = &o.secs[sec];

	if (s->nrels == s->caprels) {
		s->caprels = s->caprels ? s->caprels * 2 : 16;
		s->rels = xrealloc(s->rels, s->caprels * sizeof(*s->rels));
	}
	s->rels[s->nrels++] = (struct orel){ off, type, addend, osym };
}

static size_t add_string(const char *str)
{
	void *v = ht_get(&o.strs, str, NULL);
	size_t off;

	if (v)
		return (size_t)(uintptr_t)v - 1;
	off = buf_add(&o.strings, str, strlen(str) + 1);
	o.strkeys = xgrow(o.strkeys, o.nstrkeys, sizeof(*o.strkeys));
	o.strkeys[o.nstrkeys] = xstrdup(str);
	ht_put(&o.strs, o.strkeys[o.nstrkeys++], (void *)(uintptr_t)(off + 1));
	return off;
}

/* Relocation at SEC+OFF to the string STR in .livepatch.strings. */
static void rel_string(size_t sec, GElf_Addr off, const char *str)
{
	add_rel(sec, off, R_X86_64_64, (GElf_Sxword)add_string(str), secsym(o.strings_sec));
}

static size_t undef_sym(const char *name);

static void klp_reloc(struct ctx *c, size_t sec, const struct rel *r, const char *user)
{
	struct klp_target t;
	size_t base = buf_zero(&o.relocs, 48, 8);
	uint64_t sympos;
	uint32_t type = r->type;
	int64_t addend = r->addend;

	klp_target(c, r->sym, user, &t);
	sympos = t.sympos;
	memcpy(o.relocs.p + base + 24, &sympos, 8);
	memcpy(o.relocs.p + base + 32, &type, 4);
	memcpy(o.relocs.p + base + 40, &addend, 8);
	/* In code, the site also keeps a relocation to KLP_PLACEHOLDER: objtool,
	 * which runs over the linked patch module on kernels with IBT, needs a
	 * destination for every call and jump, and a key for every jump label
	 * (it gives up on the module without: "can't find key reloc"; the
	 * addend keeps the key's likely bit). create-klp-module drops it. */
	if ((o.secs[sec].flags & SHF_EXECINSTR) || !strcmp(o.secs[sec].name, "__jump_table"))
		add_rel(sec, r->off, r->type, r->addend, undef_sym(KLP_PLACEHOLDER));
	/* relocations of .livepatch.relocs are collected here, attached below */
	o.nklp++;
	add_rel(0, base, R_X86_64_64, (GElf_Sxword)r->off, secsym(sec));
	add_rel(0, base + 8, R_X86_64_64, (GElf_Sxword)add_string(t.name), SIZE_MAX);
	if (t.symobj) {
		char both[256];

		if ((size_t)snprintf(both, sizeof(both), "%s:%s", t.objname, t.symobj) >= sizeof(both))
			die(EXIT_ERROR, "module names %s and %s are too long", t.objname, t.symobj);
		add_rel(0, base + 16, R_X86_64_64, (GElf_Sxword)add_string(both), SIZE_MAX);
	} else {
		add_rel(0, base + 16, R_X86_64_64, (GElf_Sxword)add_string(t.objname), SIZE_MAX);
	}
}

static size_t undef_sym(const char *name)
{
	void *v = ht_get(&o.undef, name, NULL);
	size_t id;

	if (v)
		return (size_t)(uintptr_t)v - 1;
	id = new_sym(name, GELF_ST_INFO(STB_GLOBAL, STT_NOTYPE), SHN_UNDEF, 0, 0);
	ht_put(&o.undef, name, (void *)(uintptr_t)(id + 1));
	return id;
}

static const char *user_of(const struct sec *sec, GElf_Addr off)
{
	struct sym *s = sym_at(sec, (GElf_Sxword)off);

	return s ? s->name : sec->name;
}

/* One relocation of included code or of a kept special entry. */
static void translate(struct ctx *c, size_t sec, const struct sec *from, const struct rel *r)
{
	struct sym *t = r->sym;

	if (t->type == STT_SECTION && t->sec->split && !t->sec->include) {
		add_rel(sec, r->off, r->type, r->addend, secsym(c->synths[t->sec->split - 1].out_idx));
	} else if (t->type == STT_SECTION) {
		if (!t->sec->include)
			die(EXIT_ERROR, "internal: %s references %s, which was not included", o.secs[sec].name, t->sec->name);
		add_rel(sec, r->off, r->type, r->addend, secsym(t->sec->out_idx));
	} else if (t->sec && t->include && t->sec->include) {
		add_rel(sec, r->off, r->type, r->addend, t->out_idx);
	} else if (t->sec && t->sec->include && t->type == STT_NOTYPE && t->bind == STB_LOCAL) {
		/* a local label in an included section: section + offset */
		add_rel(sec, r->off, r->type, sadd(r->addend, (GElf_Sxword)t->s->st_value), secsym(t->sec->out_idx));
	} else if (klp_is_exported(c, t)) {
		add_rel(sec, r->off, r->type, r->addend, undef_sym(t->name));
	} else {
		klp_reloc(c, sec, r, from ? user_of(from, r->off) : o.secs[sec].name);
	}
}

/* Jump label sites set once and for all (module-keys.c): the section's bytes
 * are copied and rewritten, and a jump to another section gets a relocation. */
static void rewrite_sites(struct ctx *c)
{
	for (size_t i = 0; i < c->nrewrites; i++) {
		const struct site_rewrite *w = &c->rewrites[i];
		struct osec *os;
		unsigned char *p;

		if (!w->sec->include)
			continue;
		os = &o.secs[w->sec->out_idx];
		if (!os->owndata) {
			os->owndata = xcalloc(1, os->size);
			memcpy(os->owndata, os->data, os->size);
			os->data = os->owndata;
		}
		p = os->owndata + w->off;
		if (site_bytes(w, p)) {
			struct rel r = { .off = (uint32_t)(w->off + 1), .type = R_X86_64_PC32,
					 .addend = sadd(w->target_addend, -4), .sym = w->target };

			translate(c, w->sec->out_idx, w->sec, &r);
		}
	}
}

static void build(struct ctx *c)
{
	new_sec("", SHT_NULL, 0, 0);
	new_sym("", 0, SHN_UNDEF, 0, 0);
	new_sym(c->patched.file, GELF_ST_INFO(STB_LOCAL, STT_FILE), SHN_ABS, 0, 0);
	ht_init(&o.undef, 64);
	ht_init(&o.strs, 64);
	for_each_sec(&c->patched, sec) {
		struct osec *os;

		if (!sec->include)
			continue;
		sec->out_idx = new_sec(sec->name, sec->sh->sh_type, sec->sh->sh_flags, sec->sh->sh_addralign);
		os = &o.secs[sec->out_idx];
		os->data = sec->data;
		os->size = sec->size;
		os->entsize = sec->sh->sh_entsize;
	}
	for (size_t i = 0; i < c->nsynths; i++) {
		struct synth *s = &c->synths[i];

		bool linked = s->link && s->link->include;

		s->out_idx = new_sec(s->name, s->type, linked ? s->flags : s->flags & ~(GElf_Xword)SHF_LINK_ORDER, s->align);
		o.secs[s->out_idx].entsize = s->entsize;
		if (linked)
			o.secs[s->out_idx].link = s->link->out_idx;
	}
	o.strings_sec = new_sec(".livepatch.strings", SHT_PROGBITS, SHF_ALLOC, 1);
	for_each_sym(&c->patched, s)
		if (s->include && s->sec && s->sec->include && s->type != STT_SECTION)
			s->out_idx = new_sym(s->name, s->s->st_info, s->sec->out_idx, s->s->st_value, s->s->st_size);
	for_each_sec(&c->patched, sec)
		if (sec->include)
			for_each_rel(sec, r)
				translate(c, sec->out_idx, sec, r);
	for (size_t i = 0; i < c->nsynths; i++) {
		struct synth *s = &c->synths[i];

		o.secs[s->out_idx].data = s->data.p;
		o.secs[s->out_idx].size = s->data.len;
		for (size_t k = 0; k < s->nrels; k++)
			translate(c, s->out_idx, NULL, &s->rels[k]);
	}
	rewrite_sites(c);
	/* callbacks: objname is filled in here */
	for_each_sec(&c->patched, sec)
		if (sec->include && !strncmp(sec->name, ".livepatch.callbacks.", 21))
			for (size_t off = 8; off + 8 <= sec->size; off += 16)
				rel_string(sec->out_idx, off, c->a.parent);
}

static void metadata(struct ctx *c)
{
	size_t fsec = new_sec(".livepatch.funcs", SHT_PROGBITS, SHF_ALLOC, 8), rsec, npending;
	struct orel *pending;

	o.secs[fsec].entsize = 32;
	for (size_t i = 0; i < c->nfuncs; i++) {
		struct sym *f = c->funcs[i];
		size_t base = buf_zero(&o.funcs, 32, 8);
		uint64_t pos = f->bind == STB_LOCAL ? symtab_local_pos(f->twin, f->name) :
							    symtab_global_pos(f->twin->name);

		memcpy(o.funcs.p + base + 24, &pos, 8);
		add_rel(fsec, base, R_X86_64_64, 0, f->out_idx);
		rel_string(fsec, base + 8, f->twin->name);
		rel_string(fsec, base + 16, c->a.parent);
	}
	o.secs[fsec].data = o.funcs.p;
	o.secs[fsec].size = o.funcs.len;
	/* .livepatch.relocs: its relocations were parked on section 0 */
	pending = o.secs[0].rels;
	npending = o.secs[0].nrels;
	o.secs[0].rels = NULL;
	o.secs[0].nrels = o.secs[0].caprels = 0;
	if (o.nklp) {
		rsec = new_sec(".livepatch.relocs", SHT_PROGBITS, 0, 8);
		o.secs[rsec].entsize = 48;
		o.secs[rsec].data = o.relocs.p;
		o.secs[rsec].size = o.relocs.len;
		for (size_t i = 0; i < npending; i++)
			add_rel(rsec, pending[i].off, pending[i].type, pending[i].addend,
				pending[i].osym == SIZE_MAX ? secsym(o.strings_sec) : pending[i].osym);
	}
	free(pending);
	o.secs[o.strings_sec].data = o.strings.p;
	o.secs[o.strings_sec].size = o.strings.len;
}

/* Final layout: rela sections, then symtab (locals first), strtab, shstrtab. */
static void emit(struct ctx *c, int fd)
{
	Elf *e = o.e = elf_begin(fd, ELF_C_WRITE, NULL);
	GElf_Ehdr eh;
	size_t ncontent = o.nsecs, symtab, strtab, shstrtab, nlocal = 0, next = 0;
	struct buf *shstr = &o.shstr, *str = &o.str, *symbytes = &o.symbytes, *relbytes;

	if (!e || !gelf_newehdr(e, ELFCLASS64))
		die(EXIT_ERROR, "%s: cannot create ELF: %s", c->a.output, elf_errmsg(-1));
	for (size_t i = 1; i < ncontent; i++)
		if (o.secs[i].nrels) {
			char *name = xcalloc(1, strlen(o.secs[i].name) + 6);
			size_t r;

			sprintf(name, ".rela%s", o.secs[i].name);
			r = new_sec(name, SHT_RELA, SHF_INFO_LINK, 8);
			o.secs[r].ownname = name;
			o.secs[r].entsize = sizeof(Elf64_Rela);
			o.secs[r].info = i;
		}
	symtab = new_sec(".symtab", SHT_SYMTAB, 0, 8);
	strtab = new_sec(".strtab", SHT_STRTAB, 0, 1);
	shstrtab = new_sec(".shstrtab", SHT_STRTAB, 0, 1);
	/* symbol order: locals, then globals */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < o.nsyms; i++) {
			struct osym *s = &o.syms[i];
			bool local = GELF_ST_BIND(s->info) == STB_LOCAL || i == 0;
			Elf64_Sym es = { 0 };

			if (local != (pass == 0))
				continue;
			s->final = next++;
			if (local)
				nlocal = next;
			if (i)
				es.st_name = (Elf64_Word)buf_add(str, s->name, strlen(s->name) + 1);
			else
				buf_add(str, "", 1);
			es.st_info = s->info;
			es.st_shndx = (Elf64_Section)s->shndx;
			es.st_value = s->value;
			es.st_size = s->size;
			buf_add(symbytes, &es, sizeof(es));
		}
	o.secs[symtab].data = symbytes->p;
	o.secs[symtab].size = symbytes->len;
	o.secs[symtab].entsize = sizeof(Elf64_Sym);
	o.secs[symtab].link = strtab;
	o.secs[symtab].info = nlocal;
	o.secs[strtab].data = str->p;
	o.secs[strtab].size = str->len;
	relbytes = o.relbytes = xcalloc(o.nsecs, sizeof(*relbytes));
	o.nrelbytes = o.nsecs;
	for (size_t i = ncontent; i < symtab; i++) {
		struct osec *t = &o.secs[o.secs[i].info];

		for (size_t k = 0; k < t->nrels; k++) {
			Elf64_Rela r = { t->rels[k].off, ELF64_R_INFO(o.syms[t->rels[k].osym].final, t->rels[k].type),
					 t->rels[k].addend };
			buf_add(&relbytes[i], &r, sizeof(r));
		}
		o.secs[i].data = relbytes[i].p;
		o.secs[i].size = relbytes[i].len;
		o.secs[i].link = symtab;
	}
	buf_add(shstr, "", 1);
	for (size_t i = 1; i < o.nsecs; i++) {
		struct osec *s = &o.secs[i];
		Elf_Scn *scn = elf_newscn(e);
		Elf_Data *d;
		GElf_Shdr sh;

		if (!scn || !gelf_getshdr(scn, &sh))
			die(EXIT_ERROR, "%s: %s", c->a.output, elf_errmsg(-1));
		sh.sh_name = (GElf_Word)buf_add(shstr, s->name, strlen(s->name) + 1);
		if (i == shstrtab) {
			s->data = shstr->p;
			s->size = shstr->len;
		}
		sh.sh_type = s->type;
		sh.sh_flags = s->flags;
		sh.sh_addralign = s->align;
		sh.sh_entsize = s->entsize;
		sh.sh_link = (GElf_Word)s->link;
		sh.sh_info = (GElf_Word)s->info;
		sh.sh_size = s->size;
		d = elf_newdata(scn);
		if (!d)
			die(EXIT_ERROR, "%s: %s", c->a.output, elf_errmsg(-1));
		d->d_buf = s->type == SHT_NOBITS ? NULL : (void *)s->data;
		d->d_size = s->size;
		d->d_align = s->align;
		d->d_type = ELF_T_BYTE;
		if (!gelf_update_shdr(scn, &sh))
			die(EXIT_ERROR, "%s: %s", c->a.output, elf_errmsg(-1));
	}
	gelf_getehdr(e, &eh);
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh.e_type = ET_REL;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_shstrndx = (GElf_Half)shstrtab;
	if (!gelf_update_ehdr(e, &eh) || elf_update(e, ELF_C_WRITE) < 0)
		die(EXIT_ERROR, "%s: cannot write: %s", c->a.output, elf_errmsg(-1));
	elf_end(e);
	o.e = NULL;
}

void write_free(void)
{
	if (o.e)
		elf_end(o.e);
	for (size_t i = 0; i < o.nrelbytes; i++)
		buf_free(&o.relbytes[i]);
	free(o.relbytes);
	buf_free(&o.shstr);
	buf_free(&o.str);
	buf_free(&o.symbytes);
	for (size_t i = 0; i < o.nsecs; i++) {
		free(o.secs[i].rels);
		free(o.secs[i].ownname);
		free(o.secs[i].owndata);
	}
	free(o.secs);
	free(o.syms);
	for (size_t i = 0; i < o.nstrkeys; i++)
		free(o.strkeys[i]);
	free(o.strkeys);
	ht_free(&o.undef);
	ht_free(&o.strs);
	buf_free(&o.strings);
	buf_free(&o.funcs);
	buf_free(&o.relocs);
	memset(&o, 0, sizeof(o));
}

void write_output(struct ctx *c)
{
	int fd = tmpout_open(c->a.output);

	if (fd < 0)
		die(EXIT_ERROR, "%s: cannot create a temporary file: %m", c->a.output);
	build(c);
	metadata(c);
	emit(c, fd);
	if (tmpout_commit())
		die(EXIT_ERROR, "%s: cannot write %s: %m", c->a.output, tmpout_path());
	write_free();
}
