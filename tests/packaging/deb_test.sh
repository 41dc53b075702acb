#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The Debian package, end to end: cpack builds it from this build tree; it
# holds the binary, the man page, the schemas and the README; its Depends
# are computed (dpkg-shlibdeps) and are met by this machine's packages; it
# installs with dpkg (into a private root whose package database is a copy
# of this machine's, so dependencies are checked for real and the system is
# not touched), the installed fmkit runs, and it removes cleanly.
#
#   deb_test.sh BUILD_DIR VERSION
set -eu
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "deb_test: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/fmkit_*.deb)
[ "$(basename "$deb")" = "fmkit_${version}-1_$(dpkg --print-architecture).deb" ] ||
  fail "unexpected package name $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
for file in ./usr/bin/fmkit ./usr/share/man/man1/fmkit.1.gz \
    ./usr/share/fmkit/schemas/post.schema.json ./usr/share/doc/fmkit/README.md; do
  grep -qx "$file" "$work/contents" || fail "$file is not in the package"
done
depends=$(dpkg-deb -f "$deb" Depends)
for library in libfyaml0 libre2 libtomlplusplus3; do
  case $depends in
    *"$library"*) ;;
    *) fail "Depends lacks $library: $depends" ;;
  esac
done
[ "$(dpkg-deb -f "$deb" Version)" = "${version}-1" ] || fail "bad Version"

root=$work/root db=$work/root/var/lib/dpkg
mkdir -p "$db/info" "$db/updates" "$db/triggers"
cp /var/lib/dpkg/status "$db/status"
dpkg_root() {
  dpkg --root="$root" --force-not-root --force-script-chrootless "$@" \
    >"$work/dpkg.log" 2>&1 || { grep -v "files list file" "$work/dpkg.log"; fail "dpkg $*"; }
}
dpkg_root -i "$deb"
[ "$("$root/usr/bin/fmkit" --version)" = "fmkit $version" ] || fail "fmkit --version"
"$root/usr/bin/fmkit" schema check "$root/usr/share/fmkit/schemas/post.schema.json" >/dev/null ||
  fail "the installed schemas are not clean"
gzip -dc "$root/usr/share/man/man1/fmkit.1.gz" | grep -q "^\.TH FMKIT 1 .*fmkit $version" ||
  fail "the man page lacks its .TH line with the version"
dpkg_root -r fmkit
[ ! -e "$root/usr/bin/fmkit" ] || fail "fmkit is still there after dpkg -r"
echo "deb_test: ok ($(basename "$deb"); Depends: $depends)"
