/* Code whose only difference is a line number passed to a helper such as
 * __might_sleep(__FILE__, __LINE__): see the table in line-only.c. */
#ifndef CDO_LINE_ONLY_H
#define CDO_LINE_ONLY_H
#include <stdbool.h>
#include "elf-model.h"

void line_only_init(void);
void line_only_done(void);
/* PS (patched) and its twin OS are text sections of the same size whose
 * bytes differ only in line-number immediates of helper calls. */
bool line_only_diff(const struct sec *ps, const struct sec *os);

#endif
