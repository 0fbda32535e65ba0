// The organisation over time, people and their records, against both databases (sqlite.* and
// postgresql.*): mergers and transfers keep history, national IDs are checked, search folds
// Vietnamese (Đ/đ included) and lists sort in Vietnamese order, and unit officers stay in their units.
#include <algorithm>

#include <gtest/gtest.h>

#include "app/audit_log.h"
#include "app/awards.h"
#include "app/import.h"
#include "app/organisation.h"
#include "app/people.h"
#include "app/seed_synthetic.h"
#include "app/units.h"
#include "core/text.h"
#include "reports/people_list.h"
#include "reports/xlsx_reader.h"
#include "storage/sql_util.h"
#include "support/seeded_suite.h"

namespace tdkt {
namespace {

using testing::Suite;
using testing::System;

std::vector<std::string> Names(const std::vector<app::UnitRecord>& units) {
    std::vector<std::string> out;
    for (const auto& u : units) out.push_back(u.name);
    return out;
}

app::PeopleSearch Query(std::string text = "") {
    app::PeopleSearch s;
    s.text = std::move(text);
    return s;
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

class Organisation : public Suite {
  protected:
    app::PersonInput Person(std::string name, std::string gender, std::string birth, std::string id, UnitId unit,
                            std::string start = "01/01/2020") {
        app::PersonInput in;
        in.full_name = std::move(name);
        in.gender = std::move(gender);
        in.birth_date = std::move(birth);
        in.national_id = std::move(id);
        in.category = "Công chức";
        in.unit = unit;
        in.start_date = std::move(start);
        return in;
    }
    PersonId Find(const std::string& text) {
        auto found = app::SearchPeople(*app_, System(), Query(text));
        EXPECT_TRUE(found && found->items.size() == 1) << text;
        return found && !found->items.empty() ? found->items.front().id : PersonId{};
    }
};

// ---- the demo province: Thái Bình merged into Hưng Yên on 1/7/2025 -----------------------------------

TEST_F(Organisation, TreeAsOfDate_ShowsDistrictsBeforeTheReformAndTwoTiersAfter) {
    auto admin = As("admin");
    auto before = app::ListUnitsAsOf(*app_, admin, Date{2025, 6, 30});
    auto after = app::ListUnitsAsOf(*app_, admin, Date{2025, 7, 1});
    ASSERT_TRUE(before && after);
    auto b = Names(*before), a = Names(*after);
    EXPECT_TRUE(Contains(b, "Huyện Vũ Thư"));
    EXPECT_TRUE(Contains(b, "Tỉnh Thái Bình"));
    EXPECT_TRUE(Contains(b, "Xã Tam Quang"));
    EXPECT_FALSE(Contains(b, "Xã Vũ Thư"));
    EXPECT_TRUE(Contains(b, "Ban Thi đua - Khen thưởng"));
    EXPECT_FALSE(Contains(a, "Huyện Vũ Thư"));
    EXPECT_FALSE(Contains(a, "Tỉnh Thái Bình"));
    EXPECT_FALSE(Contains(a, "Xã Tam Quang"));
    EXPECT_TRUE(Contains(a, "Xã Vũ Thư"));
    EXPECT_TRUE(Contains(a, "Phòng Thi đua, khen thưởng"));  // renamed on the same date
    EXPECT_EQ(before->size(), 59u);
    EXPECT_EQ(after->size(), 26u);
    // The school moved from Thái Bình's department to Hưng Yên's on the merger.
    for (const auto& u : *before) {
        if (u.code == "HY.SGDDT.THPTCTB") EXPECT_EQ(u.parent, Unit("TB.SGDDT"));
    }
    for (const auto& u : *after) {
        if (u.code == "HY.SGDDT.THPTCTB") EXPECT_EQ(u.parent, Unit("HY.SGDDT"));
    }
}

TEST_F(Organisation, MergedCommune_KeepsItsPeopleAndShowsPredecessorsRecords) {
    auto an = Find("nguyen van an");
    auto file = app::GetPersonFile(*app_, System(), an);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->person.unit, Unit("HY.X.VT"));
    ASSERT_EQ(file->memberships.size(), 2u);
    EXPECT_EQ(file->memberships[0].unit_name, "Xã Tam Quang");
    EXPECT_EQ(file->memberships[0].end_date, (Date{2025, 7, 1}));
    EXPECT_EQ(file->memberships[1].unit_name, "Xã Vũ Thư");
    EXPECT_EQ(file->memberships[1].start_date, (Date{2025, 7, 1}));
    ASSERT_EQ(file->ratings.size(), 7u);  // 2019–2025, untouched by the merger
    EXPECT_EQ(file->ratings.front().year, 2019);
    EXPECT_EQ(file->ratings.back().year, 2025);

    auto detail = app::GetUnitDetail(*app_, As("canbo.xa"), Unit("HY.X.VT"));
    ASSERT_TRUE(detail);
    std::vector<std::string> predecessors = Names(detail->predecessors);
    std::sort(predecessors.begin(), predecessors.end());
    EXPECT_EQ(predecessors, (std::vector<std::string>{"Thị trấn Vũ Thư", "Xã Nguyên Xá", "Xã Tam Quang"}));
    ASSERT_EQ(detail->predecessor_ratings.size(), 3u);
    // 2019–2024 for the old communes; 2025 belongs to the new commune.
    for (const auto& [unit, ratings] : detail->predecessor_ratings) EXPECT_EQ(ratings.size(), 6u) << unit.name;
    EXPECT_EQ(detail->ratings.size(), 1u);
    ASSERT_FALSE(detail->awards.empty());
    bool predecessor_award = std::any_of(detail->awards.begin(), detail->awards.end(),
                                         [&](const auto& a) { return a.unit == Unit("TB.VT.TQ"); });
    EXPECT_TRUE(predecessor_award);
    // The commune's officer reaches the predecessor commune and its records, not a neighbour's.
    EXPECT_TRUE(app::GetUnitDetail(*app_, As("canbo.xa"), Unit("TB.VT.TQ")));
    EXPECT_EQ(app::GetUnitDetail(*app_, As("canbo.xa"), Unit("TB.VT.HB")).error().code, ErrorCode::kForbidden);
    EXPECT_TRUE(app::GetPersonFile(*app_, As("canbo.xa"), an));
}

// ---- changes over time ----------------------------------------------------------------------------

TEST_F(Organisation, Merger_KeepsChainsOfConsecutiveYears) {
    auto admin = As("admin");
    auto hy = Unit("HY");
    auto a = app::CreateUnit(*app_, admin, {"T.A", "Xã Đông Á", "xã", hy}, {"01/01/2020", "QĐ 1/QĐ-UBND", ""});
    auto b = app::CreateUnit(*app_, admin, {"T.B", "Xã Đông Bình", "commune", hy}, {"2020-01-01", "QĐ 1/QĐ-UBND", ""});
    ASSERT_TRUE(a && b) << (a ? b.error().message : a.error().message);
    EXPECT_EQ(a->unit_type, "commune");  // the Vietnamese label resolved to its code
    for (const char* year : {"2022", "2023", "2024"})
        ASSERT_TRUE(app::SetUnitRating(*app_, admin, a->id, year, "HTXS", ""));
    auto person = app::AddPerson(*app_, admin, Person("Đinh Thị Thu", "Nữ", "12/05/1986", "034186000123", a->id));
    ASSERT_TRUE(person) << person.error().message;
    for (const char* year : {"2022", "2023", "2024", "2025"})
        ASSERT_TRUE(app::SetPersonRating(*app_, admin, person->id, year, "Hoàn thành xuất sắc nhiệm vụ", ""));
    app::AwardInput award;
    award.subject_type = "collective";
    award.unit = a->id;
    award.award_code = "TTLDXS";
    award.year = "2023";
    ASSERT_TRUE(app::RecordAward(*app_, admin, award));

    app::MergeInput merge;
    merge.predecessors = {a->id, b->id};
    merge.new_unit = app::NewUnitInput{"T.C", "Xã Đông Châu", "commune", hy};
    auto c = app::MergeUnits(*app_, admin, merge, {"01/07/2025", "NQ sắp xếp ĐVHC", ""});
    ASSERT_TRUE(c) << c.error().message;
    ASSERT_TRUE(app::SetUnitRating(*app_, admin, c->id, "2025", "HTXS", ""));

    auto detail = app::GetUnitDetail(*app_, admin, c->id);
    ASSERT_TRUE(detail);
    EXPECT_EQ(detail->predecessors.size(), 2u);
    // 2022–2024 of the predecessor and 2025 of the successor: four consecutive years, one history.
    std::vector<int> years;
    for (const auto& [unit, ratings] : detail->predecessor_ratings)
        for (const auto& r : ratings) years.push_back(r.year);
    for (const auto& r : detail->ratings) years.push_back(r.year);
    std::sort(years.begin(), years.end());
    EXPECT_EQ(years, (std::vector<int>{2022, 2023, 2024, 2025}));
    ASSERT_EQ(detail->awards.size(), 1u);
    EXPECT_EQ(detail->awards[0].award_code, "TTLDXS");
    EXPECT_EQ(detail->awards[0].subject_name, "Xã Đông Á");
    EXPECT_EQ(detail->current_members, 1);

    auto file = app::GetPersonFile(*app_, admin, person->id);
    EXPECT_EQ(file->person.unit, c->id);
    EXPECT_EQ(file->ratings.size(), 4u);
    // The merged units end on the date; their names stay in the history.
    auto ended = app::GetUnitDetail(*app_, admin, a->id);
    EXPECT_EQ(ended->unit.valid_to, (Date{2025, 7, 1}));
    ASSERT_EQ(ended->successors.size(), 1u);
    EXPECT_EQ(ended->successors[0].name, "Xã Đông Châu");
    // A merger cannot be recorded twice, nor a change before the last one.
    auto again = app::MergeUnits(*app_, admin, merge, {"01/07/2025", "NQ", ""});
    EXPECT_EQ(again.error().reason, "unit_not_active");
    auto early = app::AmendUnit(*app_, admin, c->id, {std::string("Xã Đông Châu mới"), std::nullopt, std::nullopt},
                                {"30/06/2025", "QĐ", ""});
    EXPECT_EQ(early.error().message, "Đơn vị «Xã Đông Châu» không tồn tại vào ngày 30/06/2025.");
    ASSERT_TRUE(app::AmendUnit(*app_, admin, c->id, {std::string("Xã Đông Châu"), Unit("HY.P.TB"), std::nullopt},
                               {"01/08/2025", "QĐ", ""}));
    auto backdated = app::AmendUnit(*app_, admin, c->id, {std::nullopt, hy, std::nullopt}, {"15/07/2025", "QĐ", ""});
    EXPECT_EQ(backdated.error().message,
              "Ngày hiệu lực phải sau ngày 01/08/2025 (lần thay đổi gần nhất của «Xã Đông Châu»).");
}

TEST_F(Organisation, RenameAndMove_KeepEarlierVersions) {
    auto admin = As("admin");
    auto unit = Unit("HY.SGDDT.THPTCHY");
    auto renamed =
        app::AmendUnit(*app_, admin, unit, {std::string("Trường THPT Chuyên Hưng Yên (mới)"), Unit("HY"), std::nullopt},
                       {"2026-01-01", "QĐ 9/QĐ-UBND", ""});
    ASSERT_TRUE(renamed) << renamed.error().message;
    auto detail = app::GetUnitDetail(*app_, admin, unit);
    ASSERT_EQ(detail->versions.size(), 2u);
    EXPECT_EQ(detail->versions[0].name, "Trường THPT Chuyên Hưng Yên");
    EXPECT_EQ(detail->versions[0].valid_to, (Date{2026, 1, 1}));
    EXPECT_EQ(detail->versions[1].name, "Trường THPT Chuyên Hưng Yên (mới)");
    EXPECT_EQ(detail->events.back().kind, "change");
    auto old_tree = app::ListUnitsAsOf(*app_, admin, Date{2025, 12, 31});
    EXPECT_TRUE(Contains(Names(*old_tree), "Trường THPT Chuyên Hưng Yên"));
    // A unit cannot move under its own sub-unit.
    auto cycle = app::AmendUnit(*app_, admin, Unit("HY.SYT"), {std::nullopt, Unit("HY.SYT.BVDKTB"), std::nullopt},
                                {"2026-02-01", "QĐ", ""});
    EXPECT_EQ(cycle.error().message, "Không thể chuyển «Sở Y tế» vào đơn vị trực thuộc chính nó.");
}

TEST_F(Organisation, UnitTree_KeptBetweenTransactions_FollowsEveryChange) {
    // The tree is kept in memory between transactions (storage/unit_tree_cache.h): it must follow
    // changes made through another app server, by hand in SQL, and forget a rolled-back one.
    auto names = [&] {
        std::vector<std::string> out;
        store_->Read([&](app::Repositories& r) { out = Names(r.units.List()); });
        return out;
    };
    auto lineage = [&] {
        std::size_t n = 0;
        store_->Read([&](app::Repositories& r) { n = r.units.Lineage().size(); });
        return n;
    };
    auto before = names();
    std::size_t links = lineage();
    ASSERT_TRUE(Contains(before, "Sở Y tế"));

    auto other_store = db_.Open();  // a second app server on the same database
    auto other_app = std::make_unique<app::App>(*other_store, clock_, app::AuthConfig{});
    auto& other = *other_app;
    ASSERT_TRUE(app::AmendUnit(other, System(), Unit("HY.SYT"), {std::string("Sở Y tế tỉnh Hưng Yên"), {}, {}},
                               {"2026-01-01", "QĐ 1/QĐ-UBND", ""}));
    auto renamed = names();
    EXPECT_FALSE(Contains(renamed, "Sở Y tế"));
    EXPECT_TRUE(Contains(renamed, "Sở Y tế tỉnh Hưng Yên"));
    ASSERT_TRUE(app::MergeUnits(other, System(), {{Unit("HY.SYT.BVDKTB.KNTH")}, Unit("HY.SYT.BVDKTB"), {}},
                                {"2026-02-01", "QĐ 2/QĐ-SYT", ""}));
    EXPECT_EQ(lineage(), links + 1);

    Sql("UPDATE units SET name = 'Sở Y tế (sửa tay)' WHERE code = 'HY.SYT'");
    EXPECT_TRUE(Contains(names(), "Sở Y tế (sửa tay)"));

    // Seen inside the transaction that made it, gone once that transaction rolls back.
    store_->Write([&](app::Repositories& r) {
        r.units.Insert({UnitId{}, "TMP", "Đơn vị tạm", Unit("HY"), "department", {}, {}});
        EXPECT_TRUE(Contains(Names(r.units.List()), "Đơn vị tạm"));
        return false;
    });
    auto after = names();
    EXPECT_FALSE(Contains(after, "Đơn vị tạm"));
    EXPECT_EQ(after.size(), before.size());
}

TEST_F(Organisation, Dissolve_RefusesWhileMembersRemain_AndSplitMovesThem) {
    auto admin = As("admin");
    auto hospital = Unit("HY.SYT.BVDKTB.KNTH");
    auto refused = app::DissolveUnit(*app_, admin, Unit("HY.SGDDT.THPTCTB"), {"2026-01-01", "QĐ", ""});
    EXPECT_EQ(refused.error().reason, "unit_has_members");
    auto split = app::SplitUnit(*app_, admin, hospital,
                                {{{"K1", "Khoa Nội tim mạch", "subunit", Unit("HY.SYT.BVDKTB")},
                                  {"K2", "Khoa Nội tiêu hóa", "subunit", Unit("HY.SYT.BVDKTB")}},
                                 1},
                                {"2026-01-01", "QĐ 12/QĐ-BV", ""});
    ASSERT_TRUE(split) << split.error().message;
    EXPECT_EQ(split->size(), 2u);
    auto ended = app::GetUnitDetail(*app_, admin, hospital);
    EXPECT_EQ(ended->successors.size(), 2u);
    auto second = app::GetUnitDetail(*app_, admin, (*split)[1].id);
    EXPECT_EQ(second->predecessors.size(), 1u);
    auto empty = app::DissolveUnit(*app_, admin, (*split)[0].id, {"2026-03-01", "QĐ 20/QĐ-BV", ""});
    ASSERT_TRUE(empty) << empty.error().message;
    EXPECT_EQ(empty->valid_to, (Date{2026, 3, 1}));
}

TEST_F(Organisation, Transfer_KeepsHistory) {
    auto admin = As("admin");
    auto dao = Find("dang thi dao");
    auto before = app::GetPersonFile(*app_, admin, dao);
    ASSERT_TRUE(before);
    auto moved = app::TransferPerson(*app_, admin, dao, Unit("HY.SGDDT"), "15/01/2026", "Chuyên viên", "QĐ 5/QĐ-SGDĐT");
    ASSERT_TRUE(moved) << moved.error().message;
    auto after = app::GetPersonFile(*app_, admin, dao);
    EXPECT_EQ(after->person.unit, Unit("HY.SGDDT"));
    EXPECT_EQ(after->person.position, "Chuyên viên");
    ASSERT_EQ(after->memberships.size(), before->memberships.size() + 1);
    EXPECT_EQ(after->memberships.back().start_date, (Date{2026, 1, 15}));
    EXPECT_EQ(after->memberships[after->memberships.size() - 2].end_date, (Date{2026, 1, 15}));
    EXPECT_EQ(after->ratings.size(), before->ratings.size());
    EXPECT_EQ(after->awards.size(), before->awards.size());
    // The school's officer no longer edits her; the department's leader does.
    EXPECT_EQ(app::SetPersonRating(*app_, As("canbo.truong"), dao, "2026", "HTT", "").error().code,
              ErrorCode::kForbidden);
    EXPECT_EQ(app::TransferPerson(*app_, admin, dao, Unit("HY.SGDDT"), "16/01/2026", "", "").error().reason,
              "same_unit");
    // A merger or split dated before she joined would end her membership before it began: refused,
    // and nothing changes.
    auto merged = app::MergeUnits(*app_, admin, {{Unit("HY.SGDDT")}, Unit("HY.SYT"), {}}, {"10/01/2026", "QĐ 9", ""});
    ASSERT_FALSE(merged);
    EXPECT_EQ(merged.error().reason, "member_joined_later");
    EXPECT_EQ(merged.error().code, ErrorCode::kConflict);
    EXPECT_EQ(merged.error().message,
              "Có người bắt đầu công tác tại «Sở Giáo dục và Đào tạo» từ 15/01/2026, sau ngày hiệu lực 10/01/2026: "
              "điều chỉnh ngày hiệu lực hoặc quá trình công tác trước.");
    auto split = app::SplitUnit(
        *app_, admin, Unit("HY.SGDDT"),
        {{{"SGD1", "Sở Giáo dục", "department", Unit("HY")}, {"SGD2", "Sở Đào tạo", "department", Unit("HY")}}, 0},
        {"10/01/2026", "QĐ 10", ""});
    ASSERT_FALSE(split);
    EXPECT_EQ(split.error().reason, "member_joined_later");
    auto unchanged = app::GetPersonFile(*app_, admin, dao);
    EXPECT_EQ(unchanged->person.unit, Unit("HY.SGDDT"));
    EXPECT_EQ(unchanged->memberships.size(), after->memberships.size());
    EXPECT_FALSE(unchanged->memberships.back().end_date);
    EXPECT_FALSE(app::GetUnitDetail(*app_, admin, Unit("HY.SGDDT"))->unit.valid_to);
}

// ---- people --------------------------------------------------------------------------------------

TEST_F(Organisation, NationalId_IsCheckedAndUnique) {
    auto admin = As("admin");
    auto school = Unit("HY.SGDDT.THPTCHY");
    auto short_id = app::AddPerson(*app_, admin, Person("Ngô Văn Tú", "Nam", "1990-02-03", "03409000012", school));
    ASSERT_FALSE(short_id);
    EXPECT_EQ(short_id.error().reason, "invalid_national_id");
    EXPECT_EQ(short_id.error().message,
              "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số; «03409000012» có 11 ký tự.");
    auto mismatch = app::AddPerson(*app_, admin, Person("Ngô Văn Tú", "Nam", "1990-02-03", "034190000012", school));
    EXPECT_EQ(
        mismatch.error().message,
        "Số CCCD «034190000012» không khớp với giới tính nam và năm sinh 1990: chữ số thứ 4 đến 6 phải là «090».");
    auto ok = app::AddPerson(*app_, admin, Person("Ngô Văn Tú", "Nam", "1990-02-03", "034 090 000 012", school));
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->national_id, "034090000012");
    auto twice = app::AddPerson(*app_, admin, Person("Ngô Văn Tư", "Nam", "1990-02-03", "034090000012", school));
    EXPECT_EQ(twice.error().reason, "national_id_taken");
    EXPECT_EQ(twice.error().message,
              "Số CCCD 034090000012 đã được dùng cho «Ngô Văn Tú» (Trường THPT Chuyên Hưng Yên).");
    // Every problem of a form at once.
    auto many = app::AddPerson(*app_, admin, Person("Tú", "X", "31/02/1990", "12", school));
    ASSERT_FALSE(many);
    EXPECT_EQ(many.error().fields.size(), 4u);
}

TEST_F(Organisation, Search_FoldsDiacriticsAndDd_InAnyCase) {
    auto admin = As("admin");
    for (std::string query :
         {"dang thi dao", "DANG THI DAO", "Đặng Thị Đào", "đặng", "thi dao", "D\xC6\xB0\xC6\xA1ng"}) {
        auto found = app::SearchPeople(*app_, admin, Query(query));
        ASSERT_TRUE(found) << query;
        ASSERT_EQ(found->items.size(), 1u) << query;  // the six fixed demo people: one match each
    }
    auto dao = app::SearchPeople(*app_, admin, Query("dang thi dao"));
    ASSERT_EQ(dao->items.size(), 1u);
    EXPECT_EQ(dao->items[0].full_name, "Đặng Thị Đào");
    // NFD input (a decomposed "Đặng") is normalised first.
    auto nfd = app::SearchPeople(*app_, admin, Query("\xC4\x90\x61\xCC\xA3\xCC\x86ng"));
    ASSERT_EQ(nfd->items.size(), 1u);
    // National ID digits, with or without spaces.
    auto by_id = app::SearchPeople(*app_, admin, Query(dao->items[0].national_id.substr(0, 6) + " "));
    EXPECT_TRUE(std::any_of(by_id->items.begin(), by_id->items.end(),
                            [](const auto& p) { return p.full_name == "Đặng Thị Đào"; }));
    EXPECT_EQ(app::SearchPeople(*app_, admin, Query("khong co ai ten nay"))->total, 0);
    // Whole words, in any order: a part of a word finds nothing.
    for (std::string query : {"dao dang", "thi  dao,", "DAO"})
        EXPECT_EQ(app::SearchPeople(*app_, admin, Query(query))->items.size(), 1u) << query;
    for (std::string query : {"ang thi dao", "dang thi da", "dang thi daoo", "dangthi"})
        EXPECT_EQ(app::SearchPeople(*app_, admin, Query(query))->total, 0) << query;
    // Search syntax of the index is not syntax here: quotes, stars and operators are separators.
    // Each is its words: "or", "and", "near" are words no name has; the others are dang and thi.
    for (std::string query : {"\"dang\" OR *", "dang AND (thi", "NEAR(dang thi)"})
        EXPECT_EQ(app::SearchPeople(*app_, admin, Query(query))->total, 0) << query;
    for (std::string query : {"dang* -thi", "'dang' & thi:*"})
        EXPECT_EQ(app::SearchPeople(*app_, admin, Query(query))->items.size(), 1u) << query;
    EXPECT_EQ(app::SearchPeople(*app_, admin, Query("\"dang\" 'thi' dao*"))->items.size(), 1u);
    EXPECT_EQ(app::SearchPeople(*app_, admin, Query("dang:* & thi"))->items.size(), 1u);
}

TEST_F(Organisation, CommonNames_ListInTheSameOrderAsSortingEveryMatch) {
    // More matches than are counted take the walk over name_words; fewer sort every match. Both
    // must give exactly the rows and order of sorting all matches by (sort key, id).
    app::SyntheticOptions options;
    options.people = 7'000;
    options.years = 1;
    options.communes_per_province = 2;
    ASSERT_TRUE(app::SeedSynthetic(*app_, System(), options));
    // A rename moves a person's words: the walk must find the new name only.
    auto renamed = app::SearchPeople(*app_, System(), Query("dang thi dao"))->items.at(0);
    app::PersonInput edit;
    edit.full_name = "Đặng Thị Thu Thảo";
    edit.gender = "Nữ";
    edit.birth_date = "12/05/1984";
    edit.national_id = renamed.national_id;
    edit.category = "Viên chức";
    ASSERT_TRUE(app::UpdatePerson(*app_, System(), renamed.id, edit));
    auto after_rename = app::SearchPeople(*app_, System(), Query("dang thi dao"));  // kept: the loop reads into it
    ASSERT_TRUE(after_rename);
    for (const auto& p : after_rename->items) EXPECT_NE(p.id, renamed.id);
    // A name shared by more people than are counted: every pair of its words is common. And a name
    // whose pairs are each common but which fewer people share: its count is exact.
    store_->Write([&](app::Repositories& r) {
        for (auto [name, count] : {std::pair{"Nguyễn Văn An", app::kSearchCountCap + 1},
                                   {"Lưu Hữu Lộc", 400},
                                   {"Lưu Hữu Phát", 700},
                                   {"Lưu Công Lộc", 700},
                                   {"Tạ Hữu Lộc", 700}})
            for (int i = 0; i < count; ++i) {
                app::PersonRecord p;
                p.full_name = name;
                p.gender = "male";
                p.category = "vien_chuc";
                p.created_at = p.updated_at = "2026-01-01T00:00:00Z";
                r.people.Insert(p);
            }
        return true;
    });

    // One word, pairs common and rare, three words whose pairs are all common or one rare, a word
    // typed twice, and a pair nobody has.
    for (std::string text :
         {"nguyen",         "thi",           "van thi",        "nguyen thi",      "thi nguyen hoa",    "thao thi",
          "nguyen van thi", "hoa nguyen",    "nguyen thi thi", "nguyen thi thao", "thao nguyen",       "tran dang",
          "nguyen van an",  "an nguyen van", "van an nguyen",  "van an",          "an nguyen van thi", "luu huu loc",
          "loc luu huu",    "huu loc"}) {
        std::vector<std::pair<std::string, std::int64_t>> expected;
        ASSERT_TRUE(app::ForEachPerson(*app_, System(), Query(text), [&](const auto& batch) {
            for (const auto& p : batch) expected.emplace_back(storage::PersonSortKey(p.full_name), p.id.value);
            return true;
        }));
        std::sort(expected.begin(), expected.end());
        bool common = expected.size() > static_cast<std::size_t>(app::kSearchCountCap);
        for (std::string_view shared : {"nguyen", "thi", "nguyen van an", "an nguyen van", "van an nguyen", "van an"})
            if (text == shared) ASSERT_TRUE(common) << text << ": " << expected.size();
        if (text == "an nguyen van thi") ASSERT_TRUE(expected.empty());
        if (text == "luu huu loc" || text == "loc luu huu") ASSERT_EQ(expected.size(), 400u);
        for (bool descending : {false, true}) {
            auto order = expected;
            if (descending) std::reverse(order.begin(), order.end());
            for (int page : {1, 2, 7, 40}) {
                auto search = Query(text);
                search.descending = descending;
                search.page = page;
                search.page_size = 25;
                auto found = app::SearchPeople(*app_, System(), search);
                ASSERT_TRUE(found) << text;
                EXPECT_EQ(found->total_capped, common) << text;
                if (!common) EXPECT_EQ(found->total, static_cast<std::int64_t>(expected.size())) << text;
                std::vector<std::int64_t> got, want;
                for (const auto& p : found->items) got.push_back(p.id.value);
                for (std::size_t i = (page - 1) * 25; i < std::min(order.size(), std::size_t(page) * 25); ++i)
                    want.push_back(order[i].second);
                EXPECT_EQ(got, want) << text << (descending ? " desc" : "") << " page " << page;
            }
        }
    }
    auto items = app::SearchPeople(*app_, System(), Query("thao thu thi dang"))->items;
    EXPECT_TRUE(std::any_of(items.begin(), items.end(), [&](const auto& p) { return p.id == renamed.id; }));
}

TEST_F(Organisation, ExportedPeople_ImportIntoAnotherDatabase_AsTheyWere) {
    // The list's workbook has the import template's columns: a unit's people move to another
    // database (the same units) with their names, IDs, categories, positions and start dates.
    auto admin = As("admin");
    app::PeopleSearch search;
    search.unit = Unit("HY");
    auto table = reports::PeopleTable("test");
    std::vector<app::PersonRecord> exported;
    auto count = app::ForEachPerson(*app_, admin, search, [&](const std::vector<app::PersonRecord>& batch) {
        reports::AddPeopleRows(table, batch);
        exported.insert(exported.end(), batch.begin(), batch.end());
        return true;
    });
    ASSERT_TRUE(count);
    ASSERT_EQ(*count, 6);
    auto sheet = reports::ReadXlsx(reports::WriteXlsx(table));
    ASSERT_TRUE(sheet);

    testing::TestDatabase other_db;
    auto other_store = other_db.Open();
    auto other_app = std::make_unique<app::App>(*other_store, clock_, app::AuthConfig{});
    auto& other = *other_app;
    ASSERT_TRUE(app::SeedDemo(other, System(), {0}));
    auto report = app::ImportTable(other, System(), app::ImportKind::kPeople, sheet->rows);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->problems.empty()) << report->problems.front().message;
    EXPECT_EQ(report->imported, 6);
    for (const auto& before : exported) {
        ASSERT_FALSE(before.national_id.empty());
        std::optional<app::PersonRecord> after;
        other_store->Read([&](app::Repositories& r) { after = r.people.FindByNationalId(before.national_id); });
        ASSERT_TRUE(after) << before.full_name;
        EXPECT_EQ(after->full_name, before.full_name);
        EXPECT_EQ(after->gender, before.gender);
        EXPECT_EQ(after->birth_date, before.birth_date);
        EXPECT_EQ(after->category, before.category);
        EXPECT_EQ(after->position, before.position);
        EXPECT_EQ(after->direct_worker, before.direct_worker);
        EXPECT_EQ(after->unit_code, before.unit_code);
        ASSERT_TRUE(before.unit_since);
        EXPECT_EQ(after->unit_since, before.unit_since) << before.full_name;
    }
    // Paging by id hands over every match once, however the batches fall.
    std::int64_t batches = 0, seen = 0;
    ASSERT_TRUE(app::ForEachPerson(*app_, admin, {}, [&](const std::vector<app::PersonRecord>& batch) {
        ++batches;
        seen += static_cast<std::int64_t>(batch.size());
        return false;  // stop after the first batch
    }));
    EXPECT_EQ(batches, 1);
    EXPECT_EQ(seen, 6);
}

