# The service host's bounded load run (issue 9): not a Google Benchmark binary but a program
# that drives the host with the asynchronous client for a fixed time per format and prints
# requests/s and latency percentiles (benchmarks/report.py --http-load puts them in
# docs/benchmarks.md). Needs sstk::net (OpenSSL, threads). Included by benchmarks/CMakeLists.txt.
if(TARGET sstk_net)
    add_executable(sstk_http_load ${CMAKE_CURRENT_LIST_DIR}/http_load.cpp)
    target_link_libraries(sstk_http_load PRIVATE sstk::net sstk_project_flags)
else()
    message(STATUS "sstk: OpenSSL not found: sstk_http_load is not built")
endif()
