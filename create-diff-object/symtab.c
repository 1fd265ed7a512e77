/* The parent's symbol table (readelf -s --wide text, or the ELF itself) and
 * Module.symvers: which symbols exist where, and who exports what. */
#include "cdo.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

/* Only symbols named like one of our object's are kept: memory follows the
 * object, not the kernel. */
struct psym {
	const char *name;		/* borrowed from the object's model */
	size_t block;			/* number of STT_FILE entries before it */
	bool local, file, defined;
};

static struct psym *psyms;
static size_t npsyms, cappsyms;
static struct ht by_name, interest;
static bool *file_match;		/* per FILE block: named like our source */
static size_t nblocks;
static size_t our_block;		/* FILE block of the object being patched */
static const char *our_file;
static struct ht exports;
static char **export_mem;
static size_t nexport_mem;

static void add_psym(const char *name, const char *type, const char *bind, bool defined, size_t *block)
{
	struct psym *p;
	const char *key;

	if (!strcmp(type, "FILE")) {
		*block = ++nblocks;
		if (!(nblocks & (nblocks - 1)))
			file_match = xrealloc(file_match, nblocks * 2 * sizeof(*file_match));
		file_match[nblocks] = !strcmp(name, our_file);
		return;
	}
	key = ht_get(&interest, name, NULL);
	if (!key)
		return;
	if (npsyms == cappsyms) {
		cappsyms = cappsyms ? cappsyms * 2 : 1024;
		psyms = xrealloc(psyms, cappsyms * sizeof(*psyms));
	}
	p = &psyms[npsyms++];
	p->name = key;
	p->file = false;
	p->local = !strcmp(bind, "LOCAL");
	p->defined = defined;
	p->block = *block;
}

