// Dossier storage against both databases (docs/workflow.md): codes per year, nominees in order with
// their names, the optimistic version check that stops two people moving one dossier, the timeline,
// and the list's filters (units in scope, board, state, kind, due date, year).
#include <gtest/gtest.h>

#include "app/people.h"
#include "support/seeded_suite.h"

namespace tdkt {
namespace {

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

}  // namespace
}  // namespace tdkt
