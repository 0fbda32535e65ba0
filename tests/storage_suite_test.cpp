// One suite, two backends: ctest runs it as sqlite.* and postgresql.* (tests/CMakeLists.txt).
// Repositories, migrations and the use cases on top of them, against a real database.
#include <thread>

#include <gtest/gtest.h>

#include "app/audit_log.h"
#include "app/manage_users.h"
#include "app/organisation.h"
#include "app/seed_demo.h"
#include "app/sign_in.h"
#include "app/units.h"
#include "core/crypto.h"
#include "storage/connection_pool.h"
#include "storage/migrations.h"
#include "storage/sql_util.h"
#include "support/seeded_suite.h"

namespace tdkt {
namespace {

using testing::kStart;
using testing::ManualClock;
using testing::Suite;
using testing::System;
using testing::TestDatabase;

// ---- migrations -------------------------------------------------------------------------------

TEST(Migrations, FreshDatabase_ReachesLatestVersion) {
    TestDatabase db;
    auto store = db.Open(false);
    EXPECT_EQ(store->SchemaVersion(), 0);
    auto report = store->Migrate();
    EXPECT_EQ(report.from_version, 0);
    EXPECT_EQ(report.to_version, 15);
    EXPECT_EQ(report.applied,
              (std::vector<std::string>{"foundation", "organisation", "people_word_search", "unit_tree_version",
                                        "award_kind_codes", "dossiers", "documents_consultation", "councils",
                                        "decisions", "revocation", "council_seats", "mail", "award_revocation",
                                        "import_jobs", "name_word_pairs"}));
    EXPECT_EQ(store->Migrate().applied.size(), 0u);  // idempotent
}

TEST(Migrations, FailingMigration_LeavesDatabaseAsItWas) {
    TestDatabase db;
    auto store = db.Open(false);
    auto backend = store->pool().backend();
    auto migrations = storage::EmbeddedMigrations(backend);
    int latest = migrations.back().version;
    migrations.push_back(
        {latest + 1, "broken", "CREATE TABLE half_done (a INTEGER);\nINSERT INTO no_such_table VALUES (1);"});
    auto lease = store->pool().Acquire();
    EXPECT_THROW(storage::ApplyMigrations(*lease, backend, migrations), std::runtime_error);
    EXPECT_EQ(storage::SchemaVersion(*lease), latest);  // the good ones stay, the broken one left no trace
    int tables = -1;
    if (backend == storage::Backend::kSqlite)
        *lease << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'", soci::into(tables);
    else
        *lease << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half_done'", soci::into(tables);
    EXPECT_EQ(tables, 0);
}

TEST(Migrations, Version3_FillsTheWordsOfPeopleAlreadyThere) {
    // A database of the previous version, with people, upgraded: their names are found by words.
    TestDatabase db;
    auto store = db.Open(false);
    auto backend = store->pool().backend();
    auto migrations = storage::EmbeddedMigrations(backend);
    std::vector<storage::Migration> first_two(migrations.begin(), migrations.begin() + 2);
    {
        auto lease = store->pool().Acquire();
        storage::ApplyMigrations(*lease, backend, first_two);
        std::string folded = storage::FoldedKey("Đặng Thị Đào"), key = storage::PersonSortKey("Đặng Thị Đào");
        *lease << "INSERT INTO people (full_name, name_folded, sort_key, gender, category, created_at, updated_at) "
                  "VALUES ('Đặng Thị Đào', :f, :k, 'female', 'vien_chuc', '2026-01-01', '2026-01-01')",
            soci::use(folded), soci::use(key);
    }
    EXPECT_EQ(
        store->Migrate().applied,
        (std::vector<std::string>{"people_word_search", "unit_tree_version", "award_kind_codes", "dossiers",
                                  "documents_consultation", "councils", "decisions", "revocation", "council_seats",
                                  "mail", "award_revocation", "import_jobs", "name_word_pairs"}));
    auto lease = store->pool().Acquire();
    int rows = 0;
    *lease << "SELECT COUNT(*) FROM name_words WHERE words = ' dang thi dao '", soci::into(rows);
    EXPECT_EQ(rows, 6);  // its three words and their three pairs (migration 15)
    int pairs = 0;
    *lease << "SELECT COUNT(*) FROM name_words WHERE word IN ('dang dao', 'dang thi', 'dao thi')", soci::into(pairs);
    EXPECT_EQ(pairs, 3);
    int found = 0;
    if (backend == storage::Backend::kSqlite)
        *lease << "SELECT COUNT(*) FROM people_search WHERE people_search MATCH '\"dao\" \"dang\"'", soci::into(found);
    else
        *lease << "SELECT COUNT(*) FROM people WHERE to_tsvector('simple', name_folded) @@ "
                  "to_tsquery('simple', '''dao'' & ''dang''')",
            soci::into(found);
    EXPECT_EQ(found, 1);
}

// ---- sign-in and sessions ---------------------------------------------------------------------

TEST_F(Suite, SignIn_RightPassword_StartsSessionAndAudits) {
    auto s = app::SignIn(*app_, System(), {"  ADMIN ", app::kDemoPassword});
    ASSERT_TRUE(s);
    EXPECT_EQ(s->actor.login, "admin");
    EXPECT_EQ(s->expires_at.ms, kStart.ms + 12 * 3600 * 1000);
    auto resolved = app::ResolveSession(*app_, s->token);
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved->actor.display_name, "Quản trị hệ thống");
    ASSERT_EQ(resolved->actor.grants.size(), 1u);
    EXPECT_EQ(resolved->actor.grants[0].role, domain::Role::kAdministrator);
    EXPECT_TRUE(resolved->actor.grants[0].unit_is_root);
    auto page = app::ListAudit(*app_, System(), {"session", "", "", "", "", 10, 0});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->entries[0].action, "auth.login");
    EXPECT_EQ(page->entries[0].user_login, "admin");
}

