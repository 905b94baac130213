#!/usr/bin/env bash
# Debian/Ubuntu packages Fieldkit needs to build, run and test: the keychain (libsecret for keytar, gnome-keyring
# and D-Bus for a real Secret Service in tests), Chromium for the end-to-end tests, the network tools discovery
# uses and is benchmarked against, the site-check lab's switch, DHCP/DNS, NTP and firewall (lldpd also lets
# site-check hear LLDP/CDP on a technician's Linux laptop), a DHCP client for the lab's laptop, and a virtual
# display for the Electron smoke test.
set -euo pipefail

packages=(
  build-essential python3            # keytar builds from source with node-gyp
  libsecret-1-dev gnome-keyring dbus dbus-x11
  chromium
  iproute2 iputils-ping net-tools arp-scan ieee-data
  lldpd dnsmasq-base chrony nftables faketime iputils-arping
  isc-dhcp-client                    # the site-check lab's laptop takes a real lease with dhclient
  xvfb openssl
)

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

# The lab's daemons (lldpd, chrony, dnsmasq) run only inside test namespaces: installing them must not start them on
# this machine, where lldpd would announce the machine on its LAN. A policy-rc.d for the install keeps every new
# service stopped; lldpd is then disabled so that a reboot does not start it either (a technician who wants
# site-check to hear the switch enables it: `sudo systemctl enable --now lldpd`).
policy=/usr/sbin/policy-rc.d
own_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod +x "$policy"
  own_policy=true
fi
trap '[ "$own_policy" = true ] && "${sudo[@]}" rm -f "$policy"' EXIT

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  "${sudo[@]}" systemctl disable --quiet lldpd 2>/dev/null || true
fi
echo "install-os-deps: ${#packages[@]} packages present"
