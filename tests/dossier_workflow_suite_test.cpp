// The dossier workflow performed, on both databases (docs/workflow.md). The transition tests are
// generated from catalog/workflow.jsonc: every transition from each of its states, tried by every demo
// user; the outcome expected is computed from the table and from the fixture's facts written out
// below by hand (not by the code under test).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "app/awards.h"
#include "app/catalog.h"
#include "app/consultation.h"
#include "app/council.h"
#include "app/decisions.h"
#include "app/dossiers.h"
#include "app/files.h"
#include "app/mail.h"
#include "app/notifications.h"
#include "app/subject_history.h"
#include "core/crypto.h"
#include "reports/dossier_papers.h"
#include "storage/file_stores.h"
#include "storage/smtp_mailer.h"
#include "support/dossier_fixture.h"

namespace tdkt {
namespace {

using testing::Dossiers;
using testing::System;

// A small but real PDF and PNG: libmagic tells them by their first bytes.
const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const std::string kPng =
    std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);

// The demo users and the roles they hold (app/seed_demo.cpp).
const std::vector<std::string> kUsers{"admin",       "lanhdao.ban",  "chuyenvien", "thuky.hd", "uyvien.hd",
                                      "lanhdao.sgd", "canbo.truong", "canbo.xa",   "xem"};
const std::map<std::string, std::string> kRoleOf{
    {"admin", "administrator"},        {"lanhdao.ban", "board_leader"}, {"chuyenvien", "board_specialist"},
    {"thuky.hd", "council_secretary"}, {"uyvien.hd", "council_member"}, {"lanhdao.sgd", "unit_leader"},
    {"canbo.truong", "unit_officer"},  {"canbo.xa", "unit_officer"},    {"xem", "viewer"}};
// canbo.xa (another commune) and xem (the health department) do not reach the school's dossiers.
const std::set<std::string> kOutsiders{"canbo.xa", "xem"};

class DossierWorkflow : public Dossiers {
  protected:
    // A dossier of the school proposing one teacher for Bằng khen của Chủ tịch UBND tỉnh, with every
    // document that award requires, the board's override recorded and the council's outcome
    // "approved": the facts of `kGuards` below.
    app::DossierRecord Prepared() {
        auto d = Create("canbo.truong");
        auto officer = As("canbo.truong");
        auto n = app::AddNominee(*app_, officer, d.id, Person(teachers_[0], "BK_TINH"));
        EXPECT_TRUE(n) << n.error().message;
        nominee_ = n->id;
        Attach(d.id, "to_trinh");
        Attach(d.id, "bien_ban_hoi_dong");
        Attach(d.id, "bao_cao_thanh_tich", nominee_);
        store_->Write([&](app::Repositories& r) {
            r.dossiers.SetOverride(d.id, nominee_, "Thành tích đã được Sở xác nhận", "chuyenvien");
            return true;
        });
        Sql(fmt::format("UPDATE dossier_nominees SET outcome = 'approved' WHERE id = {}", nominee_));
        return d;
    }
    void Attach(DossierId d, const std::string& type, std::optional<std::int64_t> nominee = std::nullopt,
                const std::string& login = "canbo.truong") {
        auto doc = app::AttachDocument(*app_, As(login), d, {type, nominee, type + ".pdf", kPdf, false});
        EXPECT_TRUE(doc) << type << ": " << doc.error().message;
    }
    void Put(DossierId id, const std::string& state) {
        store_->Write([&](app::Repositories& r) {
            auto d = r.dossiers.Find(id);
            return r.dossiers.UpdateState(id, d->version, state, "2026-11-22T04:00:00.000Z", std::nullopt);
        });
    }
    app::DossierRecord Find(DossierId id) {
        app::DossierRecord d;
        store_->Read([&](app::Repositories& r) { d = *r.dossiers.Find(id); });
        return d;
    }
    std::int64_t nominee_ = 0;
};

// The guards' answers for the Prepared() dossier, read off its facts: one nominee, every document,
// overridden, full procedure, council outcome approved, Bằng khen của Chủ tịch UBND tỉnh (decided by
// the province, no consultation, no provincial review), and no decision recorded yet.
const std::map<std::string, bool> kGuards{
    {"has_nominees", true},           {"documents_complete", true},  {"eligible_or_overridden", true},
    {"consultation_required", false}, {"consultation_done", true},   {"full_procedure", true},
    {"council_done", true},           {"ballots_closed", true},      {"province_review_required", false},
    {"province_review_done", true},   {"decided_by_province", true}, {"decided_centrally", false},
    {"decision_recorded", false}};

TEST_F(DossierWorkflow, EveryTransitionFromTheTableForEveryUser) {
    const auto& workflow = app::CatalogOf(*app_).workflow;
    auto d = Prepared();
    std::map<std::string, app::RequestContext> users;
    for (const auto& login : kUsers) users[login] = As(login);
    int moved = 0, refused = 0;
    for (const auto& t : workflow.transitions) {
        bool guards_hold = true;
        for (const auto& g : t.guards) {
            ASSERT_TRUE(kGuards.count(g)) << "the table uses a guard this test does not know: " << g;
            guards_hold = guards_hold && kGuards.at(g);
        }
        for (const auto& state : workflow.states) {
            bool from_here = std::find(t.from.begin(), t.from.end(), state.code) != t.from.end();
            for (const auto& login : kUsers) {
                // Off the transition's states one permitted user is enough (the state is checked first).
                bool permitted = std::find(t.roles.begin(), t.roles.end(), kRoleOf.at(login)) != t.roles.end();
                if (!from_here && !permitted) continue;
                Put(d.id, state.code);
                auto before = Find(d.id);
                auto result = app::MoveDossier(*app_, users[login], d.id, {t.action, "Lý do ghi trong thử nghiệm", 0});
                std::string where = fmt::format("{} from {} by {}", t.action, state.code, login);
                if (kOutsiders.count(login)) {
                    ASSERT_FALSE(result) << where;
                    EXPECT_EQ(result.error().code, ErrorCode::kForbidden) << where;
                } else if (!from_here) {
                    ASSERT_FALSE(result) << where;
                    EXPECT_EQ(result.error().code, ErrorCode::kConflict) << where;
                    EXPECT_EQ(result.error().reason, "transition_not_allowed") << where;
                } else if (!permitted) {
                    ASSERT_FALSE(result) << where;
                    EXPECT_EQ(result.error().code, ErrorCode::kForbidden) << where;
                } else if (!guards_hold) {
                    ASSERT_FALSE(result) << where;
                    EXPECT_EQ(result.error().code, ErrorCode::kConflict) << where;
                    EXPECT_EQ(result.error().reason, "guard_failed") << where;
                } else {
                    ASSERT_TRUE(result) << where << ": " << result.error().message;
                    EXPECT_EQ(result->state, t.to) << where;
                    EXPECT_EQ(result->version, before.version + 1) << where;
                    auto view = app::GetDossier(*app_, System(), d.id);
                    EXPECT_EQ(view->events.back().action, t.action) << where;
                    EXPECT_EQ(view->events.back().from_state, state.code) << where;
                    EXPECT_EQ(view->events.back().actor_login, login) << where;
                    ++moved;
                    continue;
                }
                EXPECT_EQ(Find(d.id).state, state.code) << where << ": a refusal changes nothing";
                EXPECT_EQ(Find(d.id).version, before.version) << where;
                ++refused;
            }
        }
    }
    // Every transition whose guards hold on these facts moved for each of its roles' users.
    int expected_moves = 0;
    for (const auto& t : workflow.transitions) {
        bool hold = std::all_of(t.guards.begin(), t.guards.end(), [](const auto& g) { return kGuards.at(g); });
        int users_with_role = 0;
        for (const auto& login : kUsers)
            users_with_role += !kOutsiders.count(login) &&
                               std::find(t.roles.begin(), t.roles.end(), kRoleOf.at(login)) != t.roles.end();
        if (hold) expected_moves += static_cast<int>(t.from.size()) * users_with_role;
    }
    EXPECT_EQ(moved, expected_moves);
    EXPECT_GT(moved, 20);
    EXPECT_GT(refused, 300);
}

TEST_F(DossierWorkflow, AReasonIsRequiredWhereTheTableSaysAndAStaleVersionIsRefused) {
    auto d = Prepared();
    auto leader = As("lanhdao.sgd");
    auto withdraw = app::MoveDossier(*app_, leader, d.id, {"withdraw", "   ", 0});
    ASSERT_FALSE(withdraw);
    EXPECT_EQ(withdraw.error().code, ErrorCode::kValidation);
    EXPECT_EQ(withdraw.error().message, "Cần ghi lý do khi «Rút hồ sơ».");
    auto stale = app::MoveDossier(*app_, leader, d.id, {"submit", "", 1});
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().reason, "dossier_changed");
    EXPECT_EQ(Find(d.id).state, "draft");
    auto unknown = app::MoveDossier(*app_, leader, d.id, {"approve_everything", "", 0});
    EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(unknown.error().message, "Không có thao tác «approve_everything» đối với hồ sơ.");
}

