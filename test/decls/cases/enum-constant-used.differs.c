/* A used constant is renumbered by an inserted one. */
enum {
	S_IDLE,
#ifdef PATCHED
	S_NEW,
#endif
	S_BUSY,
};
int f(void) { return S_BUSY; }
