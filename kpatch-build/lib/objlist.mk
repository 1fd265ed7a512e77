# Read after scripts/Makefile.build for one directory (obj=DIR): prints what
# kbuild builds there, from kbuild's own lists, one object a line:
#   y OBJ          built into vmlinux (obj-y, lib-y, and their parts)
#   m OBJ MODULE   part of module MODULE (its path without .ko)
#   d DIR          a subdirectory kbuild descends into from here
klp-strip = $(patsubst $(obj)/%,%,$(1))
klp-parts = $(addprefix $(obj)/,$(call suffix-search,$(call klp-strip,$(1)),.o,-objs -y -m))

klp-objlist:
	@:$(foreach d,$(subdir-ym),$(info d $(d)))
	@:$(foreach o,$(filter %.o,$(real-obj-y) $(lib-y)),$(info y $(o)))
	@:$(foreach c,$(filter %.o,$(obj-m)),$(if $(filter $(c),$(multi-obj-m)),$(foreach o,$(call klp-parts,$(c)),$(info m $(o) $(c:.o=))),$(info m $(c) $(c:.o=))))
