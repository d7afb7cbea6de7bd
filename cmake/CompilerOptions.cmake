# Compiler settings shared by every uncounted target.
add_library(uncounted_options INTERFACE)
target_compile_features(uncounted_options INTERFACE cxx_std_20)
target_compile_options(uncounted_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Werror)
# GCC 12 at -O3 reports a false -Wrestrict inside libstdc++'s std::string
# (GCC bug 105329); it is not about our code, so it must not fail the build.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(uncounted_options INTERFACE -Wno-restrict)
endif()

if(UNCOUNTED_SANITIZE)
  target_compile_options(uncounted_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(uncounted_options INTERFACE -fsanitize=address,undefined)
endif()

# uncounted_module(NAME DEPS...) makes the static library uncounted_NAME from
# src/NAME/*.cpp (tests and fuzzers excluded), and, when tests are on, the test
# binary uncounted_NAME_tests from src/NAME/*_test.cpp.
function(uncounted_module name)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "_(test|fuzz)\\.cpp$")
  add_library(uncounted_${name} STATIC ${sources})
  target_include_directories(uncounted_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(uncounted_${name} PUBLIC uncounted_options ${M_DEPS})
  if(UNCOUNTED_BUILD_TESTS)
    file(GLOB_RECURSE tests CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*_test.cpp)
    if(tests)
      add_executable(uncounted_${name}_tests ${tests})
      target_link_libraries(uncounted_${name}_tests PRIVATE uncounted_${name} GTest::gtest GTest::gmock GTest::gtest_main)
      target_compile_definitions(uncounted_${name}_tests PRIVATE
        UNCOUNTED_SHARED_DATA="${UNCOUNTED_SHARED_DATA}")
      gtest_discover_tests(uncounted_${name}_tests DISCOVERY_TIMEOUT 60
        PROPERTIES ENVIRONMENT "UNCOUNTED_SHARED_DATA=${UNCOUNTED_SHARED_DATA}")
    endif()
  endif()
endfunction()
