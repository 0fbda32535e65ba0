#include "app/seed_demo.h"

#include <array>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/generated_names.h"
#include "app/manage_users.h"
#include "app/organisation.h"
#include "domain/national_id.h"

namespace tdkt::app {
namespace {

// ---- the organisation ---------------------------------------------------------------------------
// Thái Bình and Hưng Yên as they were from 2019, and the merged province of Hưng Yên from 1/7/2025
// (NQ 202/2025/QH15 merged the provinces; the commune arrangement of the same date abolished the
// districts). District and commune names are those of the two provinces; which old communes form
// which new one is illustrative demo data, not a transcription of the resolution.

constexpr const char* kStart = "2019-01-01";
constexpr const char* kReform = "2025-07-01";
constexpr const char* kStartDocument = "Số liệu đầu kỳ (dữ liệu mẫu)";
constexpr const char* kProvinceMerger = "Nghị quyết 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh";
constexpr const char* kCommuneArrangement =
    "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh Hưng Yên năm 2025";
constexpr const char* kReorganisation = "Quyết định của UBND tỉnh Hưng Yên về tổ chức lại các sở sau hợp nhất";

struct DemoUnit {
    const char* code;
    const char* name;
    const char* type;
    const char* parent;  // nullptr for a province
};

// Units existing from 2019.
constexpr DemoUnit kOldUnits[] = {
    {"HY", "Tỉnh Hưng Yên", "province", nullptr},
    {"TB", "Tỉnh Thái Bình", "province", nullptr},
    {"HY.SNV", "Sở Nội vụ", "department", "HY"},
    {"HY.SNV.TDKT", "Ban Thi đua - Khen thưởng", "subunit", "HY.SNV"},
    {"HY.SNV.TTLT", "Trung tâm Lưu trữ lịch sử", "public_service", "HY.SNV"},
    {"HY.SGDDT", "Sở Giáo dục và Đào tạo", "department", "HY"},
    {"HY.SGDDT.THPTCHY", "Trường THPT Chuyên Hưng Yên", "school", "HY.SGDDT"},
    {"HY.SYT", "Sở Y tế", "department", "HY"},
    {"HY.SYT.BVDKHY", "Bệnh viện Đa khoa tỉnh Hưng Yên", "hospital", "HY.SYT"},
    {"HY.HLHPN", "Hội Liên hiệp Phụ nữ tỉnh Hưng Yên", "party_mass", "HY"},
    {"TB.SNV", "Sở Nội vụ tỉnh Thái Bình", "department", "TB"},
    {"TB.SNV.TDKT", "Ban Thi đua - Khen thưởng tỉnh Thái Bình", "subunit", "TB.SNV"},
    {"TB.SGDDT", "Sở Giáo dục và Đào tạo tỉnh Thái Bình", "department", "TB"},
    {"HY.SGDDT.THPTCTB", "Trường THPT Chuyên Thái Bình", "school", "TB.SGDDT"},
    {"HY.SGDDT.THPTBKX", "Trường THPT Bắc Kiến Xương", "school", "TB.SGDDT"},
    {"TB.SYT", "Sở Y tế tỉnh Thái Bình", "department", "TB"},
    {"HY.SYT.BVDKTB", "Bệnh viện Đa khoa tỉnh Thái Bình", "hospital", "TB.SYT"},
    {"HY.SYT.BVDKTB.KNTH", "Khoa Nội tổng hợp", "subunit", "HY.SYT.BVDKTB"},
    {"TB.HLHPN", "Hội Liên hiệp Phụ nữ tỉnh Thái Bình", "party_mass", "TB"},
    {"HY.DN.MAYTB", "Công ty Cổ phần May Thái Bình", "enterprise", "TB"},
    // Districts of Thái Bình and their communes (until 30/6/2025).
    {"TB.TP", "Thành phố Thái Bình", "district", "TB"},
    {"TB.TP.LHP", "Phường Lê Hồng Phong", "ward", "TB.TP"},
    {"TB.TP.BX", "Phường Bồ Xuyên", "ward", "TB.TP"},
    {"TB.TP.DT", "Phường Đề Thám", "ward", "TB.TP"},
    {"TB.TP.KB", "Phường Kỳ Bá", "ward", "TB.TP"},
    {"TB.TP.QT", "Phường Quang Trung", "ward", "TB.TP"},
    {"TB.TP.TL", "Phường Trần Lãm", "ward", "TB.TP"},
    {"TB.TP.VP", "Xã Vũ Phúc", "commune", "TB.TP"},
    {"TB.VT", "Huyện Vũ Thư", "district", "TB"},
    {"TB.VT.TT", "Thị trấn Vũ Thư", "town", "TB.VT"},
    {"TB.VT.TQ", "Xã Tam Quang", "commune", "TB.VT"},
    {"TB.VT.NX", "Xã Nguyên Xá", "commune", "TB.VT"},
    {"TB.VT.HB", "Xã Hòa Bình", "commune", "TB.VT"},
    {"TB.VT.VH", "Xã Vũ Hội", "commune", "TB.VT"},
    {"HY.HTX.VUHOI", "Hợp tác xã Nông nghiệp Vũ Hội", "cooperative", "TB.VT"},
    {"TB.KX", "Huyện Kiến Xương", "district", "TB"},
    {"TB.KX.TT", "Thị trấn Kiến Xương", "town", "TB.KX"},
    {"TB.KX.VQ", "Xã Vũ Quý", "commune", "TB.KX"},
    {"TB.KX.QT", "Xã Quang Trung", "commune", "TB.KX"},
    {"TB.HH", "Huyện Hưng Hà", "district", "TB"},
    {"TB.HH.TT", "Thị trấn Hưng Hà", "town", "TB.HH"},
    {"TB.HH.HA", "Xã Hồng An", "commune", "TB.HH"},
    {"TB.HH.MK", "Xã Minh Khai", "commune", "TB.HH"},
    {"TB.DH", "Huyện Đông Hưng", "district", "TB"},
    {"TB.DH.TT", "Thị trấn Đông Hưng", "town", "TB.DH"},
    {"TB.DH.DH", "Xã Đông Hợp", "commune", "TB.DH"},
    {"TB.DH.DC", "Xã Đông Các", "commune", "TB.DH"},
    {"TB.QP", "Huyện Quỳnh Phụ", "district", "TB"},
    {"TB.QP.TT", "Thị trấn Quỳnh Côi", "town", "TB.QP"},
    {"TB.QP.QH", "Xã Quỳnh Hải", "commune", "TB.QP"},
    {"TB.TTH", "Huyện Thái Thụy", "district", "TB"},
    {"TB.TTH.TT", "Thị trấn Diêm Điền", "town", "TB.TTH"},
    {"TB.TTH.TH", "Xã Thụy Hải", "commune", "TB.TTH"},
    {"TB.TH", "Huyện Tiền Hải", "district", "TB"},
    {"TB.TH.TT", "Thị trấn Tiền Hải", "town", "TB.TH"},
    {"TB.TH.NT", "Xã Nam Thịnh", "commune", "TB.TH"},
    {"HY.KC", "Huyện Khoái Châu", "district", "HY"},
    {"HY.KC.TT", "Thị trấn Khoái Châu", "town", "HY.KC"},
    {"HY.KC.DT", "Xã Dân Tiến", "commune", "HY.KC"},
};

struct DemoMerge {
    const char* into_code;  // the successor: created by the merge unless it already exists
    const char* into_name;
    const char* into_type;
    const char* into_parent;
    std::array<const char*, 4> predecessors;  // nullptr-terminated
    const char* document;
};

// On 1/7/2025: the province, departments and mass organisations of Thái Bình merge into Hưng Yên's;
// the communes of both merge into the new two-tier communes.
constexpr DemoMerge kMerges[] = {
    // Sub-units first: merging a department moves its remaining sub-units under the successor.
    {"HY.SNV.TDKT", nullptr, nullptr, nullptr, {"TB.SNV.TDKT"}, kReorganisation},
    {"HY.SNV", nullptr, nullptr, nullptr, {"TB.SNV"}, kReorganisation},
    {"HY.SGDDT", nullptr, nullptr, nullptr, {"TB.SGDDT"}, kReorganisation},
    {"HY.SYT", nullptr, nullptr, nullptr, {"TB.SYT"}, kReorganisation},
    {"HY.HLHPN", nullptr, nullptr, nullptr, {"TB.HLHPN"}, kReorganisation},
    {"HY.P.TB",
     "Phường Thái Bình",
     "ward",
     "HY",
     {"TB.TP.LHP", "TB.TP.BX", "TB.TP.DT", "TB.TP.KB"},
     kCommuneArrangement},
    {"HY.P.TL", "Phường Trần Lãm", "ward", "HY", {"TB.TP.QT", "TB.TP.TL", "TB.TP.VP"}, kCommuneArrangement},
    {"HY.X.VT", "Xã Vũ Thư", "commune", "HY", {"TB.VT.TT", "TB.VT.TQ", "TB.VT.NX"}, kCommuneArrangement},
    {"HY.X.VTI", "Xã Vũ Tiên", "commune", "HY", {"TB.VT.HB", "TB.VT.VH"}, kCommuneArrangement},
    {"HY.X.KX", "Xã Kiến Xương", "commune", "HY", {"TB.KX.TT", "TB.KX.VQ", "TB.KX.QT"}, kCommuneArrangement},
    {"HY.X.HH", "Xã Hưng Hà", "commune", "HY", {"TB.HH.TT", "TB.HH.HA", "TB.HH.MK"}, kCommuneArrangement},
    {"HY.X.DH", "Xã Đông Hưng", "commune", "HY", {"TB.DH.TT", "TB.DH.DH", "TB.DH.DC"}, kCommuneArrangement},
    {"HY.X.QP", "Xã Quỳnh Phụ", "commune", "HY", {"TB.QP.TT", "TB.QP.QH"}, kCommuneArrangement},
    {"HY.X.DD", "Xã Diêm Điền", "commune", "HY", {"TB.TTH.TT", "TB.TTH.TH"}, kCommuneArrangement},
    {"HY.X.TH", "Xã Tiền Hải", "commune", "HY", {"TB.TH.TT", "TB.TH.NT"}, kCommuneArrangement},
    {"HY.X.KC", "Xã Khoái Châu", "commune", "HY", {"HY.KC.TT", "HY.KC.DT"}, kCommuneArrangement},
};

struct DemoUser {
    const char* login;
    const char* name;
    const char* role;
    const char* unit;
};

constexpr std::array<DemoUser, 13> kUsers{{
    {"admin", "Quản trị hệ thống", "administrator", "HY"},
    {"lanhdao.ban", "Trần Văn Hùng", "board_leader", "HY"},
    {"chuyenvien", "Nguyễn Thị Lan", "board_specialist", "HY"},
    {"thuky.hd", "Phạm Minh Đức", "council_secretary", "HY"},
    {"uyvien.hd", "Lê Thị Hoa", "council_member", "HY"},
    {"lanhdao.sgd", "Vũ Đình Khoa", "unit_leader", "HY.SGDDT"},
    {"canbo.truong", "Đặng Thị Đào", "unit_officer", "HY.SGDDT.THPTCTB"},
    {"canbo.xa", "Bùi Văn Tuấn", "unit_officer", "HY.X.VT"},
    {"xem", "Hoàng Văn Nam", "viewer", "HY.SYT"},
    // The other members of the provincial council (they vote; their own units matter for recusal).
    {"chutich.hd", "Nguyễn Hữu Nghĩa", "council_member", "HY"},
    {"uyvien2.hd", "Đỗ Thị Thu Hà", "council_member", "HY"},
    {"uyvien3.hd", "Trịnh Quốc Việt", "council_member", "HY"},
    {"uyvien4.hd", "Ngô Thị Bích", "council_member", "HY"},
}};

// The provincial Hội đồng Thi đua – Khen thưởng: seat, login, title, the member's own unit.
struct DemoSeat {
    const char* role;
    const char* login;
    const char* title;
    const char* unit;
};
constexpr std::array<DemoSeat, 7> kCouncil{{
    {"chair", "chutich.hd", "Chủ tịch UBND tỉnh", "HY"},
    {"vice_chair", "lanhdao.ban", "Trưởng Ban Thi đua – Khen thưởng", "HY.SNV.TDKT"},
    {"secretary", "thuky.hd", "Phó Trưởng Ban Thi đua – Khen thưởng", "HY.SNV.TDKT"},
    {"member", "uyvien.hd", "Giám đốc Sở Nội vụ", "HY.SNV"},
    {"member", "uyvien2.hd", "Giám đốc Sở Giáo dục và Đào tạo", "HY.SGDDT"},
    {"member", "uyvien3.hd", "Giám đốc Sở Y tế", "HY.SYT"},
    {"member", "uyvien4.hd", "Chủ tịch Liên đoàn Lao động tỉnh", "HY"},
}};

// ---- people ---------------------------------------------------------------------------------------

using Random = SeededRandom;

const char* PositionFor(const std::string& unit_type, bool leader, Random& r) {
    if (leader) return unit_type == "school" ? "Hiệu trưởng" : unit_type == "hospital" ? "Giám đốc" : "Trưởng đơn vị";
    if (unit_type == "school") return r.Chance(80) ? "Giáo viên" : "Nhân viên";
    if (unit_type == "hospital" || unit_type == "subunit") return r.Chance(70) ? "Bác sĩ" : "Điều dưỡng";
    if (unit_type == "enterprise") return r.Chance(85) ? "Công nhân" : "Kỹ sư";
    if (unit_type == "cooperative") return "Xã viên";
    return r.Chance(70) ? "Chuyên viên" : "Cán bộ";
}

const char* CategoryFor(const std::string& unit_type) {
    if (unit_type == "school" || unit_type == "hospital" || unit_type == "subunit" || unit_type == "public_service")
        return "vien_chuc";
    if (unit_type == "enterprise") return "cong_nhan";
    if (unit_type == "cooperative") return "nong_dan";
    if (unit_type == "commune" || unit_type == "ward" || unit_type == "town") return "can_bo";
    return "cong_chuc";
}

// Base salary in force on a decision date (NĐ 38/2019, NĐ 24/2023, NĐ 73/2024) and the rounding of
// NĐ 152/2025 Điều 49 (up to the next 10,000 đồng). Demo data only: the prize engine owns this rule.
std::int64_t Prize(double multiplier, const Date& decided) {
    std::int64_t base = decided < Date{2023, 7, 1} ? 1'490'000 : decided < Date{2024, 7, 1} ? 1'800'000 : 2'340'000;
    auto raw = static_cast<std::int64_t>(multiplier * static_cast<double>(base) + 0.5);
    return (raw + 9'999) / 10'000 * 10'000;
}

struct Home {
    UnitId id;
    std::string code, name, type, authority;
};

// The head of the authority deciding titles for staff of a unit before the 2025 reform.
std::string AuthorityFor(const DemoUnit& u) {
    std::string type = u.type;
    if (type == "commune" || type == "ward" || type == "town") return "Chủ tịch UBND cấp huyện";
    if (type == "cooperative") return "Chủ tịch UBND huyện Vũ Thư";
    return fmt::format("Thủ trưởng {}", u.name);
}

struct PeopleSeeder {
    PeopleSeeder(App& a, Repositories& r) : app(a), repos(r) {}
    App& app;
    Repositories& repos;
    Random rng{20250701};
    int serial = 0;
    int people = 0, awards = 0, ratings = 0;
    std::string now;

    PersonId AddPerson(const std::string& full_name, const std::string& gender, int birth_year, const Home& home,
                       const std::string& position) {
        PersonRecord p;
        p.full_name = full_name;
        p.gender = gender;
        p.birth_date = Date{birth_year, 1 + rng.Below(12), 1 + rng.Below(28)};
        int century = domain::NationalIdCenturyDigit(birth_year, gender);
        p.national_id = fmt::format("{}{}{:02d}{:06d}", home.code.rfind("TB", 0) == 0 ? "034" : "033", century,
                                    birth_year % 100, ++serial);
        p.category = CategoryFor(home.type);
        p.direct_worker = p.category == "cong_nhan" || p.category == "nong_dan" || position == "Giáo viên" ||
                          position == "Bác sĩ" || position == "Điều dưỡng";
        p.position = position;
        p.unit = home.id;
        p.created_at = p.updated_at = now;
        p.id = repos.people.Insert(p);
        repos.people.InsertMembership({0, p.id, home.id, "", Date{2019, 1, 1}, std::nullopt, position, ""});
        ++people;
        return p.id;
    }

    void AddAward(PersonId person, const char* code, int year, double multiplier, const std::string& authority,
                  int number) {
        Date decided{year + 1, 1, 10 + rng.Below(15)};
        AwardRecord a;
        a.subject_type = "individual";
        a.person = person;
        a.award_code = code;
        a.year = year;
        a.kind = "merit";
        a.decision_number = fmt::format(
            "{}/QĐ-{}", number, std::string(code) == "BK_TINH" || std::string(code) == "CSTD_TINH" ? "UBND" : "KT");
        a.decision_date = decided;
        a.authority = authority;
        a.prize_vnd = Prize(multiplier, decided);
        a.source = "import";
        a.created_at = now;
        repos.awards.Insert(a);
        ++awards;
    }

    // Seven years of ratings (2019–2025) and the titles they earn under Luật 06/2022: LĐTT for HTT or
    // better; CSTĐCS for HTXS with an initiative recognised that year; Bằng khen of the province after
    // two consecutive CSTĐCS; CSTĐ of the province after three with a provincial-level initiative.
    void History(PersonId person, const std::string& gender, const Home& home) {
        int chain = 0;
        int discipline_year = rng.Chance(2) ? 2019 + rng.Below(7) : 0;
        if (discipline_year)
            repos.records.InsertDiscipline({0, person, "khien_trach", Date{discipline_year, 3, 1},
                                            Date{discipline_year + 1, 3, 1},
                                            fmt::format("{}/QĐ-KL", 10 + rng.Below(90)), ""});
        if (gender == "female" && rng.Chance(6)) {
            int y = 2019 + rng.Below(6);
            repos.records.InsertLeave({0, person, "maternity", Date{y, 4, 1}, Date{y, 9, 30}, ""});
        }
        int quality = rng.Below(100);  // some people are steadily better than others
        for (int year = 2019; year <= 2025; ++year) {
            int roll = rng.Below(100);
            std::string rating = roll < quality / 4 ? "HTXS" : roll < 85 ? "HTT" : roll < 97 ? "HT" : "KHT";
            if (year == discipline_year) rating = "HT";
            repos.records.SetRating(person, {year, rating, fmt::format("Kết quả đánh giá, xếp loại năm {}", year)});
            ++ratings;
            if (rating == "HT" || rating == "KHT") {
                chain = 0;
                continue;
            }
            AddAward(person, "LDTT", year, 0.3, home.authority, 100 + rng.Below(900));
            if (rating != "HTXS" || !rng.Chance(60)) {
                chain = 0;
                continue;
            }
            ++chain;
            bool provincial = chain >= 3 && rng.Chance(50);
            repos.records.InsertInitiative(
                {0, person, rng.Chance(80) ? "initiative" : "research",
                 fmt::format("Giải pháp nâng cao hiệu quả công tác tại {} năm {}", home.name, year), year,
                 provincial ? "tinh" : "co_so", fmt::format("{}/QĐ-HĐKH", 10 + rng.Below(90)), std::nullopt});
            AddAward(person, "CSTDCS", year, 1.0, home.authority, 100 + rng.Below(900));
            if (chain == 2) AddAward(person, "BK_TINH", year, 1.0, "Chủ tịch UBND tỉnh", 1000 + rng.Below(2000));
            if (provincial) {
                AddAward(person, "CSTD_TINH", year, 3.0, "Chủ tịch UBND tỉnh", 1000 + rng.Below(2000));
                chain = 0;
            }
        }
    }
};

}  // namespace

Result<SeedReport> SeedDemo(App& app, const RequestContext& ctx, const SeedOptions& options) {
    if (!ctx.system)
        return Fail(ErrorCode::kForbidden, "system_only", "Chỉ lệnh quản trị trên máy chủ mới được nạp dữ liệu mẫu.");
    SeedReport report;
    std::map<std::string, UnitId> ids;
    auto find = [&](const std::string& code) -> std::optional<UnitRecord> {
        std::optional<UnitRecord> out;
        app.store.Read([&](Repositories& repos) { out = repos.units.FindByCode(code); });
        return out;
    };
    // 1. The units of 2019 (each only when absent, so an interrupted seed completes on the next run).
    bool reform_done = find("TB") && find("TB")->valid_to.has_value();
    for (const auto& u : kOldUnits) {
        if (auto existing = find(u.code)) {
            ids[u.code] = existing->id;
            continue;
        }
        if (reform_done) continue;
        NewUnitInput in{u.code, u.name, u.type, std::nullopt};
        if (u.parent) in.parent = ids.at(u.parent);
        auto created = CreateUnit(app, ctx, in, {kStart, kStartDocument, ""});
        if (!created) return tl::unexpected(created.error());
        ids[u.code] = created->id;
        ++report.units;
    }
    // 2. People and their history from 2019, in the units of the time.
    std::int64_t people_before = 0;
    app.store.Read([&](Repositories& repos) { people_before = repos.people.Count(); });
    if (people_before == 0 && options.people > 0 && !reform_done) {
        std::vector<std::pair<const DemoUnit*, int>> homes;  // unit, weight
        for (const auto& u : kOldUnits) {
            std::string type = u.type;
            if (type == "province" || type == "district") continue;
            int weight = type == "enterprise"    ? 12
                         : type == "hospital"    ? 10
                         : type == "school"      ? 8
                         : type == "cooperative" ? 4
                                                 : 3;
            homes.emplace_back(&u, weight);
        }
        int total_weight = 0;
        for (const auto& [u, w] : homes) total_weight += w;
        app.store.Write([&](Repositories& repos) {
            PeopleSeeder seeder(app, repos);
            seeder.now = FormatIsoUtc(app.clock.Now());
            auto home_of = [&](const char* code) {
                for (const auto& u : kOldUnits)
                    if (std::string(u.code) == code)
                        return Home{ids.at(u.code), u.code, u.name, u.type, AuthorityFor(u)};
                return Home{};
            };
            // A few fixed people: the names the guide and the tests search for, and the Vietnamese order.
            struct Fixed {
                const char* name;
                const char* gender;
                int year;
                const char* unit;
                const char* position;
            };
            const Fixed fixed[] = {
                {"Đặng Thị Đào", "female", 1984, "HY.SGDDT.THPTCTB", "Giáo viên"},
                {"Nguyễn Văn An", "male", 1979, "TB.VT.TQ", "Chủ tịch UBND xã"},
                {"Lê Thị Ân", "female", 1988, "TB.VT.NX", "Công chức văn phòng - thống kê"},
                {"Trần Văn Ấn", "male", 1975, "TB.TP.LHP", "Chủ tịch UBND phường"},
                {"Phạm Thị Bình", "female", 1990, "HY.SYT.BVDKTB", "Bác sĩ"},
                {"Vũ Văn Dương", "male", 1982, "HY.SGDDT.THPTCHY", "Giáo viên"},
            };
            for (const auto& f : fixed) {
                auto home = home_of(f.unit);
                auto id = seeder.AddPerson(f.name, f.gender, f.year, home, f.position);
                seeder.History(id, f.gender, home);
            }
            Random& r = seeder.rng;
            for (int i = static_cast<int>(std::size(fixed)); i < options.people; ++i) {
                int pick = r.Below(total_weight);
                const DemoUnit* unit = homes.front().first;
                for (const auto& [u, w] : homes) {
                    if (pick < w) {
                        unit = u;
                        break;
                    }
                    pick -= w;
                }
                Home home{ids.at(unit->code), unit->code, unit->name, unit->type, AuthorityFor(*unit)};
                bool female = r.Chance(55);
                std::string gender = female ? "female" : "male";
                std::string name = GeneratedName(r, female);
                auto id =
                    seeder.AddPerson(name, gender, 1965 + r.Below(36), home, PositionFor(home.type, r.Chance(3), r));
                seeder.History(id, gender, home);
            }
            // Some people moved between units in 2022: their history follows them.
            // Moves stay between units of one type (a teacher to another school).
            std::map<std::string, std::vector<Membership>> by_type;
            for (const auto& [u, w] : homes) {
                auto members = repos.people.CurrentMemberships(ids.at(u->code));
                for (std::size_t k = 12; k < members.size(); k += 25) by_type[u->type].push_back(members[k]);
            }
            std::vector<std::pair<Membership, UnitId>> moves;
            for (const auto& [type, list] : by_type)
                for (std::size_t k = 0; k + 1 < list.size(); k += 2)
                    if (list[k].unit != list[k + 1].unit) moves.emplace_back(list[k], list[k + 1].unit);
            for (const auto& [m, to] : moves) {
                repos.people.EndMembership(m.id, Date{2022, 9, 1});
                repos.people.InsertMembership({0, m.person, to, "", Date{2022, 9, 1}, std::nullopt, m.position,
                                               "Quyết định điều động (dữ liệu mẫu)"});
                repos.people.SetCurrentUnit(m.person, to);
            }
            RecordChange(repos, app.clock, ctx,
                         {"seed.demo_people",
                          "person",
                          "*",
                          nullptr,
                          {{"people", seeder.people}, {"ratings", seeder.ratings}, {"awards", seeder.awards}}});
            report.people = seeder.people;
            return true;
        });
    }
    // Collective history once, when the demo has people and the school has no rating yet.
    bool collective_history = false;
    app.store.Read([&](Repositories& repos) {
        auto school = repos.units.FindByCode("HY.SGDDT.THPTCTB");
        collective_history = repos.people.Count() > 0 && school && repos.units.Ratings(school->id).empty();
    });
    // 3. The reform of 1/7/2025: merges, renames, moves and dissolutions.
    if (!reform_done && find("TB")) {
        // Each step is skipped when already done, so an interrupted seed (or a database seeded by an
        // earlier version of the demo) completes on the next run.
        for (const auto& m : kMerges) {
            bool done = true;
            for (const char* p : m.predecessors)
                if (p && !find(p)->valid_to) done = false;
            if (done) {
                ids[m.into_code] = find(m.into_code)->id;
                continue;
            }
            MergeInput merge;
            for (const char* p : m.predecessors)
                if (p) merge.predecessors.push_back(ids.at(p));
            if (auto existing = find(m.into_code))
                merge.into = existing->id;
            else
                merge.new_unit = NewUnitInput{m.into_code, m.into_name, m.into_type, ids.at(m.into_parent)};
            auto merged = MergeUnits(app, ctx, merge, {kReform, m.document, ""});
            if (!merged) return tl::unexpected(merged.error());
            if (merge.new_unit) ++report.units;
            ids[m.into_code] = merged->id;
        }
        auto amend = [&](const char* code, UnitAmendment a, const char* document) -> Status {
            auto done = AmendUnit(app, ctx, ids.at(code), a, {kReform, document, ""});
            bool already =
                !done && (done.error().reason == "nothing_changed" || done.error().reason == "change_before_last");
            if (!done && !already) return tl::unexpected(done.error());
            return {};
        };
        if (auto s = amend("HY.SNV.TDKT", {std::string("Phòng Thi đua, khen thưởng"), std::nullopt, std::nullopt},
                           kReorganisation);
            !s)
            return tl::unexpected(s.error());
        if (auto s = amend("HY.DN.MAYTB", {std::nullopt, ids.at("HY"), std::nullopt}, kProvinceMerger); !s)
            return tl::unexpected(s.error());
        if (auto s = amend("HY.HTX.VUHOI", {std::nullopt, ids.at("HY.X.VTI"), std::nullopt}, kCommuneArrangement); !s)
            return tl::unexpected(s.error());
        for (const char* district :
             {"TB.TP", "TB.VT", "TB.KX", "TB.HH", "TB.DH", "TB.QP", "TB.TTH", "TB.TH", "HY.KC"}) {
            if (find(district)->valid_to) continue;
            auto done = DissolveUnit(app, ctx, ids.at(district), {kReform, kCommuneArrangement, ""});
            if (!done) return tl::unexpected(done.error());
        }
        MergeInput province;
        province.predecessors = {ids.at("TB")};
        province.into = ids.at("HY");
        auto merged = MergeUnits(app, ctx, province, {kReform, kProvinceMerger, ""});
        if (!merged) return tl::unexpected(merged.error());
    }
    // 4. Collective ratings and titles: the units of the time for 2019–2024, today's units for 2025.
    if (collective_history) {
        app.store.Write([&](Repositories& repos) {
            Random r{2019};
            std::string now = FormatIsoUtc(app.clock.Now());
            int awards = 0;
            auto rate = [&](const UnitRecord& u, int year) {
                if (u.unit_type == "province" || u.unit_type == "district") return;
                int roll = r.Below(100);
                std::string rating = roll < 30 ? "HTXS" : roll < 90 ? "HTT" : "HT";
                repos.units.SetRating(u.id, {year, rating, fmt::format("Đánh giá tập thể năm {}", year)});
                if (rating == "HT") return;
                AwardRecord a;
                a.subject_type = "collective";
                a.unit = u.id;
                a.award_code = rating == "HTXS" ? "TTLDXS" : "TTLDTT";
                a.year = year;
                a.kind = "merit";
                a.decision_date = Date{year + 1, 1, 20};
                a.decision_number = fmt::format("{}/QĐ-UBND", 100 + r.Below(900));
                bool local = u.unit_type == "commune" || u.unit_type == "ward" || u.unit_type == "town";
                a.authority = a.award_code == "TTLDXS" ? "Chủ tịch UBND tỉnh"
                              : local ? (year < 2025 ? "Chủ tịch UBND cấp huyện" : "Chủ tịch UBND tỉnh")
                                      : "Thủ trưởng cơ quan, đơn vị";
                a.prize_vnd = Prize(a.award_code == "TTLDXS" ? 1.5 : 0.8, *a.decision_date);
                a.source = "import";
                a.created_at = now;
                repos.awards.Insert(a);
                ++awards;
            };
            for (int year = 2019; year <= 2024; ++year)
                for (const auto& u : repos.units.ListAsOf(Date{year, 12, 31})) rate(u, year);
            for (const auto& u : repos.units.ListAsOf(Date{2025, 12, 31})) rate(u, 2025);
            RecordChange(repos, app.clock, ctx,
                         {"seed.demo_units", "unit", "*", nullptr, {{"collective_awards", awards}}});
            return true;
        });
    }
    for (const auto& u : kUsers) {
        bool exists = false;
        app.store.Read([&](Repositories& repos) { exists = repos.users.FindByLogin(u.login).has_value(); });
        if (exists) continue;
        auto added = AddUser(app, ctx, {u.login, u.name, kDemoPassword, {{u.role, u.unit}}});
        if (!added) return tl::unexpected(added.error());
        ++report.users;
    }
    // The provincial council, once.
    app.store.Write([&](Repositories& repos) {
        if (!repos.councils.Councils().empty()) return false;
        auto root = repos.units.FindByCode("HY");
        if (!root) return false;
        CouncilRecord council;
        council.unit = root->id;
        council.name = "Hội đồng Thi đua – Khen thưởng tỉnh Hưng Yên";
        council.created_at = FormatIsoUtc(app.clock.Now());
        council.id = repos.councils.InsertCouncil(council);
        nlohmann::json seats = nlohmann::json::array();
        for (const auto& seat : kCouncil) {
            auto user = repos.users.FindByLogin(seat.login);
            auto unit = repos.units.FindByCode(seat.unit);
            if (!user) continue;
            CouncilMemberRecord m;
            m.council = council.id;
            m.user = user->id;
            m.role = seat.role;
            m.title = seat.title;
            if (unit) m.unit = unit->id;
            repos.councils.AddMember(m);
            seats.push_back({{"login", seat.login}, {"role", seat.role}});
        }
        RecordChange(repos, app.clock, ctx,
                     {"council.create",
                      "council",
                      std::to_string(council.id),
                      nullptr,
                      {{"name", council.name}, {"members", seats}}});
        return true;
    });
    report.already_seeded = report.units == 0 && report.users == 0 && report.people == 0;
    return report;
}

}  // namespace tdkt::app
