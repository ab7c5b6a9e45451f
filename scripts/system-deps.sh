#!/usr/bin/env bash
# Installs the Debian packages the tests drive (Chromium, fonts, poppler, nginx, wrk, sshd), only when missing,
# so `npm test` works on a fresh machine. Browser downloads do not work here: Debian's build is used.
set -euo pipefail

packages=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || packages+=(chromium)
# The hosting test serves the build with nginx and deploy/nginx.conf, and loads it with wrk.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || packages+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || packages+=(libnginx-mod-http-brotli-static)
command -v wrk >/dev/null 2>&1 || packages+=(wrk)
# The publishing test publishes over ssh to a server it starts on 127.0.0.1.
[ -x /usr/sbin/sshd ] || packages+=(openssh-server)
# The visual tests (e2e/visual.test.ts) compare screenshots: text must be set in the same fonts on every
# machine. Liberation Sans is what Arial, the NHS.UK fallback font, resolves to on Debian; DejaVu covers
# the symbols it lacks. pdftoppm (poppler-utils) turns the printed PDFs into images to compare.
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || packages+=(fonts-liberation)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)

[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "The tests need these Debian packages: ${packages[*]}." >&2
  echo "They are not installed and this user cannot install them. Run: sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi

echo "Installing ${packages[*]} from Debian for the browser tests…"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
