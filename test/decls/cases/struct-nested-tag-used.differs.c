/* struct outer is not named, but it defines struct inner, which is. */
struct outer {
	struct inner {
		int a;
#ifdef PATCHED
		int b;
#endif
		int c;
	} i;
};
int f(struct inner *p) { return p->c; }