TEST_F(DossierWorkflow, SubmitReturnResubmitAppraiseWithDueDatesTimelineAuditAndNotifications) {
    auto officer = As("canbo.truong");
    auto leader = As("lanhdao.sgd");
    auto board = As("chuyenvien");
    auto d = Create("canbo.truong");
    // Nothing proposed, nothing attached: both guards are named.
    auto empty = app::MoveDossier(*app_, leader, d.id, {"submit", "", 0});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().reason, "guard_failed");
    EXPECT_EQ(empty.error().message, "Chưa thể «Trình hồ sơ»: hồ sơ chưa có cá nhân, tập thể nào được đề nghị.");
    auto n = app::AddNominee(*app_, officer, d.id, Person(teachers_[0], "BK_TINH"));
    ASSERT_TRUE(n);
    auto missing = app::MoveDossier(*app_, leader, d.id, {"submit", "", 0});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message,
              fmt::format("Chưa thể «Trình hồ sơ»: còn thiếu giấy tờ: Tờ trình đề nghị khen thưởng; Biên bản họp và "
                          "kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng; Báo cáo thành tích có xác nhận của cấp "
                          "trình của {}.",
                          n->subject_name));
    // The officer may prepare but not submit.
    EXPECT_EQ(app::MoveDossier(*app_, officer, d.id, {"submit", "", 0}).error().code, ErrorCode::kForbidden);
    auto generated = reports::GenerateDossierPaper(*app_, officer, d.id, "to_trinh");
    ASSERT_TRUE(generated) << generated.error().message;
    EXPECT_TRUE(generated->generated);
    EXPECT_EQ(generated->media_type, "application/pdf");
    Attach(d.id, "bien_ban_hoi_dong");
    auto view = app::GetDossier(*app_, leader, d.id);
    ASSERT_EQ(view->required.size(), 3u);
    EXPECT_TRUE(view->required[0].present);   // tờ trình
    EXPECT_FALSE(view->required[2].present);  // the teacher's report
    ASSERT_FALSE(view->actions.empty());
    EXPECT_EQ(view->actions[0].action, "submit");
    EXPECT_FALSE(view->actions[0].ready);
    EXPECT_EQ(view->actions[0].blocked, fmt::format("còn thiếu giấy tờ: Báo cáo thành tích có xác nhận của cấp trình "
                                                    "của {}",
                                                    n->subject_name));
    Attach(d.id, "bao_cao_thanh_tich", n->id);

    auto submitted = app::MoveDossier(*app_, leader, d.id, {"submit", "", 0});
    ASSERT_TRUE(submitted) << submitted.error().message;
    EXPECT_EQ(submitted->state, "submitted");
    // 22/11/2026 is a Sunday: five working days end on Friday 27/11.
    EXPECT_EQ(submitted->due_date, (Date{2026, 11, 27}));
    auto notes = app::ListNotifications(*app_, board, true);
    ASSERT_EQ(notes->items.size(), 1u);
    EXPECT_EQ(notes->items[0].link, fmt::format("/ho-so/{}", d.id.value));
    EXPECT_EQ(notes->items[0].message,
              fmt::format("Hồ sơ {} «Đề nghị khen thưởng năm học 2024–2025» (Trường THPT Chuyên Thái Bình): Trình hồ "
                          "sơ — nay «Đã trình, chờ tiếp nhận».",
                          d.code));
    EXPECT_EQ(app::ListNotifications(*app_, As("lanhdao.ban"), true)->unread, 1);
    EXPECT_EQ(app::ListNotifications(*app_, leader, true)->unread, 0);  // not the actor
    // Frozen for the unit now.
    EXPECT_EQ(app::AddNominee(*app_, officer, d.id, Person(teachers_[1], "BK_TINH")).error().code,
              ErrorCode::kConflict);

    ASSERT_TRUE(app::MoveDossier(*app_, board, d.id, {"receive", "", 0}));
    // Returned once for a missing report: the reason is required, then recorded and sent to the unit.
    EXPECT_EQ(app::MoveDossier(*app_, board, d.id, {"return", "", 0}).error().code, ErrorCode::kValidation);
    auto returned = app::MoveDossier(*app_, board, d.id, {"return", "Thiếu báo cáo tổng kết năm học có xác nhận", 0});
    ASSERT_TRUE(returned);
    EXPECT_EQ(returned->state, "returned");
    EXPECT_EQ(returned->due_date, std::nullopt);
    auto unit_notes = app::ListNotifications(*app_, officer, true);
    ASSERT_EQ(unit_notes->items.size(), 2u);  // received, then returned
    EXPECT_NE(unit_notes->items[0].message.find("Lý do: Thiếu báo cáo tổng kết năm học có xác nhận"),
              std::string::npos);
    Attach(d.id, "bao_cao_thanh_tich", n->id);  // the officer adds the missing report
    ASSERT_TRUE(app::MoveDossier(*app_, leader, d.id, {"submit", "", 0}));
    auto received = app::MoveDossier(*app_, board, d.id, {"receive", "", 0});
    ASSERT_TRUE(received);
    // Appraisal: 20 working days from Sunday 22/11 end on Friday 18/12/2026.
    EXPECT_EQ(received->due_date, (Date{2026, 12, 18}));

    // Appraisal waits for the board's reason when the engine says not eligible.
    view = app::GetDossier(*app_, board, d.id);
    bool eligible = view->nominees[0].verdict.verdict != domain::VerdictKind::kNotEligible;
    if (!eligible) {
        auto blocked = app::MoveDossier(*app_, board, d.id, {"appraise", "", 0});
        ASSERT_FALSE(blocked);
        EXPECT_NE(blocked.error().message.find("chưa ghi lý do vẫn trình: " + n->subject_name), std::string::npos)
            << blocked.error().message;
        EXPECT_EQ(app::OverrideNominee(*app_, officer, d.id, n->id, "x").error().code, ErrorCode::kForbidden);
        ASSERT_TRUE(app::OverrideNominee(*app_, board, d.id, n->id, "Thành tích đột xuất đã được Sở xác nhận"));
    }
    auto appraised = app::MoveDossier(*app_, board, d.id, {"appraise", "", 0});
    ASSERT_TRUE(appraised) << appraised.error().message;
    auto to_council = app::MoveDossier(*app_, board, d.id, {"to_council", "", 0});
    ASSERT_TRUE(to_council) << to_council.error().message;
    EXPECT_EQ(to_council->state, "council");
    EXPECT_EQ(app::ListNotifications(*app_, As("uyvien.hd"), true)->unread, 1);

    view = app::GetDossier(*app_, officer, d.id);
    std::vector<std::string> timeline;
    for (const auto& e : view->events) timeline.push_back(e.action + ":" + e.to_state);
    EXPECT_EQ(timeline, (std::vector<std::string>{"create:draft", "submit:submitted", "receive:received",
                                                  "return:returned", "submit:submitted", "receive:received",
                                                  "appraise:appraised", "to_council:council"}));
    EXPECT_EQ(view->events[3].reason, "Thiếu báo cáo tổng kết năm học có xác nhận");
    EXPECT_EQ(AuditCount("dossier.submit"), 2);
    EXPECT_EQ(AuditCount("dossier.return"), 1);
    EXPECT_EQ(AuditCount("dossier.to_council"), 1);
    // The secretary closes the vote only when the council has voted on everyone.
    auto close = app::MoveDossier(*app_, As("thuky.hd"), d.id, {"close_voting", "", 0});
    ASSERT_FALSE(close);
    EXPECT_EQ(close.error().message,
              "Chưa thể «Ghi nhận kết quả Hội đồng»: Hội đồng chưa có kết quả bỏ phiếu cho 1 trường hợp.");
}

