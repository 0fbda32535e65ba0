#include "web/url.h"

#include <gtest/gtest.h>

namespace tdkt::web {
namespace {

TEST(Url, DecodesVietnameseAndPlus) {
    EXPECT_EQ(PercentDecode("%C4%90%C3%A0o", false), "Đào");
    EXPECT_EQ(PercentDecode("a+b", true), "a b");
    EXPECT_EQ(PercentDecode("a+b", false), "a+b");
    EXPECT_EQ(PercentDecode("%2f", false), "/");
}

TEST(Url, RejectsMalformedEscapes) {
    EXPECT_EQ(PercentDecode("%4", true), std::nullopt);
    EXPECT_EQ(PercentDecode("%zz", true), std::nullopt);
    EXPECT_EQ(PercentDecode("abc%", true), std::nullopt);
}

TEST(Url, ParsesRepeatedKeysAndSkipsBadPairs) {
    std::multimap<std::string, std::string> out;
    ParseQuery("a=1&b=x+y&a=2&&c&bad=%zz&=v", out);
    ASSERT_EQ(out.size(), 4u);
    auto [first, last] = out.equal_range("a");
    EXPECT_EQ(first->second, "1");
    EXPECT_EQ(std::next(first)->second, "2");
    EXPECT_EQ(out.find("b")->second, "x y");
    EXPECT_EQ(out.find("c")->second, "");
    EXPECT_EQ(out.count("bad"), 0u);
}

TEST(Url, SplitsTarget) {
    auto [path, query] = SplitTarget("/don-vi?as_of=2025-06-30&x=1");
    EXPECT_EQ(path, "/don-vi");
    EXPECT_EQ(query, "as_of=2025-06-30&x=1");
    auto [p2, q2] = SplitTarget("/healthz");
    EXPECT_EQ(p2, "/healthz");
    EXPECT_EQ(q2, "");
}

TEST(Url, ParsesMultipartFieldsAndFiles) {
    std::string body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\npeople\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"danh sách.xlsx\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\nPK\x03\x04\r\nbinary\r\n--XyZ--\r\n";
    std::multimap<std::string, std::string> fields;
    std::vector<UploadedFile> files;
    ASSERT_TRUE(ParseMultipart("multipart/form-data; boundary=XyZ", body, fields, files));
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_EQ(fields.find("kind")->second, "people");
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].field, "file");
    EXPECT_EQ(files[0].filename, "danh sách.xlsx");
    EXPECT_EQ(files[0].content, std::string("PK\x03\x04\r\nbinary"));
    std::multimap<std::string, std::string> f2;
    std::vector<UploadedFile> u2;
    EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=XyZ", "--XyZ\r\nno end", f2, u2));
    EXPECT_FALSE(ParseMultipart("multipart/form-data", body, f2, u2));
}

TEST(Url, EncodesWhatDecodeReads) {
    EXPECT_EQ(PercentEncode("Đào 1/2&x=y"), "%C4%90%C3%A0o%201%2F2%26x%3Dy");
    EXPECT_EQ(PercentDecode(PercentEncode("Đặng Thị Đào?+%"), true), "Đặng Thị Đào?+%");
    std::multimap<std::string, std::string> params{{"q", "dang thi"}, {"page", "2"}, {"unit_id", ""}};
    EXPECT_EQ(EncodeQuery(params), "page=2&q=dang%20thi&unit_id=");
    std::multimap<std::string, std::string> back;
    ParseQuery(EncodeQuery(params), back);
    EXPECT_EQ(back, params);
    EXPECT_EQ(EncodeQuery({}), "");
}

}  // namespace
}  // namespace tdkt::web
