# Installing fmkit (`cmake --install`) and packaging it as a Debian package
# (`cpack -G DEB`): the binary, the man page and the example schemas.
include(GNUInstallDirs)

install(TARGETS fmkit RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fmkit/schemas
  FILES_MATCHING PATTERN "*.json")
install(FILES ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The man page gets the project's version, and is gzipped as Debian
# installs man pages (-n: no name or time stamp, so the bytes are the same
# every build).
find_program(FMKIT_GZIP gzip REQUIRED)
configure_file(${PROJECT_SOURCE_DIR}/man/fmkit.1.in
  ${PROJECT_BINARY_DIR}/man/fmkit.1 @ONLY)
add_custom_command(
  OUTPUT ${PROJECT_BINARY_DIR}/man/fmkit.1.gz
  COMMAND ${FMKIT_GZIP} -9nkf ${PROJECT_BINARY_DIR}/man/fmkit.1
  DEPENDS ${PROJECT_BINARY_DIR}/man/fmkit.1
  COMMENT "gzip the man page")
add_custom_target(fmkit_man ALL DEPENDS ${PROJECT_BINARY_DIR}/man/fmkit.1.gz)
install(FILES ${PROJECT_BINARY_DIR}/man/fmkit.1.gz
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(FMKIT_PACKAGE_MAINTAINER
  "fmkit maintainers <maintainers@users.noreply.r-seed-86893683.example>"
  CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fmkit)
set(CPACK_PACKAGE_VENDOR "fmkit")
set(CPACK_PACKAGE_CONTACT "${FMKIT_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "validate and migrate the YAML front matter of Markdown files")
set(CPACK_PACKAGE_DESCRIPTION
  "fmkit checks the YAML front matter of Markdown content (Hugo, Jekyll, \
Eleventy) against JSON Schemas and reports each problem like a compiler, \
at its line and column. It runs versioned, declarative migrations that \
rewrite fields in place, showing a diff first and changing only the bytes \
they must. It also checks the schemas themselves: unknown keywords, \
keywords next to $ref, enum values their own type excludes.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: from the libraries the binary links (dpkg-shlibdeps, in
# dpkg-dev; .ci/install-deps installs it).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
