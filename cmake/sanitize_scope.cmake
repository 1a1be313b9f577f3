# The sanitizer build (POSTPRESS_SANITIZE) runs the unit and bad-input tests only
# (scripts/test.sh): its default build is the program, the libraries and the test binaries.
# The benchmarks and the programs that make test data are never run there; they stay
# buildable by name (cmake --build build-asan --target layout_bench).
if(POSTPRESS_SANITIZE)
  set(pp_unsanitized_runs "")
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/bench/CMakeLists.txt)
    get_property(pp_bench_targets DIRECTORY bench PROPERTY BUILDSYSTEM_TARGETS)
    list(APPEND pp_unsanitized_runs ${pp_bench_targets})
  endif()
  file(GLOB pp_tool_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tools/*.cpp)
  foreach(tool_src ${pp_tool_sources})
    get_filename_component(tool ${tool_src} NAME_WE)
    list(APPEND pp_unsanitized_runs ${tool})
  endforeach()
  if(pp_unsanitized_runs)
    set_target_properties(${pp_unsanitized_runs} PROPERTIES EXCLUDE_FROM_ALL ON)
  endif()
endif()
