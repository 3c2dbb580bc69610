# The version and commit of this build, decided at configure time (docs/packaging.md).
#   in a git checkout: HEAD tagged v<VERSION> -> <VERSION> (any other v* tag on HEAD is an error);
#                      otherwise             -> <VERSION>~git<commits>.<hash> (sorts before <VERSION>)
#   in a source tarball: the SOURCE-VERSION file that scripts/source-tarball writes into it
#   neither:             <VERSION>, commit "unknown"
# Sets ITUCOLLAB_PACKAGE_VERSION, ITUCOLLAB_COMMIT and ITUCOLLAB_COMMIT_EPOCH (seconds, for dates
# in the man page and changelog), and writes ${PROJECT_BINARY_DIR}/generated/itucollab_version.hpp.

set(ITUCOLLAB_PACKAGE_VERSION "${PROJECT_VERSION}")
set(ITUCOLLAB_COMMIT "unknown")
set(ITUCOLLAB_COMMIT_EPOCH 0)

find_package(Git QUIET)
set(_itucollab_git_toplevel "")
if(GIT_FOUND)
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --show-toplevel
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" RESULT_VARIABLE _rc
                  OUTPUT_VARIABLE _itucollab_git_toplevel OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT _rc EQUAL 0)
    set(_itucollab_git_toplevel "")
  endif()
endif()
file(REAL_PATH "${PROJECT_SOURCE_DIR}" _itucollab_source_real)
if(_itucollab_git_toplevel)
  file(REAL_PATH "${_itucollab_git_toplevel}" _itucollab_git_toplevel)
endif()

function(_itucollab_git out)
  execute_process(COMMAND "${GIT_EXECUTABLE}" ${ARGN} WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE value OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "git ${ARGN} failed: ${err}")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

if(_itucollab_git_toplevel STREQUAL _itucollab_source_real)
  # A git checkout of this project (not a tarball unpacked inside some other repository).
  _itucollab_git(ITUCOLLAB_COMMIT rev-parse HEAD)
  _itucollab_git(_hash rev-parse --short=10 HEAD)
  _itucollab_git(ITUCOLLAB_COMMIT_EPOCH log -1 --format=%ct HEAD)
  _itucollab_git(_tags tag --points-at HEAD --list "v*")
  if(_tags)
    string(REPLACE "\n" ";" _tags "${_tags}")
    if(NOT "v${PROJECT_VERSION}" IN_LIST _tags)
      message(FATAL_ERROR "HEAD is tagged ${_tags} but project(VERSION) is ${PROJECT_VERSION}: "
                          "a release tag must be v${PROJECT_VERSION} (fix the tag or the version in CMakeLists.txt)")
    endif()
  else()
    # Every commit counts (a shallow clone undercounts: the release workflow fetches full history).
    _itucollab_git(_count rev-list --count HEAD)
    set(ITUCOLLAB_PACKAGE_VERSION "${PROJECT_VERSION}~git${_count}.${_hash}")
  endif()
  # Configure again when HEAD moves (commit, checkout) so the version follows.
  _itucollab_git(_head_log rev-parse --path-format=absolute --git-path logs/HEAD)
  _itucollab_git(_head rev-parse --path-format=absolute --git-path HEAD)
  foreach(_file IN ITEMS "${_head}" "${_head_log}")
    if(EXISTS "${_file}")
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_file}")
    endif()
  endforeach()
elseif(EXISTS "${PROJECT_SOURCE_DIR}/SOURCE-VERSION")
  # A source tarball: lines "version=...", "commit=...", "epoch=...".
  file(STRINGS "${PROJECT_SOURCE_DIR}/SOURCE-VERSION" _lines)
  foreach(_line IN LISTS _lines)
    if(_line MATCHES "^version=(.+)$")
      set(ITUCOLLAB_PACKAGE_VERSION "${CMAKE_MATCH_1}")
    elseif(_line MATCHES "^commit=([0-9a-f]+)$")
      set(ITUCOLLAB_COMMIT "${CMAKE_MATCH_1}")
    elseif(_line MATCHES "^epoch=([0-9]+)$")
      set(ITUCOLLAB_COMMIT_EPOCH "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  if(NOT ITUCOLLAB_PACKAGE_VERSION MATCHES "^${PROJECT_VERSION}(~git[0-9]+\\.[0-9a-f]+)?$")
    message(FATAL_ERROR "SOURCE-VERSION says ${ITUCOLLAB_PACKAGE_VERSION}, project(VERSION) is ${PROJECT_VERSION}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/SOURCE-VERSION")
else()
  message(WARNING "itucollab: neither a git checkout nor a source tarball with SOURCE-VERSION; "
                  "version ${PROJECT_VERSION}, commit unknown")
endif()

string(TIMESTAMP ITUCOLLAB_COMMIT_DATE "%Y-%m-%d" UTC)
if(ITUCOLLAB_COMMIT_EPOCH GREATER 0)
  # string(TIMESTAMP) reads SOURCE_DATE_EPOCH: point it at the commit for a reproducible date.
  set(_saved_epoch "$ENV{SOURCE_DATE_EPOCH}")
  set(ENV{SOURCE_DATE_EPOCH} "${ITUCOLLAB_COMMIT_EPOCH}")
  string(TIMESTAMP ITUCOLLAB_COMMIT_DATE "%Y-%m-%d" UTC)
  string(TIMESTAMP ITUCOLLAB_COMMIT_RFC2822 "%a, %d %b %Y %H:%M:%S +0000" UTC)
  set(ENV{SOURCE_DATE_EPOCH} "${_saved_epoch}")
else()
  string(TIMESTAMP ITUCOLLAB_COMMIT_RFC2822 "%a, %d %b %Y %H:%M:%S +0000" UTC)
endif()

message(STATUS "itucollab ${ITUCOLLAB_PACKAGE_VERSION} (commit ${ITUCOLLAB_COMMIT}, ${ITUCOLLAB_COMMIT_DATE})")
configure_file("${CMAKE_CURRENT_LIST_DIR}/itucollab_version.hpp.in"
               "${PROJECT_BINARY_DIR}/generated/itucollab_version.hpp" @ONLY)
