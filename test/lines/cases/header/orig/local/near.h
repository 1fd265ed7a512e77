/* A header included as "local/../local/near.h": __FILE__ keeps the "..". */
static inline void near_check(int x)
{
	WARN_ON(x == 7);
}
