#include "domain/prize.h"

#include <fmt/format.h>

#include "domain/codes.h"

namespace tdkt::domain {

std::string FormatMultiplier(int milli) {
    std::string out = std::to_string(milli / 1000);
    int frac = milli % 1000;
    if (frac) {
        std::string digits = fmt::format("{:03}", frac);
        while (digits.back() == '0') digits.pop_back();
        out += "," + digits;
    }
    return out;
}

std::int64_t RoundedPrize(std::int64_t multiplier_milli, std::int64_t base_salary_vnd) {
    constexpr std::int64_t kUnit = 1000 * 10'000;  // thousandths × 10,000 VND
    std::int64_t raw = multiplier_milli * base_salary_vnd;
    return (raw + kUnit - 1) / kUnit * 10'000;
}

Result<PrizeAmount> PrizeFor(const Catalog& catalog, std::string_view award, std::string_view subject_type,
                             const Date& decision_date) {
    const RuleSet* rules = catalog.InForce(decision_date);
    if (!rules)
        return Fail(
            ErrorCode::kInvalidInput, "no_rule_set",
            fmt::format("Chưa có bộ quy định khen thưởng nào có hiệu lực vào ngày {}.", FormatDateVi(decision_date)));
    const AwardDef* def = rules->Find(award);
    if (!def)
        return Fail(ErrorCode::kInvalidInput, "unknown_award",
                    fmt::format("Mã «{}» không có trong bộ quy định «{}».", award, rules->name));
    if (!SubjectTypes().Has(subject_type))
        return Fail(ErrorCode::kInvalidInput, "bad_subject_type",
                    fmt::format("Loại đối tượng «{}» không hợp lệ; dùng một trong: {}.", subject_type,
                                SubjectTypes().CodeList()));
    if (!def->Allows(subject_type))
        return Fail(ErrorCode::kInvalidInput, "subject_not_allowed",
                    fmt::format("«{}» không tặng cho đối tượng «{}».", def->name, SubjectTypes().Label(subject_type)));
    const BaseSalary* salary = catalog.SalaryOn(decision_date);
    if (!salary)
        return Fail(ErrorCode::kInvalidInput, "no_base_salary",
                    fmt::format("Chưa có mức lương cơ sở áp dụng vào ngày {}.", FormatDateVi(decision_date)));
    PrizeAmount out;
    out.base_salary_vnd = salary->amount_vnd;
    out.rule_set = rules->id;
    out.legal_ref = def->prize.legal_ref;
    out.salary_legal_ref = salary->legal_ref;
    out.unconfirmed = def->prize.unconfirmed || salary->unconfirmed;
    const Multipliers& m = def->prize;
    if (subject_type == "individual") {
        out.multiplier_milli = m.individual;
        out.amount_vnd = RoundedPrize(m.individual, salary->amount_vnd);
    } else if (subject_type == "collective") {
        out.multiplier_milli = m.collective;
        out.amount_vnd = RoundedPrize(m.collective, salary->amount_vnd);
    } else if (m.household || !m.household_from_individual) {
        out.multiplier_milli = m.household;
        out.amount_vnd = RoundedPrize(m.household, salary->amount_vnd);
    } else {
        // 1.5 × the individual amount; whether the individual amount is rounded first is unconfirmed.
        out.unconfirmed = true;
        out.multiplier_milli = static_cast<int>(std::int64_t{m.individual} * m.household_factor / 1000);
        if (rules->household_rounding == "once")
            out.amount_vnd = RoundedPrize(std::int64_t{m.individual} * m.household_factor / 1000, salary->amount_vnd);
        else
            out.amount_vnd = RoundedPrize(m.household_factor, RoundedPrize(m.individual, salary->amount_vnd));
    }
    return out;
}

}  // namespace tdkt::domain