TEST_F(Suite, SignIn_FiveWrongPasswords_LockForFifteenMinutes) {
    for (int i = 1; i <= 4; ++i) {
        auto r = app::SignIn(*app_, System(), {"chuyenvien", "sai-mat-khau"});
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().reason, "wrong_credentials");
        EXPECT_EQ(r.error().message, "Tên đăng nhập hoặc mật khẩu không đúng. Còn " + std::to_string(5 - i) +
                                         " lần thử trước khi tài khoản bị tạm khoá.");
    }
    auto fifth = app::SignIn(*app_, System(), {"chuyenvien", "sai-mat-khau"});
    EXPECT_EQ(fifth.error().reason, "account_locked");
    EXPECT_EQ(fifth.error().message,
              "Tài khoản tạm thời bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau 22/11/2026 11:15.");
    // Even the right password is refused while locked …
    EXPECT_EQ(app::SignIn(*app_, System(), {"chuyenvien", app::kDemoPassword}).error().reason, "account_locked");
    clock_.Advance(std::chrono::minutes(15));
    // … and accepted once the lock has passed.
    EXPECT_TRUE(app::SignIn(*app_, System(), {"chuyenvien", app::kDemoPassword}));
    auto locks = app::ListAudit(*app_, System(), {"user", "", "", "", "", 50, 0});
    int locked = 0, failed = 0;
    for (const auto& e : locks->entries) {
        locked += e.action == "auth.account_locked";
        failed += e.action == "auth.login_failed";
    }
    EXPECT_EQ(locked, 1);
    EXPECT_EQ(failed, 4);
}

TEST_F(Suite, SignIn_UnknownLogin_SameMessageAsWrongPassword) {
    auto r = app::SignIn(*app_, System(), {"khong.ton.tai", "whatever-password"});
    EXPECT_EQ(r.error().reason, "wrong_credentials");
    EXPECT_EQ(r.error().message, "Tên đăng nhập hoặc mật khẩu không đúng.");
}

