#!/bin/sh
# Run on the publishing target by `npm run publish` (cli/publish.ts), through ssh or, for a folder target,
# on this machine: it needs only a POSIX shell, tar, cmp, touch, ln and mv (any Debian server has them).
#
#   release.sh publish ROOT NAME KEEP   a tar of the site on standard input becomes ROOT/releases/NAME,
#                                       then ROOT/current points to it; KEEP older releases are kept
#   release.sh rollback ROOT            ROOT/current points to the release before the live one
#   release.sh status ROOT              prints the live release and the others, newest first
#   release.sh check ROOT               checks that ROOT exists and this user can write releases there
#   release.sh report ROOT              standard input (the publishing status, JSON) becomes
#                                       ROOT/current/admin/publish-status.json, for the CMS to show
#
# nginx serves ROOT/current (docs/deploy.md). The link is replaced by one rename, so readers see the old
# site or the new one, never a mixture. Files whose bytes did not change keep the live release's
# modification time, so nginx's ETag and Last-Modified (mtime and size) stay the same and returning
# readers get 304 Not Modified for them. Messages go to standard error, for the person publishing.
set -eu

action=${1:-}
root=${2:-}
[ -n "$root" ] || { echo "release.sh: no target folder given." >&2; exit 2; }
if [ ! -d "$root" ]; then
  echo "The target folder $root does not exist. Create it once (see docs/deploy.md), then publish again." >&2
  exit 3
fi
cd "$root"
# Before anything is built or sent: can this user make releases here? Nothing is changed.
if [ "$action" = check ]; then
  if [ -e releases ] && [ ! -d releases ]; then
    echo "$root/releases is a file, not a folder; nothing can be published there." >&2
    exit 3
  fi
  probe=$root
  [ -d releases ] && probe=$root/releases
  if ! : >"$probe/.write-test-$$" 2>/dev/null; then
    echo "The target folder $probe cannot be written to by $(id -un 2>/dev/null || echo this user). Give that user write access (see docs/deploy.md), then publish again." >&2
    exit 3
  fi
  rm -f "$probe/.write-test-$$"
  echo ok
  exit 0
fi
# The publishing status (JSON on standard input) goes beside the live site's pages, by one rename so the
# CMS never reads half a file. It takes no lock: "publishing" is reported while a publish holds it. With
# no live site yet there is nowhere editors could see it, so it is dropped.
if [ "$action" = report ]; then
  if [ -d current/ ]; then
    mkdir -p current/admin
    cat >"current/admin/.publish-status-$$.json"
    mv "current/admin/.publish-status-$$.json" current/admin/publish-status.json
  else
    cat >/dev/null
  fi
  exit 0
fi
mkdir -p releases

# One publish or rollback at a time on a target; the lock goes with the process, so a killed one frees it.
locked=
if command -v flock >/dev/null 2>&1; then
  exec 9>releases/.lock
  if ! flock -n 9; then
    echo "Someone else is publishing to this target right now. Wait a minute, then try again." >&2
    exit 5
  fi
  locked=yes
fi

# An upload a publish left unfinished (killed, or its connection dropped): with the lock held, no other
# publish is using one, so all go; without flock, only those a day old, which no publish still writes.
stale_uploads() {
  if [ -n "$locked" ]; then
    find releases -mindepth 1 -maxdepth 1 -name '.incoming-*'
  else
    find releases -mindepth 1 -maxdepth 1 -name '.incoming-*' -mmin +1440
  fi
}
stale_uploads | while read -r stale; do
  rm -rf "$stale"
  echo "Removed $stale, an upload left unfinished by a publish that was stopped." >&2
done

# Release names are UTC times to the millisecond and a process number: they sort by age.
releases() { ls releases | grep -E '^[0-9]{8}T[0-9]{9}Z-[0-9]+$' | sort || true; }
live() { if [ -L current ]; then basename "$(readlink current)"; fi; }
point_to() {
  ln -sfn "releases/$1" current.new
  mv -T current.new current
}

case $action in
publish)
  name=${3:-}
  keep=${4:-2}
  if ! printf '%s\n' "$name" | grep -Eq '^[0-9]{8}T[0-9]{9}Z-[0-9]+$'; then
    echo "release.sh: \"$name\" is not a release name." >&2
    exit 2
  fi
  if [ -e "releases/$name" ]; then
    echo "Release $name is already on the target; nothing was changed." >&2
    exit 6
  fi
  incoming="releases/.incoming-$name"
  rm -rf "$incoming"
  mkdir "$incoming"
  trap 'rm -rf "$incoming"' EXIT
  # Stopped by a signal (the connection dropped, Ctrl-C): the upload goes too. Only kill -9 leaves one.
  trap 'exit 1' HUP INT TERM
  tar -xf - -C "$incoming"
  [ -f "$incoming/index.html" ] || { echo "The upload holds no site (no index.html); nothing was changed." >&2; exit 7; }
  if [ -d current/ ]; then
    (cd "$incoming" && find . -type f -exec sh -c '
      for file; do
        if [ -f "../../current/$file" ] && cmp -s "$file" "../../current/$file"; then touch -r "../../current/$file" "$file"; fi
      done' sh {} +)
  fi
  mv "$incoming" "releases/$name"
  trap - EXIT
  point_to "$name"
  # Keep the live release and the KEEP newest others; older ones go.
  releases | grep -vx "$name" | awk -v keep="$keep" '{ line[NR] = $0 } END { for (i = 1; i <= NR - keep; i++) print line[i] }' |
    while read -r old; do rm -rf "releases/$old"; done
  echo "$name"
  ;;
rollback)
  current=$(live)
  previous=$(releases | awk -v live="$current" '$0 < live' | tail -n 1)
  if [ -z "$previous" ]; then
    echo "There is no release older than the live one (${current:-none}) to go back to; nothing was changed." >&2
    exit 4
  fi
  point_to "$previous"
  echo "$previous"
  ;;
status)
  current=$(live)
  releases | sort -r | while read -r name; do
    if [ "$name" = "$current" ]; then echo "$name live"; else echo "$name"; fi
  done
  ;;
*)
  echo "release.sh: unknown action \"$action\" (publish, rollback, status, check or report)." >&2
  exit 2
  ;;
esac
