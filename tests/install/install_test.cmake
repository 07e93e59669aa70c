# CTest test `install_consumer` (registered in tests/CMakeLists.txt), run as `cmake -P`:
#   1. cmake --install <build dir> --prefix <WORK_DIR>/prefix
#   2. configure tests/install/consumer against that prefix (CMAKE_PREFIX_PATH only),
#   3. build it and run it.
# Everything it writes is under WORK_DIR, inside the build tree.
cmake_minimum_required(VERSION 3.20)

foreach(var SSTK_BUILD_DIR WORK_DIR CONSUMER_SOURCE_DIR CONSUMER_GENERATOR CONSUMER_CXX_COMPILER)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "install_test.cmake: -D${var}=... is required")
    endif()
endforeach()

# A DESTDIR in the environment would send the install outside the build tree.
unset(ENV{DESTDIR})

set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/consumer-build)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run what)
    message(STATUS "install_consumer: ${what}")
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "install_consumer: ${what} failed (${rc}): ${ARGN}")
    endif()
endfunction()

set(config_args "")
if(NOT "${SSTK_CONFIG}" STREQUAL "")
    set(config_args --config ${SSTK_CONFIG})
endif()

run("install into ${prefix}"
    ${CMAKE_COMMAND} --install ${SSTK_BUILD_DIR} --prefix ${prefix} ${config_args})

foreach(f share/cmake/sstk/sstk-config.cmake share/cmake/sstk/sstk-config-version.cmake
          share/cmake/sstk/sstk-targets.cmake include/sstk/core/error.hpp)
    if(NOT EXISTS ${prefix}/${f})
        message(FATAL_ERROR "install_consumer: ${f} was not installed")
    endif()
endforeach()

set(make_program_arg "")
if(NOT "${CONSUMER_MAKE_PROGRAM}" STREQUAL "")
    set(make_program_arg -DCMAKE_MAKE_PROGRAM=${CONSUMER_MAKE_PROGRAM})
endif()

run("configure the consumer"
    ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${consumer_build}
        -G ${CONSUMER_GENERATOR} ${make_program_arg}
        -DCMAKE_CXX_COMPILER=${CONSUMER_CXX_COMPILER}
        -DCMAKE_BUILD_TYPE=${SSTK_CONFIG}
        -DCMAKE_PREFIX_PATH=${prefix}
        -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
        -DSSTK_EXPECTED_VERSION=${SSTK_EXPECTED_VERSION}
        -DSSTK_EXPECTED_PREFIX=${prefix})

run("build the consumer" ${CMAKE_COMMAND} --build ${consumer_build} ${config_args})

if(EXISTS ${consumer_build}/${SSTK_CONFIG}/sstk_consumer)   # multi-config generators
    set(exe ${consumer_build}/${SSTK_CONFIG}/sstk_consumer)
else()
    set(exe ${consumer_build}/sstk_consumer)
endif()
run("run the consumer" ${exe})