TEST_F(Suite, Session_IdleOrAbsoluteExpiry_EndsIt) {
    auto s = app::SignIn(*app_, System(), {"xem", app::kDemoPassword});
    clock_.Advance(std::chrono::minutes(119));
    EXPECT_TRUE(app::ResolveSession(*app_, s->token));  // used: idle timer restarts
    clock_.Advance(std::chrono::minutes(119));
    EXPECT_TRUE(app::ResolveSession(*app_, s->token));
    clock_.Advance(std::chrono::minutes(121));
    auto idle = app::ResolveSession(*app_, s->token);
    ASSERT_FALSE(idle);
    EXPECT_EQ(idle.error().reason, "session_expired");

    auto t = app::SignIn(*app_, System(), {"xem", app::kDemoPassword});
    for (int i = 0; i < 12; ++i) {
        clock_.Advance(std::chrono::minutes(60));
        if (i < 11) EXPECT_TRUE(app::ResolveSession(*app_, t->token)) << i;
    }
    EXPECT_FALSE(app::ResolveSession(*app_, t->token));  // 12 hours after sign-in, however active
    EXPECT_EQ(app::PurgeExpiredSessions(*app_), 2);
}

TEST_F(Suite, SignOut_EndsSession) {
    auto s = app::SignIn(*app_, System(), {"xem", app::kDemoPassword});
    ASSERT_TRUE(app::SignOut(*app_, System(), s->token));
    EXPECT_FALSE(app::ResolveSession(*app_, s->token));
}

TEST_F(Suite, Session_ReadThenAnotherWriterThenWrite_DoesNotFailBusy) {
    // Regression: a reused prepared SELECT left unfinished kept an SQLite read snapshot open after
    // COMMIT, so the connection's next write failed with SQLITE_BUSY once another connection had
    // written in between (seen under load as 500s when sessions refreshed their last-seen time).
    auto s = app::SignIn(*app_, System(), {"xem", app::kDemoPassword});
    std::string hash = crypto::Sha256Hex(s->token);
    store_->Read([&](app::Repositories& r) { EXPECT_TRUE(r.sessions.FindByTokenHash(hash)); });
    store_->Read([&](app::Repositories&) {         // holds the first connection …
        store_->Write([&](app::Repositories& r) {  // … so this write happens on another one
            r.sessions.Touch(hash, Timestamp{kStart.ms + 1});
            return true;
        });
    });
    EXPECT_NO_THROW(store_->Write([&](app::Repositories& r) {
        r.sessions.Touch(hash, Timestamp{kStart.ms + 2});
        return true;
    }));
    store_->Read(
        [&](app::Repositories& r) { EXPECT_EQ(r.sessions.FindByTokenHash(hash)->last_seen_at.ms, kStart.ms + 2); });
}

// ---- users ------------------------------------------------------------------------------------

TEST_F(Suite, AddUser_ByAdministrator_CreatesWithGrantAndAudit) {
    auto admin = As("admin");
    auto u = app::AddUser(*app_, admin, {"canbo.snv", "Ngô Thị Ánh", "mat-khau-du-dai", {{"unit_officer", "HY.SNV"}}});
    ASSERT_TRUE(u) << u.error().message;
    EXPECT_EQ(u->user.login, "canbo.snv");
    ASSERT_EQ(u->grants.size(), 1u);
    EXPECT_EQ(u->grants[0].unit_name, "Sở Nội vụ");
    auto page = app::ListAudit(*app_, admin, {"user", std::to_string(u->user.id.value), "", "", "", 10, 0});
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->entries[0].action, "user.create");
    EXPECT_EQ(page->entries[0].user_login, "admin");
    EXPECT_EQ(page->entries[0].before_json, "");
    EXPECT_EQ(
        page->entries[0].after_json,
        R"({"disabled":false,"display_name":"Ngô Thị Ánh","grants":[{"login":"canbo.snv","role":"unit_officer","unit_code":"HY.SNV"}],"id":)" +
            std::to_string(u->user.id.value) + R"(,"login":"canbo.snv"})");
}

