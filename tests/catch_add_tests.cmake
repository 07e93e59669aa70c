# Test discovery for catch_discover_tests() (tests/CMakeLists.txt points Catch.cmake's
# _CATCH_DISCOVER_TESTS_SCRIPT here). Replaces the CatchAddTests.cmake of Debian's Catch2 2.13,
# which
#   - splits a test name at ';' (a CMake list separator) into tests that match nothing, and
#     Catch2 2.x then exits 0: such tests "pass" without running (here: one test, run);
#   - takes a crashed or sanitizer-aborted listing for a test count.
# Every discovered test runs with `--warn NoTests`, so a name that matches no test case fails.
# Inputs (from catch_discover_tests): TEST_EXECUTABLE TEST_EXECUTOR TEST_WORKING_DIR TEST_SPEC
# TEST_EXTRA_ARGS TEST_PROPERTIES TEST_PREFIX TEST_SUFFIX TEST_LIST CTEST_FILE.
cmake_minimum_required(VERSION 3.20)

if(NOT EXISTS "${TEST_EXECUTABLE}")
    message(FATAL_ERROR "test executable '${TEST_EXECUTABLE}' does not exist")
endif()

execute_process(
    COMMAND ${TEST_EXECUTOR} "${TEST_EXECUTABLE}" ${TEST_SPEC} --list-test-names-only
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors
    RESULT_VARIABLE result
    WORKING_DIRECTORY "${TEST_WORKING_DIR}"
    TIMEOUT 300)

# Protect ';' in names before turning lines into a list (0x1F never appears in a test name).
string(ASCII 31 unit_sep)
string(REPLACE ";" "${unit_sep}" output "${output}")
string(REPLACE "\n" ";" lines "${output}")
set(names "")
foreach(line IN LISTS lines)
    if(NOT line STREQUAL "")
        list(APPEND names "${line}")
    endif()
endforeach()
list(LENGTH names count)

# Catch2 2.x exits with the number of test cases (mod 256) after a listing.
if(NOT result MATCHES "^[0-9]+$")
    message(FATAL_ERROR "listing the tests of ${TEST_EXECUTABLE} failed: ${result}\n${errors}${output}")
endif()
math(EXPR expected "${count} % 256")
if(NOT result EQUAL expected OR errors MATCHES "Sanitizer|runtime error")
    message(FATAL_ERROR "listing the tests of ${TEST_EXECUTABLE} failed (exit ${result}, "
                        "${count} names read):\n${errors}${output}")
endif()
if(count EQUAL 0)
    message(WARNING "${TEST_EXECUTABLE} has no test cases")
endif()

# `cmake -D` drops trailing spaces, so the space of a TEST_PREFIX like "core/error: " is lost.
if(TEST_PREFIX MATCHES ":$")
    string(APPEND TEST_PREFIX " ")
endif()

function(bracket out value)   # value as a CMake bracket argument: verbatim, ';' included
    set(eq "=")
    while(value MATCHES "]${eq}]")
        string(APPEND eq "=")
    endwhile()
    set(${out} "[${eq}[${value}]${eq}]" PARENT_SCOPE)
endfunction()

set(script "")
set(all_tests "")
bracket(exe "${TEST_EXECUTABLE}")
bracket(workdir "${TEST_WORKING_DIR}")
set(executor "")
foreach(arg IN LISTS TEST_EXECUTOR)
    bracket(b "${arg}")
    string(APPEND executor "${b} ")
endforeach()
set(extra "")
foreach(arg IN LISTS TEST_EXTRA_ARGS)
    bracket(b "${arg}")
    string(APPEND extra " ${b}")
endforeach()
set(props "")
foreach(arg IN LISTS TEST_PROPERTIES)
    bracket(b "${arg}")
    string(APPEND props " ${b}")
endforeach()

foreach(name IN LISTS names)
    string(REPLACE "${unit_sep}" ";" name "${name}")
    # Catch2's test-spec syntax gives \ , [ ] " a meaning: escape them to match the name exactly.
    set(spec "${name}")
    foreach(c "\\" "," "[" "]" "\"")
        string(REPLACE "${c}" "\\${c}" spec "${spec}")
    endforeach()
    bracket(test "${TEST_PREFIX}${name}${TEST_SUFFIX}")
    bracket(spec "${spec}")
    string(APPEND script
        "add_test(${test} ${executor}${exe} ${spec} --warn NoTests${extra})\n"
        "set_tests_properties(${test} PROPERTIES WORKING_DIRECTORY ${workdir}${props})\n")
    list(APPEND all_tests "${test}")
endforeach()
if(TEST_LIST)
    list(JOIN all_tests " " joined)
    string(APPEND script "set(${TEST_LIST} ${joined})\n")
endif()

file(WRITE "${CTEST_FILE}" "${script}")
