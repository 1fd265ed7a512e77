/* The parent's symbol table (readelf -s --wide text, or the ELF itself) and
 * Module.symvers: which symbols exist where, and who exports what. */
#include "cdo.h"
#include "strtab-scan.h"
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

/* Only symbols named like one of our object's are kept: memory follows the
 * object, not the kernel. */
struct psym {
	const char *name;		/* borrowed from the object's model */
	uint64_t addr;
	size_t block;			/* number of STT_FILE entries before it */
	bool local;
	bool listed;			/* in kallsyms: defined, not absolute */
};

static struct psym *psyms;
static size_t npsyms, cappsyms;
static struct ht by_name;
static struct elf *objs[2];		/* only their names are of interest */
static struct ht obj_files;		/* FILE names of our objects */
static const char **block_file;		/* per parent FILE block: our objects' copy of its name, or NULL */
static size_t nblocks;
static struct ht blocks_by_file;	/* parent FILE blocks named like one of ours */
static size_t *block_map[2];		/* per object FILE block (sym->fileno): the parent's */
static bool by_address;			/* vmlinux: kallsyms is sorted by address */
static struct ht exports;
static char **export_mem;
static size_t nexport_mem;

static bool interesting(const struct sym *sym)
{
	return *sym->name && sym->type != STT_SECTION && sym->type != STT_FILE;
}

/* Only symbols named like one of our objects' (or their source files) are
 * kept from the parent: the objects' name tables are the filter, and the
 * name returned is theirs. */
static const char *interest(const char *name)
{
	for (int i = 0; i < 2; i++) {
		struct sym *s = ht_get(&objs[i]->sym_by_name, name, NULL);

		if (s)
			return s->name;
	}
	return ht_get(&obj_files, name, NULL);
}

/* A FILE symbol starts a new block of local symbols; those named like one
 * of our objects' sources are listed by name. */
static void new_block(const char *name, size_t *block)
{
	const char *key = name ? ht_get(&obj_files, name, NULL) : NULL;

	*block = ++nblocks;
	if (!(nblocks & (nblocks - 1)))
		block_file = xrealloc(block_file, nblocks * 2 * sizeof(*block_file));
	block_file[nblocks] = key;
	if (key)
		ht_put(&blocks_by_file, key, (void *)(uintptr_t)nblocks);
}

/* KEY: an object's copy of the name (see interest). */
static void add_psym(const char *key, bool local, bool listed, uint64_t addr, size_t block)
{
	struct psym *p;

	if (npsyms == cappsyms) {
		cappsyms = cappsyms ? cappsyms * 2 : 1024;
		psyms = xrealloc(psyms, cappsyms * sizeof(*psyms));
	}
	p = &psyms[npsyms++];
	p->name = key;
	p->addr = addr;
	p->local = local;
	p->listed = listed;
	p->block = block;
}

/* The parent ELF's .symtab, read directly: libelf would load the whole
 * (large) vmlinux. Symbols are read in chunks, and the string table is
 * only searched for the names of interest, a window at a time. */
