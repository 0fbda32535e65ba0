#pragma once
// The award codes the records accept: titles (danh hiệu) and forms (hình thức) of Luật Thi đua,
// khen thưởng 06/2022, with who may receive them. Codes are part of the API contract (issue 4 lists
// LDTT, CSTDCS, CSTD_TINH, …). The award catalogue of the eligibility engine (rule sets with validity
// dates, criteria, multipliers) builds on these codes.
#include <string_view>
#include <vector>

namespace tdkt::domain {

struct AwardCode {
    std::string_view code;
    std::string_view name;  // Vietnamese
    bool individual = false;
    bool collective = false;
    bool household = false;
};

const std::vector<AwardCode>& AwardCodes();
const AwardCode* FindAwardCode(std::string_view code);
// Whether `subject_type` (individual | collective | household) may receive the award.
bool AwardAllowsSubject(const AwardCode& award, std::string_view subject_type);

}  // namespace tdkt::domain
