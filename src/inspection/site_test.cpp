// Site checks' rules: a photo's type comes from its bytes only (an HTML page named x.jpg is
// refused), its size is bounded, and the when and where of a check are range-checked.
#include "inspection/site.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sqm::inspection {
namespace {

using namespace std::string_literals;

const std::string kJpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"s;
const std::string kPng = "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR"s;
const std::string kWebp = "RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"s;

TEST(SitePhoto, SniffsTheThreeImageTypesFromTheirBytes) {
  EXPECT_EQ(SniffImage(kJpeg), ImageType::kJpeg);
  EXPECT_EQ(SniffImage(kPng), ImageType::kPng);
  EXPECT_EQ(SniffImage(kWebp), ImageType::kWebp);
  EXPECT_EQ(SniffImage("RIFF\x24\x00\x00\x00WEBPVP8L"s), ImageType::kWebp);
}

TEST(SitePhoto, RefusesEverythingElse) {
  EXPECT_EQ(SniffImage("<!DOCTYPE html><script>alert(1)</script>"), std::nullopt);
  EXPECT_EQ(SniffImage("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), std::nullopt);
  EXPECT_EQ(SniffImage("GIF89a"), std::nullopt);
  EXPECT_EQ(SniffImage("RIFF\x24\x00\x00\x00WAVEfmt "s), std::nullopt);  // a RIFF that is not WebP
  EXPECT_EQ(SniffImage("RIFF\x24\x00\x00\x00WEBP"s), std::nullopt);      // cut before its first chunk
  EXPECT_EQ(SniffImage("\xFF\xD8"s), std::nullopt);
  EXPECT_EQ(SniffImage(""), std::nullopt);
  // Leading bytes before the magic do not count.
  EXPECT_EQ(SniffImage(" " + kPng), std::nullopt);
}

TEST(SitePhoto, CheckNamesTheFileAndTheLimit) {
  EXPECT_EQ(CheckPhoto(kPng).value(), ImageType::kPng);
  EXPECT_EQ(CheckPhoto("").error().field, "file");
  const auto html = CheckPhoto("<html><body>x.jpg</body></html>");
  EXPECT_EQ(html.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(html.error().key, "photo.not_an_image");
  std::string big = kJpeg;
  big.resize(kMaxPhotoBytes, 'x');
  EXPECT_TRUE(CheckPhoto(big).ok());
  big.push_back('x');
  EXPECT_EQ(CheckPhoto(big).error().code, ErrorCode::kPayloadTooLarge);
}

TEST(SitePhoto, MediaTypesRoundTrip) {
  for (const ImageType t : {ImageType::kJpeg, ImageType::kPng, ImageType::kWebp}) {
    EXPECT_EQ(ParseImageType(MediaTypeOf(t)), t);
  }
  EXPECT_EQ(ParseImageType("text/html"), std::nullopt);
  EXPECT_EQ(ExtensionOf(ImageType::kWebp), "webp");
}

std::vector<std::string> Fields(const SiteRecord& site, TimeMs created_at, TimeMs now) {
  Problems p;
  CheckSiteRecord(site, created_at, now, p);
  std::vector<std::string> out;
  if (auto e = p.Take()) {
    out.push_back(e->field);
    for (const auto& m : e->more) out.push_back(m.field);
  }
  return out;
}

TEST(SiteRecord, ChecksTimeAndPositionRanges) {
  const TimeMs created = 1'000'000'000'000, now = created + 3'600'000;
  EXPECT_TRUE(Fields({.checked_at = now, .location = Location{31.23, 121.47, 12.5}}, created, now).empty());
  EXPECT_TRUE(Fields({}, created, now).empty());
  EXPECT_TRUE(Fields({.location = Location{-90, 180, std::nullopt}}, created, now).empty());
  EXPECT_EQ(Fields({.checked_at = now + kClockSkewMs + 1}, created, now), std::vector<std::string>{"checked_at"});
  EXPECT_EQ(Fields({.checked_at = created - kClockSkewMs - 1}, created, now), std::vector<std::string>{"checked_at"});
  EXPECT_EQ(Fields({.location = Location{90.5, -180.5, -1}}, created, now),
            (std::vector<std::string>{"location.latitude", "location.longitude", "location.accuracy_m"}));
  EXPECT_EQ(Fields({.location = Location{std::nan(""), 0, std::nullopt}}, created, now),
            std::vector<std::string>{"location.latitude"});
}

}  // namespace
}  // namespace sqm::inspection
