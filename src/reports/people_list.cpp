#include "reports/people_list.h"

#include "core/time.h"
#include "domain/codes.h"

namespace tdkt::reports {
namespace {

std::string DateOrEmpty(const std::optional<Date>& d) { return d ? FormatDateVi(*d) : ""; }

}  // namespace

Table PeopleTable(std::string subtitle) {
    return {"Cá nhân",
            "DANH SÁCH CÁ NHÂN",
            std::move(subtitle),
            {"STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Đối tượng", "Chức vụ", "Mã đơn vị", "Đơn vị",
             "Ngày bắt đầu công tác", "Trực tiếp lao động", "Điện thoại", "Thư điện tử"},
            {}};
}

void AddPeopleRows(Table& table, const std::vector<app::PersonRecord>& people) {
    for (const auto& p : people)
        table.rows.push_back({std::to_string(table.rows.size() + 1), p.full_name,
                              std::string(domain::Genders().Label(p.gender)), DateOrEmpty(p.birth_date), p.national_id,
                              std::string(domain::PersonCategories().Label(p.category)), p.position, p.unit_code,
                              p.unit_name, DateOrEmpty(p.unit_since), p.direct_worker ? "có" : "không", p.phone,
                              p.email});
}

}  // namespace tdkt::reports