TEST_F(Suite, AddUser_BadInput_ChangesNothing) {
    auto admin = As("admin");
    std::int64_t before = 0;
    store_->Read([&](app::Repositories& r) { before = r.users.Count(); });
    EXPECT_EQ(app::AddUser(*app_, admin, {"admin", "Trùng tên", "mat-khau-du-dai", {}}).error().reason, "login_taken");
    EXPECT_EQ(app::AddUser(*app_, admin, {"Có Dấu", "Tên", "mat-khau-du-dai", {}}).error().reason, "invalid_login");
    EXPECT_EQ(app::AddUser(*app_, admin, {"ngan", "Tên", "ngan", {}}).error().message,
              "Mật khẩu phải có ít nhất 10 ký tự.");
    auto bad_unit = app::AddUser(*app_, admin, {"moi", "Tên", "mat-khau-du-dai", {{"viewer", "KHONG.CO"}}});
    EXPECT_EQ(bad_unit.error().message, "Không tìm thấy đơn vị có mã «KHONG.CO».");
    std::int64_t after = 0;
    store_->Read([&](app::Repositories& r) { after = r.users.Count(); });
    EXPECT_EQ(after, before);
}

TEST_F(Suite, AddUser_ByNonAdministrator_RefusedWithReason) {
    auto r = app::AddUser(*app_, As("lanhdao.ban"), {"moi.user", "Tên", "mat-khau-du-dai", {}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(r.error().message, "Chỉ quản trị hệ thống cấp tỉnh mới được quản lý người dùng.");
}

TEST_F(Suite, DisableUser_EndsTheirSessionsAndBlocksSignIn) {
    auto s = app::SignIn(*app_, System(), {"xem", app::kDemoPassword});
    ASSERT_TRUE(app::SetUserDisabled(*app_, As("admin"), "xem", true));
    EXPECT_FALSE(app::ResolveSession(*app_, s->token));
    EXPECT_EQ(app::SignIn(*app_, System(), {"xem", app::kDemoPassword}).error().reason, "account_disabled");
    EXPECT_EQ(app::SetUserDisabled(*app_, As("admin"), "admin", true).error().reason, "cannot_disable_self");
}

TEST_F(Suite, ChangeOwnPassword_NeedsCurrentOne_KeepsThisSessionEndsOthers) {
    auto other = app::SignIn(*app_, System(), {"xem", app::kDemoPassword});
    auto self = app::SignIn(*app_, System(), {"xem", app::kDemoPassword});
    app::RequestContext ctx;
    ctx.actor = self->actor;
    ctx.session_token_hash = crypto::Sha256Hex(self->token);
    auto wrong = app::ChangeOwnPassword(*app_, ctx, "doan-sai-mat-khau", "mat-khau-moi-2026");
    EXPECT_EQ(wrong.error().message, "Mật khẩu hiện tại không đúng.");
    ASSERT_TRUE(app::ChangeOwnPassword(*app_, ctx, app::kDemoPassword, "mat-khau-moi-2026"));
    EXPECT_TRUE(app::ResolveSession(*app_, self->token));
    EXPECT_FALSE(app::ResolveSession(*app_, other->token));
    EXPECT_FALSE(app::SignIn(*app_, System(), {"xem", app::kDemoPassword}));
    EXPECT_TRUE(app::SignIn(*app_, System(), {"xem", "mat-khau-moi-2026"}));
}

TEST_F(Suite, SetPassword_OnlyAdministrators) {
    EXPECT_EQ(app::SetPassword(*app_, As("xem"), "admin", "mat-khau-moi-2026").error().code, ErrorCode::kForbidden);
    ASSERT_TRUE(app::SetPassword(*app_, As("admin"), "xem", "mat-khau-moi-2026"));
    EXPECT_TRUE(app::SignIn(*app_, System(), {"xem", "mat-khau-moi-2026"}));
}

TEST_F(Suite, SeedDemo_SecondRun_AddsNothing_AndOnlyFromCommandLine) {
    auto again = app::SeedDemo(*app_, System());
    EXPECT_TRUE(again->already_seeded);
    EXPECT_EQ(again->units, 0);
    EXPECT_EQ(app::SeedDemo(*app_, As("admin")).error().reason, "system_only");
}

TEST_F(Suite, GrantAndRevoke_RoundTrip) {
    auto admin = As("admin");
    ASSERT_TRUE(app::GrantRole(*app_, admin, "xem", {"viewer", "HY.SGDDT"}));
    EXPECT_EQ(app::GrantRole(*app_, admin, "xem", {"viewer", "HY.SGDDT"}).error().reason, "grant_exists");
    EXPECT_EQ(app::GrantRole(*app_, admin, "xem", {"emperor", "HY"}).error().message,
              "Vai trò «emperor» không tồn tại.");
    EXPECT_EQ(app::GetUserByLogin(*app_, admin, "xem")->grants.size(), 2u);
    ASSERT_TRUE(app::RevokeRole(*app_, admin, "xem", {"viewer", "HY.SGDDT"}));
    EXPECT_EQ(app::RevokeRole(*app_, admin, "xem", {"viewer", "HY.SGDDT"}).error().reason, "grant_not_found");
}

// ---- policy and units -------------------------------------------------------------------------

TEST_F(Suite, Policy_RoleOnUnit_CoversItsSubtreeOnly) {
    auto officer = As("canbo.truong");  // unit officer of Trường THPT Chuyên Thái Bình
    EXPECT_TRUE(app::GetUnit(*app_, officer, Unit("HY.SGDDT.THPTCTB")));
    auto parent = app::GetUnit(*app_, officer, Unit("HY.SGDDT"));
    ASSERT_FALSE(parent);
    EXPECT_EQ(parent.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(parent.error().message,
              "Bạn không có quyền xem đơn vị tại «Sở Giáo dục và Đào tạo»: tài khoản chưa được giao vai trò nào trên "
              "đơn vị này hoặc đơn vị cấp trên.");
    auto leader = As("lanhdao.sgd");  // unit leader of the department: sees its schools too
    EXPECT_TRUE(app::GetUnit(*app_, leader, Unit("HY.SGDDT.THPTCHY")));
    EXPECT_FALSE(app::GetUnit(*app_, leader, Unit("HY.SYT")));
    EXPECT_EQ(app::GetUnit(*app_, app::RequestContext{}, Unit("HY")).error().code, ErrorCode::kUnauthenticated);
}

TEST_F(Suite, ListUnits_InVietnameseOrder_WithinTheRole) {
    auto units = app::ListUnitsAsOf(*app_, As("admin"), std::nullopt);
    ASSERT_TRUE(units);
    ASSERT_EQ(units->size(), 26u);
    std::vector<std::string> first;
    for (std::size_t i = 0; i < 4; ++i) first.push_back((*units)[i].name);
    EXPECT_EQ(first, (std::vector<std::string>{"Bệnh viện Đa khoa tỉnh Hưng Yên", "Bệnh viện Đa khoa tỉnh Thái Bình",
                                               "Công ty Cổ phần May Thái Bình", "Hội Liên hiệp Phụ nữ tỉnh Hưng Yên"}));
    auto viewer = app::ListUnitsAsOf(*app_, As("xem"), std::nullopt);
    std::vector<std::string> names;
    for (const auto& u : *viewer) names.push_back(u.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Bệnh viện Đa khoa tỉnh Hưng Yên", "Bệnh viện Đa khoa tỉnh Thái Bình",
                                               "Khoa Nội tổng hợp", "Sở Y tế"}));
    // The department's predecessor is part of its history: the viewer may open it.
    auto before = app::ListUnitsAsOf(*app_, As("xem"), Date{2025, 6, 30});
    std::vector<std::string> old_names;
    for (const auto& u : *before) old_names.push_back(u.name);
    EXPECT_EQ(old_names,
              (std::vector<std::string>{"Bệnh viện Đa khoa tỉnh Hưng Yên", "Bệnh viện Đa khoa tỉnh Thái Bình",
                                        "Khoa Nội tổng hợp", "Sở Y tế", "Sở Y tế tỉnh Thái Bình"}));
}

// ---- audit ------------------------------------------------------------------------------------

TEST_F(Suite, AuditVerify_IntactChain_Passes) {
    As("admin");
    auto v = app::VerifyAuditLog(*app_);
    EXPECT_EQ(v.first_break, std::nullopt);
    EXPECT_EQ(v.entries_checked, 105);  // the seed's 104 changes (units, people, users, the council) + 1 sign-in
}

TEST_F(Suite, AuditLog_UpdateAndDelete_RefusedByTheDatabase) {
    EXPECT_THROW(Sql("UPDATE audit_log SET action = 'x' WHERE id = 1"), std::runtime_error);
    EXPECT_THROW(Sql("DELETE FROM audit_log WHERE id = 1"), std::runtime_error);
}

TEST_F(Suite, AuditVerify_EditedEntry_ReportsFirstBrokenOne) {
    bool pg = db_.backend() == "postgresql";
    Sql(pg ? "DROP TRIGGER audit_log_append_only ON audit_log" : "DROP TRIGGER audit_log_append_only_update");
    Sql("UPDATE audit_log SET after_json = '{\"login\":\"intruder\"}' WHERE id = 12");
    auto v = app::VerifyAuditLog(*app_);
    ASSERT_TRUE(v.first_break);
    EXPECT_EQ(v.first_break->entry_id, 12);
    EXPECT_EQ(v.first_break->reason, "Nội dung bản ghi không khớp mã băm: bản ghi đã bị sửa.");
}

TEST_F(Suite, AuditVerify_DeletedNewestEntry_Detected) {
    bool pg = db_.backend() == "postgresql";
    Sql(pg ? "DROP TRIGGER audit_log_append_only ON audit_log" : "DROP TRIGGER audit_log_append_only_delete");
    Sql("DELETE FROM audit_log WHERE id = 104");
    auto v = app::VerifyAuditLog(*app_);
    ASSERT_TRUE(v.first_break);
    EXPECT_EQ(v.first_break->entry_id, 104);
    EXPECT_EQ(v.first_break->reason, "Bản ghi cuối cùng không khớp đầu chuỗi đã lưu: các bản ghi mới nhất đã bị xoá.");
}

TEST_F(Suite, AuditAppend_ConcurrentWriters_KeepOneChain) {
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t)
        writers.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i)
                store_->Write([&](app::Repositories& r) {
                    app::RecordChange(r, clock_, System(), {"test.write", "thread", std::to_string(t), nullptr, i});
                    return true;
                });
        });
    for (auto& w : writers) w.join();
    auto v = app::VerifyAuditLog(*app_);
    EXPECT_EQ(v.first_break, std::nullopt);
    EXPECT_EQ(v.entries_checked, 144);  // the seed's 104 and 40 written here
}

