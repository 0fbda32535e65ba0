#pragma once
// The citizen identity number (số định danh cá nhân, printed on the CCCD card): 12 digits.
//   digits 1–3  the province of birth registration (mã tỉnh, 001 Hà Nội … 096 Cà Mau)
//   digit  4    century of birth and gender: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s …
//   digits 5–6  the last two digits of the year of birth
//   digits 7–12 a serial number
// Source: Thông tư 07/2016/TT-BCA Điều 7 (as amended by Thông tư 59/2021/TT-BCA) [secondary:
// read from public explanations of the circular, not the primary text]. The province codes are
// those of the 63 provinces before the 2025 merger: numbers already issued never change.
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace tdkt::domain {

// nullopt when the number is well formed (and consistent with the birth date and gender when those
// are given); otherwise a Vietnamese message saying what is wrong.
std::optional<std::string> CheckNationalId(std::string_view id, std::optional<Date> birth_date = std::nullopt,
                                           std::string_view gender = {});

// The gender/century digit for a person (used by the synthetic data generator): 0–9, or -1 when the
// year is outside 1900–2399.
int NationalIdCenturyDigit(int birth_year, std::string_view gender);
// Whether "001" … "096" names a province in the circular's table.
bool IsNationalIdProvinceCode(std::string_view code);

}  // namespace tdkt::domain
