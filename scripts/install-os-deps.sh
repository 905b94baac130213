#!/usr/bin/env bash
# Debian/Ubuntu packages Fieldkit needs to build, run and test: the keychain (libsecret for keytar, gnome-keyring
# and D-Bus for a real Secret Service in tests), Chromium for the end-to-end tests, the network tools discovery
# uses and is benchmarked against, the site-check lab's switch, DHCP/DNS, NTP and firewall (lldpd also lets
# site-check hear LLDP/CDP on a technician's Linux laptop), and a virtual display for the Electron smoke test.
set -euo pipefail

packages=(
  build-essential python3            # keytar builds from source with node-gyp
  libsecret-1-dev gnome-keyring dbus dbus-x11
  chromium
  iproute2 iputils-ping net-tools arp-scan ieee-data
  lldpd dnsmasq-base chrony nftables faketime iputils-arping
  xvfb openssl
)

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "install-os-deps: ${#packages[@]} packages present"
