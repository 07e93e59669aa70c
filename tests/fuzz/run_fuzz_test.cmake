# One fuzz CTest test (see CMakeLists.txt):
#  1. replay: run every file of CORPUS and REGRESSIONS once, by name (no truncation, no mutation);
#  2. fuzz for SECONDS, starting from both, new inputs going to WORK_DIR/corpus (never into the
#     checked-in directories); a crash is written to WORK_DIR/ and fails the test.
foreach(v FUZZER CORPUS REGRESSIONS DICT WORK_DIR SECONDS)
    if(NOT DEFINED ${v})
        message(FATAL_ERROR "run_fuzz_test.cmake: -D${v}=... is required")
    endif()
endforeach()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/corpus)
set(_limits -rss_limit_mb=2048 -timeout=10 -malloc_limit_mb=2048)

set(_inputs)
foreach(dir ${CORPUS} ${REGRESSIONS})
    if(IS_DIRECTORY ${dir})
        file(GLOB _files LIST_DIRECTORIES false ${dir}/*)
        list(FILTER _files EXCLUDE REGEX "/README[^/]*$")
        list(APPEND _inputs ${_files})
    endif()
endforeach()
list(LENGTH _inputs _n)
message(STATUS "replaying ${_n} inputs")
if(_n GREATER 0)
    execute_process(COMMAND ${FUZZER} ${_limits} -artifact_prefix=${WORK_DIR}/replay- ${_inputs}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message("${out}")
        message(FATAL_ERROR "replay of the corpus and regressions failed (exit ${rc})")
    endif()
endif()

set(_dirs ${WORK_DIR}/corpus)
foreach(dir ${CORPUS} ${REGRESSIONS})
    if(IS_DIRECTORY ${dir})
        list(APPEND _dirs ${dir})
    endif()
endforeach()
set(_dict)
if(EXISTS ${DICT})
    set(_dict -dict=${DICT})
endif()
message(STATUS "fuzzing for ${SECONDS} s")
# A fixed seed: a CI run explores the same inputs every time (a finding is reproducible, not luck).
execute_process(COMMAND ${FUZZER} ${_limits} -seed=1 -max_total_time=${SECONDS} -print_final_stats=1 ${_dict}
                        -artifact_prefix=${WORK_DIR}/ ${_dirs}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" _execs "${out}")
message(STATUS "${_execs}")
if(NOT rc EQUAL 0)
    message("${out}")
    message(FATAL_ERROR "fuzzing found a problem (exit ${rc}); the input is in ${WORK_DIR}/")
endif()
