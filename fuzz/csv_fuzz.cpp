// The CSV reader of the ticket import (RFC 4180 records with their line numbers and problems),
// then the whole scan: header, rows, validation. Must never crash, leak or hang; records stay
// within the limits of desk/import/record.h and errors quote input only bounded.
#include <cstddef>
#include <cstdint>

#include "desk/import/csv_reader.h"
#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sqm::desk::import::CsvReader reader(text);
  sqm::fuzz::CheckRecords(reader);
  sqm::fuzz::ScanTickets(sqm::desk::import::Format::kCsv, text);
  return 0;
}
