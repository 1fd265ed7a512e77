# kpatch-build: the kernel source, as a directory kbuild can build out of
# tree. Sourced by kpatch-build; test/integration/kernel.sh uses
# klp_extract_tarball too, so a source version is extracted once.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

# The Debian version of a linux-source tarball, from its package's changelog
# beside it (/usr/src/X.tar.xz -> /usr/share/doc/X/changelog.Debian.gz, also
# under a dpkg -x root); empty when unknown.
klp_tarball_debian_version() { # TARBALL
	local tar=$1 pkg log
	pkg=$(basename "$tar" | sed 's/\.tar\..*//')
	# Beside the path as given first (a sysroot may link to the tarball), then
	# beside the file itself.
	log=$(dirname "$tar")/../share/doc/$pkg/changelog.Debian.gz
	[[ -r $log ]] || log=$(dirname "$(readlink -f "$tar")")/../share/doc/$pkg/changelog.Debian.gz
	[[ -r $log ]] || return 0
	zcat "$log" 2>/dev/null | sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p'
}

# Extracts a tarball once per version into $KLP_CACHE/src; prints the
# directory. Concurrent callers wait for each other.
klp_extract_tarball() { # TARBALL
	local tar=$1 id dir
	id=$(klp_tarball_debian_version "$tar")
	[[ -n $id ]] || id=$(stat -L -c '%s-%Y' "$tar" | sha256sum | cut -c1-12)
	dir=$KLP_CACHE/src/$(basename "$tar" | sed 's/\.tar\..*//')_$id
	mkdir -p "$KLP_CACHE/src"
	(
		flock 6
		if [[ ! -f $dir/.extracted ]]; then
			echo "extracting $tar into $dir" >&2
			rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
			tar -xf "$tar" -C "$dir.tmp" --strip-components=1 || { rm -rf "$dir.tmp"; exit 1; }
			touch "$dir.tmp/.extracted"
			rm -rf "$dir" && mv "$dir.tmp" "$dir"
		fi
	) 6>"$KLP_CACHE/src/.lock-extract" || return 1
	touch "$dir/.extracted"
	echo "$dir"
}

# A tree configured or built in place cannot be used with O= (kbuild asks for
# mrproper), and must be left exactly as found. It is mirrored as a farm of
# symbolic links without its build products: every file that kbuild made has
# a .NAME.cmd beside it, and the configuration markers are dropped.
source_farm() { # TREE -> prints the farm's directory
	local tree=$1 farm
	farm=$KLP_CACHE/src/farm-$(sha256sum <<<"$tree" | cut -c1-12)
	rm -rf "$farm.tmp"
	mkdir -p "$farm.tmp"
	cp -as "$tree/." "$farm.tmp/" || return 1
	(
		cd "$farm.tmp" || exit 1
		find . -name '.*.cmd' -printf '%h/%f\n' | sed 's|/\.\([^/]*\)\.cmd$|/\1|' | xargs -r rm -f
		find . -name '.*.cmd' -delete
		rm -rf .config .config.old include/config include/generated arch/x86/include/generated \
			vmlinux vmlinux.* System.map Module.symvers modules.* .tmp_* .version
	)
	rm -rf "$farm"
	mv "$farm.tmp" "$farm"
	# The tree may have changed since: its #include index is made anew.
	rm -f "$KLP_CACHE/src/includes-$(sha256sum <<<"$farm" | cut -c1-12)"
	echo "$tree" >"$farm/.klp-farm-of"
	echo "$farm"
}

configured_in_place() { # TREE
	[[ -f $1/.config || -d $1/include/config || -d $1/arch/x86/include/generated ]]
}

# A tree configured in place brings its config, as kpatch users expect.
config_of_tree() {
	[[ -z $config && -n $srcdir && -f $srcdir/.config ]] || return 0
	config=$(readlink -f "$srcdir/.config")
}

# Sets srcdir to a directory kbuild can build from, out of tree.
resolve_source() {
	if [[ -f $srcdir && $srcdir == *.tar.* ]]; then
		check_tarball_version "$srcdir"
		progress "source: $srcdir"
		srcdir=$(klp_extract_tarball "$srcdir" 2>>"$LOG") || die "$E_USAGE" "cannot extract $srcdir"
	fi
	[[ -f $srcdir/Makefile && -d $srcdir/kernel ]] || die "$E_USAGE" "$srcdir is not a kernel source tree"
	srcdir=$(readlink -f "$srcdir")
	user_tree=$srcdir
	if configured_in_place "$srcdir"; then
		progress "source: $srcdir is configured in place; building from a link farm of it"
		srcdir=$(source_farm "$srcdir") || die "$E_USAGE" "cannot mirror $user_tree"
	fi
}
