#include "app/generated_names.h"

#include <array>

namespace tdkt::app {
namespace {

constexpr std::array<const char*, 32> kSurnames{
    {"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần", "Lê",
     "Lê",     "Phạm",   "Phạm",   "Hoàng",  "Vũ",     "Vũ",     "Đặng",   "Bùi",  "Đỗ",   "Ngô",  "Dương",
     "Đào",    "Đinh",   "Lương",  "Mai",    "Tạ",     "Phan",   "Hà",     "Cao",  "Lưu",  "Trịnh"}};
constexpr std::array<const char*, 10> kMaleMiddle{
    {"Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Đình", "Xuân", "Tiến"}};
constexpr std::array<const char*, 9> kFemaleMiddle{
    {"Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Hồng"}};
constexpr std::array<const char*, 27> kMaleGiven{
    {"An",   "Bình", "Cường", "Dũng", "Dương", "Đạt", "Đức",   "Giang", "Hải",  "Hùng",  "Huy",  "Khánh", "Lâm", "Long",
     "Mạnh", "Nam",  "Phong", "Quân", "Sơn",   "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt",  "Vinh"}};
constexpr std::array<const char*, 27> kFemaleGiven{{"Anh",   "Ân",   "Châu", "Dung",  "Đào",   "Giang", "Hà",
                                                    "Hạnh",  "Hằng", "Hoa",  "Hương", "Huyền", "Lan",   "Liên",
                                                    "Linh",  "Loan", "Mai",  "Ngọc",  "Nhung", "Oanh",  "Phương",
                                                    "Quỳnh", "Tâm",  "Thảo", "Thủy",  "Trang", "Yến"}};

template <std::size_t N>
std::string Pick(SeededRandom& random, const std::array<const char*, N>& items) {
    return items[static_cast<std::size_t>(random.Below(static_cast<int>(N)))];
}

}  // namespace

std::string GeneratedName(SeededRandom& random, bool female) {
    std::string surname = Pick(random, kSurnames);
    std::string middle = female ? Pick(random, kFemaleMiddle) : Pick(random, kMaleMiddle);
    std::string given = female ? Pick(random, kFemaleGiven) : Pick(random, kMaleGiven);
    return surname + " " + middle + " " + given;
}

}  // namespace tdkt::app
