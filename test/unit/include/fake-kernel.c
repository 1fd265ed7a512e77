// SPDX-License-Identifier: GPL-2.0
/* The rest of a fake vmlinux: definitions of what unit cases reference. */
#include "kmacros.h"

void __fentry__(void) { }
void __might_sleep(const char *file, int line) { (void)file; (void)line; }
int _printk(const char *fmt, ...) { (void)fmt; return 0; }
int ext_exported(int x) { return x; }
int ext_internal(int x) { return x + 1; }
int ext_other(int x) { return x + 2; }
int ext_array[8];
struct static_key kernel_key;
struct static_key sc_key;
void cold_fail(void) { }
int ext_two(const char *s, int n) { return s[0] + n; }
