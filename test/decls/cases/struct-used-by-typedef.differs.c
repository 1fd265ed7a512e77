/* A struct used through its typedef gains a member before the one read. */
struct svc_serv {
	int sv_nrthreads;
#ifdef PATCHED
	unsigned long sv_rpcb_failures;
#endif
	void *sv_pools;
};
typedef struct svc_serv serv_t;
void *f(serv_t *s) { return s->sv_pools; }
