/* 1024 functions, each with its own static local and string; one (fn_21302) changes.
 * Exercises the tool's lookup tables at a size where collisions happen. */
#include "kmacros.h"
#define F(n)								\
	noinline int fn_##n(int x)					\
	{								\
		static int calls;					\
		calls += x;						\
		if (unlikely(x == n))					\
			printk("fn_" #n " %d\n", x);			\
		return calls + n * CHANGE(n);				\
	}
#define CHANGE(n) ((n) == 21302 ? 4 : 1)
#define F4(n) F(n##0) F(n##1) F(n##2) F(n##3)
#define F16(n) F4(n##0) F4(n##1) F4(n##2) F4(n##3)
#define F64(n) F16(n##0) F16(n##1) F16(n##2) F16(n##3)
#define F256(n) F64(n##0) F64(n##1) F64(n##2) F64(n##3)
F256(1) F256(2) F256(3) F256(5)
