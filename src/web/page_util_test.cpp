#include "web/page_util.h"

#include <gtest/gtest.h>

#include "web/error_mapper.h"

namespace tdkt::web {

TEST(PageUtil_SafeNext, OnlyLocalPaths) {
    EXPECT_EQ(SafeNext("/nhat-ky"), "/nhat-ky");
    EXPECT_EQ(SafeNext("//evil.example"), "/");
    EXPECT_EQ(SafeNext("https://evil.example"), "/");
    EXPECT_EQ(SafeNext("/\\evil.example"), "/");
    EXPECT_EQ(SafeNext(""), "/");
}

TEST(ErrorMapper_HttpStatus, OneStatusPerCode) {
    EXPECT_EQ(HttpStatus(ErrorCode::kInvalidInput), 400);
    EXPECT_EQ(HttpStatus(ErrorCode::kUnauthenticated), 401);
    EXPECT_EQ(HttpStatus(ErrorCode::kForbidden), 403);
    EXPECT_EQ(HttpStatus(ErrorCode::kNotFound), 404);
    EXPECT_EQ(HttpStatus(ErrorCode::kConflict), 409);
    EXPECT_EQ(HttpStatus(ErrorCode::kPayloadTooLarge), 413);
    EXPECT_EQ(HttpStatus(ErrorCode::kValidation), 422);
    EXPECT_EQ(HttpStatus(ErrorCode::kInternal), 500);
}

TEST(ErrorMapper_Json, HasTheOneShape) {
    EXPECT_EQ(ErrorJson("not_found", "Không tìm thấy."),
              R"({"error":{"code":"not_found","message":"Không tìm thấy."}})");
}

}  // namespace tdkt::web