TEST_F(DossierWorkflow, ConsultationOpensForTheWorkingDaysAndHoldsTheCouncilUntilItCloses) {
    auto officer = As("canbo.truong");
    auto board = As("chuyenvien");
    auto d = Create("canbo.truong");
    auto n = app::AddNominee(*app_, officer, d.id, Person(teachers_[0], "HCLD_3"));
    ASSERT_TRUE(n) << n.error().message;
    store_->Write([&](app::Repositories& r) {
        r.dossiers.SetOverride(d.id, n->id, "Hội đồng xem xét", "chuyenvien");
        return true;
    });
    Put(d.id, "appraised");
    auto early = app::MoveDossier(*app_, board, d.id, {"to_council", "", 0});
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message,
              "Chưa thể «Trình Hội đồng»: chưa lấy ý kiến nhân dân (bắt buộc với danh hiệu, hình thức đề nghị).");
    auto opened = app::MoveDossier(*app_, board, d.id, {"open_consultation", "", 0});
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened->state, "consultation");
    auto view = app::GetDossier(*app_, board, d.id);
    ASSERT_TRUE(view->consultation);
    EXPECT_EQ(view->consultation->opened_on, (Date{2026, 11, 22}));
    // Ten working days after Sunday 22/11/2026: Friday 4/12/2026.
    EXPECT_EQ(view->consultation->closes_on, (Date{2026, 12, 4}));
    EXPECT_EQ(view->consultation->working_days, 10);
    auto during = app::MoveDossier(*app_, board, d.id, {"to_council", "", 0});
    ASSERT_FALSE(during);
    EXPECT_EQ(during.error().message, "Chưa thể «Trình Hội đồng»: đang lấy ý kiến nhân dân đến hết ngày 04/12/2026.");
    clock_.Advance(std::chrono::hours(24 * 12));  // 4/12 still open
    EXPECT_FALSE(app::MoveDossier(*app_, board, d.id, {"to_council", "", 0}));
    clock_.Advance(std::chrono::hours(24));  // 5/12: closed
    auto after = app::MoveDossier(*app_, board, d.id, {"to_council", "", 0});
    ASSERT_TRUE(after) << after.error().message;
    EXPECT_EQ(after->state, "council");
}

TEST_F(DossierWorkflow, DocumentsAreToldByContentKeptWithTheirNameAndRemovedOnRecord) {
    auto officer = As("canbo.truong");
    auto d = Create("canbo.truong");
    auto n = app::AddNominee(*app_, officer, d.id, Person(teachers_[0], "BK_TINH"));
    ASSERT_TRUE(n);
    // A PNG called .pdf is a PNG; a text file called .pdf is refused, whatever its name.
    auto png =
        app::AttachDocument(*app_, officer, d.id, {"bao_cao_thanh_tich", n->id, "../../báo cáo.pdf", kPng, false});
    ASSERT_TRUE(png) << png.error().message;
    EXPECT_EQ(png->media_type, "image/png");
    EXPECT_EQ(png->file_name, "báo cáo.pdf");
    EXPECT_EQ(png->sha256, crypto::Sha256Hex(kPng));
    auto text =
        app::AttachDocument(*app_, officer, d.id, {"to_trinh", std::nullopt, "to-trinh.pdf", "Kính gửi…", false});
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().reason, "file_type_not_accepted");
    EXPECT_EQ(text.error().message,
              "Tệp «to-trinh.pdf» không phải loại được nhận (PDF, Word (DOCX), ảnh JPEG, ảnh PNG), dù tên tệp là gì.");
    auto big = app::AttachDocument(
        *app_, officer, d.id, {"to_trinh", std::nullopt, "lon.pdf", kPdf + std::string(21 * 1024 * 1024, ' '), false});
    EXPECT_EQ(big.error().code, ErrorCode::kPayloadTooLarge);
    // A nominee's document needs the nominee; a dossier's document must not name one.
    EXPECT_EQ(app::AttachDocument(*app_, officer, d.id, {"bao_cao_thanh_tich", std::nullopt, "a.pdf", kPdf, false})
                  .error()
                  .reason,
              "nominee_required");
    EXPECT_EQ(app::AttachDocument(*app_, officer, d.id, {"to_trinh", n->id, "a.pdf", kPdf, false}).error().reason,
              "nominee_not_expected");
    EXPECT_EQ(app::AttachDocument(*app_, officer, d.id, {"giay_phep_lai_xe", std::nullopt, "a.pdf", kPdf, false})
                  .error()
                  .reason,
              "doc_type_unknown");
    // Another unit's officer can neither attach nor read.
    EXPECT_EQ(
        app::AttachDocument(*app_, As("canbo.xa"), d.id, {"to_trinh", std::nullopt, "a.pdf", kPdf, false}).error().code,
        ErrorCode::kForbidden);
    EXPECT_EQ(app::ReadDocument(*app_, As("canbo.xa"), d.id, png->id).error().code, ErrorCode::kForbidden);
    auto read = app::ReadDocument(*app_, As("chuyenvien"), d.id, png->id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->bytes, kPng);
    EXPECT_EQ(AuditCount("dossier.document_add"), 1);
    ASSERT_TRUE(app::RemoveDocument(*app_, officer, d.id, png->id));
    EXPECT_EQ(app::RemoveDocument(*app_, officer, d.id, png->id).error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(app::GetDossier(*app_, officer, d.id)->documents.empty());
    EXPECT_EQ(AuditCount("dossier.document_remove"), 1);
}

TEST_F(DossierWorkflow, ADirectoryFileStoreKeepsTheBytesOutsideTheDatabase) {
    auto dir = std::filesystem::temp_directory_path() / ("tdkt-files-" + crypto::RandomToken(6));
    app_->files = storage::OpenFileStore("dir:" + dir.string());
    auto officer = As("canbo.truong");
    auto d = Create("canbo.truong");
    auto doc = app::AttachDocument(*app_, officer, d.id, {"to_trinh", std::nullopt, "tt.pdf", kPdf, false});
    ASSERT_TRUE(doc) << doc.error().message;
    auto path = dir / doc->sha256.substr(0, 2) / doc->sha256;
    ASSERT_TRUE(std::filesystem::exists(path));
    EXPECT_EQ(std::filesystem::file_size(path), kPdf.size());
    std::optional<std::string> in_db = std::string("x");
    store_->Read([&](app::Repositories& r) { in_db = r.files.ContentBase64(doc->sha256); });
    EXPECT_EQ(in_db, std::nullopt);
    EXPECT_EQ(app::ReadDocument(*app_, officer, d.id, doc->id)->bytes, kPdf);
    EXPECT_THROW(storage::OpenFileStore("relative/dir"), std::runtime_error);
    std::filesystem::remove_all(dir);
}

