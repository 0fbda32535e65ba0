#pragma once
// A fresh database with the demo province (its fixed people only), shared by the suites that run
// against both backends.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "app/app.h"
#include "app/seed_demo.h"
#include "app/sign_in.h"
#include "storage/connection_pool.h"
#include "storage/migrations.h"
#include "support/test_store.h"

namespace tdkt::testing {

inline constexpr Timestamp kStart{1'795'320'000'000};  // 2026-11-22T04:00:00Z

inline app::RequestContext System() {
    app::RequestContext ctx;
    ctx.system = true;
    ctx.system_user = "test";
    ctx.request_id = "req-test";
    return ctx;
}

class Suite : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = db_.Open();
        app_ = std::make_unique<app::App>(*store_, clock_, app::AuthConfig{});
        ASSERT_TRUE(app::SeedDemo(*app_, System(), {6}));
    }
    app::RequestContext As(const std::string& login) {
        auto signed_in = app::SignIn(*app_, System(), {login, app::kDemoPassword});
        EXPECT_TRUE(signed_in) << login;
        app::RequestContext ctx;
        ctx.actor = signed_in->actor;
        ctx.request_id = "req-" + login;
        return ctx;
    }
    UnitId Unit(const std::string& code) {
        UnitId id;
        store_->Read([&](app::Repositories& r) { id = r.units.FindByCode(code)->id; });
        return id;
    }
    void Sql(const std::string& statement) {  // runs raw SQL as an intruder with database access would
        auto lease = store_->pool().Acquire();
        storage::ExecScript(*lease, store_->pool().backend(), statement);
    }

    TestDatabase db_;
    ManualClock clock_{kStart};
    std::unique_ptr<storage::SqlStore> store_;
    std::unique_ptr<app::App> app_;
};

}  // namespace tdkt::testing
