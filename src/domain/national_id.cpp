#include "domain/national_id.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace tdkt::domain {
namespace {

constexpr std::array<int, 63> kProvinceCodes = {
    1,  2,  4,  6,  8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
    34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66,
    67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
};

}  // namespace

bool IsNationalIdProvinceCode(std::string_view code) {
    if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    int n = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    return std::find(kProvinceCodes.begin(), kProvinceCodes.end(), n) != kProvinceCodes.end();
}

int NationalIdCenturyDigit(int birth_year, std::string_view gender) {
    if (birth_year < 1900 || birth_year > 2399) return -1;
    return (birth_year / 100 - 19) * 2 + (gender == "female" ? 1 : 0);
}

std::optional<std::string> CheckNationalId(std::string_view id, std::optional<Date> birth_date,
                                           std::string_view gender) {
    if (id.size() != 12 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fmt::format("Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số; «{}» có {} ký tự.", id, id.size());
    if (!IsNationalIdProvinceCode(id.substr(0, 3)))
        return fmt::format("Số CCCD «{}» không hợp lệ: 3 chữ số đầu «{}» không phải mã tỉnh nơi đăng ký khai sinh.", id,
                           id.substr(0, 3));
    int century_digit = id[3] - '0';
    int yy = (id[4] - '0') * 10 + (id[5] - '0');
    if (birth_date) {
        int expected = NationalIdCenturyDigit(birth_date->year, gender.empty() ? "male" : gender);
        if (expected < 0) return fmt::format("Năm sinh {} nằm ngoài phạm vi của số CCCD.", birth_date->year);
        bool century_ok = gender.empty() ? century_digit / 2 == expected / 2 : century_digit == expected;
        if (!century_ok || yy != birth_date->year % 100) {
            int y = birth_date->year % 100;
            std::string wanted = gender.empty() ? fmt::format("{}{:02d}» hoặc «{}{:02d}", expected, y, expected + 1, y)
                                                : fmt::format("{}{:02d}", expected, y);
            std::string_view who =
                gender.empty() ? "" : (gender == "female" ? "giới tính nữ và " : "giới tính nam và ");
            return fmt::format("Số CCCD «{}» không khớp với {}năm sinh {}: chữ số thứ 4 đến 6 phải là «{}».", id, who,
                               birth_date->year, wanted);
        }
    }
    return std::nullopt;
}

}  // namespace tdkt::domain
