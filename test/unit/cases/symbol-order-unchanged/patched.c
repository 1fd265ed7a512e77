/* Same code, different definition order: symbol and section indices move. */
#include "kmacros.h"
extern int ext_exported(int);
int second_var = 2;
int first_var = 1;
int first(int x);
int second(int x) { return first(x) + second_var; }
int first(int x) { return ext_exported(x) + first_var; }
