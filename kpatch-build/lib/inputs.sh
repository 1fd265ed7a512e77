# kpatch-build: the target kernel's inputs at Debian's paths (or given), and
# the checks that refuse a wrong input before anything is built.
# Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

kernel_series() { sed -n 's/^\([0-9]*\.[0-9]*\).*/\1/p' <<<"$kver"; }

# The first existing path of the candidates; empty if none.
first_file() {
	local c
	for c in "$@"; do
		[[ -f $c ]] && { echo "$c"; return 0; }
	done
	return 0
}

# The package that provides a missing input, for the message.
need_package() { # WHAT PACKAGE
	die "$E_USAGE" "no $1 for $kver${sysroot:+ under $sysroot} (apt-get install $2)"
}

# The kernel banner ("Linux version KVER (...) ... Debian 6.1.192-3 ...") of a
# vmlinux, cached by file identity: reading it is a scan of a large file.
vmlinux_banner() {
	local key cache
	key=$(stat -L -c '%n %s %Y' "$vmlinux" | sha256sum | cut -c1-16)
	cache=$KLP_CACHE/banner/$key
	if [[ ! -s $cache ]]; then
		mkdir -p "$KLP_CACHE/banner"
		LC_ALL=C grep -a -m1 -o 'Linux version [^ ]* ([^%]*' "$vmlinux" | head -1 | tr -cd '[:print:]' >"$cache.$$" || true
		mv "$cache.$$" "$cache"
	fi
	cat "$cache"
}

