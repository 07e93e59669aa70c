#!/usr/bin/env bash
# sstk set-up: installs the Debian 12 packages the build needs (when missing), then
#   ./setup.sh example   builds and runs the example program (the main job)
#   ./setup.sh test      builds and runs the whole test suite with g++ and with clang+sanitizers
# Run ./setup.sh --help for the details.
set -euo pipefail

# ---- settings ---------------------------------------------------------------------------------
# The program `./setup.sh example` builds and runs (an example_<name> target, docs/examples/<name>.cpp).
EXAMPLE_TARGET="${SSTK_EXAMPLE_TARGET:-example_seed_dtos}"
PACKAGES=(cmake g++ clang-14 libclang-rt-14-dev libboost1.81-dev libboost-json1.81-dev
          libpugixml-dev catch2 python3 libssl-dev openssl libsodium-dev libsqlite3-dev
          mono-mcs libmono-system-runtime-serialization4.0-cil libmono-system-xml4.0-cil)
GCC_CXX=g++            # Debian 12: g++ 12
CLANG_CXX=clang++-14
BUILD_ROOT=build       # gitignored
TEST_TIMEOUT=600       # seconds, per ctest test
FUZZ_SECONDS=10        # seconds each fuzz/<target> test fuzzes in the clang leg (after its replay)
JOBS="$(nproc 2>/dev/null || echo 2)"

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
export DEBIAN_FRONTEND=noninteractive

usage() {
    cat <<EOF
Usage: ./setup.sh <command> [args]

Commands:
  example [args...]  Install missing packages, configure and build ${BUILD_ROOT}/example (Release,
                     no tests), then run ${EXAMPLE_TARGET} from the repository root with [args...].
  test [gcc|clang]   Install missing packages, then run the whole test suite twice:
                       gcc:   ${GCC_CXX} 12, -O1 -g1, -Wall -Wextra -Werror, every public header
                              compiled on its own; build dir ${BUILD_ROOT}/gcc
                       clang: ${CLANG_CXX}, -O0 -g1, ASan+UBSan (-fno-sanitize-recover=all), plus
                              the libFuzzer targets (tests/fuzz): each replays its corpus and
                              regressions, then fuzzes ${FUZZ_SECONDS} s; build dir ${BUILD_ROOT}/clang-asan
                     each with all tests under ctest: the Catch2 unit tests, the docs/examples
                     programs, the install/find_package consumer test and the codegen tests
                     (Python unittest). Name one leg to run only that. Both legs run at
                     the same time, each line of output prefixed with its leg ([gcc], [clang]);
                     each leg's full log is ${BUILD_ROOT}/<leg>.log.
                     Exits non-zero unless every leg built and passed.
  deps               Only install the missing Debian packages.
  -h, --help         This help.

Packages (Debian 12): ${PACKAGES[*]}
Missing ones are installed with apt-get, as root or through 'sudo -n'.
Environment: SSTK_EXAMPLE_TARGET overrides the example target (now ${EXAMPLE_TARGET});
CMAKE_GENERATOR and CMAKE_CXX_COMPILER_LAUNCHER (e.g. ccache) are honoured by CMake.
Works from any directory.
EOF
}

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }

# ---- packages ---------------------------------------------------------------------------------
ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "setup.sh: not a Debian system (no dpkg-query); make sure these are installed: ${PACKAGES[*]}" >&2
        return 0
    fi
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != installed ]]; then
            missing+=("$p")
        fi
    done
    if ((${#missing[@]} == 0)); then
        echo "setup.sh: all required packages are installed"
        return 0
    fi

    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n env DEBIAN_FRONTEND=noninteractive)
        else
            die "missing Debian packages: ${missing[*]}
Install them as root, e.g.:  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
        fi
    fi
    log "installing missing packages: ${missing[*]}"
    # Wait for a dpkg lock held by e.g. unattended-upgrades on a freshly booted machine.
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update \
        || echo "setup.sh: apt-get update reported errors; trying the install anyway" >&2
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}" \
        || die "could not install: ${missing[*]}"
}

# ---- building ---------------------------------------------------------------------------------
# configure <build dir> <c++ compiler> [cmake args...]
configure() {
    local dir="$1" cxx="$2"; shift 2
    command -v "$cxx" >/dev/null 2>&1 || { echo "setup.sh: compiler $cxx not found" >&2; return 1; }
    cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" "$@"
}

build() {
    local dir="$1"; shift
    cmake --build "$dir" --parallel "$JOBS" "$@"
}