static void load_elf(const char *path, int fd)
{
	Elf64_Ehdr eh;
	Elf64_Shdr sh[256], st = { 0 }, str;
	struct strtab_scan names;
	size_t block = 0, nsyms, shnum;
	enum { CHUNK = 1024 };
	Elf64_Sym *chunk;

	if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_shentsize != sizeof(Elf64_Shdr) ||
	    pread(fd, sh, sizeof(sh[0]), (off_t)eh.e_shoff) != sizeof(sh[0]))
		die(EXIT_ERROR, "SYMTAB %s: not a 64-bit little-endian ELF file", path);
	/* more than 0xff00 sections (a -ffunction-sections vmlinux): the
	 * count is in section 0 */
	shnum = eh.e_shnum ? eh.e_shnum : sh[0].sh_size;
	for (size_t i = 0; i < shnum && !st.sh_type; i += 256) {
		size_t n = shnum - i < 256 ? shnum - i : 256;

		if (pread(fd, sh, n * sizeof(sh[0]), (off_t)(eh.e_shoff + i * sizeof(sh[0]))) != (ssize_t)(n * sizeof(sh[0])))
			die(EXIT_ERROR, "SYMTAB %s: truncated section headers", path);
		for (size_t k = 0; k < n && !st.sh_type; k++)
			if (sh[k].sh_type == SHT_SYMTAB)
				st = sh[k];
	}
	if (!st.sh_type || st.sh_link >= shnum || st.sh_entsize != sizeof(Elf64_Sym) ||
	    pread(fd, &str, sizeof(str), (off_t)(eh.e_shoff + st.sh_link * sizeof(str))) != sizeof(str))
		die(EXIT_ERROR, "SYMTAB %s: no usable symbol table", path);
	strtab_scan_init(&names, interest);
	for (int i = 0; i < 2; i++)
		for_each_sym(objs[i], sym)
			if (interesting(sym))
				strtab_want(&names, sym->name);
	for (int i = 0; i < 2; i++)
		for_each_sym(objs[i], sym)
			if (sym->type == STT_FILE && *sym->name)
				strtab_want(&names, sym->name);
	strtab_scan(&names, path, fd, str.sh_offset, str.sh_size);
	nsyms = st.sh_size / sizeof(Elf64_Sym);
	chunk = xcalloc(CHUNK, sizeof(*chunk));
	for (size_t i = 1; i < nsyms; i += CHUNK - 1) {
		size_t n = nsyms - i < CHUNK - 1 ? nsyms - i : CHUNK - 1;

		if (pread(fd, chunk, n * sizeof(*chunk), (off_t)(st.sh_offset + i * sizeof(*chunk))) !=
		    (ssize_t)(n * sizeof(*chunk)))
			die(EXIT_ERROR, "SYMTAB %s: truncated symbol table", path);
		for (size_t k = 0; k < n; k++) {
			const char *key;

			if (chunk[k].st_name >= str.sh_size)
				die(EXIT_ERROR, "SYMTAB %s: symbol %zu: bad name", path, i + k);
			key = strtab_key_at(&names, chunk[k].st_name);
			if (ELF64_ST_TYPE(chunk[k].st_info) == STT_FILE)
				new_block(key, &block);
			else if (key && ELF64_ST_TYPE(chunk[k].st_info) != STT_SECTION)
				add_psym(key, ELF64_ST_BIND(chunk[k].st_info) == STB_LOCAL,
					 chunk[k].st_shndx != SHN_UNDEF && chunk[k].st_shndx != SHN_ABS, chunk[k].st_value, block);
		}
	}
	free(chunk);
	strtab_scan_free(&names);
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
		const char *name, *key;
		int n = split_fields(line, fl, 8);
		size_t len;

		if (n < 7 || !(len = strlen(fl[0])) || fl[0][len - 1] != ':' || !strcmp(fl[0], "Num:"))
			continue;
		seen = true;
		if (!strcmp(fl[0], "0:"))
			continue;
		name = n > 7 ? fl[7] : "";
		if (!strcmp(fl[3], "FILE"))
			new_block(name, &block);
		else if ((key = interest(name)) && strcmp(fl[3], "SECTION"))
			add_psym(key, !strcmp(fl[4], "LOCAL"), strcmp(fl[6], "UND") && strcmp(fl[6], "ABS"),
				 strtoull(fl[1], NULL, 16), block);
	}
	free(line);
	if (!seen)
		die(EXIT_ERROR, "SYMTAB %s: no symbols (expected `readelf -s --wide` output or an ELF file)", path);
}

/* The parent's FILE block of the object block of OBJ that ends before
 * symbol END: of the blocks named like it, the one holding the most of its
 * local symbols (the first of those). SCORE: zeroed counters per parent
 * block, left zeroed. */
static size_t match_block(struct elf *obj, size_t start, size_t end, size_t *score)
{
	const char *file = obj->syms[start].file;
	size_t pos, best = 0;

	for (size_t i = start; i < end; i++) {
		const struct sym *sym = &obj->syms[i];

		if (sym->bind != STB_LOCAL || !sym->sec || (sym->type != STT_FUNC && sym->type != STT_OBJECT))
			continue;
		for (struct psym *p = ht_get(&by_name, sym->name, &pos); p; p = ht_next(&by_name, sym->name, &pos))
			if (p->local && p->block && block_file[p->block] && !strcmp(block_file[p->block], file))
				score[p->block]++;
	}
	for (void *v = ht_get(&blocks_by_file, file, &pos); v; v = ht_next(&blocks_by_file, file, &pos)) {
		size_t b = (uintptr_t)v;

		if (!best || score[b] > score[best] || (score[b] == score[best] && b < best))
			best = b;
	}
	for (void *v = ht_get(&blocks_by_file, file, &pos); v; v = ht_next(&blocks_by_file, file, &pos))
		score[(uintptr_t)v] = 0;
	return best;
}

/* Each FILE block of our objects (an ld -r object holds one per source)
 * and the parent's block it is: local symbols are looked up there. */