TEST_F(Organisation, Lists_SortInVietnameseOrder) {
    auto all = app::SearchPeople(*app_, As("admin"), Query());
    ASSERT_TRUE(all);
    std::vector<std::string> names;
    for (const auto& p : all->items) names.push_back(p.full_name);
    // By given name first, as Vietnamese lists are: An, Ân, Ấn, Bình, Dương, Đào.
    EXPECT_EQ(names, (std::vector<std::string>{"Nguyễn Văn An", "Lê Thị Ân", "Trần Văn Ấn", "Phạm Thị Bình",
                                               "Vũ Văn Dương", "Đặng Thị Đào"}));
    app::PeopleSearch reversed;
    reversed.descending = true;
    auto desc = app::SearchPeople(*app_, As("admin"), reversed);
    EXPECT_EQ(desc->items.front().full_name, "Đặng Thị Đào");
    auto units = app::ListUnitsAsOf(*app_, As("admin"), Date{2026, 1, 1}, "xa");
    auto unit_names = Names(*units);
    EXPECT_EQ(unit_names.front(), "Hợp tác xã Nông nghiệp Vũ Hội");
    EXPECT_EQ(unit_names.size(), 10u);  // nine communes and the cooperative
    EXPECT_TRUE(std::is_sorted(unit_names.begin(), unit_names.end(), [](const auto& a, const auto& b) {
        return text::CollationKey(a) < text::CollationKey(b);
    }));
}

