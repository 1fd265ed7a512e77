/* An enum none of whose constants is used is renumbered. */
enum state {
	S_IDLE,
#ifdef PATCHED
	S_NEW,
#endif
	S_BUSY,
};
int f(int x) { return x; }
