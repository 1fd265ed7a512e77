/* The lines move AND an immediate in another argument of the same
 * call changes: __might_resched's offsets (%edx), the errno of
 * __btrfs_abort_transaction (%ecx). */
#include "kmacros.h"
#define OFFSETS 4
#define ERRNO -12
/* one more line */
struct btrfs_trans_handle;
extern void __might_resched(const char *file, int line, unsigned int offsets);
extern void __btrfs_abort_transaction(struct btrfs_trans_handle *trans, const char *function,
				      unsigned int line, int errno, _Bool first_hit);
extern int ext_internal(int);
int resched(int x)
{
	__might_resched(__FILE__, __LINE__, OFFSETS);
	return ext_internal(x) + 1;
}
int abort_it(struct btrfs_trans_handle *trans, int x)
{
	if (ext_internal(x))
		__btrfs_abort_transaction(trans, __func__, __LINE__, ERRNO, 1);
	return 0;
}