TEST_F(Organisation, UnitOfficer_SeesAndEditsOnlyTheirUnitsPeople) {
    auto officer = As("canbo.truong");  // Trường THPT Chuyên Thái Bình
    auto mine = app::SearchPeople(*app_, officer, Query());
    ASSERT_TRUE(mine);
    ASSERT_EQ(mine->items.size(), 1u);
    EXPECT_EQ(mine->items[0].full_name, "Đặng Thị Đào");
    auto binh = Find("pham thi binh");  // at the hospital
    auto refused = app::GetPersonFile(*app_, officer, binh);
    EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(app::SetPersonRating(*app_, officer, binh, "2025", "HTT", "").error().code, ErrorCode::kForbidden);
    auto elsewhere = app::AddPerson(*app_, officer, Person("Hà Văn Khải", "Nam", "", "", Unit("HY.SYT")));
    EXPECT_EQ(elsewhere.error().code, ErrorCode::kForbidden);
    auto here = app::AddPerson(*app_, officer, Person("Hà Văn Khải", "Nam", "", "", Unit("HY.SGDDT.THPTCTB")));
    ASSERT_TRUE(here) << here.error().message;
    app::PeopleSearch hospital;
    hospital.unit = Unit("HY.SYT");
    EXPECT_EQ(app::SearchPeople(*app_, officer, hospital).error().code, ErrorCode::kForbidden);
    // The viewer reads but does not edit.
    auto viewer = As("xem");
    EXPECT_TRUE(app::GetPersonFile(*app_, viewer, binh));
    EXPECT_EQ(app::SetPersonRating(*app_, viewer, binh, "2025", "HTT", "").error().code, ErrorCode::kForbidden);
}

