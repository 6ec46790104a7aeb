# Ticket import benchmark: sqm's CSV import (validate + replay through the desk, one transaction)
# against the sqlite3 shell's .import of the same file. Included from bench/CMakeLists.txt;
# skipped until src/desk is part of the build.
if(TARGET sqm_app)
  add_executable(sqm_import_bench ${CMAKE_CURRENT_LIST_DIR}/import_bench.cpp)
  target_link_libraries(sqm_import_bench PRIVATE sqm_app)
endif()
