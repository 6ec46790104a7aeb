# Shared by ./run and ./test: install what is missing (quietly when present), build.
# Sourced, not executed.

SQM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SQM_BUILD="${SQM_BUILD:-$SQM_ROOT/build}"

# Debian packages needed to build and run.
SQM_BUILD_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git tzdata
  libboost1.81-dev libboost-json1.81-dev libsqlite3-dev sqlite3 libpq-dev libargon2-dev libssl-dev
  libspdlog-dev libfmt-dev libcli11-dev libhowardhinnant-date-dev libgtest-dev libgmock-dev libbenchmark-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev libzstd-dev
)
# Extra packages for ./test.
SQM_TEST_PACKAGES=(chromium fonts-noto-cjk clang-format postgresql-15 postgresql-client-15)
# For the fuzz targets and the sanitizer build (./test with SQM_FUZZ_SMOKE=1 or SQM_SANITIZE=1).
SQM_CLANG_PACKAGES=(clang-14 libclang-rt-14-dev)

# Each line carries the seconds since the script started, so a slow stage shows in CI's log.
log() { printf '\033[1;34m==>\033[0m [%4d s] %s\n' "$SECONDS" "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages PKG...: apt-get installs the ones not installed yet.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Node.js 18 or newer with npm; Debian's packages when there is none.
ensure_node() {
  if command -v node >/dev/null && command -v npm >/dev/null &&
     [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 18 ]; then
    return 0
  fi
  ensure_packages nodejs npm
}

# npm ci when node_modules is missing or older than the lock file.
ensure_web_deps() {
  local web="$SQM_ROOT/web"
  if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    log "npm ci (web)"
    (cd "$web" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_cpp() {
  local type="${1:-RelWithDebInfo}"
  if [ ! -f "$SQM_BUILD/build.ninja" ]; then
    log "configuring ($type)"
    cmake -S "$SQM_ROOT" -B "$SQM_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" >/dev/null
  fi
  log "building C++"
  cmake --build "$SQM_BUILD" --parallel "$(nproc)" "${@:2}"
}

# Rebuilds web/dist when any input changed since the last build.
build_web() {
  local web="$SQM_ROOT/web" stamp="$SQM_ROOT/web/dist/.build-stamp" sum
  sum="$(cd "$web" && find src public index.html answer.html package-lock.json vite.config.ts tsconfig*.json scripts \
           -type f 2>/dev/null | sort | xargs sha256sum | sha256sum | cut -c1-64)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return 0
  fi
  log "building web"
  (cd "$web" && npm run build --silent)
  echo "$sum" > "$stamp"
}