TEST_F(Organisation, Records_AreValidated_Audited_AndInitiativesUsedOnce) {
    auto admin = As("admin");
    auto dao = Find("dang thi dao");
    auto bad = app::AddDiscipline(*app_, admin, dao, {"phạt tiền", "01/01/2024", "", "", ""});
    EXPECT_EQ(bad.error().reason, "invalid_form");
    auto discipline = app::AddDiscipline(*app_, admin, dao, {"Cảnh cáo", "01/03/2024", "01/03/2025", "12/QĐ-KL", ""});
    ASSERT_TRUE(discipline) << discipline.error().message;
    auto leave = app::AddLeave(*app_, admin, dao, {"01/04/2023", "30/09/2023", ""});
    ASSERT_TRUE(leave);
    EXPECT_EQ(app::AddLeave(*app_, admin, dao, {"01/10/2023", "30/09/2023", ""}).error().reason, "invalid_end_date");
    auto initiative =
        app::AddInitiative(*app_, admin, dao, {"", "Phương pháp dạy học theo dự án", "2024", "Cấp tỉnh", "QĐ 7"});
    ASSERT_TRUE(initiative);
    app::AwardInput award;
    award.subject_type = "Cá nhân";
    award.person = dao;
    award.award_code = "CSTD_TINH";
    award.year = "2024";
    award.prize_vnd = "7.020.000";
    award.initiative_id = *initiative;
    auto recorded = app::RecordAward(*app_, admin, award);
    ASSERT_TRUE(recorded) << recorded.error().message;
    EXPECT_EQ(recorded->prize_vnd, 7'020'000);
    EXPECT_EQ(app::RecordAward(*app_, admin, award).error().reason, "initiative_used");
    auto file = app::GetPersonFile(*app_, admin, dao);
    for (const auto& i : file->initiatives) {
        if (i.id == *initiative) EXPECT_EQ(i.used_by_award, recorded->id);
    }
    award.initiative_id.reset();
    award.award_code = "TTLDXS";  // a collective title for a person
    EXPECT_EQ(app::RecordAward(*app_, admin, award).error().message,
              "«Tập thể lao động xuất sắc» không xét cho đối tượng Cá nhân.");
    auto audit = app::ListAudit(*app_, admin, {"award", std::to_string(recorded->id.value), "", "", "", 50, 0});
    ASSERT_EQ(audit->total, 1);
    EXPECT_EQ(audit->entries[0].action, "award.create");
    ASSERT_TRUE(app::DeleteAward(*app_, admin, recorded->id));
    EXPECT_EQ(app::ListAudit(*app_, admin, {"award", std::to_string(recorded->id.value), "", "", "", 50, 0})->total, 2);
}

