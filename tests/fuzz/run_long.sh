#!/usr/bin/env bash
# Runs one libFuzzer target for longer than CI does:
#   tests/fuzz/run_long.sh TARGET SECONDS [extra libFuzzer flags...]
# TARGET is json, xml, csv, jsv, query, http, values or json_xml. Builds build-fuzz/ (clang++-14,
# -DSSTK_BUILD_FUZZERS=ON) when needed, starts from tests/fuzz/corpus/TARGET and
# tests/fuzz/regressions/TARGET, keeps what it finds in build-fuzz/runs/TARGET/corpus (never in
# the checked-in corpus) and writes crashes to build-fuzz/runs/TARGET/. Prints the final stats.
# Environment: SSTK_FUZZ_BUILD_DIR (default build-fuzz), SSTK_FUZZ_JOBS (parallel fuzzing
# processes, default 1), SSTK_FUZZ_NO_BUILD=1 (run the fuzzer as built, e.g. while another build
# is using the build directory).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."

target="${1:?usage: tests/fuzz/run_long.sh TARGET SECONDS [libFuzzer flags...]}"
seconds="${2:?usage: tests/fuzz/run_long.sh TARGET SECONDS [libFuzzer flags...]}"
shift 2
case "$target" in json|xml|csv|jsv|query|http|values|json_xml) ;; *) echo "unknown target '$target'" >&2; exit 2 ;; esac

build="${SSTK_FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${SSTK_FUZZ_JOBS:-1}"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DSSTK_BUILD_TESTS=ON -DSSTK_BUILD_EXAMPLES=OFF \
        -DSSTK_INSTALL=OFF -DSSTK_BUILD_FUZZERS=ON
fi
[[ -n "${SSTK_FUZZ_NO_BUILD:-}" ]] || cmake --build "$build" --target "fuzz_$target"

run="$build/runs/$target"
mkdir -p "$run/corpus"
dirs=("$run/corpus" "tests/fuzz/corpus/$target")
[[ -d "tests/fuzz/regressions/$target" ]] && dirs+=("tests/fuzz/regressions/$target")
dict=()
[[ -f "tests/fuzz/$target.dict" ]] && dict=("-dict=tests/fuzz/$target.dict")
parallel=()
((jobs > 1)) && parallel=("-fork=$jobs" "-ignore_crashes=1")

start=$SECONDS
rc=0
"$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$run/" "${dict[@]}" "${parallel[@]}" "$@" "${dirs[@]}" 2>&1 | tee "$run/last.log" || rc=$?
echo "fuzz_$target: $((SECONDS - start)) s, exit $rc; $(grep -E 'stat::number_of_executed_units' "$run/last.log" | tail -1)"
ls "$run"/crash-* "$run"/timeout-* "$run"/oom-* "$run"/leak-* 2>/dev/null || true
exit "$rc"
