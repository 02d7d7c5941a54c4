#!/usr/bin/env bash
# Installs what `npm run bench` runs besides AISec: Bandit (Debian package `bandit`) and GNU time (peak memory
# of non-Node tools). ESLint and its plugins are devDependencies (npm install). The bench corpus itself comes
# from scripts/fetch-corpus.sh. Idempotent: what is installed is left alone. Needs root (or sudo) and apt-get.
set -eu
missing=()
command -v bandit >/dev/null 2>&1 || missing+=(bandit)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-bench: bandit and GNU time are installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-bench: apt-get not found; install ${missing[*]} with your package manager (pip install bandit works too)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup-bench: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
command -v bandit >/dev/null && echo "setup-bench: $(bandit --version 2>/dev/null | head -1)"