// ---- Excel import ----------------------------------------------------------------------------------

TEST_F(Organisation, ImportPeople_WithBadRows_ImportsNothingAndReportsEachRow) {
    auto officer = As("canbo.truong");  // unit officer of Trường THPT Chuyên Thái Bình
    std::vector<std::vector<std::string>> sheet = {
        {"MẪU NHẬP DỮ LIỆU — Cá nhân"},
        {},
        {"STT", "Họ và tên *", "Giới tính *", "Ngày sinh", "Số CCCD", "Đối tượng *", "Chức vụ", "Mã đơn vị *"},
        {"1", "Lê Văn Khải", "Nam", "31245", "34085000501", "Viên chức", "Giáo viên", "HY.SGDDT.THPTCTB"},
        {"2", "Mai Thị Hồng", "Nữ", "12/13/1990", "034190000502", "Viên chức", "Giáo viên", "HY.SGDDT.THPTCTB"},
        {"3", "Đỗ Văn Tài", "Nam", "01/02/1987", "034087000503", "Viên chức", "", "HY.SYT"},
        {"4", "Trịnh Thị Lý", "Nữ", "", "034085000501", "Viên chức", "", "HY.SGDDT.THPTCTB"},
        {"5", "Hà Văn Nam", "Nam", "", "", "học sinh", "", "KHONG.CO"},
        {},
        {"6", "Vũ Thị Yến", "Nữ", "03/03/1993", "034193000506", "Viên chức", "Giáo viên", "HY.SGDDT.THPTCTB"},
    };
    std::int64_t before = 0;
    store_->Read([&](app::Repositories& r) { before = r.people.Count(); });
    std::vector<int> progress;
    auto report = app::ImportTable(*app_, officer, app::ImportKind::kPeople, sheet,
                                   [&](std::string_view, int done, int) { progress.push_back(done); });
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->rows, 6);  // the empty row is skipped
    EXPECT_EQ(report->imported, 0);
    std::vector<std::tuple<int, std::string, std::string>> problems;
    for (const auto& p : report->problems) problems.emplace_back(p.row, p.column, p.message);
    EXPECT_EQ(problems,
              (std::vector<std::tuple<int, std::string, std::string>>{
                  {5, "Ngày sinh", "Ngày sinh «12/13/1990» không phải ngày hợp lệ (dd/mm/yyyy)."},
                  {6, "",
                   "Bạn không có quyền cập nhật hồ sơ cá nhân tại «Sở Y tế»: tài khoản chưa được giao vai trò nào "
                   "trên đơn vị này hoặc đơn vị cấp trên."},
                  {7, "Số CCCD", "Số CCCD 034085000501 trùng với dòng 4."},
                  {8, "Mã đơn vị", "Không có đơn vị mã «KHONG.CO»."},
              }));
    EXPECT_EQ(progress.back(), 6);
    std::int64_t after = 0;
    store_->Read([&](app::Repositories& r) { after = r.people.Count(); });
    EXPECT_EQ(after, before);  // nothing imported, not even the good rows
    EXPECT_EQ(app::SearchPeople(*app_, officer, Query("vu thi yen"))->total, 0);

    // Fixed: the rows of other units removed, the typos corrected.
    sheet.erase(sheet.begin() + 5, sheet.begin() + 8);
    sheet[4][3] = "13/12/1990";
    auto fixed = app::ImportTable(*app_, officer, app::ImportKind::kPeople, sheet);
    ASSERT_TRUE(fixed);
    EXPECT_TRUE(fixed->problems.empty()) << fixed->problems.front().message;
    EXPECT_EQ(fixed->imported, 3);
    auto khai = app::SearchPeople(*app_, officer, Query("le van khai"));
    ASSERT_EQ(khai->items.size(), 1u);
    EXPECT_EQ(khai->items[0].national_id, "034085000501");      // the zero Excel dropped is back
    EXPECT_EQ(khai->items[0].birth_date, (Date{1985, 7, 17}));  // Excel's date serial 31245
    auto audit = app::ListAudit(*app_, As("admin"), {"person", "", "canbo.truong", "", "", 50, 0});
    EXPECT_EQ(audit->total, 3);
}

