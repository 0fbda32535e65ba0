#include "app/validation.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.h"

namespace tdkt::app {

void Checker::Add(std::string_view field, std::string_view label, std::string message) {
    errors_.push_back({std::string(field), std::string(label), std::move(message)});
}

std::string Checker::Text(std::string_view field, std::string_view label, std::string_view value, bool required,
                          std::size_t max_length) {
    std::string clean = text::CleanLine(value);
    if (clean.empty() && required) Add(field, label, fmt::format("Vui lòng nhập {}.", label));
    if (text::Length(clean) > max_length) Add(field, label, fmt::format("{} dài quá {} ký tự.", label, max_length));
    return clean;
}

std::optional<Date> Checker::DateValue(std::string_view field, std::string_view label, std::string_view value,
                                       bool required) {
    std::string clean = text::CleanLine(value);
    if (clean.empty()) {
        if (required) Add(field, label, fmt::format("Vui lòng nhập {}.", label));
        return std::nullopt;
    }
    auto date = clean.find('/') != std::string::npos ? ParseDateVi(clean) : ParseIsoDate(clean);
    if (!date) Add(field, label, fmt::format("{} «{}» không phải ngày hợp lệ (dd/mm/yyyy).", label, clean));
    return date;
}

std::optional<std::string> Checker::Code(std::string_view field, std::string_view label, std::string_view value,
                                         const domain::Vocabulary& vocabulary, bool required) {
    std::string clean = text::CleanLine(value);
    if (clean.empty()) {
        if (required) Add(field, label, fmt::format("Vui lòng chọn {}.", label));
        return std::nullopt;
    }
    if (auto code = vocabulary.Resolve(clean)) return std::string(*code);
    std::string allowed;
    for (const auto& e : vocabulary.entries()) {
        if (!allowed.empty()) allowed += ", ";
        allowed += std::string(e.label);
    }
    Add(field, label, fmt::format("{} «{}» không hợp lệ; chọn một trong: {}.", label, clean, allowed));
    return std::nullopt;
}

std::optional<int> Checker::Year(std::string_view field, std::string_view label, std::string_view value,
                                 bool required) {
    std::string clean = text::CleanLine(value);
    if (clean.empty()) {
        if (required) Add(field, label, fmt::format("Vui lòng nhập {}.", label));
        return std::nullopt;
    }
    bool digits =
        clean.size() == 4 && std::all_of(clean.begin(), clean.end(), [](char c) { return c >= '0' && c <= '9'; });
    int year = digits ? std::stoi(clean) : 0;
    if (!digits || year < 1945 || year > 2100) {
        Add(field, label, fmt::format("{} «{}» không hợp lệ (một năm từ 1945 đến 2100).", label, clean));
        return std::nullopt;
    }
    return year;
}

std::optional<std::int64_t> Checker::Money(std::string_view field, std::string_view label, std::string_view value) {
    // Whole đồng: "1170000", or grouped by threes with dots, commas or spaces ("1.170.000", "1,170,000").
    std::string clean = text::CleanLine(value);
    if (clean.empty()) return 0;
    std::string digits;
    bool ok = std::isdigit(static_cast<unsigned char>(clean.front())) &&
              std::isdigit(static_cast<unsigned char>(clean.back()));
    int group = 0;
    bool grouped = false;
    for (char c : clean) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
            ++group;
        } else if (c == '.' || c == ',' || c == ' ') {
            if (grouped && group != 3) ok = false;
            if (!grouped && (group == 0 || group > 3)) ok = false;
            grouped = true;
            group = 0;
        } else {
            ok = false;
        }
    }
    if (grouped && group != 3) ok = false;
    if (!ok || digits.size() > 15) {
        Add(field, label, fmt::format("{} «{}» không phải số tiền hợp lệ (số đồng, ví dụ 1.170.000).", label, clean));
        return std::nullopt;
    }
    return std::stoll(digits);
}

bool Checker::Flag(std::string_view field, std::string_view label, std::string_view value) {
    std::string folded = text::Fold(text::CleanLine(value));
    if (folded == "co" || folded == "x" || folded == "1" || folded == "true" || folded == "on") return true;
    if (folded.empty() || folded == "khong" || folded == "0" || folded == "false") return false;
    Add(field, label, fmt::format("{} chỉ nhận «có» hoặc «không»; «{}» không hợp lệ.", label, value));
    return false;
}

Error Checker::AsError() const {
    Error out{ErrorCode::kValidation, "invalid_input", "Dữ liệu không hợp lệ.", "", {}};
    if (errors_.empty()) return out;
    out.reason = "invalid_" + errors_.front().field;
    out.message = errors_.front().message;
    for (const auto& e : errors_) out.fields.emplace_back(e.field, e.message);
    return out;
}

}  // namespace tdkt::app
