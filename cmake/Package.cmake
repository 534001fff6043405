# `cpack -G DEB` (scripts/package): a Debian 12 package of the cmake --install
# layout for prefix /usr. The install runs with DESTDIR set and the prefix /usr,
# so cmake/InstallSystemFiles.cmake puts the configuration in /etc/profkpi and
# the state folders in /var/lib/profkpi whatever the build folder's own prefix.
# dpkg-shlibdeps works out the library packages; the maintainer scripts in
# packaging/deb create the profkpi user and the state folders.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME profkpi)
set(CPACK_PACKAGE_VENDOR "Government IT Profession")
set(CPACK_PACKAGE_CONTACT "profkpi maintainers <maintainers@users.noreply.r-seed-81d86fd4.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "IT-profession KPI submissions: validation, store, KPIs and board reports")
set(CPACK_PACKAGE_DESCRIPTION
  "profkpi validates councils' XML KPI submissions against the published schema and
business rules, stores them (SQLite or PostgreSQL), computes the five
professionalisation KPIs with peer benchmarks and renders PDF board reports.
It runs as profkpi.service, an HTTP service behind the site's web server.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Fonts for the reports (the binary has their /usr/share/fonts path built in),
# zone data for nightly.timezone, adduser for the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, tzdata, adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx | apache2, sqlite3, postgresql-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${PROJECT_SOURCE_DIR}/packaging/deb/conffiles"
  "${PROJECT_SOURCE_DIR}/packaging/deb/postinst"
  "${PROJECT_SOURCE_DIR}/packaging/deb/prerm"
  "${PROJECT_SOURCE_DIR}/packaging/deb/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

if(NOT PROFKPI_FONT_REGULAR MATCHES "^/usr/share/fonts/truetype/dejavu/" OR
   NOT PROFKPI_FONT_BOLD MATCHES "^/usr/share/fonts/truetype/dejavu/")
  message(WARNING "The fonts were found outside /usr/share/fonts/truetype/dejavu (${PROFKPI_FONT_REGULAR}); "
                  "a .deb built here would not find them through fonts-dejavu-core.")
endif()

include(CPack)
