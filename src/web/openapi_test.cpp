#include "web/openapi.h"

#include <gtest/gtest.h>

#include "app/app.h"
#include "web/routes.h"

namespace tdkt::web {
namespace {

class NullStore final : public app::Store {  // routes are only registered, never called here
  public:
    std::string_view Backend() const override { return "sqlite"; }
    void Read(const std::function<void(app::Repositories&)>&) override {}
    void Write(const std::function<bool(app::Repositories&)>&) override {}
    std::unique_ptr<app::BulkSink> Bulk() override { return nullptr; }
};

}  // namespace

TEST(OpenApi_Completeness, EveryApiRouteIsDocumented) {
    NullStore store;
    SystemClock clock;
    app::App app{store, clock, {}, {}};
    ServerOptions options;
    Router router;
    RegisterRoutes(router, app, options);
    auto doc = OpenApiDocument("test");
    int api_routes = 0;
    for (const auto& route : router.routes()) {
        if (route.kind != Kind::kApi) continue;
        ++api_routes;
        std::string path = OpenApiPath(route.pattern);
        std::string method = route.method;
        std::transform(method.begin(), method.end(), method.begin(), ::tolower);
        ASSERT_TRUE(doc["paths"].contains(path)) << path;
        EXPECT_TRUE(doc["paths"][path].contains(method)) << method << " " << path;
    }
    EXPECT_EQ(api_routes, 83);
    int documented = 0;
    for (const auto& [path, ops] : doc["paths"].items()) documented += static_cast<int>(ops.size());
    EXPECT_EQ(documented, api_routes);  // and nothing documented that does not exist
}

TEST(OpenApi_Path, NamesCaptures) {
    EXPECT_EQ(OpenApiPath(R"(/api/v1/units/(\d{1,18}))"), "/api/v1/units/{id}");
    EXPECT_EQ(OpenApiPath("/api/v1/users/([a-z0-9._-]{1,64})/roles"), "/api/v1/users/{login}/roles");
    EXPECT_EQ(OpenApiPath(R"(/api/v1/people/(\d{1,18})/(leaves|disciplines|initiatives)/(\d{1,17}))"),
              "/api/v1/people/{id}/{kind}/{record_id}");
    EXPECT_EQ(OpenApiPath(R"(/api/v1/units/(\d{1,18})/ratings/(\d{4}))"), "/api/v1/units/{id}/ratings/{year}");
}

}  // namespace tdkt::web
