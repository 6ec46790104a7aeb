#include "base/temp_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "base/crypto.h"

namespace sqm {
namespace {

namespace fs = std::filesystem;

TEST(TempFile, HasNoNameInItsFolderAndIsPrivate) {
  const fs::path dir = fs::temp_directory_path() / ("sqm-temp-file-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    auto file = TempFile::Create(dir.string());
    ASSERT_TRUE(file.ok()) << file.error().message;
    ASSERT_TRUE(file->Append("a,b\n"));
    ASSERT_TRUE(file->Append("1,2\n"));
    EXPECT_EQ(file->Size(), 8u);
    EXPECT_EQ(file->ReadAll(), "a,b\n1,2\n");
    struct stat st {};
    ASSERT_EQ(::fstat(file->fd(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(st.st_nlink, 0u);  // no name anywhere
    EXPECT_TRUE(fs::is_empty(dir));
    TempFile moved = std::move(*file);
    EXPECT_EQ(moved.ReadAll(), "a,b\n1,2\n");
    EXPECT_EQ(crypto::Sha256Hex("x", moved.fd()), crypto::Sha256Hex("xa,b\n1,2\n"));
  }
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST(TempFile, NamesTheFolderItCannotUse) {
  auto file = TempFile::Create("/nonexistent/sqm");
  ASSERT_FALSE(file.ok());
  EXPECT_NE(file.error().message.find("/nonexistent/sqm"), std::string::npos);
}

}  // namespace
}  // namespace sqm
