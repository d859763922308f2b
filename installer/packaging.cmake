# Debian packages (CPack DEB, one package per component), made by installer/package.sh:
#   inkwell         component "desktop": the app, its .desktop file, icon, AppStream metainfo
#   inkwell-server  component "server":  inkwelld, its systemd unit, /etc/inkwell/inkwelld.conf, maintainer scripts
# The targets' own install() rules name their component; this file installs the packaging resources and sets
# CPack up. INKWELL_PACKAGE_VERSION overrides the package version (installer/test-packages.sh builds a newer one).
include(GNUInstallDirs)

set(INKWELL_PACKAGE_VERSION "" CACHE STRING "Version of the Debian packages (empty: the project's version)")
set(_pkg_dir ${CMAKE_SOURCE_DIR}/installer/debian)
set(_pkg_out ${CMAKE_BINARY_DIR}/packaging)
set(_contact "Inkwell maintainers <maintainers@inkwell.invalid>")
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Debian wants compressed changelogs and man pages, without time stamps in the gzip header (gzip -n).
find_program(GZIP_PROGRAM gzip REQUIRED)
string(TIMESTAMP INKWELL_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
string(TIMESTAMP INKWELL_RELEASE_DATE "%Y-%m-%d" UTC)
if(INKWELL_PACKAGE_VERSION)
    set(CPACK_PACKAGE_VERSION "${INKWELL_PACKAGE_VERSION}")
else()
    set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
endif()
set(CPACK_PACKAGE_CONTACT "${_contact}")
configure_file(${_pkg_dir}/changelog.in ${_pkg_out}/changelog @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/resources/inkwell.metainfo.xml ${_pkg_out}/inkwell.metainfo.xml @ONLY)
foreach(_page changelog:${_pkg_out}/changelog inkwell.1:${_pkg_dir}/inkwell.1 inkwelld.1:${_pkg_dir}/inkwelld.1)
    string(REPLACE ":" ";" _page "${_page}")
    list(GET _page 0 _name)
    list(GET _page 1 _source)
    execute_process(COMMAND ${GZIP_PROGRAM} -9nc ${_source} OUTPUT_FILE ${_pkg_out}/${_name}.gz COMMAND_ERROR_IS_FATAL ANY)
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${_pkg_dir}/changelog.in ${_pkg_dir}/inkwell.1 ${_pkg_dir}/inkwelld.1)

# The desktop app
install(FILES resources/inkwell.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desktop)
install(FILES resources/inkwell.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT desktop)
install(FILES ${_pkg_out}/inkwell.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo
    RENAME invalid.inkwell.Inkwell.metainfo.xml COMPONENT desktop)
install(FILES ${_pkg_out}/inkwell.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT desktop)
install(FILES ${_pkg_dir}/copyright ${_pkg_out}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/inkwell
    COMPONENT desktop)

# The server. Debian 12 keeps system units in /lib/systemd/system (usrmerge is not finished there).
install(FILES ${_pkg_dir}/inkwelld.service DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${_pkg_dir}/inkwelld.conf DESTINATION /etc/inkwell COMPONENT server)
install(FILES ${_pkg_out}/inkwelld.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT server)
install(FILES ${_pkg_dir}/copyright ${_pkg_out}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/inkwell-server
    COMPONENT server)

set(CPACK_GENERATOR DEB)
# Each component's description starts with its own synopsis line. CPackDeb would put the project's summary in
# front of both unless the summary is CPack's default text, so it is set to exactly that.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_NAME inkwell)
set(CPACK_PACKAGE_VENDOR "The Inkwell authors")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL desktop server)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${_contact}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SOURCE inkwell)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# dpkg-shlibdeps finds the libraries the binaries link; what they load at run time is listed by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME inkwell)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION editors)
# Qt's platform plugins (libqt6gui6 only recommends them) and the SQLite driver of the offline store; a
# dictionary for the spell checker; inkwelld for the "private server on this computer" of the first start.
set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "hunspell-en-us | hunspell-dictionary")
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SUGGESTS "inkwell-server")
set(CPACK_COMPONENT_DESKTOP_DESCRIPTION "Markdown writing app with AI help, online or offline
Inkwell is a self-hosted writing platform. Its desktop app is a Markdown
editor with a live preview, spell checking and an outline. Every article
is kept in a local store, so that writing goes on offline, and is
synchronised with an Inkwell server, where conflicting edits are merged
or shown side by side. Chat and writing assistance use the AI provider
the server is configured with.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME inkwell-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION web)
# The Qt PostgreSQL driver is a plugin (not seen by dpkg-shlibdeps); pg_dump, pg_restore and psql serve
# `inkwelld backup` and `restore`; adduser makes the service's user. The PostgreSQL server programs of the
# bundled cluster are only recommended: a server set up with an external database (INKWELL_DATABASE_URL)
# needs none, and without them inkwelld says what to install.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-psql, postgresql-client-15")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "postgresql-15")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${_pkg_dir}/postinst ${_pkg_dir}/prerm ${_pkg_dir}/postrm ${_pkg_dir}/conffiles)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_COMPONENT_SERVER_DESCRIPTION "server of the Inkwell writing platform, with a bundled PostgreSQL
Inkwell is a self-hosted writing platform. This package holds its server,
inkwelld, which serves articles, accounts, notifications and AI chat over
HTTP. It runs as the systemd service inkwelld.service under the system
user inkwell, with its own PostgreSQL cluster in /var/lib/inkwell (or an
external database), migrates the database at start and logs to the
journal. Backups: inkwelld backup FILE, inkwelld restore FILE.")

include(CPack)
