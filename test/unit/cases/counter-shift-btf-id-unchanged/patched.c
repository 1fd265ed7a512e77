/* BTF IDs as <linux/btf_ids.h> makes them: a local symbol per ID in
 * .BTF_ids named with __COUNTER__ and __LINE__, a list a global read-only
 * table points into. */
#define ___PASTE(a, b)	a##b
#define __PASTE(a, b)	___PASTE(a, b)
#define __stringify_1(x) #x
#define __stringify(x)	__stringify_1(x)
#define BTF_ID_LIST(name) \
	asm(".pushsection .BTF_ids,\"a\"\n.local " #name "\n" #name ":\n.popsection\n"); \
	extern unsigned int name[];
#define __BTF_ID(sym) \
	asm(".pushsection .BTF_ids,\"a\"\n.local " __stringify(sym) "\n.type " __stringify(sym) \
	    ", STT_OBJECT\n.size " __stringify(sym) ", 4\n" __stringify(sym) ":\n.long 0\n.popsection\n");
#define BTF_ID(prefix, name) __BTF_ID(__PASTE(__PASTE(__BTF_ID__##prefix##__##name##__, __COUNTER__), __LINE__))

struct proto { int (*fn)(int); const unsigned int *ret_btf_id; };
extern int ext_internal(int); enum { __PASTE(header_took_, __COUNTER__) };

BTF_ID_LIST(sock_ids)
BTF_ID(struct, socket)
BTF_ID(struct, file)

int sock_fn(int x)
{
	return ext_internal(x) + 1;
}
const struct proto sock_proto = { .fn = sock_fn, .ret_btf_id = &sock_ids[1] };
