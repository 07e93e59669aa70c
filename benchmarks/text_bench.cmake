# JSV, CSV and query-string benchmarks with sstk's JSON codec on the same payloads (issue 5's
# "within 1.5x of the JSON codec" ratio comes from one binary). Included by
# benchmarks/CMakeLists.txt, which has already found Google Benchmark.
add_executable(sstk_text_bench ${CMAKE_CURRENT_LIST_DIR}/text_bench.cpp)
target_link_libraries(sstk_text_bench PRIVATE sstk::sstk sstk_project_flags benchmark::benchmark)
