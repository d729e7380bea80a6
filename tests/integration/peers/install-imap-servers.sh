#!/usr/bin/env bash
# Cyrus IMAP and Courier IMAP beside Dovecot, for the email suite (shared/PEERS.md §9). Their Debian
# packages conflict with dovecot-imapd (all three provide imap-server), so their helpers come from apt
# and the two servers themselves are unpacked into a private folder. Idempotent: skips what is present.
set -euo pipefail
dest=${SWITCHBOARD_PEERS_DIR:-/opt/switchboard-peers}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

helpers=(cyrus-common sasl2-bin courier-base courier-authlib courier-authlib-userdb libcourier-unicode4 libgamin0 libgdbm6 libidn12 libwrap0 openssl util-linux)
missing=()
for pkg in "${helpers[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian (beside Dovecot): ${missing[*]}"
  [ -n "${SWITCHBOARD_APT_UPDATED:-}" ] || $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

for pkg in cyrus-imapd courier-imap; do
  if [ -d "$dest/$pkg/usr" ]; then
    echo "$pkg already unpacked in $dest/$pkg"
    continue
  fi
  work=$(mktemp -d)
  (cd "$work" && apt-get download -qq "$pkg" 2>/dev/null || { $sudo apt-get update -qq && apt-get download -qq "$pkg"; })
  $sudo mkdir -p "$dest"
  $sudo dpkg-deb -x "$work"/"$pkg"_*.deb "$dest/$pkg"
  rm -rf "$work"
  echo "$pkg unpacked into $dest/$pkg"
done
