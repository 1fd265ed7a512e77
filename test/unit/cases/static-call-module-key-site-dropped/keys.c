/* The module's static call key. */
#include "kmacros.h"
struct static_key mod_sc_key;
