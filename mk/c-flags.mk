# Flags every C part builds with; `make SANITIZE=1` gives the ASan+UBSan
# build of the same programs in san/ instead of build/.
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE
# The same bytes from any checkout: kpatch-build names a prepared tree's
# recorded digests by the bytes of used-decls (a clone elsewhere would make
# every tree again); the debug info and __FILE__ name paths from the top.
TOP_DIR := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
CFLAGS  += -ffile-prefix-map=$(TOP_DIR)/=
PREFIX  ?= /usr/local

OUT := build
ifeq ($(SANITIZE),1)
OUT     := san
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
