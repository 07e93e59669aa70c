#!/usr/bin/env bash
# Runs the g++ build's tests and the docs/examples programs under valgrind (memcheck):
#   tests/valgrind.sh [all | NAME...]
# Without an argument: a representative set, at least one test executable per area plus every
# docs/examples program. With `all`: every test_* executable and the examples. With names
# (test_csv_csv example_readme ...): just those. Builds what is missing in
# build-gcc/ (the CI's g++ leg flags: -O1 -g, -Wall -Wextra -Werror; no sanitizers, which do
# not mix with valgrind). Any memcheck error or definite/indirect leak fails the run
# (--error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect).
# Needs the valgrind package (Debian 12: apt-get install valgrind); not part of CI (slow).
# Environment: SSTK_VALGRIND_BUILD_DIR (default build-gcc), SSTK_VALGRIND_JOBS (build jobs, 1),
# SSTK_VALGRIND_NO_BUILD=1 (run what is built, skip the rest).
set -uo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 2; }
build="${SSTK_VALGRIND_BUILD_DIR:-build-gcc}"
jobs="${SSTK_VALGRIND_JOBS:-1}"

tests=(test_apis_seed_dtos test_core_error test_core_walker test_csv_csv test_debug_printer test_http_envelope
       test_http_route test_http_negotiation test_json_read test_json_write test_jsv_read test_jsv_write
       test_query_query test_servicestack_response_status test_types_date_time test_types_decimal
       test_xml_read test_xml_write)
examples=()
for src in docs/examples/*.cpp; do examples+=("example_$(basename "$src" .cpp)"); done
if [[ "${1:-}" == all ]]; then
    tests=()
    for src in tests/*/*_test.cpp; do
        area="$(basename "$(dirname "$src")")"
        tests+=("test_${area}_$(basename "$src" _test.cpp)")
    done
elif (($#)); then
    tests=() examples=()
    for n in "$@"; do
        case "$n" in
        test_*) tests+=("$n") ;;
        example_*) examples+=("$n") ;;
        *) echo "not a test_* or example_* name: $n" >&2; exit 2 ;;
        esac
    done
fi

if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" \
        -DSSTK_BUILD_TESTS=ON -DSSTK_BUILD_EXAMPLES=ON -DSSTK_WARNINGS_AS_ERRORS=ON -DSSTK_INSTALL=OFF \
        -DSSTK_TEST_CODEGEN=OFF || exit 2
fi
if [[ -z "${SSTK_VALGRIND_NO_BUILD:-}" ]]; then
    cmake --build "$build" --parallel "$jobs" --target "${tests[@]}" "${examples[@]}" || exit 2
fi

logs="$build/valgrind"
mkdir -p "$logs"
vg=(valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --track-origins=yes --num-callers=30)
failed=()
run() {  # run <name> <dir> <exe> [args...]
    local name="$1" dir="$2"; shift 2
    local start=$SECONDS rc=0
    (cd "$dir" && "${vg[@]}" --log-file="$OLDPWD/$logs/$name.vg.log" "$@") > "$logs/$name.out" 2>&1 || rc=$?
    local summary
    summary="$(grep -ho 'ERROR SUMMARY: [0-9,]* errors' "$logs/$name.vg.log" | tail -1)"
    printf '%-40s %-18s %5d s  %s\n' "$name" "$([[ $rc == 0 ]] && echo clean || echo "FAILED (exit $rc)")" \
        $((SECONDS - start)) "${summary:-no valgrind summary}"
    ((rc == 0)) || failed+=("$name")
}
skipped=()
for t in "${tests[@]}"; do
    if [[ -x "$build/tests/$t" ]]; then run "$t" . "$build/tests/$t"; else skipped+=("$t"); fi
done
for e in "${examples[@]}"; do   # examples run from the source root, as their CTest tests do
    if [[ -x "$build/examples/$e" ]]; then run "$e" . "$build/examples/$e"; else skipped+=("$e"); fi
done
((${#skipped[@]})) && echo "not built, not run: ${skipped[*]}"
if ((${#failed[@]})); then
    echo "valgrind: ${#failed[@]} failed: ${failed[*]} (logs: $logs/<name>.vg.log and .out)"
    exit 1
fi
echo "valgrind: every program run was clean"
