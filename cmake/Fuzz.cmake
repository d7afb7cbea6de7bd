# libFuzzer targets (UNCOUNTED_FUZZ=ON, clang only): every src/<module>/*_fuzz.cpp
# becomes the executable fuzz_<name>, linked with its module. Everything is
# built with AddressSanitizer and UndefinedBehaviorSanitizer. scripts/fuzz.sh
# configures such a build and runs each target for a bounded time.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "UNCOUNTED_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
target_compile_options(uncounted_options INTERFACE
  -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
target_link_options(uncounted_options INTERFACE -fsanitize=address,undefined)
file(GLOB fuzz_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/*/*_fuzz.cpp)
foreach(source ${fuzz_sources})
  get_filename_component(name ${source} NAME_WE)
  get_filename_component(dir ${source} DIRECTORY)
  get_filename_component(module ${dir} NAME)
  string(REGEX REPLACE "_fuzz$" "" name ${name})
  add_executable(fuzz_${name} ${source})
  target_link_libraries(fuzz_${name} PRIVATE uncounted_${module})
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
endforeach()