TEST_F(DossierWorkflow, AnyoneCommentsWhileOpenWithinLimitsAndOnlyWhatTheBoardPublishesIsShown) {
    auto board = As("chuyenvien");
    auto d = Create("canbo.truong");
    auto n = app::AddNominee(*app_, As("canbo.truong"), d.id, Person(teachers_[0], "HCLD_3"));
    ASSERT_TRUE(n);
    app::RequestContext visitor;
    visitor.client_ip = "203.0.113.7";
    visitor.request_id = "public";
    EXPECT_TRUE(app::OpenConsultations(*app_).empty());
    Put(d.id, "appraised");
    ASSERT_TRUE(app::MoveDossier(*app_, board, d.id, {"open_consultation", "", 0}));
    auto open = app::OpenConsultations(*app_);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_TRUE(open[0].open);
    ASSERT_EQ(open[0].nominees.size(), 1u);
    EXPECT_EQ(open[0].nominees[0].award_name, "Huân chương Lao động hạng Ba");
    auto id = open[0].consultation.id;

    // Every problem is named at once, and nothing is stored.
    auto bad = app::SubmitComment(*app_, visitor, id, {"", "gọi tôi", "ngắn", std::nullopt});
    ASSERT_FALSE(bad);
    std::vector<std::string> fields;
    for (const auto& f : bad.error().fields) fields.push_back(f.first);
    EXPECT_EQ(fields, (std::vector<std::string>{"name", "contact", "body"}));
    auto first = app::SubmitComment(
        *app_, visitor, id, {"Trần Văn Bình", "0912 345 678", "Tôi xác nhận cô giáo có nhiều đóng góp.", n->id});
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->status, "pending");
    EXPECT_EQ(first->client_key.find("203.0.113.7"), std::string::npos);  // the address is not stored
    for (int i = 1; i < app::kCommentsPerHour; ++i)
        ASSERT_TRUE(app::SubmitComment(*app_, visitor, id,
                                       {"Người " + std::to_string(i), "ban@example.vn",
                                        "Ý kiến thứ " + std::to_string(i) + " về hồ sơ.", std::nullopt}));
    auto flood =
        app::SubmitComment(*app_, visitor, id, {"Người 6", "ban@example.vn", "Ý kiến thứ sáu về hồ sơ.", std::nullopt});
    ASSERT_FALSE(flood);
    EXPECT_EQ(flood.error().reason, "too_many_comments");
    app::RequestContext neighbour = visitor;
    neighbour.client_ip = "198.51.100.20";
    EXPECT_TRUE(app::SubmitComment(*app_, neighbour, id,
                                   {"Lê Thị Hoa", "hoa@example.vn", "Một máy khác vẫn gửi được.", std::nullopt}));

    // Nothing is public before moderation; the board publishes one with its answer, rejects another.
    EXPECT_TRUE(app::GetConsultation(*app_, id)->comments.empty());
    EXPECT_EQ(app::DossierComments(*app_, As("canbo.truong"), d.id).error().code, ErrorCode::kForbidden);
    auto all = app::DossierComments(*app_, board, d.id);
    ASSERT_EQ(all->size(), 6u);
    EXPECT_EQ((*all)[0].author_contact, "0912 345 678");
    ASSERT_TRUE(app::ModerateComment(*app_, board, d.id, first->id, "published", "Cảm ơn ông đã góp ý."));
    ASSERT_TRUE(app::ModerateComment(*app_, board, d.id, (*all)[1].id, "rejected", ""));
    EXPECT_EQ(app::ModerateComment(*app_, board, d.id, first->id, "approved", "").error().code, ErrorCode::kValidation);
    auto shown = app::GetConsultation(*app_, id);
    ASSERT_EQ(shown->comments.size(), 1u);
    EXPECT_EQ(shown->comments[0].body, "Tôi xác nhận cô giáo có nhiều đóng góp.");
    EXPECT_EQ(shown->comments[0].response, "Cảm ơn ông đã góp ý.");
    EXPECT_EQ(shown->comments[0].author_contact, "");  // never published
    EXPECT_EQ(AuditCount("consultation.moderate"), 2);

    // After the window nobody can comment.
    clock_.Advance(std::chrono::hours(24 * 13));
    auto late = app::SubmitComment(*app_, neighbour, id,
                                   {"Lê Thị Hoa", "hoa@example.vn", "Gửi sau khi đã kết thúc.", std::nullopt});
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().message, "Đợt lấy ý kiến này nhận ý kiến từ 22/11/2026 đến hết 04/12/2026.");
    EXPECT_TRUE(app::OpenConsultations(*app_).empty());
    EXPECT_FALSE(app::GetConsultation(*app_, id)->open);
}

TEST(CouncilThreshold, CountsOverAllMembers) {
    // 11 members: 10 "agree" is 90.9 % and passes 90 %; 9 is 81.8 %: fails 90 %, passes 80 %.
    EXPECT_TRUE(app::Passes(10, 11, 90));
    EXPECT_FALSE(app::Passes(9, 11, 90));
    EXPECT_TRUE(app::Passes(9, 11, 80));
    EXPECT_TRUE(app::Passes(8, 10, 80));  // exactly the threshold passes
    EXPECT_FALSE(app::Passes(7, 10, 80));
    EXPECT_TRUE(app::Passes(6, 11, 0));  // no threshold in the catalogue: more than half
    EXPECT_FALSE(app::Passes(5, 10, 0));
    EXPECT_FALSE(app::Passes(0, 0, 0));
}

