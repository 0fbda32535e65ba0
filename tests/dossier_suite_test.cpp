// Dossier storage against both databases (docs/workflow.md): codes per year, nominees in order with
// their names, the optimistic version check that stops two people moving one dossier, the timeline,
// and the list's filters (units in scope, board, state, kind, due date, year).
#include <algorithm>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/dossiers.h"
#include "app/people.h"
#include "app/suggestions.h"
#include "support/dossier_fixture.h"
#include "support/seeded_suite.h"

namespace tdkt {
namespace {

using testing::Dossiers;
using testing::Suite;
using testing::System;

class DossierStore : public Suite {
  protected:
    app::DossierRecord Dossier(const std::string& code, UnitId unit, const std::string& state, int year,
                               std::optional<Date> due = std::nullopt) {
        app::DossierRecord d;
        d.code = code;
        d.title = "Đề nghị khen thưởng năm " + std::to_string(year);
        d.kind = "merit";
        d.year = year;
        d.unit = unit;
        d.board_unit = Unit("HY");
        d.state = state;
        d.state_since = "2026-11-22T04:00:00.000Z";
        d.due_date = due;
        d.created_by = "canbo.truong";
        d.created_at = d.updated_at = d.state_since;
        return d;
    }
};

TEST_F(DossierStore, CodesNomineesVersionsAndTimeline) {
    auto school = Unit("HY.SGDDT.THPTCTB");
    store_->Write([&](app::Repositories& r) -> bool {
        EXPECT_EQ(r.dossiers.NextNumber(2026), 1);
        auto id = r.dossiers.Insert(Dossier("HS-2026-000001", school, "draft", 2025));
        EXPECT_EQ(r.dossiers.NextNumber(2026), 2);
        EXPECT_EQ(r.dossiers.NextNumber(2027), 1);
        r.dossiers.Insert(Dossier("HS-2026-000009", school, "draft", 2025));
        EXPECT_EQ(r.dossiers.NextNumber(2026), 10);

        auto person = r.people.Search({}).items;  // anyone of the demo province
        if (person.empty()) return ADD_FAILURE() << "no people", false;
        app::NomineeRecord n;
        n.dossier = id;
        n.subject_type = "individual";
        n.person = person[0].id;
        n.award_code = "CSTDCS";
        auto first = r.dossiers.AddNominee(n);
        app::NomineeRecord c;
        c.dossier = id;
        c.subject_type = "collective";
        c.unit = school;
        c.award_code = "TTLDXS";
        auto second = r.dossiers.AddNominee(c);
        app::NomineeRecord h;
        h.dossier = id;
        h.subject_type = "household";
        h.unit = school;
        h.household_name = "Hộ ông Nguyễn Văn Hải";
        h.award_code = "GD_VAN_HOA";
        r.dossiers.AddNominee(h);
        auto nominees = r.dossiers.Nominees(id);
        if (nominees.size() != 3u) return ADD_FAILURE() << nominees.size(), false;
        EXPECT_EQ(nominees[0].id, first);
        EXPECT_EQ(nominees[0].position, 1);
        EXPECT_EQ(nominees[0].subject_name, person[0].full_name);
        EXPECT_EQ(nominees[1].position, 2);
        EXPECT_EQ(nominees[1].subject_name, "Trường THPT Chuyên Thái Bình");
        EXPECT_EQ(nominees[2].subject_name, "Hộ ông Nguyễn Văn Hải");
        EXPECT_TRUE(r.dossiers.SetOverride(id, second, "Thành tích đột xuất đã được xác nhận", "chuyenvien"));
        EXPECT_FALSE(r.dossiers.SetOverride(DossierId{id.value + 1}, second, "x", "y"));  // not that dossier's
        EXPECT_EQ(r.dossiers.Nominees(id)[1].override_by, "chuyenvien");
        EXPECT_TRUE(r.dossiers.RemoveNominee(id, first));
        EXPECT_FALSE(r.dossiers.RemoveNominee(id, first));
        EXPECT_EQ(r.dossiers.Nominees(id).size(), 2u);
        EXPECT_EQ(r.dossiers.AddNominee(n) > second, true);
        EXPECT_EQ(r.dossiers.Nominees(id).back().position, 4);

        // Two people read version 1; the first to move it wins.
        EXPECT_TRUE(r.dossiers.UpdateState(id, 1, "submitted", "2026-11-23T01:00:00.000Z", Date{2026, 11, 30}));
        EXPECT_FALSE(r.dossiers.UpdateState(id, 1, "withdrawn", "2026-11-23T01:00:01.000Z", std::nullopt));
        auto found = r.dossiers.Find(id);
        if (!found) return ADD_FAILURE() << "not found", false;
        EXPECT_EQ(found->state, "submitted");
        EXPECT_EQ(found->version, 2);
        EXPECT_EQ(found->due_date, (Date{2026, 11, 30}));
        EXPECT_EQ(found->unit_name, "Trường THPT Chuyên Thái Bình");

        r.dossiers.AddEvent({0, id, "create", "", "draft", "canbo.truong", "2026-11-22T04:00:00.000Z", ""});
        r.dossiers.AddEvent({0, id, "submit", "draft", "submitted", "canbo.truong", "2026-11-23T01:00:00.000Z", ""});
        auto events = r.dossiers.Events(id);
        if (events.size() != 2u) return ADD_FAILURE() << events.size(), false;
        EXPECT_EQ(events[1].action, "submit");
        EXPECT_EQ(events[1].from_state, "draft");
        return true;
    });
}

TEST_F(DossierStore, ListFiltersByScopeBoardStateKindDueDateAndYear) {
    auto school = Unit("HY.SGDDT.THPTCTB");
    auto hy = Unit("HY");
    store_->Write([&](app::Repositories& r) -> bool {
        r.dossiers.Insert(Dossier("HS-2026-000001", school, "draft", 2025));
        r.dossiers.Insert(Dossier("HS-2026-000002", school, "received", 2025, Date{2026, 12, 10}));
        r.dossiers.Insert(Dossier("HS-2026-000003", hy, "received", 2024, Date{2026, 11, 30}));
        auto thematic = Dossier("HS-2026-000004", hy, "submitted", 2025, Date{2026, 12, 1});
        thematic.kind = "thematic";
        r.dossiers.Insert(thematic);
        return true;
    });
    store_->Read([&](app::Repositories& r) {
        auto codes = [&](const app::DossierFilter& f) {
            std::vector<std::string> out;
            auto page = r.dossiers.List(f);
            for (const auto& d : page.items) out.push_back(d.code);
            EXPECT_EQ(page.total, static_cast<std::int64_t>(out.size()));
            return out;
        };
        using V = std::vector<std::string>;
        EXPECT_EQ(codes({}), (V{"HS-2026-000004", "HS-2026-000003", "HS-2026-000002", "HS-2026-000001"}));
        app::DossierFilter scoped;
        scoped.units = std::vector<UnitId>{school};
        EXPECT_EQ(codes(scoped), (V{"HS-2026-000002", "HS-2026-000001"}));
        scoped.units = std::vector<UnitId>{};
        EXPECT_EQ(codes(scoped), V{});
        app::DossierFilter state;
        state.state = "received";
        EXPECT_EQ(codes(state), (V{"HS-2026-000003", "HS-2026-000002"}));
        app::DossierFilter kind;
        kind.kind = "thematic";
        kind.board_unit = hy;
        EXPECT_EQ(codes(kind), (V{"HS-2026-000004"}));
        app::DossierFilter due;
        due.due_before = Date{2026, 12, 1};
        EXPECT_EQ(codes(due), (V{"HS-2026-000004", "HS-2026-000003"}));
        app::DossierFilter year;
        year.year = 2024;
        EXPECT_EQ(codes(year), (V{"HS-2026-000003"}));
        app::DossierFilter page;
        page.limit = 1;
        page.offset = 1;
        auto second = r.dossiers.List(page);
        EXPECT_EQ(second.total, 4);
        ASSERT_EQ(second.items.size(), 1u);
        EXPECT_EQ(second.items[0].code, "HS-2026-000003");
    });
}

// ---- preparing a dossier (app/dossiers.h) ------------------------------------------------------

TEST_F(Dossiers, AUnitOfficerCreatesADraftForTheirUnitOnly) {
    auto d = Create("canbo.truong");
    EXPECT_EQ(d.code, "HS-2026-000001");
    EXPECT_EQ(d.state, "draft");
    EXPECT_EQ(d.board_unit, Unit("HY"));
    EXPECT_EQ(Create("canbo.truong").code, "HS-2026-000002");
    EXPECT_EQ(AuditCount("dossier.create"), 2);
    auto view = app::GetDossier(*app_, As("canbo.truong"), d.id);
    ASSERT_TRUE(view) << view.error().message;
    EXPECT_EQ(view->state_name, "Dự thảo");
    EXPECT_EQ(view->holder, "unit");
    EXPECT_TRUE(view->can_edit);
    ASSERT_EQ(view->events.size(), 1u);
    EXPECT_EQ(view->events[0].action, "create");
    EXPECT_EQ(view->events[0].actor_login, "canbo.truong");

    // Another unit's officer: neither create for the school, nor read its dossiers, nor list them.
    auto other = app::CreateDossier(*app_, As("canbo.xa"), {"Hồ sơ", "", "", "2025", school_});
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(app::GetDossier(*app_, As("canbo.xa"), d.id).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(app::ListDossiers(*app_, As("canbo.xa"), {})->total, 0);
    // The board sees every dossier of the province, and may read but not edit this one.
    EXPECT_EQ(app::ListDossiers(*app_, As("chuyenvien"), {})->total, 2);
    auto board = app::GetDossier(*app_, As("chuyenvien"), d.id);
    ASSERT_TRUE(board);
    EXPECT_FALSE(board->can_edit);
    EXPECT_EQ(app::CreateDossier(*app_, As("chuyenvien"), {"Hồ sơ", "", "", "2025", school_}).error().code,
              ErrorCode::kForbidden);
}

TEST_F(Dossiers, BadInputNamesEveryFieldAndCreatesNothing) {
    auto bad = app::CreateDossier(*app_, As("canbo.truong"), {"", "khen bừa", "nhanh", "20", std::nullopt});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::kValidation);
    std::vector<std::string> fields;
    for (const auto& [field, message] : bad.error().fields) fields.push_back(field);
    EXPECT_EQ(fields, (std::vector<std::string>{"title", "kind", "procedure_kind", "year", "unit_id"}));
    EXPECT_EQ(app::ListDossiers(*app_, System(), {})->total, 0);
    EXPECT_EQ(AuditCount("dossier.create"), 0);
}

TEST_F(Dossiers, NomineesAreTheUnitsOwnForAwardsThatFitAndEachIsJudged) {
    auto d = Create("canbo.truong");
    auto officer = As("canbo.truong");
    auto a = app::AddNominee(*app_, officer, d.id, Person(teachers_[0], "Chiến sĩ thi đua cơ sở"));
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_EQ(a->award_code, "CSTDCS");
    store_->Read([&](app::Repositories& r) { EXPECT_EQ(a->subject_name, r.people.Find(teachers_[0])->full_name); });
    auto again = app::AddNominee(*app_, officer, d.id, Person(teachers_[0], "CSTDCS"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message,
              "«" + a->subject_name + "» đã được đề nghị «Chiến sĩ thi đua cơ sở» trong hồ sơ này.");
    auto stranger = app::AddNominee(*app_, officer, d.id, Person(villagers_[0], "LDTT"));
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().fields.at(0).first, "person_id");
    EXPECT_NE(stranger.error().message.find("hiện không công tác tại Trường THPT Chuyên Thái Bình"), std::string::npos)
        << stranger.error().message;
    auto school = app::AddNominee(*app_, officer, d.id, {"Tập thể", std::nullopt, school_, "", "TTLDXS"});
    ASSERT_TRUE(school) << school.error().message;
    auto wrong_subject = app::AddNominee(*app_, officer, d.id, {"collective", std::nullopt, school_, "", "LDTT"});
    ASSERT_FALSE(wrong_subject);
    EXPECT_EQ(wrong_subject.error().message, "«Lao động tiên tiến» không tặng cho đối tượng «Tập thể».");
    auto unknown = app::AddNominee(*app_, officer, d.id, Person(teachers_[1], "HUAN_CHUONG_MAT_TRANG"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().fields.at(0).first, "award_code");
    EXPECT_EQ(AuditCount("dossier.nominee_add"), 2);

    // Each nominee judged for the dossier's year, decided today, as the person's own panel judges it.
    auto view = app::GetDossier(*app_, officer, d.id);
    ASSERT_TRUE(view);
    ASSERT_EQ(view->nominees.size(), 2u);
    EXPECT_EQ(view->nominees[0].award_name, "Chiến sĩ thi đua cơ sở");
    auto messages = [](const domain::Verdict& v) {
        std::vector<std::string> out;
        for (const auto& r : v.reasons) out.push_back(r.message);
        return out;
    };
    auto panel = app::PersonCandidates(*app_, officer, teachers_[0], 2025, {2026, 11, 22});
    ASSERT_TRUE(panel);
    auto cstdcs = std::find_if(panel->begin(), panel->end(), [](const auto& c) { return c.award == "CSTDCS"; });
    ASSERT_NE(cstdcs, panel->end());
    EXPECT_EQ(cstdcs->verdict.verdict, view->nominees[0].verdict.verdict);
    EXPECT_EQ(messages(cstdcs->verdict), messages(view->nominees[0].verdict));
    // The school as the unit page's panel judges it.
    auto unit_panel = app::UnitCandidates(*app_, officer, school_, 2025, {2026, 11, 22});
    ASSERT_TRUE(unit_panel);
    auto ttldxs =
        std::find_if(unit_panel->begin(), unit_panel->end(), [](const auto& c) { return c.award == "TTLDXS"; });
    ASSERT_NE(ttldxs, unit_panel->end());
    EXPECT_EQ(ttldxs->assumes, "");
    EXPECT_EQ(ttldxs->verdict.verdict, view->nominees[1].verdict.verdict);
    EXPECT_EQ(messages(ttldxs->verdict), messages(view->nominees[1].verdict));

    ASSERT_TRUE(app::RemoveNominee(*app_, officer, d.id, a->id));
    EXPECT_EQ(app::RemoveNominee(*app_, officer, d.id, a->id).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(AuditCount("dossier.nominee_remove"), 1);
    EXPECT_EQ(app::GetDossier(*app_, officer, d.id)->nominees.size(), 1u);
}

TEST_F(Dossiers, TheSimplifiedProcedureTakesOnlyAwardsTheLawAllowsAndASubmittedDossierIsFrozen) {
    auto simple = Create("canbo.truong", "Thủ tục đơn giản");
    EXPECT_EQ(simple.procedure_kind, "simplified");
    auto officer = As("canbo.truong");
    auto merit = app::AddNominee(*app_, officer, simple.id, Person(teachers_[0], "CSTDCS"));
    ASSERT_FALSE(merit);
    EXPECT_NE(merit.error().message.find("không được đề nghị theo thủ tục đơn giản"), std::string::npos)
        << merit.error().message;

    auto d = Create("canbo.truong");
    ASSERT_TRUE(app::AddNominee(*app_, officer, d.id, Person(teachers_[0], "LDTT")));
    store_->Write([&](app::Repositories& r) {
        return r.dossiers.UpdateState(d.id, r.dossiers.Find(d.id)->version, "submitted", "2026-11-23T01:00:00.000Z",
                                      std::nullopt);
    });
    auto late = app::AddNominee(*app_, officer, d.id, Person(teachers_[1], "LDTT"));
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::kConflict);
    EXPECT_EQ(late.error().message,
              "Hồ sơ HS-2026-000002 đang ở trạng thái «Đã trình, chờ tiếp nhận»: chỉ sửa danh sách đề nghị, giấy tờ "
              "khi hồ sơ còn ở đơn vị (dự thảo hoặc trả lại để bổ sung).");
    EXPECT_FALSE(app::GetDossier(*app_, officer, d.id)->can_edit);
}

}  // namespace
}  // namespace tdkt

namespace tdkt {
namespace {

TEST_F(Dossiers, CreatedAtOnceByManyOfficers_EachGetsItsOwnNumber) {
    // Eight creations at the same time: the numbers are 1 to 8, none twice, none lost.
    std::vector<std::thread> threads;
    std::vector<std::string> codes(8);
    auto officer = As("canbo.truong");
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            auto d = app::CreateDossier(*app_, officer, {"Hồ sơ " + std::to_string(i), "", "", "2025", school_});
            if (d) codes[i] = d->code;
        });
    for (auto& t : threads) t.join();
    std::sort(codes.begin(), codes.end());
    std::vector<std::string> expected;
    for (int i = 1; i <= 8; ++i) expected.push_back(fmt::format("HS-2026-{:06}", i));
    EXPECT_EQ(codes, expected);
}

}  // namespace
}  // namespace tdkt