# The release this build is for: -a, else the only kernel of a --sysroot,
# else the running kernel.
target_release() {
	if [[ -n $archversion ]]; then
		kver=$archversion
	elif [[ -n $sysroot ]]; then
		local configs=("$sysroot"/boot/config-*)
		[[ -f ${configs[0]} ]] || die "$E_USAGE" "--sysroot $sysroot has no boot/config-* (unpack linux-image-KVER-unsigned there, or give -a)"
		[[ ${#configs[@]} -eq 1 ]] || die "$E_USAGE" "--sysroot $sysroot holds several kernels; choose one with -a KVER"
		kver=${configs[0]##*/config-}
	else
		kver=$(uname -r)
	fi
}

find_inputs() {
	local root=$sysroot debug_dir
	target_release
	debug_dir=$root/usr/lib/debug
	if [[ -z $config ]]; then
		config=$(first_file "$root/boot/config-$kver")
		[[ -n $config ]] || need_package "kernel config (/boot/config-$kver)" "linux-image-$kver"
	fi
	[[ -f $config ]] || die "$E_USAGE" "config $config not found"
	config=$(readlink -f "$config")
	if [[ -z $vmlinux ]]; then
		vmlinux=$(first_file "$(dirname "$config")/vmlinux" "$debug_dir/boot/vmlinux-$kver" \
			"$debug_dir/vmlinux-$kver" "$debug_dir/lib/modules/$kver/vmlinux")
		[[ -n $vmlinux ]] || need_package "vmlinux with symbols" "linux-image-$kver-dbg"
	fi
	[[ -f $vmlinux ]] || die "$E_USAGE" "vmlinux $vmlinux not found"
	vmlinux=$(readlink -f "$vmlinux")
	# A kernel build directory holds its own modules and Module.symvers beside vmlinux.
	kernel_dir=$(dirname "$vmlinux")
	banner=$(vmlinux_banner)
	[[ -n $banner ]] || die "$E_CHECK" "$vmlinux has no kernel banner ('Linux version ...'): not a vmlinux?"
	local release
	release=$(awk '{ print $3 }' <<<"$banner")
	if [[ -n $archversion && $release != "$archversion" ]]; then
		die "$E_CHECK" "$vmlinux is release $release, not $archversion"
	fi
	kver=$release
	symvers=$(first_file "$kernel_dir/Module.symvers" "$root/usr/src/linux-headers-$kver/Module.symvers")
	[[ -n $symvers || -n $root ]] || symvers=$(first_file "/lib/modules/$kver/build/Module.symvers")
	if [[ -z $symvers ]]; then
		grep -q '^CONFIG_MODVERSIONS=y' "$config" && need_package "Module.symvers (the kernel's exports and their CRCs)" "linux-headers-$kver"
		symvers=/dev/null
	fi
	module_dirs=("$kernel_dir" "$debug_dir/lib/modules/$kver/kernel" "$root/lib/modules/$kver/kernel"
		"$root/lib/modules/$kver/updates")
	if [[ -z $srcdir ]]; then
		local series
		series=$(kernel_series)
		srcdir=$(first_file "$root/usr/src/linux-source-$series.tar.xz" "/usr/src/linux-source-$series.tar.xz")
		[[ -n $srcdir ]] || need_package "kernel source (/usr/src/linux-source-$series.tar.xz)" "linux-source-$series"
	fi
}

# The source must be the kernel's own version: a patch built from other source
# binds to functions that are not the running ones. The banner of a Debian
# kernel carries its package version ("Debian 6.1.192-3"), the source
# package's changelog its own; otherwise the upstream versions are compared.
banner_debian_version() { sed -n 's/.* Debian \([0-9][^ ]*\).*/\1/p' <<<"$banner"; }

check_tarball_version() { # TARBALL
	local want have
	want=$(banner_debian_version)
	have=$(klp_tarball_debian_version "$1")
	[[ -z $want || -z $have || $want == "$have" ]] ||
		die "$E_CHECK" "source $1 is Debian $have, but $kver was built from Debian $want (apt-get install linux-source-$(kernel_series)=$want, or apt-get download it and give -s)"
}

check_source_version() {
	local want have
	want=$(banner_debian_version)
	want=${want%%-*}
	[[ -n $want ]] || want=$(sed -n 's/^\([0-9]*\.[0-9]*\(\.[0-9]*\)\{0,1\}\).*/\1/p' <<<"$kver")
	# Read once here; the prepared tree's key uses it too.
	source_version=$(make -s -C "$srcdir" kernelversion 2>/dev/null) || die "$E_CHECK" "cannot read the version of $user_tree"
	have=$source_version
	[[ $have == "$want" ]] ||
		die "$E_CHECK" "source $user_tree is Linux $have, but $kver was built from Linux $want (use the kernel's own source)"
}

# What a livepatch needs from the config; refusing here saves a long build.
check_config() {
	local need
	for need in CONFIG_LIVEPATCH CONFIG_MODULES CONFIG_KALLSYMS_ALL CONFIG_FUNCTION_TRACER CONFIG_DYNAMIC_FTRACE; do
		grep -q "^$need=y" "$config" || die "$E_CHECK" "$config: $need is not set; a livepatch needs it"
	done
	grep -qE '^CONFIG_DYNAMIC_FTRACE_WITH_(REGS|ARGS)=y' "$config" ||
		die "$E_CHECK" "$config: neither CONFIG_DYNAMIC_FTRACE_WITH_REGS nor _ARGS is set; livepatch redirects functions through ftrace"
	grep -q '^CONFIG_X86_64=y' "$config" || die "$E_CHECK" "$config: only x86_64 kernels are supported"
	! grep -q '^CONFIG_LTO_CLANG=y' "$config" || die "$E_CHECK" "$config: CONFIG_LTO_CLANG kernels cannot be diffed per object"
	! grep -q '^CONFIG_TRIM_UNUSED_KSYMS=y' "$config" || die "$E_CHECK" "$config: CONFIG_TRIM_UNUSED_KSYMS hides the exports a patch needs"
}

# The compiler must be the one that built the kernel. Debian's config names
# it (CONFIG_CC_VERSION_TEXT="gcc-12 (Debian ...)"); that binary is used
# when present, else gcc.
check_compiler() {
	local built ours cc
	cc=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(gcc-[0-9][0-9]*\) .*/\1/p' "$config")
	[[ -n $cc ]] && command -v "$cc" >/dev/null || cc=gcc
	export KPATCH_CC_COMPILER=$cc
	built=$(readelf -p .comment "$vmlinux" 2>/dev/null | sed -n 's/.*\(GCC: .*\)$/\1/p' | head -1)
	ours="GCC: $("$cc" --version | head -1 | sed 's/^[^ ]* //')"
	[[ $skip_compiler_check -eq 1 ]] && return 0
	[[ -n $built ]] || die "$E_CHECK" "$vmlinux has no GCC .comment; cannot tell its compiler (use --skip-compiler-check)"
	[[ $built == "$ours" ]] ||
		die "$E_CHECK" "compiler mismatch: $vmlinux was built by '$built', this $cc is '$ours' (use --skip-compiler-check at your own risk)"
}

# The running module's symbols: a build directory's, Debian's -dbg, then the
# installed one (compressed modules are unpacked into the temp directory).
module_symtab() { # NAME REL (REL: the module's path in the tree, without .ko)
	local d c ext
	[[ -z $oot_module ]] || { echo "$oot_module"; return 0; }
	for d in "${module_dirs[@]}"; do
		for ext in .ko .ko.xz .ko.zst .ko.gz; do
			c=$d/$2$ext
			[[ -f $c ]] || continue
			case $ext in
			.ko) echo "$c"; return 0 ;;
			.ko.xz) xz -dc "$c" >"$tmp/$1.ko" ;;
			.ko.zst) zstd -qdc "$c" >"$tmp/$1.ko" ;;
			.ko.gz) gzip -dc "$c" >"$tmp/$1.ko" ;;
			esac || die "$E_CHECK" "cannot decompress $c"
			echo "$tmp/$1.ko"
			return 0
		done
	done
	die "$E_CHECK" "no symbols for module $1 ($2.ko) of $kver: looked in ${module_dirs[*]} (apt-get install linux-image-$kver-dbg)"
}