TEST_F(DossierWorkflow, TheCouncilVotesSecretlyOncePerMemberWithQuorumRecusalAndThresholds) {
    auto d = Prepared();
    Sql(fmt::format("UPDATE dossier_nominees SET outcome = 'pending' WHERE id = {}", nominee_));
    Put(d.id, "council");
    auto secretary = As("thuky.hd");
    auto councils = app::ListCouncils(*app_, secretary);
    ASSERT_EQ(councils->size(), 1u);
    auto council = (*councils)[0];
    EXPECT_EQ(app::ListCouncils(*app_, As("canbo.truong"))->size(), 0u);
    EXPECT_EQ(app::CreateMeeting(*app_, As("uyvien.hd"), council.id, {"Phiên họp", "10/12/2026", ""}).error().code,
              ErrorCode::kForbidden);
    auto meeting =
        app::CreateMeeting(*app_, secretary, council.id, {"Phiên họp tháng 12/2026", "10/12/2026", "Phòng họp số 1"});
    ASSERT_TRUE(meeting) << meeting.error().message;
    auto added = app::AddDossierToMeeting(*app_, secretary, meeting->id, d.id);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(*added, 1);
    EXPECT_EQ(app::AddDossierToMeeting(*app_, secretary, meeting->id, d.id).error().reason, "nothing_to_add");

    auto view = app::GetMeeting(*app_, secretary, meeting->id);
    ASSERT_EQ(view->members.size(), 7u);
    EXPECT_EQ(view->quorum_needed, 5);
    std::map<std::string, std::int64_t> seat;
    for (const auto& m : view->members) seat[m.login] = m.id;
    // Four present: no quorum.
    for (const char* login : {"chutich.hd", "lanhdao.ban", "thuky.hd", "uyvien2.hd"})
        ASSERT_TRUE(app::SetAttendance(*app_, secretary, meeting->id, seat[login], true));
    auto early = app::OpenVoting(*app_, secretary, meeting->id);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message,
              "Chưa đủ số thành viên dự họp: có mặt 4/7 thành viên, cần ít nhất 5 (2/3 tổng số thành viên).");
    ASSERT_TRUE(app::SetAttendance(*app_, secretary, meeting->id, seat["uyvien.hd"], true));
    ASSERT_TRUE(app::OpenVoting(*app_, secretary, meeting->id));
    view = app::GetMeeting(*app_, secretary, meeting->id);
    ASSERT_EQ(view->items.size(), 1u);
    auto item = view->items[0].item.id;
    // The director of the education department is recused from a teacher of one of its schools.
    EXPECT_EQ(view->items[0].recused, (std::vector<std::int64_t>{seat["uyvien2.hd"]}));
    EXPECT_EQ(app::CastVote(*app_, As("uyvien2.hd"), item, "agree").error().reason, "recused");
    EXPECT_EQ(app::CastVote(*app_, As("canbo.truong"), item, "agree").error().code, ErrorCode::kForbidden);
    EXPECT_EQ(app::CastVote(*app_, As("uyvien3.hd"), item, "agree").error().reason, "not_present");

    ASSERT_TRUE(app::CastVote(*app_, As("chutich.hd"), item, "agree"));
    EXPECT_EQ(app::CastVote(*app_, As("chutich.hd"), item, "disagree").error().reason, "already_voted");
    ASSERT_TRUE(app::CastVote(*app_, As("lanhdao.ban"), item, "agree"));
    ASSERT_TRUE(app::CastVote(*app_, secretary, item, "agree"));
    ASSERT_TRUE(app::CastVote(*app_, As("uyvien.hd"), item, "disagree"));
    // Absent members' written opinions, entered by the secretary; not for someone present.
    EXPECT_EQ(app::RecordWrittenOpinion(*app_, secretary, item, seat["uyvien.hd"], "agree").error().reason,
              "member_present");
    ASSERT_TRUE(app::RecordWrittenOpinion(*app_, secretary, item, seat["uyvien3.hd"], "agree"));
    EXPECT_EQ(app::RecordWrittenOpinion(*app_, secretary, item, seat["uyvien3.hd"], "agree").error().reason,
              "already_voted");
    EXPECT_EQ(app::RecordWrittenOpinion(*app_, As("uyvien.hd"), item, seat["uyvien4.hd"], "agree").error().code,
              ErrorCode::kForbidden);

    // Before closing nobody, the administrator included, sees what was voted: only how many voted.
    for (const char* login : {"admin", "thuky.hd", "chutich.hd"}) {
        auto v = app::GetMeeting(*app_, As(login), meeting->id);
        ASSERT_TRUE(v) << login;
        EXPECT_EQ(v->items[0].votes, 5) << login;
        EXPECT_EQ(v->items[0].item.agree, std::nullopt) << login;
    }
    // Nor does the audit log say what anyone voted.
    app::AuditFilter f;
    f.limit = 500;
    store_->Read([&](app::Repositories& r) {
        for (const auto& e : r.audit.List(f).entries)
            if (e.action.rfind("ballot.", 0) == 0) {
                EXPECT_EQ(e.after_json.find("agree"), std::string::npos) << e.after_json;
                EXPECT_EQ(e.after_json.find("disagree"), std::string::npos) << e.after_json;
            }
    });
    auto voted = app::MoveDossier(*app_, secretary, d.id, {"close_voting", "", 0});
    EXPECT_EQ(voted.error().reason, "guard_failed");
    // While the ballot is open the council's members and rules cannot change.
    EXPECT_EQ(app::RemoveCouncilMember(*app_, As("lanhdao.ban"), council.id, seat["uyvien4.hd"]).error().reason,
              "ballot_open");
    EXPECT_EQ(app::AddCouncilMember(*app_, As("admin"), council.id, {"chuyenvien", "member", "", ""}).error().reason,
              "ballot_open");

    ASSERT_TRUE(app::CloseVoting(*app_, secretary, meeting->id));
    EXPECT_EQ(app::CastVote(*app_, As("uyvien4.hd"), item, "agree").error().reason, "ballot_not_open");
    view = app::GetMeeting(*app_, secretary, meeting->id);
    const auto& closed = view->items[0].item;
    // 4 agree of 6 (7 members, the recused one left out): 66.7 %. The catalogue sets no threshold for
    // Bằng khen of the province: more than half passes.
    EXPECT_EQ(closed.agree, 4);
    EXPECT_EQ(closed.disagree, 1);
    EXPECT_EQ(closed.abstain, 0);
    EXPECT_EQ(closed.denominator, 6);
    EXPECT_EQ(closed.threshold_pct, 0);
    EXPECT_EQ(closed.passed, true);
    std::string outcome;
    store_->Read([&](app::Repositories& r) { outcome = r.dossiers.Nominees(d.id)[0].outcome; });
    EXPECT_EQ(outcome, "approved");
    auto after = app::MoveDossier(*app_, secretary, d.id, {"close_voting", "", 0});
    ASSERT_TRUE(after) << after.error().message;
    EXPECT_EQ(after->state, "voted");

    // A member who leaves afterwards, and a change of seat, do not rewrite the meeting they sat in.
    ASSERT_TRUE(app::RemoveCouncilMember(*app_, As("lanhdao.ban"), council.id, seat["uyvien.hd"]));
    ASSERT_TRUE(app::UpdateCouncilMember(*app_, As("lanhdao.ban"), council.id, seat["uyvien2.hd"],
                                         {"", "vice_chair", "Giám đốc Sở Giáo dục và Đào tạo", ""}));
    view = app::GetMeeting(*app_, secretary, meeting->id);
    ASSERT_EQ(view->members.size(), 7u);
    for (const auto& m : view->members)
        if (m.login == "uyvien2.hd") EXPECT_EQ(m.role, "member");
    auto now = app::GetCouncil(*app_, secretary, council.id);
    ASSERT_TRUE(now) << now.error().message;
    EXPECT_EQ(now->members.size(), 6u);
    ASSERT_EQ(now->former.size(), 1u);
    EXPECT_EQ(now->former[0].login, "uyvien.hd");
    // A new meeting counts the six sitting members: quorum 4.
    auto next = app::CreateMeeting(*app_, secretary, council.id, {"Phiên họp tháng 1/2027", "10/01/2027", ""});
    ASSERT_TRUE(next);
    EXPECT_EQ(app::GetMeeting(*app_, secretary, next->id)->quorum_needed, 4);
    EXPECT_EQ(AuditCount("council.member_remove"), 1);
    EXPECT_EQ(AuditCount("council.member_update"), 1);
}

