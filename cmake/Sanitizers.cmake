# Instrumentation for the sanitizer build (PROFKPI_SANITIZE) and the fuzz build
# (PROFKPI_FUZZ). Both apply to every target, so the libraries a test or a fuzz
# target links are checked too, not only its own file.
if(PROFKPI_SANITIZE)
  # -fno-sanitize-recover: undefined behaviour fails the test instead of printing a line nobody reads.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(PROFKPI_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PROFKPI_FUZZ needs clang (libFuzzer): configure with CC=clang CXX=clang++")
  endif()
  # The libraries get coverage counters and sanitizers but no libFuzzer main();
  # fuzz/CMakeLists.txt links the targets themselves with -fsanitize=fuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