TEST_F(Organisation, ImportJobs_KeepTheirResultForTheirOwnerOnly) {
    using std::chrono::hours;
    using std::chrono::seconds;
    auto admin = As("admin");
    auto dao = app::SearchPeople(*app_, admin, Query("dang thi dao"))->items.at(0);
    std::vector<std::vector<std::string>> ratings = {
        {"Số CCCD", "Năm", "Xếp loại"},
        {dao.national_id, "2026", "HTXS"},
        {"034999999999", "2025", "HTT"},
    };
    // A file with a bad row: the job keeps the problem, and nothing is imported.
    auto first = app::OpenImportJob(*app_, admin, app::ImportKind::kRatings, "  xep loai 2026.xlsx ", 3);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->file_name, "xep loai 2026.xlsx");
    auto running = app::GetImportJob(*app_, admin, first->id);
    ASSERT_TRUE(running);
    EXPECT_EQ(running->record.state, "running");
    EXPECT_FALSE(running->interrupted);
    EXPECT_EQ(app::GetImportJob(*app_, As("chuyenvien"), first->id).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(app::GetImportJob(*app_, admin, "khong-co-luot-nhap-nay").error().code, ErrorCode::kNotFound);
    app::RunImportJob(*app_, admin, *first, ratings);
    auto rejected = app::GetImportJob(*app_, admin, first->id);
    EXPECT_EQ(rejected->record.state, "rejected");
    EXPECT_EQ(std::make_tuple(rejected->record.rows_read, rejected->record.imported), std::make_tuple(2, 0));
    ASSERT_EQ(rejected->problems.size(), 1u);
    EXPECT_EQ(std::make_tuple(rejected->problems[0].row, rejected->problems[0].message),
              std::make_tuple(3, std::string("Không có ai mang số CCCD 034999999999.")));
    EXPECT_TRUE(rejected->record.finished_at.has_value());

    // Fixed: done. A sheet without its header: failed, with the reason.
    clock_.Advance(seconds(5));
    ratings.pop_back();
    auto second = app::OpenImportJob(*app_, admin, app::ImportKind::kRatings, "xep loai 2026 (sua).xlsx", 2);
    app::RunImportJob(*app_, admin, *second, ratings);
    auto done = app::GetImportJob(*app_, admin, second->id);
    EXPECT_EQ(std::make_tuple(done->record.state, done->record.imported, done->problems.size()),
              std::make_tuple(std::string("done"), 1, std::size_t{0}));
    clock_.Advance(seconds(5));
    auto third = app::OpenImportJob(*app_, admin, app::ImportKind::kRatings, "khong tieu de.xlsx", 1);
    app::RunImportJob(*app_, admin, *third, {{"một ô"}});
    auto failed = app::GetImportJob(*app_, admin, third->id);
    EXPECT_EQ(failed->record.state, "failed");
    EXPECT_EQ(failed->record.error.rfind("Không tìm thấy dòng tiêu đề trong 10 dòng đầu của tệp.", 0), 0u);

    // A job whose server stopped stays "running"; past the limit it reads as interrupted.
    clock_.Advance(seconds(5));
    auto lost = app::OpenImportJob(*app_, admin, app::ImportKind::kPeople, "mat dien.xlsx", 100);
    clock_.Advance(hours(1));
    EXPECT_FALSE(app::GetImportJob(*app_, admin, lost->id)->interrupted);
    clock_.Advance(hours(1) + seconds(1));
    EXPECT_TRUE(app::GetImportJob(*app_, admin, lost->id)->interrupted);

    // The user's recent imports, newest first; nobody else's.
    std::vector<std::string> files;
    auto recent = app::RecentImportJobs(*app_, admin);  // kept: a range-for over *Result() would dangle
    for (const auto& j : *recent) files.push_back(j.record.file_name);
    EXPECT_EQ(files, (std::vector<std::string>{"mat dien.xlsx", "khong tieu de.xlsx", "xep loai 2026 (sua).xlsx",
                                               "xep loai 2026.xlsx"}));
    EXPECT_TRUE(app::RecentImportJobs(*app_, As("chuyenvien"))->empty());
}