# ---- ./setup.sh example -----------------------------------------------------------------------
cmd_example() {
    local src="docs/examples/${EXAMPLE_TARGET#example_}.cpp"
    [[ -f "$src" ]] || die "$src does not exist (the example target is $EXAMPLE_TARGET)"
    ensure_packages
    local dir="$BUILD_ROOT/example"
    log "configuring $dir"
    configure "$dir" "$GCC_CXX" -DCMAKE_BUILD_TYPE=Release \
        -DSSTK_BUILD_TESTS=OFF -DSSTK_BUILD_EXAMPLES=ON -DSSTK_WARNINGS_AS_ERRORS=OFF
    log "building $EXAMPLE_TARGET"
    build "$dir" --target "$EXAMPLE_TARGET"
    log "running $EXAMPLE_TARGET"
    exec "$dir/examples/$EXAMPLE_TARGET" "$@"
}

# ---- ./setup.sh test --------------------------------------------------------------------------
SUMMARY=()
TOTAL_PASSED=0
TOTAL_FAILED=0
ANY_FAILED=0

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Build everything that can be built: one broken test file must not hide every other result.
build_keep_going() {
    local dir="$1" gen
    gen="$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$dir/CMakeCache.txt")"
    case "$gen" in
    Ninja*)         build "$dir" -- -k 0 ;;
    "Unix Makefiles") build "$dir" -- -k ;;
    *)              build "$dir" ;;
    esac
}

# run_leg <name> <build dir> <compiler> [cmake args...]: configure, build, ctest; records the outcome.
run_leg() {
    local name="$1" dir="$2" cxx="$3"; shift 3
    local start=$SECONDS outcome="" log_file="$dir/ctest.log" built=1
    rm -f "$log_file"   # a stale log must not speak for this run
    log "[$name] configuring $dir"
    if ! configure "$dir" "$cxx" "$@"; then
        outcome="FAIL  configure failed"
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
    else
        log "[$name] building (-j$JOBS)"
        if ! build_keep_going "$dir"; then
            built=0
            TOTAL_FAILED=$((TOTAL_FAILED + 1))
            echo "setup.sh: [$name] the build failed (errors above); running the tests that did build" >&2
        fi
        log "[$name] running the tests"
        local rc=0 line total failed
        ctest --test-dir "$dir" --output-on-failure --no-tests=error \
              --parallel "$JOBS" --timeout "$TEST_TIMEOUT" 2>&1 | tee "$log_file" || rc=$?
        # "100% tests passed, 0 tests failed out of 57"
        line="$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log_file" | tail -n 1 || true)"
        if [[ -n "$line" ]]; then
            failed="$(sed -E 's/.*tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")"
            total="$(sed -E 's/.*tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")"
        else
            failed=1 total=1   # ctest found no tests or crashed: count it as one failure
        fi
        TOTAL_PASSED=$((TOTAL_PASSED + total - failed))
        TOTAL_FAILED=$((TOTAL_FAILED + failed))
        if ((built && rc == 0 && failed == 0)); then
            outcome="PASS  $((total - failed)) passed, 0 failed"
        elif ((built)); then
            outcome="FAIL  $((total - failed)) passed, $failed failed (ctest exit $rc)"
        else
            outcome="FAIL  build failed; of what built: $((total - failed)) passed, $failed failed"
        fi
    fi
    [[ "$outcome" == PASS* ]] || ANY_FAILED=1
    SUMMARY+=("$(printf '%-32s %s  [%s]' "$name" "$outcome" "$(fmt_time $((SECONDS - start)))")")
    if [[ "$outcome" != PASS* && -f "$log_file" ]]; then
        local failed_test
        while IFS= read -r failed_test; do
            SUMMARY+=("    $failed_test")
        done < <(sed -n '/The following tests FAILED:/,$p' "$log_file" | grep -E '^[[:space:]]+[0-9]+ - ' | sed -E 's/^[[:space:]]+//')
    fi
}

# The legs' configure arguments. g++: -O1, optimised enough for -Wmaybe-uninitialized, and
# asserts stay on (no NDEBUG). -g1: line tables only, so sanitizer reports keep file:line while
# the build skips full debug info (a third of the compile time here).
COMMON_ARGS=(-DCMAKE_BUILD_TYPE=RelWithDebInfo
             -DSSTK_BUILD_TESTS=ON -DSSTK_BUILD_EXAMPLES=ON -DSSTK_INSTALL=ON
             -DSSTK_WARNINGS_AS_ERRORS=ON)

