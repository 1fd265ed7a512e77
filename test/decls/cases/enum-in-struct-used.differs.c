/* An enum defined inside a struct nothing names; its constant is used. */
struct holder {
	enum { H_A,
#ifdef PATCHED
		H_X,
#endif
		H_B } kind;
};
int f(void) { return H_B; }
