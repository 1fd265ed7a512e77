/* Helpers whose line argument is the third one (%edx): btrfs, ext4;
 * only the lines move. */
#include "kmacros.h"
struct btrfs_trans_handle;
struct btrfs_fs_info;
struct super_block;
extern void __btrfs_abort_transaction(struct btrfs_trans_handle *trans, const char *function,
				      unsigned int line, int errno, _Bool first_hit);
extern void __btrfs_handle_fs_error(struct btrfs_fs_info *fs_info, const char *function,
				    unsigned int line, int errno, const char *fmt, ...);
extern void __btrfs_panic(struct btrfs_fs_info *fs_info, const char *function,
			  unsigned int line, int errno, const char *fmt, ...);
extern void __ext4_error(struct super_block *sb, const char *function, unsigned int line,
			 _Bool force_ro, int error, unsigned long long block, const char *fmt, ...);
extern int ext_internal(int);
#define btrfs_abort_transaction(trans, errno) \
	__btrfs_abort_transaction((trans), __func__, __LINE__, (errno), 1)
int abort_it(struct btrfs_trans_handle *trans, int x)
{
	int ret = ext_internal(x);

	if (ret)
		btrfs_abort_transaction(trans, ret);
	return ret;
}
int handle_it(struct btrfs_fs_info *fs_info, int x)
{
	int ret = ext_internal(x);

	if (ret)
		__btrfs_handle_fs_error(fs_info, __func__, __LINE__, ret, "failed %d", x);
	return ret;
}
int panic_it(struct btrfs_fs_info *fs_info, int x)
{
	int ret = ext_internal(x);

	if (ret < -100)
		__btrfs_panic(fs_info, __func__, __LINE__, ret, "bad %d", x);
	return ret;
}
int ext4_it(struct super_block *sb, int x)
{
	int ret = ext_internal(x);

	if (ret)
		__ext4_error(sb, __func__, __LINE__, 0, ret, 0, "inode %d", x);
	return ret;
}