TEST_F(DossierWorkflow, ACouncilIsSetUpWithOneChairAndOneSecretaryByWhoeverLeadsItsUnit) {
    std::int64_t health = 0;
    store_->Read([&](app::Repositories& r) { health = r.units.FindByCode("HY.SYT")->id.value; });
    auto leader = As("lanhdao.ban");
    app::CouncilInput in{std::to_string(health), "Hội đồng Thi đua – Khen thưởng Sở Y tế", "count", "3", "4"};
    EXPECT_EQ(app::CreateCouncil(*app_, As("canbo.truong"), in).error().code, ErrorCode::kForbidden);
    auto bad = app::CreateCouncil(*app_, leader, {std::to_string(health), " ", "sometimes", "5", "3"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.size(), 3u);  // name, recusal rule, quorum
    auto created = app::CreateCouncil(*app_, leader, in);
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(created->quorum_num, 3);
    EXPECT_EQ(created->recusal_rule, "count");
    auto twice = app::CreateCouncil(*app_, leader, in);
    EXPECT_EQ(twice.error().message, "Sở Y tế đã có Hội đồng: Hội đồng Thi đua – Khen thưởng Sở Y tế.");
    auto id = created->id;
    // Offered for a seat: users with a role on the health department's branch (the province's
    // roles above it), not a school's staff or the education department's leader.
    auto fresh = app::GetCouncil(*app_, leader, id);
    ASSERT_TRUE(fresh);
    std::vector<std::string> offered;
    for (const auto& u : fresh->candidates) offered.push_back(u.login);
    EXPECT_EQ(offered, (std::vector<std::string>{"admin", "chutich.hd", "chuyenvien", "lanhdao.ban", "thuky.hd",
                                                 "uyvien.hd", "uyvien2.hd", "uyvien3.hd", "uyvien4.hd", "xem"}));
    ASSERT_TRUE(app::AddCouncilMember(*app_, leader, id, {"uyvien3.hd", "chair", "Giám đốc Sở Y tế", ""}));
    ASSERT_TRUE(app::AddCouncilMember(*app_, leader, id, {"chuyenvien", "secretary", "", ""}));
    auto second = app::AddCouncilMember(*app_, leader, id, {"uyvien4.hd", "chair", "", ""});
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().message,
              "Hội đồng đã có Chủ tịch: " + app::GetCouncil(*app_, leader, id)->members[0].display_name +
                  ". Chuyển người này sang chức danh khác trước.");
    EXPECT_EQ(app::AddCouncilMember(*app_, leader, id, {"uyvien3.hd", "member", "", ""}).error().reason,
              "invalid_login");
    EXPECT_EQ(app::AddCouncilMember(*app_, leader, id, {"khong.co.ai", "member", "", ""}).error().message,
              "Không có người dùng đang hoạt động với tên đăng nhập «khong.co.ai».");
    auto member = app::AddCouncilMember(*app_, leader, id, {"uyvien4.hd", "member", "", std::to_string(health)});
    ASSERT_TRUE(member) << member.error().message;
    // The secretary by seat runs meetings; a member does not.
    EXPECT_TRUE(app::CreateMeeting(*app_, As("chuyenvien"), id, {"Phiên họp", "10/12/2026", ""}));
    // The dashboard's week: a meeting today is in it, the one on 10/12 is not; a school's officer
    // sees no council's meetings.
    Date today = VietnamDate(clock_.Now());
    ASSERT_TRUE(app::CreateMeeting(*app_, As("chuyenvien"), id, {"Phiên họp hôm nay", FormatDateVi(today), ""}));
    auto week = app::MeetingsThisWeek(*app_, As("chuyenvien"), today);
    ASSERT_TRUE(week);
    ASSERT_EQ(week->size(), 1u);
    EXPECT_EQ((*week)[0].meeting.title, "Phiên họp hôm nay");
    EXPECT_EQ((*week)[0].council_name, "Hội đồng Thi đua – Khen thưởng Sở Y tế");
    EXPECT_TRUE((*week)[0].i_sit);
    EXPECT_EQ(app::MeetingsThisWeek(*app_, leader, AddDays(today, 7))->size(), 0u);
    EXPECT_EQ(app::MeetingsThisWeek(*app_, As("canbo.truong"), today)->size(), 0u);
    EXPECT_EQ(app::CreateMeeting(*app_, As("uyvien4.hd"), id, {"Phiên họp", "10/12/2026", ""}).error().code,
              ErrorCode::kForbidden);
    // Leaving and coming back keeps one row, in a new seat.
    ASSERT_TRUE(app::RemoveCouncilMember(*app_, leader, id, *member));
    EXPECT_EQ(app::GetCouncil(*app_, leader, id)->former.size(), 1u);
    auto back = app::AddCouncilMember(*app_, leader, id, {"uyvien4.hd", "vice_chair", "", ""});
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, *member);
    auto v = app::GetCouncil(*app_, leader, id);
    EXPECT_EQ(v->members.size(), 3u);
    EXPECT_EQ(v->former.size(), 0u);
    ASSERT_TRUE(app::UpdateCouncil(*app_, leader, id, {"", "Hội đồng TĐKT Sở Y tế", "exclude", "2", "3"}));
    EXPECT_EQ(app::GetCouncil(*app_, leader, id)->council.name, "Hội đồng TĐKT Sở Y tế");
    EXPECT_EQ(AuditCount("council.create"), 2);  // the seeded provincial council and this one
    EXPECT_EQ(AuditCount("council.member_add"), 4);
    EXPECT_EQ(AuditCount("council.update"), 1);
}

