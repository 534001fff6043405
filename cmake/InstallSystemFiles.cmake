# Runs at install time (from cmake/Install.cmake): writes the installed
# configuration and the systemd units for the prefix being installed to.
#
# Directories follow GNUInstallDirs' rules for the *install-time* prefix: /usr
# puts configuration in /etc and state in /var, /opt/X in /etc/opt and /var/opt,
# any other prefix P in P/etc and P/var. The state folder is LOCALSTATEDIR/lib/profkpi.
#
# The configuration is etc/profkpi.properties with its three relative state
# paths (var/profkpi.db, var/inbox, var/reports) moved under the state folder:
# one source of truth. A key that no longer matches stops the install.

function(profkpi_full_dir out dir kind)
  if(IS_ABSOLUTE "${dir}")
    set(full "${dir}")
  elseif(CMAKE_INSTALL_PREFIX MATCHES "^/usr/?$" AND kind STREQUAL "system")
    set(full "/${dir}")
  elseif(CMAKE_INSTALL_PREFIX MATCHES "^/opt/" AND kind STREQUAL "system")
    set(full "/${dir}/opt")
  else()
    set(full "${CMAKE_INSTALL_PREFIX}/${dir}")
  endif()
  set(${out} "${full}" PARENT_SCOPE)
endfunction()

profkpi_full_dir(bindir "${PROFKPI_BINDIR}" prefix)
profkpi_full_dir(sysconfdir "${PROFKPI_SYSCONFDIR}" system)
profkpi_full_dir(localstatedir "${PROFKPI_LOCALSTATEDIR}" system)
profkpi_full_dir(docdir "${PROFKPI_DOCDIR}" prefix)
set(PROFKPI_BINARY "${bindir}/profkpi")
set(PROFKPI_CONFIG_FILE "${sysconfdir}/profkpi/profkpi.properties")
set(PROFKPI_STATE_DIR "${localstatedir}/lib/profkpi")
set(PROFKPI_OPERATIONS_DOC "${docdir}/OPERATIONS.md")

file(READ "${PROFKPI_SOURCE_DIR}/etc/profkpi.properties" shipped)
set(state_keys store.connection inbox.dir reports.dir)
string(REGEX REPLACE "(\n(store\\.connection|inbox\\.dir|reports\\.dir) = )var/" "\\1${PROFKPI_STATE_DIR}/" installed "${shipped}")
foreach(key IN LISTS state_keys)
  string(FIND "${installed}" "\n${key} = ${PROFKPI_STATE_DIR}/" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "etc/profkpi.properties: no '${key} = var/...' line to move under ${PROFKPI_STATE_DIR}")
  endif()
endforeach()
string(REPLACE "--config etc/profkpi.properties" "--config ${PROFKPI_CONFIG_FILE}" installed "${installed}")
set(header "# Installed from profkpi's etc/profkpi.properties with the store, inbox and
# reports under ${PROFKPI_STATE_DIR}. profkpi.service reads this file. Run
# other commands as the profkpi user with --config ${PROFKPI_CONFIG_FILE}.
#
")
string(PREPEND installed "${header}")

file(MAKE_DIRECTORY "${PROFKPI_STAGING_DIR}")
file(WRITE "${PROFKPI_STAGING_DIR}/profkpi.properties" "${installed}")
foreach(unit profkpi.service profkpi-nightly.service profkpi-nightly.timer)
  configure_file("${PROFKPI_SOURCE_DIR}/packaging/systemd/${unit}.in" "${PROFKPI_STAGING_DIR}/${unit}" @ONLY)
endforeach()

file(INSTALL "${PROFKPI_STAGING_DIR}/profkpi.properties" DESTINATION "${sysconfdir}/profkpi"
     PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
file(INSTALL
  "${PROFKPI_STAGING_DIR}/profkpi.service"
  "${PROFKPI_STAGING_DIR}/profkpi-nightly.service"
  "${PROFKPI_STAGING_DIR}/profkpi-nightly.timer"
  DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system"
  PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
