#include "domain/catalog.h"

#include <algorithm>

namespace tdkt::domain {

bool AwardDef::Allows(std::string_view subject_type) const {
    return std::find(subject_types.begin(), subject_types.end(), subject_type) != subject_types.end();
}

bool AwardDef::AllowsKind(std::string_view kind) const {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const CriteriaSet* AwardDef::CriteriaFor(std::string_view subject_type, std::string_view kind) const {
    const CriteriaSet* fallback = nullptr;
    for (const auto& set : criteria) {
        if (set.subject_type != subject_type) continue;
        if (set.kind == kind) return &set;
        if (set.kind == "*") fallback = &set;
    }
    return fallback;
}

const AwardDef* RuleSet::Find(std::string_view code) const {
    for (const auto& a : awards)
        if (a.code == code) return &a;
    return nullptr;
}

const DocumentKind* RuleSet::Document(std::string_view code) const {
    for (const auto& d : documents)
        if (d.code == code) return &d;
    return nullptr;
}

const RuleSet* Catalog::InForce(const Date& d) const {
    for (const auto& r : rule_sets)
        if (r.InForce(d)) return &r;
    return nullptr;
}

const BaseSalary* Catalog::SalaryOn(const Date& d) const {
    const BaseSalary* found = nullptr;
    for (const auto& s : base_salary)
        if (!(d < s.valid_from) && (!found || found->valid_from < s.valid_from)) found = &s;
    return found;
}

}  // namespace tdkt::domain
