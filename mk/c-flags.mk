# Flags every C part builds with; `make SANITIZE=1` gives the ASan+UBSan
# build of the same programs in san/ instead of build/.
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE
PREFIX  ?= /usr/local

OUT := build
ifeq ($(SANITIZE),1)
OUT     := san
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
