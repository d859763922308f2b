# The server_layering test: the rules of cmake/InkwellServerModules.cmake fail the build of a small tree (tree/)
# once a forbidden include is added, with a message that names the file and the rule, and pass it otherwise.
#   cmake -DINKWELL_SOURCE_DIR=... -DWORK=<scratch dir> -P check.cmake
cmake_minimum_required(VERSION 3.25)
set(_tree ${WORK}/tree)
set(_build ${WORK}/build)
file(REMOVE_RECURSE ${WORK})
file(COPY ${CMAKE_CURRENT_LIST_DIR}/tree DESTINATION ${WORK})

function(run what expect_ok expect_text)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
    set(_all "${_out}${_err}")
    if(expect_ok AND NOT _rc EQUAL 0)
        message(FATAL_ERROR "${what}: expected success, got ${_rc}:\n${_all}")
    elseif(NOT expect_ok AND _rc EQUAL 0)
        message(FATAL_ERROR "${what}: expected a failure, but it succeeded:\n${_all}")
    endif()
    if(expect_text AND NOT _all MATCHES "${expect_text}")
        message(FATAL_ERROR "${what}: expected the output to say '${expect_text}':\n${_all}")
    endif()
    message(STATUS "${what}: as expected")
endfunction()

set(_build_cmd ${CMAKE_COMMAND} --build ${_build})
run("the clean tree configures" TRUE "" ${CMAKE_COMMAND} -S ${_tree} -B ${_build} -G Ninja -DINKWELL_SOURCE_DIR=${INKWELL_SOURCE_DIR})
run("the clean tree builds" TRUE "" ${_build_cmd})

# A module includes a module it does not depend on: the next build (no re-configure) fails.
file(READ ${_tree}/mail/mailer.cpp _mailer)
file(WRITE ${_tree}/mail/mailer.cpp "#include \"shop/shopstore.h\"\n${_mailer}")
run("mail including shop/" FALSE "mail: mailer.cpp includes shop/shopstore.h, but mail does not depend on the module of shop/" ${_build_cmd})
run("configuring with it" FALSE "mailer.cpp includes shop/shopstore.h" ${CMAKE_COMMAND} -S ${_tree} -B ${_build})
file(WRITE ${_tree}/mail/mailer.cpp "${_mailer}")
run("the tree builds again without it" TRUE "" ${CMAKE_COMMAND} -S ${_tree} -B ${_build})
run("and builds" TRUE "" ${_build_cmd})

# A store includes http/, although its module may (its routes do).
file(READ ${_tree}/shop/shopstore.h _store)
file(WRITE ${_tree}/shop/shopstore.h "#include \"http/reply.h\"\n${_store}")
run("a store including http/" FALSE "shop: shopstore.h is a store and includes http/reply.h" ${_build_cmd})
file(WRITE ${_tree}/shop/shopstore.h "${_store}")
run("the tree builds again" TRUE "" ${_build_cmd})

# A source outside its module's folders is refused when configuring.
file(READ ${_tree}/CMakeLists.txt _lists)
string(REPLACE "SOURCES mail/mailer.h mail/mailer.cpp" "SOURCES mail/mailer.h mail/mailer.cpp shop/shopstore.cpp" _moved "${_lists}")
file(WRITE ${_tree}/CMakeLists.txt "${_moved}")
run("a module claiming another's file" FALSE "shop/shopstore.cpp is not in its folders" ${CMAKE_COMMAND} -S ${_tree} -B ${_build})
file(REMOVE_RECURSE ${WORK})
