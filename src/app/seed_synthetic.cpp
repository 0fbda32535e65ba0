#include "app/seed_synthetic.h"

#include <array>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/audit_log.h"
#include "app/generated_names.h"
#include "domain/national_id.h"

namespace tdkt::app {
namespace {

// The 34 provincial units from 1/7/2025 (NQ 202/2025/QH15), with a national-ID province code each
// (the code of one of the merged provinces).
constexpr std::array<std::pair<const char*, const char*>, 34> kProvinces{{
    {"Thành phố Hà Nội", "001"}, {"Thành phố Huế", "046"},    {"Tỉnh Quảng Ninh", "022"},
    {"Tỉnh Cao Bằng", "004"},    {"Tỉnh Lạng Sơn", "020"},    {"Tỉnh Lai Châu", "012"},
    {"Tỉnh Điện Biên", "011"},   {"Tỉnh Sơn La", "014"},      {"Tỉnh Thanh Hóa", "038"},
    {"Tỉnh Nghệ An", "040"},     {"Tỉnh Hà Tĩnh", "042"},     {"Tỉnh Tuyên Quang", "008"},
    {"Tỉnh Lào Cai", "010"},     {"Tỉnh Thái Nguyên", "019"}, {"Tỉnh Phú Thọ", "025"},
    {"Tỉnh Bắc Ninh", "027"},    {"Tỉnh Hưng Yên", "033"},    {"Thành phố Hải Phòng", "031"},
    {"Tỉnh Ninh Bình", "037"},   {"Tỉnh Quảng Trị", "045"},   {"Thành phố Đà Nẵng", "048"},
    {"Tỉnh Quảng Ngãi", "051"},  {"Tỉnh Gia Lai", "064"},     {"Tỉnh Khánh Hòa", "056"},
    {"Tỉnh Lâm Đồng", "068"},    {"Tỉnh Đắk Lắk", "066"},     {"Thành phố Hồ Chí Minh", "079"},
    {"Tỉnh Đồng Nai", "075"},    {"Tỉnh Tây Ninh", "072"},    {"Thành phố Cần Thơ", "092"},
    {"Tỉnh Vĩnh Long", "086"},   {"Tỉnh Đồng Tháp", "087"},   {"Tỉnh Cà Mau", "096"},
    {"Tỉnh An Giang", "089"},
}};

constexpr std::array<const char*, 24> kPlaceStems{{"An",  "Bình", "Tân", "Hòa",  "Phú",   "Thạnh", "Long",  "Đông",
                                                   "Tây", "Nam",  "Bắc", "Hưng", "Thịnh", "Vĩnh",  "Quang", "Minh",
                                                   "Đức", "Hiệp", "Lợi", "Mỹ",   "Thuận", "Yên",   "Trung", "Xuân"}};
constexpr std::array<const char*, 5> kCategories{{"can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong", "cong_nhan"}};

}  // namespace

Result<SyntheticReport> SeedSynthetic(App& app, const RequestContext& ctx, const SyntheticOptions& o,
                                      const std::function<void(std::int64_t, std::int64_t)>& progress) {
    if (!ctx.system)
        return Fail(ErrorCode::kForbidden, "system_only", "Chỉ lệnh quản trị trên máy chủ mới được sinh dữ liệu.");
    if (o.people < 0 || o.years < 1 || o.years > 30)
        return Fail(ErrorCode::kValidation, "invalid_options", "Số người phải ≥ 0 và số năm từ 1 đến 30.");
    SyntheticReport report;
    SeededRandom rng(o.seed * 0x9e3779b97f4a7c15ULL + 1);
    Date start{2015, 1, 1};
    // The units, once (their ids are reused by later runs).
    std::vector<std::pair<std::int64_t, int>> communes;  // unit id, province index
    app.store.Write([&](Repositories& repos) {
        for (std::size_t p = 0; p < kProvinces.size(); ++p) {
            std::string code = fmt::format("SYN.{:02d}", p + 1);
            auto province = repos.units.FindByCode(code);
            if (!province) {
                UnitRecord u{UnitId{}, code, kProvinces[p].first, std::nullopt, "province", start, std::nullopt};
                u.id = repos.units.Insert(u);
                repos.units.InsertVersion(
                    {0, u.id, start, std::nullopt, u.name, std::nullopt, u.unit_type, std::nullopt});
                province = u;
                ++report.units;
            }
            for (int c = 0; c < o.communes_per_province; ++c) {
                std::string ccode = fmt::format("SYN.{:02d}.{:03d}", p + 1, c + 1);
                auto commune = repos.units.FindByCode(ccode);
                if (!commune) {
                    std::string name =
                        fmt::format("{} {} {}", c % 7 == 0 ? "Phường" : "Xã", kPlaceStems[c % kPlaceStems.size()],
                                    kPlaceStems[(c / kPlaceStems.size() + p) % kPlaceStems.size()]);
                    UnitRecord u{UnitId{}, ccode,       name, province->id, c % 7 == 0 ? "ward" : "commune",
                                 start,    std::nullopt};
                    u.id = repos.units.Insert(u);
                    repos.units.InsertVersion(
                        {0, u.id, start, std::nullopt, u.name, u.parent, u.unit_type, std::nullopt});
                    commune = u;
                    ++report.units;
                }
                communes.emplace_back(commune->id.value, static_cast<int>(p));
            }
        }
        return true;
    });
    auto sink = app.store.Bulk();
    if (!sink) return Fail(ErrorCode::kInternal, "no_bulk", "Cơ sở dữ liệu này không hỗ trợ nạp hàng loạt.");
    std::int64_t next_id = sink->MaxPersonId() + 1;
    int last_year = VietnamDate(app.clock.Now()).year - 1;
    std::map<std::string, int> serials;  // national-ID prefix (6 digits) → last serial
    for (std::int64_t i = 0; i < o.people; ++i) {
        const auto& [unit, province] = communes[static_cast<std::size_t>(rng.Below(static_cast<int>(communes.size())))];
        bool female = rng.Below(100) < 52;
        std::string gender = female ? "female" : "male";
        int birth_year = 1965 + rng.Below(38);
        BulkPerson p;
        p.id = next_id + i;
        p.full_name = GeneratedName(rng, female);
        p.gender = gender;
        p.birth_date = Date{birth_year, 1 + rng.Below(12), 1 + rng.Below(28)};
        std::string prefix = fmt::format("{}{}{:02d}", kProvinces[static_cast<std::size_t>(province)].second,
                                         domain::NationalIdCenturyDigit(birth_year, gender), birth_year % 100);
        int serial = ++serials[prefix] + static_cast<int>(o.seed % 97) * 10'000;
        p.national_id = fmt::format("{}{:06d}", prefix, serial % 1'000'000);
        p.category = kCategories[static_cast<std::size_t>(rng.Below(static_cast<int>(kCategories.size())))];
        p.position = p.category == std::string("can_bo")      ? "Cán bộ"
                     : p.category == std::string("cong_nhan") ? "Công nhân"
                                                              : "Chuyên viên";
        p.unit_id = unit;
        p.start_date = start;
        sink->Person(p);
        ++report.people;
        for (int year = last_year - o.years + 1; year <= last_year; ++year) {
            int roll = rng.Below(100);
            const char* rating = roll < 15 ? "HTXS" : roll < 85 ? "HTT" : roll < 97 ? "HT" : "KHT";
            sink->Rating(p.id, year, rating);
            ++report.ratings;
            if (roll < 8) {
                sink->Award(p.id, "CSTDCS", year, year >= 2024 ? 2'340'000 : 1'800'000);
                ++report.awards;
            }
        }
        if ((i + 1) % 100'000 == 0) {
            sink->Finish();
            if (progress) progress(i + 1, o.people);
        }
    }
    sink->Finish();
    // Statistics of a load, not of empty tables: planning a later import on tables analysed empty
    // made each row's lookups scan what the import had written so far.
    if (report.people > 0) sink->Analyze();
    sink.reset();  // gives its connection back before the audit entry is written
    if (progress) progress(o.people, o.people);
    app.store.Write([&](Repositories& repos) {
        RecordChange(repos, app.clock, ctx,
                     {"seed.synthetic",
                      "person",
                      "*",
                      nullptr,
                      {{"people", report.people},
                       {"ratings", report.ratings},
                       {"awards", report.awards},
                       {"units", report.units},
                       {"seed", o.seed}}});
        return true;
    });
    return report;
}

}  // namespace tdkt::app
