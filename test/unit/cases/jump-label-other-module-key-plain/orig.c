/* A module's function tests a static key that another module defines and
 * exports (kvm_amd and kvm's kvm_has_noapic_vcpu). */
#include "kmacros.h"
extern struct static_key other_key;
int mod_fn(int x)
{
	if (static_branch_unlikely(&other_key))
		return x + 1;
	return x;
}
