/* Names the kernel makes with __COUNTER__ (__UNIQUE_ID_ddebug123,
 * __BTF_ID__struct__sock__1836L for counter 1836 on line L,
 * __initcall__kmod_filter__1856_12239_fn7): the number says how many such
 * names the translation unit made before, so a header change that adds or
 * removes one renumbers every later name of the file although nothing
 * else changed. Their digits are not part of what they are: they are
 * paired by the rest of the name, and by order among those of one key. */
#include "cdo.h"
#include <stdlib.h>
#include <string.h>

static const char *const counter_prefixes[] = {
	"__UNIQUE_ID_",		/* <linux/compiler.h> __UNIQUE_ID(prefix) */
	"__BTF_ID__",		/* <linux/btf_ids.h> __ID(prefix): counter, then line */
	"__initcall__",		/* <linux/init.h> __initcall_id(fn) */
	"__initstub__",		/* the same id, clang LTO's stub */
};

/* At the start, or after clang's FUNC. of a static local. */
static bool has_counter_prefix(const char *name)
{
	const char *dot = strrchr(name, '.'), *word = dot ? dot + 1 : name;

	for (size_t i = 0; i < sizeof(counter_prefixes) / sizeof(counter_prefixes[0]); i++)
		if (!strncmp(name, counter_prefixes[i], strlen(counter_prefixes[i])) ||
		    !strncmp(word, counter_prefixes[i], strlen(counter_prefixes[i])))
			return true;
	return false;
}

bool counter_key(const char *name, char *out, size_t outlen)
{
	size_t n = 0;

	if (!has_counter_prefix(name))
		return false;
	/* a digit run at the end, or between '_'s, is a number (counter,
	 * line, initcall level); one inside a word (ip6_, ddebug) is not,
	 * except at the end: __COUNTER__ is pasted onto the prefix */
	for (const char *p = name; *p;) {
		size_t run = strspn(p, "0123456789");

		if (run && ((p > name && p[-1] == '_' && (p[run] == '_' || !p[run])) || !p[run])) {
			if (n + 1 >= outlen)
				return false;
			out[n++] = '#';
			p += run;
			continue;
		}
		if (!run)
			run = 1;
		if (n + run >= outlen)
			return false;
		memcpy(out + n, p, run);
		n += run;
		p += run;
	}
	out[n] = 0;
	return true;
}

bool same_counter_key(const char *a, const char *b)
{
	char ka[512], kb[512];

	return counter_key(a, ka, sizeof(ka)) && counter_key(b, kb, sizeof(kb)) && !strcmp(ka, kb);
}

static bool pairable(const struct sym *s)
{
	return !s->twin && s->sec && !s->parent && s->type != STT_SECTION && s->type != STT_FILE;
}

/* ELF's uncorrelated counter-named symbols by key (keys owned by KEYS). */
static char **index_keys(struct elf *elf, struct ht *t, size_t *nkeys)
{
	char **keys = xcalloc(elf->nsyms ? elf->nsyms : 1, sizeof(*keys));

	*nkeys = 0;
	ht_init(t, 64);
	for_each_sym(elf, s) {
		char key[512];

		if (!pairable(s) || !counter_key(s->base, key, sizeof(key)))
			continue;
		keys[*nkeys] = xstrdup(key);
		ht_put(t, keys[(*nkeys)++], s);
	}
	return keys;
}

static int by_idx(const void *a, const void *b)
{
	const struct sym *x = *(struct sym *const *)a, *y = *(struct sym *const *)b;

	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* The uncorrelated symbols of KEY in T, in symbol table order. */
static struct sym **group(const struct ht *t, const char *key, size_t *n)
{
	size_t pos, cap = ht_count(t, key);
	struct sym **g = xcalloc(cap ? cap : 1, sizeof(*g));

	*n = 0;
	for (struct sym *s = ht_get(t, key, &pos); s; s = ht_next(t, key, &pos))
		if (pairable(s))
			g[(*n)++] = s;
	qsort(g, *n, sizeof(*g), by_idx);
	return g;
}

/* The n-th of a key in the patched object is the n-th in the original,
 * when both hold as many of it and they are of the same kinds; otherwise
 * (one added or removed) none of the key is paired: left without a twin,
 * its users read as changed. */
static void pair_group(const struct ht *pt, const struct ht *ot, const char *key)
{
	size_t np, no;
	struct sym **p = group(pt, key, &np), **o = group(ot, key, &no);
	bool ok = np == no;

	for (size_t i = 0; ok && i < np; i++)
		ok = p[i]->type == o[i]->type && p[i]->bind == o[i]->bind;
	for (size_t i = 0; ok && i < np; i++) {
		p[i]->twin = o[i];
		o[i]->twin = p[i];
	}
	free(p);
	free(o);
}

void correlate_counter_names(struct ctx *c)
{
	struct ht pt, ot, done;
	size_t npkeys, nokeys;
	char **pkeys = index_keys(&c->patched, &pt, &npkeys), **okeys = index_keys(&c->orig, &ot, &nokeys);
	ht_init(&done, 64);
	for (size_t i = 0; i < npkeys; i++) {
		if (ht_get(&done, pkeys[i], NULL))
			continue;
		ht_put(&done, pkeys[i], pkeys[i]);
		pair_group(&pt, &ot, pkeys[i]);
	}
	ht_free(&done);
	ht_free(&pt);
	ht_free(&ot);
	for (size_t i = 0; i < npkeys; i++)
		free(pkeys[i]);
	for (size_t i = 0; i < nokeys; i++)
		free(okeys[i]);
	free(pkeys);
	free(okeys);
}
