/* Two static variables share one section (gcc puts first_v at offset 4);
 * gas writes PC-relative references to first_v as .data.pair + 0, which
 * reads like second_v + 0 unless the -4 of the PC-relative form is kept. */
#include "kmacros.h"
static int first_v __section(".data.pair") __used = 1;
static int second_v __section(".data.pair") __used = 2;
int get_first(void) { return first_v + 3; }
int get_second(void) { return second_v; }
