# fmkit_settings: warnings and sanitizers for first-party targets only.
add_library(fmkit_settings INTERFACE)
target_compile_options(fmkit_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
if(FMKIT_WARNINGS_AS_ERRORS)
  target_compile_options(fmkit_settings INTERFACE -Werror)
endif()
if(FMKIT_FUZZ)
  # libFuzzer comes with clang (Debian's clang-14); GCC has no equivalent.
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FMKIT_FUZZ=ON needs clang, which comes with "
      "libFuzzer; ${CMAKE_CXX_COMPILER_ID} has none: configure a separate "
      "build folder with -DCMAKE_CXX_COMPILER=clang++ (fuzz/run.sh does)")
  endif()
  if(FMKIT_SANITIZE)
    message(FATAL_ERROR "FMKIT_FUZZ=ON builds with address,undefined "
      "already: leave FMKIT_SANITIZE empty")
  endif()
  # Coverage instrumentation for every first-party target; the fuzz
  # executables add libFuzzer's main with -fsanitize=fuzzer.
  target_compile_options(fmkit_settings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(fmkit_settings INTERFACE -fsanitize=address,undefined)
endif()
if(FMKIT_SANITIZE)
  target_compile_options(fmkit_settings INTERFACE
    -fsanitize=${FMKIT_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(fmkit_settings INTERFACE -fsanitize=${FMKIT_SANITIZE})
  # GCC 12 reports false -Wmaybe-uninitialized inside libstdc++'s <regex>
  # (pulled in by valijson) when sanitizers instrument it; GCC's manual warns
  # this warning is unreliable with optimization and instrumentation.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(fmkit_settings INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()
# At -O3, GCC 12 reports a false -Wrestrict in libstdc++'s string copy as
# inlined from valijson's json_pointer.hpp (GCC bug 105329); the Release
# build of bench/run.sh hit it.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND
   CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(fmkit_settings INTERFACE -Wno-restrict)
endif()
