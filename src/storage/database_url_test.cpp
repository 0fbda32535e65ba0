#include "storage/database_url.h"

#include <gtest/gtest.h>

namespace tdkt::storage {

TEST(DatabaseUrl_Sqlite, FileAndMemory) {
    auto file = ParseDatabaseUrl("sqlite:var/tdkt.db");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->backend, Backend::kSqlite);
    EXPECT_EQ(file->connect_string, "db=var/tdkt.db");
    auto memory = ParseDatabaseUrl("sqlite::memory:");
    ASSERT_TRUE(memory);
    EXPECT_EQ(memory->path, ":memory:");
}

TEST(DatabaseUrl_Postgresql, ParsesUserHostPortDatabase) {
    auto url = ParseDatabaseUrl("postgresql://tdkt:s3cr'et@127.0.0.1:5433/tdkt_prod");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->backend, Backend::kPostgresql);
    EXPECT_EQ(url->connect_string, "host='127.0.0.1' port=5433 dbname='tdkt_prod' user='tdkt' password='s3cr\\'et'");
    EXPECT_EQ(url->display, "postgresql://tdkt@127.0.0.1:5433/tdkt_prod");
}

TEST(DatabaseUrl_Postgresql, DefaultsPortTo5432) {
    auto url = ParseDatabaseUrl("postgres://postgres@localhost/tdkt");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->connect_string, "host='localhost' port=5432 dbname='tdkt' user='postgres'");
}

TEST(DatabaseUrl_Invalid, SaysWhatIsWrongInVietnamese) {
    auto bad = ParseDatabaseUrl("mysql://root@localhost/x");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().reason, "invalid_database_url");
    EXPECT_EQ(bad.error().message,
              "URL cơ sở dữ liệu không hợp lệ «mysql://root@localhost/x»: không nhận ra loại cơ sở dữ liệu. Dạng hợp "
              "lệ: sqlite:ĐƯỜNG_DẪN, sqlite::memory: hoặc postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL");
    EXPECT_EQ(
        ParseDatabaseUrl("postgresql://localhost/x").error().message.find("thiếu tên người dùng") != std::string::npos,
        true);
    EXPECT_FALSE(ParseDatabaseUrl("postgresql://u@h:54x/db"));
    EXPECT_FALSE(ParseDatabaseUrl("sqlite:"));
}

}  // namespace tdkt::storage
