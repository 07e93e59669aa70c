# DataContract XML benchmarks (issue 4): sstk against pugixml (parse-only floor for reading, a
# DOM built then printed for writing) in one binary, plus Mono's DataContractSerializer timed by
# a small C# program that xml_bench.cpp compiles with `mcs` and runs once (needs mono-mcs,
# libmono-system-runtime-serialization4.0-cil, libmono-system-xml4.0-cil; without them those rows
# report an error and the rest still run). Included by benchmarks/CMakeLists.txt.
add_executable(sstk_xml_bench ${CMAKE_CURRENT_LIST_DIR}/xml_bench.cpp)
target_link_libraries(sstk_xml_bench PRIVATE sstk::sstk sstk_project_flags benchmark::benchmark)
