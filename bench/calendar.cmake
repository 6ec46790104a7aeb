# Calendar due-time benchmark: the compiled BusinessTime against the minute-by-minute reference.
# Included from bench/CMakeLists.txt; skipped until src/calendar is part of the build.
if(TARGET sqm_calendar)
  add_executable(sqm_calendar_bench ${CMAKE_CURRENT_LIST_DIR}/calendar_bench.cpp)
  target_link_libraries(sqm_calendar_bench PRIVATE sqm_calendar benchmark::benchmark)
endif()