TEST_F(DossierWorkflow, ADecisionIsNumberedIssuedIntoTheAwardHistoryWithCertificatesAndPublished) {
    auto d = Prepared();
    Put(d.id, "voted");
    auto leader = As("lanhdao.ban");
    auto decide = app::MoveDossier(*app_, leader, d.id, {"decide", "", 0});
    ASSERT_FALSE(decide);
    EXPECT_EQ(decide.error().message,
              "Chưa thể «Ban hành quyết định»: chưa nhập quyết định khen thưởng (số, ngày, người ký).");
    EXPECT_EQ(
        app::RecordDecision(*app_, As("chuyenvien"), d.id, {"15/12/2026", "Nguyễn Hữu Nghĩa", "", "", ""}).error().code,
        ErrorCode::kForbidden);
    auto bad = app::RecordDecision(*app_, leader, d.id, {"31/02/2026", "", "", "", ""});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.size(), 2u);
    auto recorded = app::RecordDecision(*app_, leader, d.id,
                                        {"15/12/2026", "Nguyễn Hữu Nghĩa", "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH", "", ""});
    ASSERT_TRUE(recorded) << recorded.error().message;
    EXPECT_EQ(recorded->number_text, "1/QĐ-UBND");
    EXPECT_EQ(recorded->authority_name, "Ủy ban nhân dân tỉnh Hưng Yên");
    EXPECT_EQ(recorded->title, "Về việc khen thưởng thành tích năm 2025");
    EXPECT_FALSE(app::VerifyCertificate(*app_, "nothing-here"));

    auto decided = app::MoveDossier(*app_, leader, d.id, {"decide", "", 0});
    ASSERT_TRUE(decided) << decided.error().message;
    EXPECT_EQ(decided->state, "decided");
    auto view = app::GetDecision(*app_, As("canbo.truong"), recorded->id);
    ASSERT_TRUE(view) << view.error().message;
    EXPECT_EQ(view->decision.state, "issued");
    ASSERT_EQ(view->certificates.size(), 1u);
    const auto& cert = view->certificates[0];
    EXPECT_EQ(cert.award_code, "BK_TINH");
    EXPECT_EQ(cert.award_name, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh");
    // 1,5 × 2.340.000 đồng (the catalogue for NĐ 152/2025; the base salary since 1/7/2024).
    EXPECT_EQ(cert.prize_vnd, 3'510'000);
    // The person's award history has it, written by the decision, in the same transaction.
    std::vector<app::AwardRecord> history;
    store_->Read([&](app::Repositories& r) { history = r.awards.ForPerson(teachers_[0]); });
    auto it = std::find_if(history.begin(), history.end(), [&](const auto& a) { return a.id == cert.award; });
    ASSERT_NE(it, history.end());
    EXPECT_EQ(it->decision_number, "1/QĐ-UBND");
    EXPECT_EQ(it->decision_date, (Date{2026, 12, 15}));
    EXPECT_EQ(it->source, "decision");
    EXPECT_EQ(it->year, 2025);
    EXPECT_EQ(it->prize_vnd, 3'510'000);
    auto verified = app::VerifyCertificate(*app_, cert.code);
    ASSERT_TRUE(verified);
    EXPECT_EQ(verified->certificate.recipient_name, cert.recipient_name);
    EXPECT_EQ(verified->decision.number_text, "1/QĐ-UBND");
    // Issued: no longer changed; not public until published.
    EXPECT_EQ(app::RecordDecision(*app_, leader, d.id, {"16/12/2026", "Ai đó", "", "", ""}).error().reason,
              "dossier_not_awaiting_decision");
    app::RequestContext anonymous;
    EXPECT_FALSE(app::GetDecision(*app_, anonymous, recorded->id));
    EXPECT_TRUE(app::PublishedDecisions(*app_).empty());
    ASSERT_TRUE(app::MoveDossier(*app_, leader, d.id, {"publish", "", 0}));
    ASSERT_EQ(app::PublishedDecisions(*app_).size(), 1u);
    EXPECT_TRUE(app::GetDecision(*app_, anonymous, recorded->id));
    auto paid = app::MoveDossier(*app_, As("chuyenvien"), d.id, {"pay", "", 0});
    ASSERT_TRUE(paid);
    EXPECT_EQ(paid->state, "paid");
    EXPECT_EQ(AuditCount("decision.issue"), 1);
    EXPECT_EQ(AuditCount("decision.publish"), 1);

    // Revocation (Luật Điều 93): only the board's leader; the award stays, marked, and stops counting.
    EXPECT_EQ(app::RevokeCertificate(*app_, As("chuyenvien"), cert.code, {"Kê khai sai", "Điều 93", "5/QĐ-UBND", true})
                  .error()
                  .code,
              ErrorCode::kForbidden);
    EXPECT_EQ(app::RevokeCertificate(*app_, leader, cert.code, {"", "", "", true}).error().fields.size(), 3u);
    auto counted = [&] {
        int n = 0;
        store_->Read([&](app::Repositories& r) {
            auto person = r.people.Find(teachers_[0]);
            for (const auto& a : app::PersonHistory(r, *person).awards) n += a.code == "BK_TINH" && a.year == 2025;
        });
        return n;
    };
    EXPECT_EQ(counted(), 1);
    ASSERT_TRUE(app::RevokeCertificate(*app_, leader, cert.code,
                                       {"Kê khai thành tích không đúng sự thật",
                                        "Luật Thi đua, khen thưởng 2022, Điều 93", "5/QĐ-UBND ngày 10/01/2027", true}));
    EXPECT_EQ(app::RevokeCertificate(*app_, leader, cert.code, {"x", "y", "z", true}).error().reason,
              "already_revoked");
    EXPECT_EQ(counted(), 0);
    auto revoked = app::VerifyCertificate(*app_, cert.code);
    ASSERT_TRUE(revoked);
    EXPECT_TRUE(revoked->certificate.revoked_at.has_value());
    EXPECT_EQ(revoked->certificate.revoke_reason, "Kê khai thành tích không đúng sự thật");
    EXPECT_EQ(revoked->certificate.recovery, "due");
    store_->Read([&](app::Repositories& r) {
        auto kept = r.awards.Find(cert.award);
        ASSERT_TRUE(kept);  // nothing lost
        EXPECT_TRUE(kept->revoked_at.has_value());
    });
    ASSERT_TRUE(app::MarkPrizeRecovered(*app_, As("chuyenvien"), cert.code));
    EXPECT_EQ(app::MarkPrizeRecovered(*app_, As("chuyenvien"), cert.code).error().reason, "nothing_to_recover");
    EXPECT_EQ(app::VerifyCertificate(*app_, cert.code)->certificate.recovery, "recovered");
    EXPECT_EQ(AuditCount("award.revoke"), 1);
    store_->Read([&](app::Repositories& r) {  // the award carries the revocation too
        auto kept = r.awards.Find(cert.award);
        EXPECT_EQ(kept->revoke_ground, "Luật Thi đua, khen thưởng 2022, Điều 93");
        EXPECT_EQ(kept->revoke_decision, "5/QĐ-UBND ngày 10/01/2027");
        EXPECT_EQ(kept->recovery, "recovered");
    });
    // An award a decision wrote cannot be deleted from the history, only revoked.
    EXPECT_EQ(app::DeleteAward(*app_, As("canbo.truong"), cert.award).error().reason, "award_from_decision");

    // The next decision of the authority in the year takes the next number.
    auto other = Prepared();
    Put(other.id, "voted");
    EXPECT_EQ(app::RecordDecision(*app_, leader, other.id, {"20/12/2026", "Nguyễn Hữu Nghĩa", "", "", ""})->number_text,
              "2/QĐ-UBND");
}

TEST_F(DossierWorkflow, AnAwardEnteredByHandIsRevokedWithoutACertificate) {
    auto officer = As("canbo.truong");
    app::AwardInput in;
    in.subject_type = "individual";
    in.person = teachers_[1];
    in.award_code = "BK_TINH";
    in.year = "2023";
    in.decision_number = "1520/QĐ-UBND";
    in.decision_date = "15/03/2024";
    in.authority = "UBND tỉnh Thái Bình";
    in.prize_vnd = "1.170.000";
    auto award = app::RecordAward(*app_, officer, in);
    ASSERT_TRUE(award) << award.error().message;
    auto counted = [&] {
        int n = 0;
        store_->Read([&](app::Repositories& r) {
            auto person = r.people.Find(teachers_[1]);
            for (const auto& a : app::PersonHistory(r, *person).awards) n += a.code == "BK_TINH" && a.year == 2023;
        });
        return n;
    };
    ASSERT_EQ(counted(), 1);
    app::RevocationInput why{"Thành tích kê khai không đúng", "Luật Thi đua, khen thưởng 2022, Điều 93 khoản 1",
                             "12/QĐ-UBND ngày 05/01/2027", true};

    // Only the board's leader over the teacher's unit revokes; bad input changes nothing.
    for (const auto* login : {"canbo.truong", "chuyenvien", "lanhdao.sgd", "canbo.xa"})
        EXPECT_EQ(app::RevokeAward(*app_, As(login), award->id, why).error().code, ErrorCode::kForbidden) << login;
    EXPECT_EQ(app::RevokeAward(*app_, As("lanhdao.ban"), award->id, {" ", "", "", true}).error().fields.size(), 3u);
    EXPECT_EQ(app::RevokeAward(*app_, As("lanhdao.ban"), AwardId{999999}, why).error().reason, "award_not_found");
    EXPECT_EQ(AuditCount("award.revoke"), 0);
    ASSERT_TRUE(app::RevokeAward(*app_, As("lanhdao.ban"), award->id, why));
    EXPECT_EQ(app::RevokeAward(*app_, As("lanhdao.ban"), award->id, why).error().reason, "already_revoked");
    EXPECT_EQ(counted(), 0);  // no longer counts for eligibility
    store_->Read([&](app::Repositories& r) {
        auto kept = r.awards.Find(award->id);
        ASSERT_TRUE(kept);  // nothing lost
        EXPECT_TRUE(kept->revoked_at.has_value());
        EXPECT_EQ(kept->revoked_reason, "Thành tích kê khai không đúng");
        EXPECT_EQ(kept->revoke_ground, "Luật Thi đua, khen thưởng 2022, Điều 93 khoản 1");
        EXPECT_EQ(kept->revoke_decision, "12/QĐ-UBND ngày 05/01/2027");
        EXPECT_EQ(kept->recovery, "due");
        EXPECT_FALSE(kept->recovered_at.has_value());
    });
    EXPECT_EQ(AuditCount("award.revoke"), 1);
    // The school hears of it, with the prize to pay back and a link to the teacher's page.
    auto told = app::ListNotifications(*app_, officer, false, 10);
    ASSERT_TRUE(told);
    ASSERT_FALSE(told->items.empty());
    EXPECT_EQ(told->items.front().message,
              fmt::format("Thu hồi Bằng khen của Chủ tịch UBND tỉnh của {} (quyết định 1520/QĐ-UBND): Thành tích kê "
                          "khai không đúng. Thu hồi tiền thưởng 1.170.000 đồng.",
                          award->subject_name));
    EXPECT_EQ(told->items.front().link, fmt::format("/ca-nhan/{}#awards", teachers_[1].value));
    // A revoked award stays in the history: it cannot be deleted.
    EXPECT_EQ(app::DeleteAward(*app_, officer, award->id).error().reason, "award_revoked");

    // The prize paid back: the board's leader or specialist records it, once.
    EXPECT_EQ(app::MarkAwardPrizeRecovered(*app_, officer, award->id).error().code, ErrorCode::kForbidden);
    ASSERT_TRUE(app::MarkAwardPrizeRecovered(*app_, As("chuyenvien"), award->id));
    EXPECT_EQ(app::MarkAwardPrizeRecovered(*app_, As("chuyenvien"), award->id).error().reason, "nothing_to_recover");
    store_->Read([&](app::Repositories& r) {
        auto kept = r.awards.Find(award->id);
        EXPECT_EQ(kept->recovery, "recovered");
        EXPECT_TRUE(kept->recovered_at.has_value());
    });
    EXPECT_EQ(AuditCount("award.prize_recovered"), 1);

    // A collective award without prize recovery: nothing to pay back.
    app::AwardInput collective;
    collective.subject_type = "collective";
    collective.unit = school_;
    collective.award_code = "BK_TINH";
    collective.year = "2022";
    auto school_award = app::RecordAward(*app_, officer, collective);
    ASSERT_TRUE(school_award) << school_award.error().message;
    ASSERT_TRUE(app::RevokeAward(*app_, As("lanhdao.ban"), school_award->id, why));
    EXPECT_EQ(app::MarkAwardPrizeRecovered(*app_, As("lanhdao.ban"), school_award->id).error().reason,
              "nothing_to_recover");
    store_->Read([&](app::Repositories& r) { EXPECT_EQ(r.awards.Find(school_award->id)->recovery, ""); });
}