static void load_elf(const char *path, int fd)
{
	Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	Elf_Scn *scn = NULL;
	size_t block = 0;

	if (!e)
		die(EXIT_ERROR, "SYMTAB %s: %s", path, elf_errmsg(-1));
	while ((scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
			continue;
		d = elf_getdata(scn, NULL);
		if (!d)
			break;
		for (size_t i = 1; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Sym s;
			const char *name;
			unsigned t;

			if (!gelf_getsym(d, (int)i, &s) || !(name = elf_strptr(e, sh.sh_link, s.st_name)))
				die(EXIT_ERROR, "SYMTAB %s: symbol %zu unreadable", path, i);
			t = GELF_ST_TYPE(s.st_info);
			add_psym(name, t == STT_FILE ? "FILE" : t == STT_SECTION ? "SECTION" : "X",
				 GELF_ST_BIND(s.st_info) == STB_LOCAL ? "LOCAL" : "GLOBAL",
				 s.st_shndx != SHN_UNDEF, &block);
		}
		break;
	}
	elf_end(e);
}

/* Split LINE in place into up to MAX whitespace-separated fields. */
static int split_fields(char *line, char **f, int max)
{
	int n = 0;

	while (n < max) {
		while (*line == ' ' || *line == '\t')
			line++;
		if (!*line || *line == '\n')
			break;
		f[n++] = line;
		while (*line && *line != ' ' && *line != '\t' && *line != '\n')
			line++;
		if (!*line)
			break;
		*line++ = 0;
	}
	return n;
}

/* Lines of `readelf -s --wide`: "Num: Value Size Type Bind Vis Ndx Name". */
static void load_text(const char *path, FILE *f)
{
	char *line = NULL;
	size_t cap = 0, block = 0;
	bool seen = false;

	while (getline(&line, &cap, f) > 0) {
		char *fl[8];
		int n = split_fields(line, fl, 8);
		size_t len;

		if (n < 7 || !(len = strlen(fl[0])) || fl[0][len - 1] != ':' || !strcmp(fl[0], "Num:"))
			continue;
		seen = true;
		if (!strcmp(fl[0], "0:"))
			continue;
		add_psym(n > 7 ? fl[7] : "", fl[3], fl[4], strcmp(fl[6], "UND") != 0, &block);
	}
	free(line);
	if (!seen)
		die(EXIT_ERROR, "SYMTAB %s: no symbols (expected `readelf -s --wide` output or an ELF file)", path);
}

/* Our FILE block: the block named like our object's source file holding the
 * most of its local symbols. */
static void find_block(struct elf *obj)
{
	size_t *score = xcalloc(nblocks + 1, sizeof(*score));
	size_t best = 0;

	for_each_sym(obj, sym) {
		size_t pos;

		if (sym->bind != STB_LOCAL || !sym->sec || (sym->type != STT_FUNC && sym->type != STT_OBJECT))
			continue;
		for (struct psym *p = ht_get(&by_name, sym->name, &pos); p; p = ht_next(&by_name, sym->name, &pos))
			if (p->local && p->block && file_match[p->block])
				score[p->block]++;
	}
	for (size_t i = 1; i <= nblocks; i++)
		if (file_match[i] && (!best || score[i] > score[best]))
			best = i;
	our_block = best;
	free(score);
}

static const char *lazy_path;
static struct elf *lazy_obj;

/* Opened now so a missing file is reported at once; read only when a
 * symbol is first looked up (a run with no changes never needs it). */
static void add_interest(struct elf *elf)
{
	for_each_sym(elf, sym)
		if (*sym->name && sym->type != STT_SECTION && sym->type != STT_FILE &&
		    !ht_get(&interest, sym->name, NULL))
			ht_put(&interest, sym->name, (void *)sym->name);
}

void symtab_load(const char *path, const char *objfile, struct elf *obj, struct elf *other)
{
	int fd = open(path, O_RDONLY);
	char head[4097];
	ssize_t n;

	if (fd < 0)
		die(EXIT_ERROR, "SYMTAB %s: cannot open: %m", path);
	n = read(fd, head, sizeof(head) - 1);
	close(fd);
	head[n > 0 ? n : 0] = 0;
	/* the shape is checked now, the content when needed */
	if ((n < 4 || memcmp(head, ELFMAG, SELFMAG)) && !(strstr(head, "Num:") && strstr(head, "Value")))
		die(EXIT_ERROR, "SYMTAB %s: neither `readelf -s --wide` output nor an ELF file", path);
	lazy_path = path;
	lazy_obj = obj;
	our_file = objfile;
	ht_init(&interest, obj->nsyms + other->nsyms);
	add_interest(obj);
	add_interest(other);
}

static void load_now(void)
{
	unsigned char magic[4] = { 0 };
	const char *path = lazy_path;
	int fd;
	FILE *f;

	if (!path)
		return;
	lazy_path = NULL;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		die(EXIT_ERROR, "SYMTAB %s: cannot open: %m", path);
	if (read(fd, magic, 4) == 4 && !memcmp(magic, ELFMAG, SELFMAG)) {
		lseek(fd, 0, SEEK_SET);
		load_elf(path, fd);
		close(fd);
	} else {
		f = fdopen(fd, "r");
		if (!f)
			die(EXIT_ERROR, "SYMTAB %s: %m", path);
		load_text(path, f);
		fclose(f);
	}
	ht_init(&by_name, npsyms);
	for (size_t i = 0; i < npsyms; i++)
		ht_put(&by_name, psyms[i].name, &psyms[i]);
	find_block(lazy_obj);
}

unsigned long symtab_local_pos(const char *name, const char *user)
{
	size_t pos, n = 0, found = 0, total;

	load_now();
	total = ht_count(&by_name, name);

	for (struct psym *p = ht_get(&by_name, name, &pos); p; p = ht_next(&by_name, name, &pos)) {
		n++;
		if (p->local && our_block && p->block == our_block && !found)
			found = n;
	}
	if (!found)
		die(EXIT_ERROR, "%s: local symbol %s (used by %s) not found in the parent's symbol table under %s",
		    g_objname, name, user, our_file);
	return total > 1 ? found : 0;
}

unsigned long symtab_global_pos(const char *name)
{
	(void)name;
	return 0;
}

bool symtab_has_global(const char *name)
{
	size_t pos;

	load_now();
	for (struct psym *p = ht_get(&by_name, name, &pos); p; p = ht_next(&by_name, name, &pos))
		if (!p->local && p->defined)
			return true;
	return false;
}

void symvers_load(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];

	if (!f)
		die(EXIT_ERROR, "SYMVERS %s: cannot open: %m", path);
	ht_init(&exports, 1024);
	while (fgets(line, sizeof(line), f)) {
		char *crc = strtok(line, "\t\n"), *sym = strtok(NULL, "\t\n"), *mod = strtok(NULL, "\t\n");
		char *base, *m;

		if (!crc || !sym || !mod)
			continue;
		base = strrchr(mod, '/');
		base = base ? base + 1 : mod;
		m = xstrdup(base);
		for (char *q = m; *q; q++)
			if (*q == '-')
				*q = '_';
		export_mem = xrealloc(export_mem, (nexport_mem + 2) * sizeof(*export_mem));
		export_mem[nexport_mem++] = xstrdup(sym);
		export_mem[nexport_mem++] = m;
		ht_put(&exports, export_mem[nexport_mem - 2], m);
	}
	fclose(f);
}

const char *symvers_owner(const char *name)
{
	return ht_get(&exports, name, NULL);
}

void symtab_free(void)
{
	lazy_path = NULL;
	free(psyms);
	free(file_match);
	ht_free(&by_name);
	ht_free(&interest);
	for (size_t i = 0; i < nexport_mem; i++)
		free(export_mem[i]);
	free(export_mem);
	ht_free(&exports);
}
