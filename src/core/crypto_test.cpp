#include "core/crypto.h"

#include <gtest/gtest.h>

namespace tdkt::crypto {

class Crypto : public ::testing::Test {
  protected:
    void SetUp() override { Init(); }
};

TEST_F(Crypto, Sha256Hex_KnownVector) {
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Crypto, RandomToken_IsUrlSafeAndDistinct) {
    std::string a = RandomToken(32), b = RandomToken(32);
    EXPECT_EQ(a.size(), 43u);
    EXPECT_NE(a, b);
    EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
}

TEST_F(Crypto, Password_VerifiesOnlyTheRightOne) {
    std::string hash = HashPassword("mật khẩu đúng");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(VerifyPassword(hash, "mật khẩu đúng"));
    EXPECT_FALSE(VerifyPassword(hash, "mat khau dung"));
}

TEST_F(Crypto, SecretEquals_ComparesWholeValue) {
    EXPECT_TRUE(SecretEquals("abc", "abc"));
    EXPECT_FALSE(SecretEquals("abc", "abd"));
    EXPECT_FALSE(SecretEquals("abc", "ab"));
}

TEST_F(Crypto, Base64RoundTripsBinary) {
    std::string bytes("\x00\xff\x10PDF-1.7 \xe1\xba\xa1", 15);
    EXPECT_EQ(Base64Encode("Man"), "TWFu");
    EXPECT_EQ(Base64Encode("Ma"), "TWE=");
    EXPECT_EQ(Base64Decode(Base64Encode(bytes)), bytes);
    EXPECT_EQ(Base64Decode("TWE="), std::optional<std::string>("Ma"));
    EXPECT_EQ(Base64Decode("T*E="), std::nullopt);
}

}  // namespace tdkt::crypto
