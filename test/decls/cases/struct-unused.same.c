/* A struct nothing names gains a member. */
struct svc_serv {
	int sv_nrthreads;
#ifdef PATCHED
	unsigned long sv_rpcb_failures;
#endif
	void *sv_pools;
};
int f(int x) { return x; }
