# kpatch-build: options and their defaults. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

srcdir='' config='' vmlinux='' jobs=$(nproc) name='' outdir=$PWD debug=0
replace=1 skip_cleanup=0 skip_compiler_check=0 oot_module='' oot_module_src=''
archversion='' sysroot='' build_original_only=0 allow_fuzz=0 full_build=0 no_full_build=0
sign_key='' sign_cert='' keep_debug=0 fix_lines=1 max_objects=${KPATCH_BUILD_MAX_OBJECTS:-}
cache_cmd='' cache_days=30
targets=() patches=() meta_args=() allow_layouts=()

usage() {
	cat <<EOF
Usage: kpatch-build [options] PATCH...
Build a livepatch module livepatch-NAME.ko from one or more kernel source patches.

Target kernel (default: the running one, \$(uname -r), at Debian's paths):
  -a, --archversion KVER   kernel release to build for: its /boot/config-KVER,
                           /usr/lib/debug/boot/vmlinux-KVER, linux-headers-KVER's Module.symvers
      --sysroot DIR        look for those paths under DIR (a kernel's packages unpacked with dpkg -x)
  -s, --sourcedir DIR      kernel source: a tree (clean, or configured and built in place) or a
                           linux-source-X.tar.xz (default: /usr/src/linux-source-X.tar.xz)
  -c, --config FILE        kernel .config (default: /boot/config-KVER; DIR/.config for a tree built in place)
  -v, --vmlinux FILE       the kernel's vmlinux with symbols (default: /usr/lib/debug/boot/vmlinux-KVER)

Build:
  -j, --jobs N             parallel build jobs (default: $(nproc))
  -n, --name NAME          module name: livepatch-NAME.ko (default: first patch's name)
  -o, --output DIR         where to write the module (default: current directory)
  -R, --non-replace        do not replace earlier live patches atomically
      --cve [N:]CVE        record that patch N (1, 2, ...; N may be left out with one patch) fixes CVE
      --description TEXT   the module's description (default: the patches' subjects)
      --allow-fuzz         accept hunks that apply only with an offset or fuzz (refused by default)
      --allow-layout-change NAME  accept a changed layout of struct, union or typedef NAME (repeatable;
                           refused by default: instances that exist keep the old layout)
      --no-fix-lines       compile the patched .c and .h files without the #line directives
                           that keep the line numbers (and __LINE__) of their unchanged lines
      --max-objects N      a header change rebuilds at most N objects (those whose preprocessed
                           source it changes), else a full build (default: ${max_objects:-no limit:
                           a targeted build never compiles more objects than a full one})
      --full-build         rebuild the whole kernel instead of the objects the patches touch
      --no-full-build      refuse (exit 6) where a full build would be needed instead of building
  -t, --target T           kernel build target for a full build (repeatable; default: vmlinux modules)
      --sign KEY CERT      sign the module with the kernel's sign-file
      --keep-debug         keep the module's debug sections (dropped by default: most of its size)
      --oot-module KO      patch an out-of-tree module: the running module's .ko, with
      --oot-module-src DIR its source (patch paths are relative to it; it is not modified)
      --skip-compiler-check  do not require the compiler vmlinux was built with

Cache (\$KLP_CACHE, now: $KLP_CACHE):
      --build-original     build the whole original kernel (-ffunction-sections) in the cache; print its directory
      --cache-list         list the cached sources and prepared trees, their sizes and last use
      --cache-prune [DAYS] remove cache entries unused for DAYS days (default 30; 0: all not in use)

  -d, --debug              log every command, pass -d to create-diff-object (repeat: also keep temp files)
      --skip-cleanup       keep the temporary directory
      --version            print the version
  -h, --help               this text

Exit codes: 0 module written; $E_USAGE usage or missing input; $E_PATCH a patch does not apply exactly;
$E_CHECK config, compiler, version or input check failed; $E_BUILD kernel build failed;
$E_DIFF create-diff-object refused or found no change, or a full build is needed (--no-full-build); $E_MODULE module build or check failed.
EOF
}

parse_args() {
	local opts
	opts=$(getopt -n kpatch-build -o s:c:v:j:t:n:o:dRa:h \
		-l sourcedir:,config:,vmlinux:,jobs:,target:,name:,output:,debug,non-replace,skip-cleanup,skip-compiler-check,oot-module:,oot-module-src:,archversion:,sysroot:,build-original,allow-fuzz,allow-layout-change:,max-objects:,full-build,no-full-build,keep-debug,no-fix-lines,sign:,cve:,description:,cache-list,cache-prune,version,help \
		-- "$@") || { usage >&2; exit "$E_USAGE"; }
	eval set -- "$opts"
	while true; do
		case $1 in
		-s | --sourcedir) srcdir=$2; shift 2 ;;
		-c | --config) config=$2; shift 2 ;;
		-v | --vmlinux) vmlinux=$2; shift 2 ;;
		-j | --jobs) jobs=$2; shift 2 ;;
		-t | --target) targets+=("$2"); shift 2 ;;
		-n | --name) name=$2; shift 2 ;;
		-o | --output) outdir=$2; shift 2 ;;
		-d | --debug) debug=$((debug + 1)); shift ;;
		-R | --non-replace) replace=0; shift ;;
		--skip-cleanup) skip_cleanup=1; shift ;;
		--skip-compiler-check) skip_compiler_check=1; shift ;;
		--oot-module) oot_module=$2; shift 2 ;;
		--oot-module-src) oot_module_src=$2; shift 2 ;;
		-a | --archversion) archversion=$2; shift 2 ;;
		--sysroot) sysroot=$2; shift 2 ;;
		--build-original) build_original_only=1; shift ;;
		--allow-fuzz) allow_fuzz=1; shift ;;
		--allow-layout-change) allow_layouts+=(--allow-layout-change "$2"); shift 2 ;;
		--max-objects) max_objects=$2; [[ -n $2 ]] || usage_error "--max-objects needs a number, got ''"; shift 2 ;;
		--full-build) full_build=1; shift ;;
		--no-full-build) no_full_build=1; shift ;;
		--sign) sign_key=$2; shift 2 ;;
		--keep-debug) keep_debug=1; shift ;;
		--no-fix-lines) fix_lines=0; shift ;;
		--cve) meta_args+=(--cve "$2"); shift 2 ;;
		--description) meta_args+=(--description "$2"); shift 2 ;;
		--cache-list) cache_cmd=list; shift ;;
		--cache-prune) cache_cmd=prune; shift ;;
		--version) echo "kpatch-build $VERSION"; exit 0 ;;
		-h | --help) usage; exit 0 ;;
		--) shift; break ;;
		esac
	done
	# --sign takes two values: the key came with the option, the certificate is the next word.
	if [[ -n $sign_key ]]; then
		[[ $# -gt 0 ]] || usage_error "--sign needs KEY and CERT"
		sign_cert=$1
		shift
		[[ -r $sign_key && -r $sign_cert ]] || usage_error "--sign: cannot read '$sign_key' or '$sign_cert'"
		sign_key=$(readlink -f "$sign_key") sign_cert=$(readlink -f "$sign_cert")
	fi
	if [[ $cache_cmd == prune && $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
		cache_days=$1
		shift
	fi
	[[ -z $cache_cmd ]] || return 0
	patches=("$@")
	[[ $jobs =~ ^[0-9]+$ && $jobs -gt 0 ]] || usage_error "--jobs needs a positive number, got '$jobs'"
	[[ -z $max_objects || $max_objects =~ ^[0-9]+$ ]] || usage_error "--max-objects needs a number, got '$max_objects'"
	[[ $full_build -eq 0 || $no_full_build -eq 0 ]] || usage_error "--full-build and --no-full-build exclude each other"
	if [[ $build_original_only -eq 0 && ${#patches[@]} -eq 0 ]]; then
		echo "kpatch-build: no patch given" >&2
		usage >&2
		exit "$E_USAGE"
	fi
	[[ -z $oot_module || -n $oot_module_src ]] || usage_error "--oot-module needs --oot-module-src"
	[[ -z $sysroot || -d $sysroot ]] || usage_error "--sysroot $sysroot is not a directory"
	[[ -z $sysroot ]] || sysroot=$(readlink -f "$sysroot")
	[[ ${#targets[@]} -gt 0 ]] || targets=(vmlinux modules)
	local p
	for p in "${patches[@]}"; do
		[[ -r $p && -f $p ]] || usage_error "cannot read patch $p"
	done
	mapfile -t patches < <(for p in "${patches[@]}"; do readlink -f "$p"; done)
	[[ -z $oot_module ]] || oot_module=$(readlink -f "$oot_module")
	[[ -z $oot_module_src ]] || oot_module_src=$(readlink -f "$oot_module_src")
	outdir=$(realpath -m "$outdir")
	# Module names: [a-zA-Z0-9_-], at most 55 characters with the prefix.
	[[ -n $name ]] || name=$(basename "${patches[0]:-original}" .patch)
	name=$(tr -c 'a-zA-Z0-9_-' '-' <<<"$name" | sed 's/-$//')
	name=livepatch-${name#livepatch-}
	name=${name:0:55}
}
