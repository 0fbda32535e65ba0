#pragma once
// Prize money (NĐ 152/2025 Điều 49–54): multiplier × the base salary in force on the decision date,
// rounded up to the next 10,000 VND; a household receives 1.5 × the individual amount.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "domain/catalog.h"

namespace tdkt::domain {

struct PrizeAmount {
    std::int64_t amount_vnd = 0;
    std::int64_t base_salary_vnd = 0;
    int multiplier_milli = 0;  // of the base salary, in thousandths (household: the effective one)
    std::string rule_set;
    std::string legal_ref;         // of the multiplier
    std::string salary_legal_ref;  // of the base salary
    bool unconfirmed = false;      // the multiplier, the salary or the household rounding is unconfirmed
};

// "0,3", "1,5", "12": a multiplier in thousandths, written the Vietnamese way.
std::string FormatMultiplier(int milli);

// ceil(multiplier_milli × base / 1000 / 10,000) × 10,000, in integers.
std::int64_t RoundedPrize(std::int64_t multiplier_milli, std::int64_t base_salary_vnd);

// The amount for an award given to a subject type by a decision of `decision_date`. Fails (with a
// Vietnamese message) when no rule set or base salary is in force on that date, the award is unknown
// in that rule set or does not go to that subject type.
Result<PrizeAmount> PrizeFor(const Catalog& catalog, std::string_view award, std::string_view subject_type,
                             const Date& decision_date);

}  // namespace tdkt::domain