TEST_F(DossierWorkflow, NotificationsAreQueuedForEMailAndTriedAgainWhenTheServerRefuses) {
    // Addresses: checked, audited, "" to stop.
    auto board = As("chuyenvien");
    EXPECT_EQ(app::SetOwnEmail(*app_, board, "chuyenvien@").error().reason, "invalid_email");
    ASSERT_TRUE(app::SetOwnEmail(*app_, board, " chuyenvien@sonv.hungyen.gov.vn "));
    EXPECT_EQ(*app::OwnEmail(*app_, board), "chuyenvien@sonv.hungyen.gov.vn");
    EXPECT_EQ(AuditCount("user.email"), 1);

    // Without an SMTP server nothing is queued; with one, only for users with an address.
    auto d = Prepared();
    app_->mail_notifications = true;
    ASSERT_TRUE(app::MoveDossier(*app_, As("lanhdao.sgd"), d.id, {"submit", "", 0}));
    auto state = [&](const std::string& login) {
        std::string s;
        int attempts = 0;
        auto lease = store_->pool().Acquire();
        *lease << "SELECT n.email_state, n.email_attempts FROM notifications n JOIN users u ON u.id = n.user_id WHERE "
                  "u.login = :l ORDER BY n.id DESC LIMIT 1",
            soci::use(login), soci::into(s), soci::into(attempts);
        return std::make_pair(s, attempts);
    };
    EXPECT_EQ(state("chuyenvien"), std::make_pair(std::string("pending"), 0));
    EXPECT_EQ(state("lanhdao.ban"), std::make_pair(std::string(""), 0));  // no address

    // A server that refuses (nothing listens on port 1): tried again after 1, 5, 15, 60 and 240
    // minutes, then failed for good with the reason.
    storage::SmtpMailer refused({"smtp://127.0.0.1:1", "tdkt@localhost", "Thi đua – Khen thưởng", "", "", 5});
    for (int minutes : {0, 1, 5, 15, 60}) {
        clock_.Advance(std::chrono::minutes(minutes));
        auto run = app::DeliverMail(*app_, refused, "https://tdkt.hungyen.gov.vn");
        EXPECT_EQ(run.retried, 1) << minutes;
        EXPECT_EQ(app::DeliverMail(*app_, refused, "https://tdkt.hungyen.gov.vn").retried, 0);  // not due yet
    }
    EXPECT_EQ(state("chuyenvien"), std::make_pair(std::string("pending"), 5));
    clock_.Advance(std::chrono::minutes(240));
    auto last = app::DeliverMail(*app_, refused, "https://tdkt.hungyen.gov.vn");
    EXPECT_EQ(last.failed, 1);
    ASSERT_EQ(last.errors.size(), 1u);
    EXPECT_NE(last.errors[0].find("Máy chủ thư không nhận thư"), std::string::npos) << last.errors[0];
    EXPECT_EQ(state("chuyenvien"), std::make_pair(std::string("failed"), 6));
    // The notification itself is still there, unread.
    EXPECT_EQ(app::ListNotifications(*app_, board, true)->unread, 1);
}

TEST(Mail, TheMessageIsUtf8WithEncodedHeadersAndAnAbsoluteLink) {
    app::MailItem item{7, "hoa@sonv.hungyen.gov.vn", "Lê Thị Hoa", "Hồ sơ HS-2026-000001: Trình hồ sơ", "/ho-so/1", 0};
    auto m = app::ComposeMail(item, "https://tdkt.hungyen.gov.vn");
    EXPECT_EQ(m.subject, "[Thi đua – Khen thưởng] Hồ sơ HS-2026-000001: Trình hồ sơ");
    EXPECT_EQ(m.body,
              "Kính gửi Lê Thị Hoa,\n\nHồ sơ HS-2026-000001: Trình hồ sơ\n\nXem và xử lý: "
              "https://tdkt.hungyen.gov.vn/ho-so/1\n\n--\nHệ thống quản lý Thi đua – Khen thưởng\nThư gửi tự động, vui "
              "lòng không trả lời. Muốn thôi nhận thư, xoá địa chỉ thư điện tử trong «Tài khoản của tôi».\n");
    storage::SmtpConfig config{"smtp://127.0.0.1:25", "tdkt@hungyen.gov.vn", "Thi đua – Khen thưởng", "", "", 5};
    auto text = storage::FormatMail(config, m, "Wed, 02 Dec 2026 06:00:00 +0000", "abc@hungyen.gov.vn");
    auto header_end = text.find("\r\n\r\n");
    ASSERT_NE(header_end, std::string::npos);
    // The subject, 70 bytes of UTF-8, is two encoded words (45 bytes, then the rest; cut between
    // letters), the second on a continuation line: each word stays within 75 characters.
    EXPECT_EQ(text.substr(0, header_end),
              "Date: Wed, 02 Dec 2026 06:00:00 +0000\r\nFrom: =?UTF-8?B?" +
                  crypto::Base64Encode("Thi đua – Khen thưởng") + "?= <tdkt@hungyen.gov.vn>\r\nTo: =?UTF-8?B?" +
                  crypto::Base64Encode("Lê Thị Hoa") + "?= <hoa@sonv.hungyen.gov.vn>\r\nSubject: =?UTF-8?B?" +
                  crypto::Base64Encode(m.subject.substr(0, 45)) + "?=\r\n =?UTF-8?B?" +
                  crypto::Base64Encode(m.subject.substr(45)) +
                  "?=\r\nMessage-ID: <abc@hungyen.gov.vn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
                  "charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated");
    std::string body;
    for (std::size_t at = header_end + 4; at < text.size();) {
        auto eol = text.find("\r\n", at);
        EXPECT_LE(eol - at, 76u);
        body += text.substr(at, eol - at);
        at = eol + 2;
    }
    EXPECT_EQ(crypto::Base64Decode(body), m.body);
}

}  // namespace
}  // namespace tdkt
