#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs (offscreen and on a real screen), CJK fonts for
# printed forms (Noto CJK; HanaMin for rare Extension-B characters in names), Xvfb for screenshots, poppler-utils
# to look at PDFs; binutils (objdump) and desktop-file-utils for building and checking the .deb (make deb);
# PostgreSQL for the server tests (issue 13: the suite starts its own throwaway cluster; pg_dump for backups).
# Skips quietly when everything is there already or when this is not a Debian system.
set -u
pkgs=(fonts-noto-cjk fonts-hanazono xvfb xauth libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
      libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
      libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6 poppler-utils
      binutils desktop-file-utils
      postgresql)   # the test suite starts a throwaway PostgreSQL server (issue 13); also gives pg_dump
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system, skipped"; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0
if [[ $(id -u) -eq 0 ]]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "system-deps: missing ${missing[*]}; install them as root (apt-get install ...)" >&2; exit 1; fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
