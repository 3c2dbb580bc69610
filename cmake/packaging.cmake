# Installs the man page, shell completions, example corpus and Debian docs; configures CPack for
# `cpack -G DEB` and a `source_tarball` target (docs/packaging.md). Included from CMakeLists.txt.

set(ITUCOLLAB_PACKAGE_MAINTAINER "itucollab maintainers <maintainers@users.noreply.r-seed-52ccf718.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(ITUCOLLAB_HOMEPAGE "" CACHE STRING "Homepage field of the Debian package (the release workflow passes the repository URL)")

# The version header (cmake/version.cmake) is read by the command-line tool only.
target_include_directories(itucollab PRIVATE "${PROJECT_BINARY_DIR}/generated")

# itucollab(1) and the completions, written by the freshly built binary from its own CLI11 definitions.
set(_ref "${PROJECT_BINARY_DIR}/reference")
add_custom_command(
  OUTPUT "${_ref}/itucollab.1" "${_ref}/itucollab.1.gz" "${_ref}/itucollab.bash" "${_ref}/_itucollab"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${_ref}"
  COMMAND itucollab reference man --datadir "${CMAKE_INSTALL_FULL_DATADIR}" --out "${_ref}/itucollab.1"
  COMMAND gzip -9nf --keep "${_ref}/itucollab.1"
  COMMAND itucollab reference bash --out "${_ref}/itucollab.bash"
  COMMAND itucollab reference zsh --out "${_ref}/_itucollab"
  DEPENDS itucollab
  COMMENT "Generating itucollab(1) and the bash/zsh completions"
  VERBATIM)
add_custom_target(itucollab_reference ALL DEPENDS "${_ref}/itucollab.1.gz" "${_ref}/itucollab.bash" "${_ref}/_itucollab")

install(FILES "${_ref}/itucollab.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${_ref}/itucollab.bash" RENAME itucollab DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  install(FILES "${_ref}/_itucollab" DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
else()
  install(FILES "${_ref}/_itucollab" DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/site-functions")
endif()

# The bundled 2021 corpus as an example, and the Debian changelog and copyright. The package is native
# (its version has no Debian revision), so policy (12.7) names the changelog changelog.gz, not changelog.Debian.gz.
install(DIRECTORY data/c21-inf-2 DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples")
set(ITUCOLLAB_CHANGELOG_DATE "${ITUCOLLAB_COMMIT_RFC2822}")
configure_file(packaging/changelog.in "${PROJECT_BINARY_DIR}/packaging/changelog" @ONLY)
add_custom_command(
  OUTPUT "${PROJECT_BINARY_DIR}/packaging/changelog.gz"
  COMMAND gzip -9nf --keep "${PROJECT_BINARY_DIR}/packaging/changelog"
  DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog"
  VERBATIM)
add_custom_target(itucollab_changelog ALL DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog.gz")
install(FILES "${PROJECT_BINARY_DIR}/packaging/changelog.gz" packaging/copyright
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# The source tarball of this commit, carrying its version and commit in SOURCE-VERSION.
if(NOT ITUCOLLAB_COMMIT STREQUAL "unknown" AND _itucollab_git_toplevel STREQUAL _itucollab_source_real)
  configure_file(packaging/SOURCE-VERSION.in "${PROJECT_BINARY_DIR}/packaging/SOURCE-VERSION" @ONLY)
  set(_tarball "${PROJECT_BINARY_DIR}/itucollab-${ITUCOLLAB_PACKAGE_VERSION}.tar.gz")
  add_custom_target(source_tarball
    COMMAND "${GIT_EXECUTABLE}" -C "${PROJECT_SOURCE_DIR}" archive --format=tar.gz
            "--prefix=itucollab-${ITUCOLLAB_PACKAGE_VERSION}/"
            "--add-file=${PROJECT_BINARY_DIR}/packaging/SOURCE-VERSION" -o "${_tarball}" "${ITUCOLLAB_COMMIT}"
    COMMENT "Writing ${_tarball}"
    VERBATIM)
endif()

# The Debian package: `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME itucollab)
set(CPACK_PACKAGE_VERSION "${ITUCOLLAB_PACKAGE_VERSION}")
set(CPACK_PACKAGE_CONTACT "${ITUCOLLAB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ITUCOLLAB_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
if(ITUCOLLAB_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${ITUCOLLAB_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "compiler of the ITU Council report on collaboration with the UN system
itucollab compiles the ITU Council information report 'Collaboration with
the United Nations system' (C21/INF/2 and its successors) from a YAML corpus.
It validates the corpus, reporting every error with file, line and column,
and writes the report as plain text, a standalone HTML page, a Word document
(.docx), Flat OPC XML, pandoc Markdown and JSON. It also compares two corpora
(with a redline) and starts next year's corpus from this year's.")
include(CPack)
