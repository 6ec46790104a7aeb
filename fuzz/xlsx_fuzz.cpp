// The XLSX reader of the ticket import: libzip over any bytes, then expat over the workbook, its
// relationships, the shared strings and the first worksheet, streamed; then the whole scan.
// Must never crash, leak or hang; records stay within the limits of desk/import/record.h and
// errors quote input only bounded.
#include <cstddef>
#include <cstdint>

#include "desk/import/xlsx_reader.h"
#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto reader = sqm::desk::import::XlsxReader::Open(bytes);
  if (!reader.ok()) {
    if (reader.error().message.size() > 4 * sqm::kMaxMessageChars + 64) __builtin_trap();
    return 0;
  }
  sqm::fuzz::CheckRecords(**reader);
  sqm::fuzz::ScanTickets(sqm::desk::import::Format::kXlsx, bytes);
  return 0;
}
