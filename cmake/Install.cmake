# `cmake --install` layout (GNUInstallDirs): profkpi to bin and the programs it
# starts to libexec/profkpi (adapters/cli/programs/profkpi.cpp); the published
# schemas, the shipped registry and catalogue, the example configuration and the
# nginx site to share/profkpi; the operations guide to the doc folder. The
# configuration in SYSCONFDIR/profkpi and the systemd units depend on where the
# install goes, so cmake/InstallSystemFiles.cmake writes them at install time
# (cmake --install --prefix and cpack both decide the prefix after configuring).
include(GNUInstallDirs)

install(TARGETS profkpi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS profkpi-full profkpi-validate RUNTIME DESTINATION ${PROFKPI_PROGRAMS_INSTALL_DIR})
install(FILES
  xsd/submission-1.0.xsd
  xsd/submission-1.1.xsd
  xsd/registry-1.xsd
  xsd/catalogue-1.xsd
  DESTINATION ${CMAKE_INSTALL_DATADIR}/profkpi/xsd)
install(FILES data/registry.xml data/catalogue.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/profkpi)
install(FILES etc/profkpi.properties DESTINATION ${CMAKE_INSTALL_DATADIR}/profkpi RENAME profkpi.properties.example)
install(FILES etc/nginx/profkpi.conf DESTINATION ${CMAKE_INSTALL_DATADIR}/profkpi/nginx)
install(FILES README.md docs/OPERATIONS.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

install(CODE "
  set(PROFKPI_SOURCE_DIR \"${PROJECT_SOURCE_DIR}\")
  set(PROFKPI_STAGING_DIR \"${PROJECT_BINARY_DIR}/install-staging\")
  set(PROFKPI_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  set(PROFKPI_SYSCONFDIR \"${CMAKE_INSTALL_SYSCONFDIR}\")
  set(PROFKPI_LOCALSTATEDIR \"${CMAKE_INSTALL_LOCALSTATEDIR}\")
  set(PROFKPI_DOCDIR \"${CMAKE_INSTALL_DOCDIR}\")
  include(\"${PROJECT_SOURCE_DIR}/cmake/InstallSystemFiles.cmake\")
")