static void map_blocks(void)
{
	size_t *score = xcalloc(nblocks + 1, sizeof(*score));

	for (int i = 0; i < 2; i++) {
		struct elf *obj = objs[i];
		size_t start = 0, nfiles = obj->nsyms ? obj->syms[obj->nsyms - 1].fileno : 0;

		block_map[i] = xcalloc(nfiles + 1, sizeof(*block_map[i]));
		for (size_t k = 1; k <= obj->nsyms; k++)
			if (k == obj->nsyms || obj->syms[k].fileno != obj->syms[start].fileno) {
				if (obj->syms[start].fileno)
					block_map[i][obj->syms[start].fileno] = match_block(obj, start, k, score);
				start = k;
			}
	}
	free(score);
}

static const char *lazy_path;

/* Opened now so a missing file is reported at once; read only when a
 * symbol is first looked up (a run with no changes never needs it). */
void symtab_load(const char *path, struct elf *obj, struct elf *other, bool vmlinux)
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
	objs[0] = obj;
	objs[1] = other;
	ht_init(&obj_files, 8);
	ht_init(&blocks_by_file, 8);
	for (int i = 0; i < 2; i++)
		for_each_sym(objs[i], sym)
			if (sym->type == STT_FILE && *sym->name && !ht_get(&obj_files, sym->name, NULL))
				ht_put(&obj_files, sym->name, (void *)sym->name);
	by_address = vmlinux;
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
	ht_init_items(&by_name, psyms, sizeof(*psyms), offsetof(struct psym, name), npsyms);
	for (size_t i = 0; i < npsyms; i++)
		ht_put_item(&by_name, i);
	map_blocks();
}

/* The kernel finds a symbol of a livepatch relocation by name and position
 * among the same-named symbols of kallsyms: sorted by address for vmlinux,
 * in symbol table order for a module. 0 when the name is unique. */
static unsigned long position(const char *name, const struct psym *target)
{
	size_t pos, total = 0, before = 0;

	for (struct psym *p = ht_get(&by_name, name, &pos); p; p = ht_next(&by_name, name, &pos)) {
		if (!p->listed)
			continue;
		total++;
		if (p != target && (by_address ? p->addr < target->addr || (p->addr == target->addr && p < target)
					       : p < target))
			before++;
	}
	return total > 1 ? before + 1 : 0;
}

unsigned long symtab_local_pos(const struct sym *sym, const char *user)
{
	int i = sym >= objs[1]->syms && sym < objs[1]->syms + objs[1]->nsyms;
	size_t pos, block;

	load_now();
	block = block_map[i][sym->fileno];
	for (struct psym *p = ht_get(&by_name, sym->name, &pos); p; p = ht_next(&by_name, sym->name, &pos))
		if (p->local && p->listed && block && p->block == block)
			return position(sym->name, p);
	die(EXIT_ERROR, "local symbol %s (used by %s) not found in the parent's symbol table under %s",
	    sym->name, user, sym->file);
}

static const struct psym *find_global(const char *name)
{
	size_t pos;

	load_now();
	for (struct psym *p = ht_get(&by_name, name, &pos); p; p = ht_next(&by_name, name, &pos))
		if (!p->local && p->listed)
			return p;
	return NULL;
}

unsigned long symtab_global_pos(const char *name)
{
	const struct psym *p = find_global(name);

	return p ? position(name, p) : 0;
}

bool symtab_has_global(const char *name)
{
	return find_global(name) != NULL;
}

void symvers_load(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];

	if (!f)
		die(EXIT_ERROR, "SYMVERS %s: cannot open: %m", path);
	ht_init(&exports, 64);
	while (fgets(line, sizeof(line), f)) {
		char *crc = strtok(line, "\t\n"), *sym = strtok(NULL, "\t\n"), *mod = strtok(NULL, "\t\n");
		char *base, *m;

		if (!crc || !sym || !mod || !interest(sym))
			continue;
		base = strrchr(mod, '/');
		base = base ? base + 1 : mod;
		m = xstrdup(base);
		for (char *q = m; *q; q++)
			if (*q == '-')
				*q = '_';
		/* two at a time from 0: an even count, so room for both */
		export_mem = xgrow(export_mem, nexport_mem, sizeof(*export_mem));
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
	free(block_file);
	free(block_map[0]);
	free(block_map[1]);
	ht_free(&by_name);
	ht_free(&obj_files);
	ht_free(&blocks_by_file);
	for (size_t i = 0; i < nexport_mem; i++)
		free(export_mem[i]);
	free(export_mem);
	ht_free(&exports);
	/* a later run (the fuzz harness) starts from nothing */
	psyms = NULL;
	block_file = NULL;
	block_map[0] = block_map[1] = NULL;
	export_mem = NULL;
	npsyms = cappsyms = nblocks = nexport_mem = 0;
}
