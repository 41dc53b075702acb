# Runs ${FMKIT} with ${ARGS} (a --format junit run) into the file ${OUT},
# fails unless it exits with ${EXPECT}, then checks with xmllint that the
# file is well-formed XML of the shape ${XSD} describes. A missing xmllint
# is a failure, not a skip (.ci/install-deps installs libxml2-utils).
cmake_minimum_required(VERSION 3.25)
find_program(XMLLINT xmllint)
if(NOT XMLLINT)
  message(FATAL_ERROR "xmllint is not installed (apt-get install libxml2-utils)")
endif()
execute_process(COMMAND ${FMKIT} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_FILE ${OUT} ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECT)
  message(FATAL_ERROR "fmkit ${ARGS}: exit ${rc}, expected ${EXPECT}\n${err}")
endif()
execute_process(COMMAND ${XMLLINT} --noout --schema ${XSD} ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OUT} does not match ${XSD}:\n${out}${err}")
endif()
