#include "base/text.h"

#include <gtest/gtest.h>

namespace sqm {
namespace {

TEST(Bounded, KeepsShortTextAsItIs) {
  EXPECT_EQ(Bounded("abc", 3), "abc");
  EXPECT_EQ(Bounded("", 0), "");
  EXPECT_EQ(Bounded("客服部", 3), "客服部");
}

TEST(Bounded, CutsLongTextToAPrefixWithTheFullLength) {
  EXPECT_EQ(Bounded("abcdef", 3), "abc\u2026 (6 bytes)");
  const std::string huge(300u << 20, 'x');
  const std::string b = Bounded(huge);
  EXPECT_EQ(b, std::string(kQuoteChars, 'x') + "\u2026 (314572800 bytes)");
}

TEST(Bounded, NeverSplitsACharacter) {
  // 3 code points of 3 bytes each, then more: the cut comes after whole characters.
  EXPECT_EQ(Bounded("客服部门", 3), "客服部\u2026 (12 bytes)");
  EXPECT_EQ(Bounded("a😀b", 2), "a😀\u2026 (6 bytes)");
}

TEST(Bounded, CountsBytesOfInvalidUtf8AsCharacters) {
  EXPECT_EQ(Bounded("\xff\xfe\xfd\xfc", 2), "\xff\xfe\u2026 (4 bytes)");
  // A truncated sequence is not swallowed whole with the bytes after it.
  EXPECT_EQ(Bounded("\xe5\xae"
                    "abc",
                    2),
            "\xe5\xae\u2026 (5 bytes)");
}

}  // namespace
}  // namespace sqm