TEST_F(Suite, AuditList_FiltersByUserAndDay) {
    auto admin = As("admin");
    auto by_cli = app::ListAudit(*app_, admin, {"", "", "system:test", "", "", 5, 0});
    EXPECT_EQ(by_cli->total, 104);
    EXPECT_EQ(by_cli->entries.size(), 5u);
    EXPECT_EQ(by_cli->entries[0].id, 104);  // newest first
    auto tomorrow = app::ListAudit(*app_, admin, {"", "", "", "2026-11-23T00:00:00.000Z", "", 50, 0});
    EXPECT_EQ(tomorrow->total, 0);
    EXPECT_EQ(app::ListAudit(*app_, As("lanhdao.ban"), {}).error().code, ErrorCode::kForbidden);
}

TEST_F(Suite, Summary_CountsWhatTheRoleMaySee) {
    auto admin = app::Summarise(*app_, As("admin"));
    EXPECT_EQ(admin->visible_units, 26);  // existing today; merged and dissolved units are history
    EXPECT_EQ(admin->users, 13);
    EXPECT_EQ(admin->audit_today, 105);  // the seed's 104 entries and the sign-in just made
    auto viewer = app::Summarise(*app_, As("xem"));
    EXPECT_EQ(viewer->visible_units, 4);
    EXPECT_EQ(viewer->users, std::nullopt);
}

}  // namespace
}  // namespace tdkt
