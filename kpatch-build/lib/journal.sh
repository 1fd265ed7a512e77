# kpatch-build: the journal of a patched source tree. The patched build edits
# the source in place and recompiles objects in the cached tree. A build that
# is killed before it restores them (SIGKILL, a lost session, power) would
# leave both patched: the next patch would not apply, or worse, its
# "original" objects would be this patch's. So the backups live beside the
# source, in DIR/.klp-journal, until the tree is restored, and whoever next
# takes the source's lock puts them back (klp_journal_recover).
# Sourced by kpatch-build and test/integration/kernel.sh; the caller holds
# the source's lock (flock on the directory) around every function here.
# shellcheck shell=bash

klp_journal() { echo "$1/.klp-journal"; }

# Backs up the files a patch set touches and records the object tree, then
# makes the journal valid with one rename: a journal is either complete or
# absent. Objects are backed up later by kpatch-cc into JOURNAL/cc.
klp_journal_open() { # SRCDIR OBJDIR TOUCHED-LIST
	local j f
	j=$(klp_journal "$1")
	rm -rf "$j.new"
	mkdir -p "$j.new/backup" "$j.new/cc"
	while IFS= read -r f; do
		[[ -e $1/$f || -L $1/$f ]] || continue
		mkdir -p "$j.new/backup/$(dirname "$f")"
		cp -P -p "$1/$f" "$j.new/backup/$f" || return 1
	done <"$3"
	cp "$3" "$j.new/touched"
	echo "$2" >"$j.new/objdir"
	date -u '+%Y-%m-%d %H:%M UTC' >"$j.new/started"
	mv "$j.new" "$j"
}

# Puts every touched file back byte for byte with its timestamps (a file the
# patches created is removed) and every recompiled object back from its saved
# original (an object only the patched build made is removed), so the next
# build is warm and takes true originals. The saved objects and the list of
# recompiled ones are moved to KEEP-CC when given (the diff still needs them).
# Prints "N files, M objects" restored.
klp_journal_restore() { # SRCDIR [KEEP-CC]
	local src=$1 keep=${2:-} j objdir f files=0 objects=0
	j=$(klp_journal "$src")
	[[ -d $j ]] || return 0
	while IFS= read -r f; do
		rm -f "$src/$f"
		if [[ -e $j/backup/$f || -L $j/backup/$f ]]; then
			cp -P -p "$j/backup/$f" "$src/$f"
		fi
		files=$((files + 1))
	done <"$j/touched"
	objdir=$(cat "$j/objdir")
	if [[ -f $j/cc/changed && -d $objdir ]]; then
		while IFS= read -r f; do
			[[ $f != /* ]] || continue # an out-of-tree module's objects live in a temporary copy
			if [[ -f $j/cc/orig/$f ]]; then
				cp -p "$j/cc/orig/$f" "$objdir/$f"
			else
				rm -f "$objdir/$f"
			fi
			objects=$((objects + 1))
		done < <(sort -u "$j/cc/changed")
	fi
	# Restored: the journal stops being valid before its contents move.
	rm -rf "$j.done"
	mv "$j" "$j.done"
	if [[ -n $keep ]]; then
		rm -rf "$keep"
		mv "$j.done/cc" "$keep"
	fi
	rm -rf "$j.done"
	echo "$files files, $objects objects"
}

# At the start of a build, or before anything reads the source: undoes what
# an interrupted build left patched, and drops a journal that was never
# completed (its build had not patched anything yet). Prints a sentence when
# something was restored.
klp_journal_recover() { # SRCDIR
	local j what started
	j=$(klp_journal "$1")
	rm -rf "$j.new" "$j.done"
	[[ -d $j ]] || return 0
	started=$(cat "$j/started" 2>/dev/null || echo "an unknown time")
	what=$(klp_journal_restore "$1") || return 1
	echo "restored $what left patched in $1 by a kpatch-build interrupted after $started"
}
