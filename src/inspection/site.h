// Site checks (现场检查), pure: the photos an inspector takes per item and the record of when and
// where the check was made. A photo is kept only when its bytes are a JPEG, PNG or WebP image (the
// type is sniffed from the magic bytes; the declared Content-Type and the file name decide
// nothing), within the limits below. No SQL, no clock reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"
#include "inspection/model.h"

namespace sqm::inspection {

enum class ImageType { kJpeg, kPng, kWebp };

// The limits of a photo (docs/inspection.md): its size, and how many an item and an inspection keep.
inline constexpr std::size_t kMaxPhotoBytes = 5u << 20;  // 5 MiB
inline constexpr std::size_t kMaxPhotosPerItem = 5;
inline constexpr std::size_t kMaxPhotosPerInspection = 50;

// The type the bytes are, from their first bytes; nullopt for anything else (HTML, SVG, GIF, HEIC...).
std::optional<ImageType> SniffImage(std::string_view bytes);
// "image/jpeg", "image/png", "image/webp" and back.
std::string_view MediaTypeOf(ImageType t);
std::optional<ImageType> ParseImageType(std::string_view media_type);
// "jpg", "png", "webp": the extension of a download's file name.
std::string_view ExtensionOf(ImageType t);

// A stored photo without its bytes.
struct Photo {
  Id id = 0;
  Id inspection_id = 0;
  std::string item_code;
  ImageType type = ImageType::kJpeg;
  std::int64_t size = 0;
  std::string sha256;  // hex, of the bytes
  Id uploaded_by = 0;
  TimeMs uploaded_at = 0;
};

// The type of a new photo of `bytes`, or why it is refused: "file" empty (400), larger than
// kMaxPhotoBytes (413) or not one of the three image types (400).
Result<ImageType> CheckPhoto(std::string_view bytes);

// The bounds of a reported position's accuracy, in metres (Location::accuracy_m).
inline constexpr double kMaxAccuracyM = 100'000;
// How far a device's clock may run ahead of the server's.
inline constexpr TimeMs kClockSkewMs = 5 * 60'000;

// When and where, as the scoring form sends them with a draft or a submission; absent parts are
// kept as they were.
struct SiteRecord {
  std::optional<TimeMs> checked_at;
  std::optional<Location> location;
};

// Every problem of `site` at once: checked_at not before the inspection was made nor after `now`
// (allowing kClockSkewMs either way); location in range ("location.latitude", ...).
void CheckSiteRecord(const SiteRecord& site, TimeMs created_at, TimeMs now, Problems& p);

}  // namespace sqm::inspection
