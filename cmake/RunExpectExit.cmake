# Runs ${FMKIT} with ${ARGS} and fails unless it exits with ${EXPECT}.
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND ${FMKIT} ${ARGS} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECT)
  message(FATAL_ERROR "fmkit ${ARGS}: exit ${rc}, expected ${EXPECT}\n${out}${err}")
endif()
