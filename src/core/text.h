#pragma once
// Vietnamese text: every input is NFC-normalised (NFD text from some keyboards breaks equality
// and search), search keys are folded (marks stripped, lower-case, đ→d), lists are collated in
// Vietnamese order, numbers are shown as 1.234.567.
#include <cstdint>
#include <string>
#include <string_view>

namespace tdkt::text {

bool IsValidUtf8(std::string_view s);
// NFC form of s; s must be valid UTF-8 (check with IsValidUtf8 at the edge).
std::string Nfc(std::string_view s);
// NFC, with leading/trailing white space removed and inner runs of white space collapsed to one space.
std::string CleanLine(std::string_view s);
// Search key: NFD, combining marks removed, lower-cased, đ/Đ → d. "Đặng Thị Đào" → "dang thi dao".
std::string Fold(std::string_view s);
// Upper case in Vietnamese: "Trường THPT Chu Văn An" → "TRƯỜNG THPT CHU VĂN AN" (NFC).
std::string UpperVi(std::string_view s);
// Vietnamese collation key (ICU "vi"): compare keys bytewise to sort An, Ân, Ấn, Bình, Dương, Đào.
std::string CollationKey(std::string_view s);
// 1234567 → "1.234.567", -5000 → "-5.000"
std::string FormatNumberVi(std::int64_t n);
// Number of Unicode code points.
std::size_t Length(std::string_view s);

}  // namespace tdkt::text
