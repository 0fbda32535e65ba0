#pragma once
// The dossier tests' fixture (both databases): the demo province, a school with at least two teachers,
// villagers of a commune, and helpers to create dossiers and count audit entries.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/dossiers.h"
#include "app/people.h"
#include "support/seeded_suite.h"

namespace tdkt::testing {

class Dossiers : public Suite {
  protected:
    void SetUp() override {
        Suite::SetUp();
        school_ = Unit("HY.SGDDT.THPTCTB");
        store_->Read([&](app::Repositories& r) {
            for (const auto& m : r.people.CurrentMemberships(school_)) teachers_.push_back(m.person);
            for (const auto& m : r.people.CurrentMemberships(Unit("HY.X.VT"))) villagers_.push_back(m.person);
        });
        // The small demo may give the school one teacher: a second joins.
        app::PersonInput in;
        in.full_name = "Lương Thị Hằng";
        in.gender = "female";
        in.birth_date = "14/09/1988";
        in.national_id = "034188009911";
        in.category = "vien_chuc";
        in.unit = school_;
        in.start_date = "01/09/2025";
        auto added = app::AddPerson(*app_, System(), in);
        ASSERT_TRUE(added) << added.error().message;
        teachers_.push_back(added->id);
        ASSERT_GE(teachers_.size(), 2u);
        ASSERT_FALSE(villagers_.empty());
    }
    app::DossierRecord Create(const std::string& login, const std::string& procedure = "") {
        auto d = app::CreateDossier(*app_, As(login),
                                    {"Đề nghị khen thưởng năm học 2024–2025", "", procedure, "2025", school_});
        EXPECT_TRUE(d) << d.error().message;
        return d ? *d : app::DossierRecord{};
    }
    app::NomineeInput Person(PersonId p, const std::string& award) {
        return {"individual", p, std::nullopt, "", award};
    }
    int AuditCount(const std::string& action) {
        app::AuditFilter f;
        f.limit = 500;
        int n = 0;
        store_->Read([&](app::Repositories& r) {
            for (const auto& e : r.audit.List(f).entries) n += e.action == action;
        });
        return n;
    }

    UnitId school_;
    std::vector<PersonId> teachers_, villagers_;
};

}  // namespace tdkt::testing
