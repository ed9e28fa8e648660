#!/bin/sh
# Installs the Zebra SRU server the catalog's live-SRU integration test runs against (skipped without it).
set -eu
if command -v zebrasrv >/dev/null 2>&1 && command -v zebraidx >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y idzebra-2.0 yaz
