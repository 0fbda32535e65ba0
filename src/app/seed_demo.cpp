#include "app/seed_demo.h"

#include <array>

#include "app/audit_log.h"
#include "app/manage_users.h"

namespace tdkt::app {
namespace {

struct DemoUnit {
    const char* code;
    const char* name;
    const char* parent;  // nullptr for the province
};

// The merged province of Hưng Yên (Thái Bình merged into it on 1/7/2025, NQ 202/2025/QH15). The full
// demo organisation with its history arrives with the organisation module; this is its top.
constexpr std::array<DemoUnit, 10> kUnits{{
    {"HY", "Tỉnh Hưng Yên", nullptr},
    {"HY.SNV", "Sở Nội vụ", "HY"},
    {"HY.SNV.TDKT", "Phòng Thi đua, khen thưởng", "HY.SNV"},
    {"HY.SGDDT", "Sở Giáo dục và Đào tạo", "HY"},
    {"HY.SGDDT.THPTCTB", "Trường THPT Chuyên Thái Bình", "HY.SGDDT"},
    {"HY.SGDDT.THPTCHY", "Trường THPT Chuyên Hưng Yên", "HY.SGDDT"},
    {"HY.SYT", "Sở Y tế", "HY"},
    {"HY.SYT.BVDKTB", "Bệnh viện Đa khoa tỉnh Thái Bình", "HY.SYT"},
    {"HY.P.TB", "Phường Thái Bình", "HY"},
    {"HY.X.VT", "Xã Vũ Thư", "HY"},
}};

struct DemoUser {
    const char* login;
    const char* name;
    const char* role;
    const char* unit;
};

constexpr std::array<DemoUser, 8> kUsers{{
    {"admin", "Quản trị hệ thống", "administrator", "HY"},
    {"lanhdao.ban", "Trần Văn Hùng", "board_leader", "HY"},
    {"chuyenvien", "Nguyễn Thị Lan", "board_specialist", "HY"},
    {"thuky.hd", "Phạm Minh Đức", "council_secretary", "HY"},
    {"uyvien.hd", "Lê Thị Hoa", "council_member", "HY"},
    {"lanhdao.sgd", "Vũ Đình Khoa", "unit_leader", "HY.SGDDT"},
    {"canbo.truong", "Đặng Thị Đào", "unit_officer", "HY.SGDDT.THPTCTB"},
    {"xem", "Hoàng Văn Nam", "viewer", "HY.SYT"},
}};

}  // namespace

Result<SeedReport> SeedDemo(App& app, const RequestContext& ctx) {
    if (!ctx.system)
        return Fail(ErrorCode::kForbidden, "system_only", "Chỉ lệnh quản trị trên máy chủ mới được nạp dữ liệu mẫu.");
    SeedReport report;
    // Each unit and user is added only when absent, so an interrupted seed completes on the next run.
    app.store.Write([&](Repositories& repos) {
        for (const auto& u : kUnits) {
            if (repos.units.FindByCode(u.code)) continue;
            UnitRecord unit{UnitId{}, u.code, u.name, std::nullopt};
            if (u.parent) unit.parent = repos.units.FindByCode(u.parent)->id;
            unit.id = repos.units.Insert(unit);
            RecordChange(
                repos, app.clock, ctx,
                {"unit.create", "unit", std::to_string(unit.id.value), nullptr,
                 nlohmann::json{{"code", unit.code}, {"name", unit.name}, {"parent_code", u.parent ? u.parent : ""}}});
            ++report.units;
        }
        return report.units > 0;
    });
    for (const auto& u : kUsers) {
        bool exists = false;
        app.store.Read([&](Repositories& repos) { exists = repos.users.FindByLogin(u.login).has_value(); });
        if (exists) continue;
        auto added = AddUser(app, ctx, {u.login, u.name, kDemoPassword, {{u.role, u.unit}}});
        if (!added) return tl::unexpected(added.error());
        ++report.users;
    }
    report.already_seeded = report.units == 0 && report.users == 0;
    return report;
}

}  // namespace tdkt::app
