# Installing postpress: the program under bin/, its bundled data (fonts with their licences,
# styles, languages, syntax definitions) under share/postpress/, its modules under
# lib/postpress/, GNUInstallDirs paths throughout.
# The program finds its data relative to its own location (src/support/data_dir.cpp), so the
# prefix can be moved and no path of this machine is compiled in: only the bindir -> datadir step
# below.
include(GNUInstallDirs)

set(POSTPRESS_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/postpress")

# pp_step_from_bindir(OUT DIR FULLDIR): the step from the installed program's folder to DIR
# (FULLDIR: its absolute form). Computed on a dummy root when both are relative, so that it
# holds for any --prefix given at install time.
function(pp_step_from_bindir out dir fulldir)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}" OR IS_ABSOLUTE "${dir}")
    file(RELATIVE_PATH step "${CMAKE_INSTALL_FULL_BINDIR}" "${fulldir}")
  else()
    file(RELATIVE_PATH step "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${dir}")
  endif()
  set(${out} "${step}" PARENT_SCOPE)
endfunction()

# The step to the data folder ("../share/postpress" with the default layout).
pp_step_from_bindir(pp_data_from_bindir "${POSTPRESS_INSTALL_DATADIR}" "${CMAKE_INSTALL_FULL_DATADIR}/postpress")
# Only the file that uses it, so that the rest of pp_support compiles the same for any layout.
set_property(SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/src/support/data_dir.cpp APPEND PROPERTY
             COMPILE_DEFINITIONS POSTPRESS_DATA_FROM_BINDIR="${pp_data_from_bindir}")

# The build tree mirrors the installed data folder: <build>/share/postpress links to the source's
# fonts/, styles/, lang/ and syntax/, found by build/postpress (a sibling of share/) and by
# build/tests/test_* and the other programs one level down (../share/postpress), the same lookup
# as installed.
set(pp_build_data "${CMAKE_BINARY_DIR}/share/postpress")
file(MAKE_DIRECTORY "${pp_build_data}")
foreach(part fonts styles lang syntax)
  # Made once: a reconfigure while tests run must not pull the data from under them.
  set(link "${pp_build_data}/${part}")
  if(IS_SYMLINK "${link}")
    file(READ_SYMLINK "${link}" target)
  else()
    set(target "")
  endif()
  if(NOT target STREQUAL "${CMAKE_CURRENT_SOURCE_DIR}/${part}")
    file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}/${part}" "${link}" SYMBOLIC)
  endif()
endforeach()

# The modules the program opens on first use (pp_kate.so: src/highlight/kate_engine.h) go to
# <libdir>/postpress/, found the same way from the program's folder; the build tree has them in
# <build>/lib/postpress (pp_module).
set(POSTPRESS_INSTALL_MODULEDIR "${CMAKE_INSTALL_LIBDIR}/postpress")
pp_step_from_bindir(pp_modules_from_bindir "${POSTPRESS_INSTALL_MODULEDIR}" "${CMAKE_INSTALL_FULL_LIBDIR}/postpress")
set_property(SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/src/highlight/kate_module.cpp APPEND PROPERTY
             COMPILE_DEFINITIONS POSTPRESS_MODULES_FROM_BINDIR="${pp_modules_from_bindir}")

install(TARGETS postpress RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS pp_kate LIBRARY DESTINATION ${POSTPRESS_INSTALL_MODULEDIR})
install(DIRECTORY fonts styles lang syntax DESTINATION ${POSTPRESS_INSTALL_DATADIR})  # fonts/licenses/ too
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Man pages and shell completions, generated at build time from the command line's option table
# (include/postpress/options.h) and the bundled report style by postpress-docgen, so that they
# cannot drift from --help, postpress.yaml or the styles. These two functions put each file
# where man and the shells look.
function(pp_install_man_page file)
  get_filename_component(name "${file}" NAME)
  if(NOT name MATCHES "\\.([1-9])$")
    message(FATAL_ERROR "pp_install_man_page: ${file} does not end in a man section (.1 to .9)")
  endif()
  install(FILES "${file}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man${CMAKE_MATCH_1}")
endfunction()

function(pp_install_completion shell file)
  if(shell STREQUAL "bash")
    install(FILES "${file}" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
            RENAME postpress)
  elseif(shell STREQUAL "zsh")
    install(FILES "${file}" DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions"
            RENAME _postpress)
  elseif(shell STREQUAL "fish")
    install(FILES "${file}" DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d"
            RENAME postpress.fish)
  else()
    message(FATAL_ERROR "pp_install_completion: unknown shell '${shell}' (bash, zsh or fish)")
  endif()
endfunction()

# The generator (src/cli/docgen/) runs at build time only; what it writes is installed.
file(GLOB docgen_srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/cli/docgen/*.cpp)
add_executable(postpress-docgen ${docgen_srcs} ${PROJECT_SOURCE_DIR}/src/cli/help_line.cpp)
target_include_directories(postpress-docgen PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/include)
set(pp_manuals ${CMAKE_BINARY_DIR}/man/postpress.1 ${CMAKE_BINARY_DIR}/man/postpress.yaml.5
               ${CMAKE_BINARY_DIR}/man/postpress-style.5)
set(pp_completions ${CMAKE_BINARY_DIR}/completions/postpress.bash ${CMAKE_BINARY_DIR}/completions/_postpress
                   ${CMAKE_BINARY_DIR}/completions/postpress.fish)
add_custom_command(
  OUTPUT ${pp_manuals} ${pp_completions}
  COMMAND postpress-docgen ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR}/styles/report.yaml ${PROJECT_VERSION}
  DEPENDS postpress-docgen ${PROJECT_SOURCE_DIR}/styles/report.yaml
  COMMENT "Writing the manual pages and shell completions from the option table")
add_custom_target(postpress-docs ALL DEPENDS ${pp_manuals} ${pp_completions})
foreach(page IN LISTS pp_manuals)
  pp_install_man_page(${page})
endforeach()
pp_install_completion(bash ${CMAKE_BINARY_DIR}/completions/postpress.bash)
pp_install_completion(zsh ${CMAKE_BINARY_DIR}/completions/_postpress)
pp_install_completion(fish ${CMAKE_BINARY_DIR}/completions/postpress.fish)