# run_named_leg gcc|clang: run_leg with that leg's settings.
run_named_leg() {
    case "$1" in
    gcc)
        run_leg "g++ 12, -Wall -Wextra -Werror" "$BUILD_ROOT/gcc" "$GCC_CXX" \
            "${COMMON_ARGS[@]}" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DSSTK_SANITIZE=OFF -DSSTK_HEADER_CHECK=ON ;;
    clang)
        # Any sanitizer report fails its test (UBSan through -fno-sanitize-recover=all).
        # The fuzzers (SSTK_BUILD_FUZZERS) need clang: they are built and run here.
        export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:detect_leaks=1}"
        export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
        # -O0: the sanitizers check the same at any level, and clang compiles this template-
        # heavy code 2.5-4x faster unoptimised (the Beast client/host TUs: 49 s instead of
        # 185 s each).
        run_leg "clang++-14, ASan+UBSan" "$BUILD_ROOT/clang-asan" "$CLANG_CXX" \
            "${COMMON_ARGS[@]}" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O0 -g1" -DSSTK_SANITIZE=ON -DSSTK_HEADER_CHECK=OFF -DSSTK_TEST_CODEGEN=OFF \
            -DSSTK_BUILD_FUZZERS=ON "-DSSTK_FUZZ_SECONDS=$FUZZ_SECONDS" ;;
    esac
}

# Both legs run at the same time, each with -j$JOBS: one leg's single-TU stretches (a big
# Beast test compiling alone, the one long codegen test) and its test run fill the cores the
# other leg would leave idle. Each leg's output goes to $BUILD_ROOT/<leg>.log and, live, to
# stdout with every line prefixed by the leg's name; its outcome comes back through a file.
run_legs_concurrently() {
    local leg pids=() pid
    mkdir -p "$BUILD_ROOT"
    for leg in "$@"; do
        rm -f "$BUILD_ROOT/$leg.outcome"
        {
            (
                SUMMARY=() TOTAL_PASSED=0 TOTAL_FAILED=0 ANY_FAILED=0
                run_named_leg "$leg"
                # passed, failed, any-failed, then the leg's summary lines
                printf '%d\n%d\n%d\n' "$TOTAL_PASSED" "$TOTAL_FAILED" "$ANY_FAILED" >"$BUILD_ROOT/$leg.outcome"
                printf '%s\n' "${SUMMARY[@]}" >>"$BUILD_ROOT/$leg.outcome"
            ) 2>&1 | tee "$BUILD_ROOT/$leg.log" | sed -u "s/^/[$leg] /"
        } &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || true; done
    for leg in "$@"; do
        local lines=()
        if [[ -f "$BUILD_ROOT/$leg.outcome" ]]; then
            mapfile -t lines <"$BUILD_ROOT/$leg.outcome"
        fi
        if ((${#lines[@]} >= 4)); then
            TOTAL_PASSED=$((TOTAL_PASSED + lines[0]))
            TOTAL_FAILED=$((TOTAL_FAILED + lines[1]))
            ((lines[2] == 0)) || ANY_FAILED=1
            SUMMARY+=("${lines[@]:3}")
        else
            SUMMARY+=("$(printf '%-32s %s' "$leg" "FAIL  the leg ended without an outcome (see $BUILD_ROOT/$leg.log)")")
            TOTAL_FAILED=$((TOTAL_FAILED + 1))
            ANY_FAILED=1
        fi
    done
}

cmd_test() {
    local legs=("$@")
    ((${#legs[@]})) || legs=(gcc clang)
    local leg
    for leg in "${legs[@]}"; do
        [[ "$leg" == gcc || "$leg" == clang ]] || die "unknown test leg '$leg' (expected gcc or clang)"
    done
    ensure_packages
    local start=$SECONDS
    log "tools: $(cmake --version | head -n 1); $("$GCC_CXX" --version | head -n 1); $("$CLANG_CXX" --version | head -n 1); $JOBS cores"
    if ((${#legs[@]} > 1)); then
        log "running the legs concurrently (${legs[*]}); each line is prefixed with its leg, full logs in $BUILD_ROOT/<leg>.log"
        run_legs_concurrently "${legs[@]}"
    else
        run_named_leg "${legs[0]}"
    fi

    printf '\n==================== sstk test summary ====================\n'
    printf '%s\n' "${SUMMARY[@]}"
    printf 'total time: %s\n' "$(fmt_time $((SECONDS - start)))"
    if ((ANY_FAILED)); then
        printf 'RESULT: FAILED (a failed configure or build counts as one failed test)\n'
    else
        printf 'RESULT: all passed\n'
    fi
    printf 'total: %d passed, %d failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
    return "$ANY_FAILED"
}

# ---- main -------------------------------------------------------------------------------------
case "${1:-}" in
example) shift; cmd_example "$@" ;;
test)    shift; cmd_test "$@" ;;
deps)    ensure_packages ;;
-h|--help|help) usage ;;
"")      usage >&2; exit 2 ;;
*)       echo "setup.sh: unknown command '$1'" >&2; usage >&2; exit 2 ;;
esac
