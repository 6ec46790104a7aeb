#include "inspection/site.h"

#include <cmath>

namespace sqm::inspection {

namespace {

bool StartsWith(std::string_view bytes, std::size_t at, std::string_view magic) {
  return bytes.size() >= at + magic.size() && bytes.substr(at, magic.size()) == magic;
}

}  // namespace

std::optional<ImageType> SniffImage(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (StartsWith(bytes, 0, "\xFF\xD8\xFF"sv)) return ImageType::kJpeg;
  if (StartsWith(bytes, 0, "\x89PNG\r\n\x1A\n"sv)) return ImageType::kPng;
  // RIFF <size> WEBP, then the first chunk: lossy, lossless or extended.
  if (StartsWith(bytes, 0, "RIFF"sv) && StartsWith(bytes, 8, "WEBP"sv) &&
      (StartsWith(bytes, 12, "VP8 "sv) || StartsWith(bytes, 12, "VP8L"sv) || StartsWith(bytes, 12, "VP8X"sv))) {
    return ImageType::kWebp;
  }
  return std::nullopt;
}

std::string_view MediaTypeOf(ImageType t) {
  switch (t) {
    case ImageType::kJpeg: return "image/jpeg";
    case ImageType::kPng: return "image/png";
    case ImageType::kWebp: return "image/webp";
  }
  return "application/octet-stream";
}

std::optional<ImageType> ParseImageType(std::string_view media_type) {
  for (const ImageType t : {ImageType::kJpeg, ImageType::kPng, ImageType::kWebp}) {
    if (MediaTypeOf(t) == media_type) return t;
  }
  return std::nullopt;
}

std::string_view ExtensionOf(ImageType t) {
  switch (t) {
    case ImageType::kJpeg: return "jpg";
    case ImageType::kPng: return "png";
    case ImageType::kWebp: return "webp";
  }
  return "bin";
}

Result<ImageType> CheckPhoto(std::string_view bytes) {
  if (bytes.empty()) return Error::Invalid("file", Msg("field.required", "is required"));
  if (bytes.size() > kMaxPhotoBytes) {
    return Error{
        ErrorCode::kPayloadTooLarge,
        Msg("photo.too_large", "a photo may be at most {max} MiB", {{"max", std::to_string(kMaxPhotoBytes >> 20)}}),
        "file"};
  }
  if (auto t = SniffImage(bytes)) return *t;
  return Error::Invalid("file", Msg("photo.not_an_image", "is not a JPEG, PNG or WebP image"));
}

void CheckSiteRecord(const SiteRecord& site, TimeMs created_at, TimeMs now, Problems& p) {
  if (site.checked_at && (*site.checked_at < created_at - kClockSkewMs || *site.checked_at > now + kClockSkewMs)) {
    p.Add("checked_at", Msg("inspection.checked_at", "must be between the assignment and now"));
  }
  if (!site.location) return;
  const Location& l = *site.location;
  auto range = [&](const std::string& field, double v, double min, double max) {
    if (!std::isfinite(v) || v < min || v > max) {
      p.Add(field, Msg("field.out_of_range", "must be between {min} and {max}",
                       {{"min", std::to_string(static_cast<long long>(min))},
                        {"max", std::to_string(static_cast<long long>(max))}}));
    }
  };
  range("location.latitude", l.latitude, -90, 90);
  range("location.longitude", l.longitude, -180, 180);
  if (l.accuracy_m) range("location.accuracy_m", *l.accuracy_m, 0, kMaxAccuracyM);
}

}  // namespace sqm::inspection
