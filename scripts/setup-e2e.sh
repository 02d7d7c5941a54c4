#!/usr/bin/env bash
# scripts/setup-e2e.sh [DIR] -- prepare everything the real-editor tests (test/e2e/) need, offline.
#
#   * Debian packages: chromium (driven headless by playwright-core), neovim (second LSP client),
#     ripgrep (VS Code's file search), fonts-dejavu-core, libkrb5-dev + build-essential + python3
#     (to compile code-server's native modules);
#   * code-server (= VS Code server + workbench, from npm) and playwright-core, installed into DIR
#     (default: <repo>/.cache/code-server, which is gitignored).
#
# Nothing is downloaded except from the npm registry and Debian apt: npm runs with --ignore-scripts
# (several install scripts fetch prebuilt binaries from GitHub), and the native modules are then
# compiled here against the local node headers. Every step checks its result first, so a second
# run on a finished DIR takes about two seconds.
#
# Env: CODE_SERVER_VERSION (default 4.100.3 = VS Code 1.100.3, the newest release that runs on
#      node 20), PLAYWRIGHT_CORE_VERSION (default 1.65.1), SKIP_APT=1 (never call apt-get).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-$REPO/.cache/code-server}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
PLAYWRIGHT_CORE_VERSION="${PLAYWRIGHT_CORE_VERSION:-1.65.1}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

START=$SECONDS
say() { printf 'setup-e2e: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ------------------------------------------------------------------ apt
APT_PKGS=(chromium neovim ripgrep fonts-dejavu-core libkrb5-dev build-essential python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${SKIP_APT:-0}" = 1 ]; then say "SKIP_APT=1 but these packages are missing: ${missing[*]}" >&2; exit 1; fi
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "apt packages present"
fi
for b in /usr/bin/chromium /usr/bin/nvim /usr/bin/rg; do
  [ -x "$b" ] || { say "missing $b after apt-get" >&2; exit 1; }
done

# ------------------------------------------------------------------ node / npm environment
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$CODE_SERVER_VERSION" = 4.100.3 ] && [ "$node_major" != 20 ]; then
  say "code-server 4.100.3 needs node 20 (this is node $node_major); set CODE_SERVER_VERSION to a release whose engines.node matches" >&2
  exit 1
fi
# node-gyp: compile against the installed node headers instead of downloading them
node_prefix="$(node -p 'require("path").resolve(process.execPath, "../..")')"
if [ -f "$node_prefix/include/node/common.gypi" ]; then export npm_config_nodedir="$node_prefix"; fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_build_from_source=true   # no prebuild-install / node-pre-gyp download attempts
export npm_config_yes=true                 # node-pty's install script calls npx node-gyp
export JOBS="${JOBS:-$(nproc)}"

CS="$DIR/node_modules/code-server"
VS="$CS/lib/vscode"
pkg_version() { node -e 'try { process.stdout.write(require(process.argv[1] + "/package.json").version) } catch { }' "$1"; }

# ------------------------------------------------------------------ code-server + playwright-core
if [ "$(pkg_version "$CS")" != "$CODE_SERVER_VERSION" ] || [ "$(pkg_version "$DIR/node_modules/playwright-core")" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  say "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION into $DIR"
  [ -f "$DIR/package.json" ] || printf '{ "name": "aisec-e2e-cache", "private": true }\n' > "$DIR/package.json"
  (cd "$DIR" && npm install --ignore-scripts --omit=dev --save-exact --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION")
  rm -rf "$VS/node_modules.asar" "$DIR/.e2e-ready"
fi

# code-server's own native dependency (password hashing; loaded at start even with --auth none)
if ! compgen -G "$DIR/node_modules/argon2/lib/binding/*/argon2.node" >/dev/null; then
  say "compiling argon2"
  (cd "$DIR" && npm rebuild argon2 --loglevel=error >/dev/null)
fi

# VS Code server's dependencies live in lib/vscode/node_modules
if [ ! -d "$VS/node_modules/node-pty" ] || [ ! -d "$VS/node_modules/@vscode/spdlog" ]; then
  say "npm install lib/vscode dependencies"
  (cd "$VS" && npm install --ignore-scripts --omit=dev --loglevel=error)
fi

# native modules the VS Code server loads. @parcel/watcher ships a prebuilt npm sub-package.
NATIVE=(@vscode/spdlog node-pty native-watchdog kerberos @vscode/deviceid @vscode/windows-process-tree @vscode/windows-registry)
need_build=()
for m in "${NATIVE[@]}"; do compgen -G "$VS/node_modules/$m/build/Release/*.node" >/dev/null || need_build+=("$m"); done
if [ ${#need_build[@]} -gt 0 ]; then
  say "compiling ${need_build[*]}"
  (cd "$VS" && npm rebuild "${need_build[@]}" --loglevel=error >/dev/null)
  for m in "${need_build[@]}"; do
    compgen -G "$VS/node_modules/$m/build/Release/*.node" >/dev/null || { say "native build failed: $m" >&2; exit 1; }
  done
fi

# @vscode/ripgrep's install script downloads rg from GitHub: use Debian's binary instead
RG="$VS/node_modules/@vscode/ripgrep/bin/rg"
if ! [ -x "$RG" ] || ! "$RG" --version >/dev/null 2>&1; then
  mkdir -p "$(dirname "$RG")"; cp /usr/bin/rg "$RG"; chmod 755 "$RG"
fi

# what code-server's postinstall.sh would have done
[ -L "$VS/node_modules.asar" ] || ln -sfn node_modules "$VS/node_modules.asar"
[ -L "$VS/bin/remote-cli/code-server" ] || ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
[ -L "$VS/bin/helpers/browser.sh" ] || ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"
if [ ! -d "$VS/extensions/node_modules/typescript" ]; then
  say "built-in extensions' dependencies"
  (cd "$VS/extensions" && npm install --ignore-scripts --omit=dev --loglevel=error && node postinstall.mjs >/dev/null)
fi

# ------------------------------------------------------------------ checks
if [ ! -f "$DIR/.e2e-ready" ]; then
  # --config: without it code-server writes ~/.config/code-server/config.yaml
  printf 'auth: none\n' > "$DIR/config.yaml"
  node "$CS/out/node/entry.js" --config "$DIR/config.yaml" --version | grep -m1 -E '^[0-9]+\.[0-9]+' | sed 's/^/setup-e2e: code-server /'
  node -e 'require(process.argv[1])' "$DIR/node_modules/playwright-core"
  printf '{ "codeServer": "%s", "playwrightCore": "%s", "node": "%s" }\n' \
    "$CODE_SERVER_VERSION" "$PLAYWRIGHT_CORE_VERSION" "$(node --version)" > "$DIR/.e2e-ready"
fi
say "ready in $((SECONDS - START)) s: $DIR ($(/usr/bin/chromium --version 2>/dev/null | head -1); $(nvim --version | head -1))"
