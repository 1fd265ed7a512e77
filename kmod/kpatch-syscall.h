/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kpatch-syscall.h: for patches written for kpatch, which ships this header
 * beside kpatch-macros.h and whose syscall patches `#include
 * "kpatch-syscall.h"`. Our kpatch-macros.h already defines
 * KPATCH_SYSCALL_DEFINE1..6 (see there for why a syscall needs them); this
 * header only makes that include work and adds kpatch's generic form.
 * kpatch's version also emitted dummy syscall metadata and ignored it:
 * ours leaves the running kernel's metadata alone, so there is none.
 */
#ifndef KPATCH_SYSCALL_H
#define KPATCH_SYSCALL_H

#include "kpatch-macros.h"

#ifndef KPATCH_SYSCALL_DEFINEx
#define KPATCH_SYSCALL_DEFINEx(x, sname, ...) __KPATCH_SYSCALL_DEFINEx(x, sname, __VA_ARGS__)
#endif

#endif /* KPATCH_SYSCALL_H */
