# The server's module targets and the rules between them, checked on every build.
#
#   inkwell_server_module(NAME DIRS dir... [DEPENDS module...] SOURCES file... [LIBS lib...])
#       One static library, inkwell_server_<NAME>, of the sources in its folders (DIRS, relative to the calling
#       CMakeLists.txt). It links the modules it DEPENDS on, and nothing else of the server.
#   inkwell_server_check_layering()
#       Called once after every module is declared. For each module, fails configuring (and, through a stamp
#       its library depends on, every build after a source changed) when one of its files
#         - includes a header of a server folder that belongs neither to the module nor to a module it DEPENDS on
#           ("articles/articlestore.cpp includes accounts/accountstore.h, but articles does not depend on
#           accounts"), or
#         - is a store (a file named *store.h or *store.cpp) and includes anything of http/: stores speak the
#           domain's Result and Error, never HTTP.
#       Headers of core (model/, json/, markdown/, sse/, sync/, api/, error.h) are below every module.
include_guard(GLOBAL)
cmake_policy(VERSION 3.25) # also in script mode (the build-time check), where policies default to old

set(_INKWELL_LAYERING_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

# Checks FILES (absolute paths) of module MODULE, allowed to include the server folders in ALLOWED, against the
# list of all server folders ALL_DIRS. Sets <result_var> to the violations ("" when none).
function(_inkwell_layering_violations result_var MODULE ALLOWED ALL_DIRS FILES)
    set(_violations "")
    foreach(_file IN LISTS FILES)
        if(NOT _file MATCHES "\\.(h|cpp)$")
            continue()
        endif()
        file(STRINGS "${_file}" _includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[A-Za-z0-9_]+/")
        get_filename_component(_name "${_file}" NAME)
        foreach(_line IN LISTS _includes)
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([A-Za-z0-9_]+)/([^\"]*)\".*$" "\\1" _dir "${_line}")
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([A-Za-z0-9_]+/[^\"]*)\".*$" "\\1" _header "${_line}")
            if(NOT _dir IN_LIST ALL_DIRS)
                continue() # core's folders, Qt, the standard library
            endif()
            if(NOT _dir IN_LIST ALLOWED)
                list(APPEND _violations "${MODULE}: ${_name} includes ${_header}, but ${MODULE} does not depend on the module of ${_dir}/")
            elseif(_dir STREQUAL "http" AND _name MATCHES "store\\.(h|cpp)$")
                list(APPEND _violations "${MODULE}: ${_name} is a store and includes ${_header}: stores return Result/Error, never HTTP")
            endif()
        endforeach()
    endforeach()
    set(${result_var} "${_violations}" PARENT_SCOPE)
endfunction()

function(inkwell_server_module NAME)
    cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "DIRS;DEPENDS;SOURCES;LIBS")
    set(_target inkwell_server_${NAME})
    set(_sources "")
    foreach(_source IN LISTS ARG_SOURCES)
        get_filename_component(_absolute "${_source}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        list(APPEND _sources "${_absolute}")
        # Every source must lie in one of the module's own folders: a file cannot slip into another's.
        file(RELATIVE_PATH _relative "${CMAKE_CURRENT_SOURCE_DIR}" "${_absolute}")
        string(REGEX MATCH "^[^/]+" _folder "${_relative}")
        if(NOT _folder IN_LIST ARG_DIRS)
            message(FATAL_ERROR "server module ${NAME}: ${_relative} is not in its folders (${ARG_DIRS})")
        endif()
    endforeach()
    add_library(${_target} STATIC ${_sources})
    target_include_directories(${_target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    set(_links "")
    foreach(_dep IN LISTS ARG_DEPENDS)
        if(NOT TARGET inkwell_server_${_dep})
            message(FATAL_ERROR "server module ${NAME} depends on ${_dep}, which is not declared before it")
        endif()
        list(APPEND _links inkwell_server_${_dep})
    endforeach()
    target_link_libraries(${_target} PUBLIC ${_links} ${ARG_LIBS})
    set_property(GLOBAL APPEND PROPERTY INKWELL_SERVER_MODULES ${NAME})
    set_property(GLOBAL PROPERTY INKWELL_SERVER_MODULE_${NAME}_DIRS "${ARG_DIRS}")
    set_property(GLOBAL PROPERTY INKWELL_SERVER_MODULE_${NAME}_DEPENDS "${ARG_DEPENDS}")
    set_property(GLOBAL PROPERTY INKWELL_SERVER_MODULE_${NAME}_SOURCES "${_sources}")
endfunction()

function(inkwell_server_check_layering)
    get_property(_modules GLOBAL PROPERTY INKWELL_SERVER_MODULES)
    set(_all_dirs "")
    foreach(_module IN LISTS _modules)
        get_property(_dirs GLOBAL PROPERTY INKWELL_SERVER_MODULE_${_module}_DIRS)
        list(APPEND _all_dirs ${_dirs})
    endforeach()
    set(_failures "")
    foreach(_module IN LISTS _modules)
        get_property(_dirs GLOBAL PROPERTY INKWELL_SERVER_MODULE_${_module}_DIRS)
        get_property(_depends GLOBAL PROPERTY INKWELL_SERVER_MODULE_${_module}_DEPENDS)
        get_property(_sources GLOBAL PROPERTY INKWELL_SERVER_MODULE_${_module}_SOURCES)
        set(_allowed ${_dirs})
        foreach(_dep IN LISTS _depends)
            get_property(_dep_dirs GLOBAL PROPERTY INKWELL_SERVER_MODULE_${_dep}_DIRS)
            list(APPEND _allowed ${_dep_dirs})
        endforeach()
        _inkwell_layering_violations(_violations ${_module} "${_allowed}" "${_all_dirs}" "${_sources}")
        list(APPEND _failures ${_violations})
        # The same check on every build once a source changed (an include added without a re-configure).
        string(REPLACE ";" "|" _allowed_arg "${_allowed}")
        string(REPLACE ";" "|" _all_arg "${_all_dirs}")
        string(REPLACE ";" "|" _sources_arg "${_sources}")
        set(_stamp ${CMAKE_CURRENT_BINARY_DIR}/layering/${_module}.ok)
        add_custom_command(OUTPUT ${_stamp}
            COMMAND ${CMAKE_COMMAND} "-DMODULE=${_module}" "-DALLOWED=${_allowed_arg}" "-DALL_DIRS=${_all_arg}"
                    "-DFILES=${_sources_arg}" "-DSTAMP=${_stamp}" -P ${_INKWELL_LAYERING_SCRIPT}
            DEPENDS ${_sources} ${_INKWELL_LAYERING_SCRIPT}
            COMMENT "Checking the includes of server module ${_module}"
            VERBATIM)
        add_custom_target(inkwell_server_${_module}_layering DEPENDS ${_stamp})
        add_dependencies(inkwell_server_${_module} inkwell_server_${_module}_layering)
    endforeach()
    if(_failures)
        list(JOIN _failures "\n  " _text)
        message(FATAL_ERROR "server layering:\n  ${_text}")
    endif()
endfunction()

# Script mode (the build-time check): cmake -DMODULE=... -DALLOWED=a|b -DALL_DIRS=... -DFILES=... -DSTAMP=... -P this
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED MODULE)
    string(REPLACE "|" ";" _allowed "${ALLOWED}")
    string(REPLACE "|" ";" _all "${ALL_DIRS}")
    string(REPLACE "|" ";" _files "${FILES}")
    _inkwell_layering_violations(_violations ${MODULE} "${_allowed}" "${_all}" "${_files}")
    if(_violations)
        list(JOIN _violations "\n  " _text)
        message(FATAL_ERROR "server layering:\n  ${_text}")
    endif()
    file(TOUCH ${STAMP})
endif()
