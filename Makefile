# Top-level build: each part has its own Makefile; this one only delegates.
PREFIX  ?= /usr/local
DESTDIR ?=
export PREFIX DESTDIR

# Parts are built in this order when present.
PARTS := create-diff-object kpatch kpatch-build kmod man contrib
BUILT := $(foreach p,$(PARTS),$(if $(wildcard $(p)/Makefile),$(p)))

.PHONY: all deps install check fuzz demo rpm clean $(BUILT)

all: $(BUILT)

$(BUILT):
	$(MAKE) -C $@

deps:
	scripts/install-deps build

install: all
	@for p in $(BUILT); do $(MAKE) -C $$p install || exit 1; done

# Installs what the tests need (as root), builds, runs every suite.
check:
	scripts/install-deps all
	$(MAKE) all
	test/run-all

# Every libFuzzer target (fuzz/) for FUZZ_SECONDS each (default 60); seeds
# are compiled at run time. Needs clang (scripts/install-deps test).
FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) -C fuzz run FUZZ_SECONDS=$(FUZZ_SECONDS)

# The main job on the built-in default: the bundled example patch becomes a
# module that a QEMU-booted kernel loads, shows, and unloads.
demo:
	scripts/install-deps all
	$(MAKE) all
	test/integration/demo

rpm:
	scripts/install-deps build package
	$(MAKE) -C contrib rpm

clean:
	@for p in $(BUILT); do $(MAKE) -C $$p clean || exit 1; done
	$(MAKE) -C fuzz clean
	rm -rf test/out
