# `cmake --install` into a scratch prefix, then run the installed binary from another directory.
# Called by ctest with -DBUILD_DIR=… -DSOURCE_DIR=… -DSCRATCH=…
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}/elsewhere")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${SCRATCH}/prefix"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(expected bin/itucollab share/itucollab/docs/corpus-format.md)
  if(NOT EXISTS "${SCRATCH}/prefix/${expected}")
    message(FATAL_ERROR "not installed: ${expected}")
  endif()
endforeach()
execute_process(COMMAND "${SCRATCH}/prefix/bin/itucollab" build "${SOURCE_DIR}/data/c21-inf-2" --out "${SCRATCH}/out"
                WORKING_DIRECTORY "${SCRATCH}/elsewhere" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installed itucollab build failed (${rc}): ${out}${err}")
endif()
if(NOT EXISTS "${SCRATCH}/out/C21-INF-2-E.txt")
  message(FATAL_ERROR "installed itucollab wrote no C21-INF-2-E.txt: ${out}")
endif()
message(STATUS "installed binary built the report from another directory: ${out}")