TEST_F(Organisation, ImportRatingsAndAwards_ByNationalId) {
    auto admin = As("admin");
    auto dao = app::SearchPeople(*app_, admin, Query("dang thi dao"))->items.at(0);
    std::vector<std::vector<std::string>> ratings = {
        {"Số CCCD", "Năm", "Xếp loại"},
        {dao.national_id, "2026", "HTXS"},
        {"034999999999", "2025", "HTT"},
    };
    auto bad = app::ImportTable(*app_, admin, app::ImportKind::kRatings, ratings);
    ASSERT_EQ(bad->problems.size(), 1u);
    EXPECT_EQ(bad->problems[0].row, 3);
    EXPECT_EQ(bad->problems[0].message, "Không có ai mang số CCCD 034999999999.");
    ratings.pop_back();
    ASSERT_EQ(app::ImportTable(*app_, admin, app::ImportKind::kRatings, ratings)->imported, 1);
    std::vector<std::vector<std::string>> awards = {
        {"Đối tượng khen thưởng", "Số CCCD", "Mã đơn vị", "Mã danh hiệu, hình thức", "Năm thành tích", "Tiền thưởng"},
        {"Cá nhân", dao.national_id, "", "CSTDCS", "2026", "2.530.000"},
        {"Tập thể", "", "HY.SGDDT.THPTCTB", "TTLDXS", "2026", "1,5"},
    };
    auto rejected = app::ImportTable(*app_, admin, app::ImportKind::kAwards, awards);
    ASSERT_EQ(rejected->problems.size(), 1u);
    EXPECT_EQ(rejected->problems[0].column, "Tiền thưởng");
    awards[2][5] = "3.800.000";
    ASSERT_EQ(app::ImportTable(*app_, admin, app::ImportKind::kAwards, awards)->imported, 2);
    auto file = app::GetPersonFile(*app_, admin, dao.id);
    EXPECT_EQ(file->awards.front().award_code, "CSTDCS");
    EXPECT_EQ(file->awards.front().prize_vnd, 2'530'000);
    EXPECT_EQ(file->awards.front().source, "import");
    EXPECT_EQ(file->ratings.back().year, 2026);
    std::vector<std::vector<std::string>> no_header = {{"Tên", "Năm"}, {"x", "2020"}};
    EXPECT_EQ(app::ImportTable(*app_, admin, app::ImportKind::kRatings, no_header).error().reason, "header_not_found");
}

}  // namespace
}  // namespace tdkt
