#include "web/render.h"

#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "app/policy.h"
#include "domain/permission.h"

namespace tdkt::embedded {
std::string_view templates(std::string_view path);
}

namespace tdkt::web {
namespace {

namespace mst = kainjow::mustache;

mst::data ToData(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            // Each list `k` also gets `has_k` (unless given): kainjow cannot test a list's first item
            // ({{#k.0}}), so templates write {{#has_k}}…{{/has_k}} around a list's heading.
            mst::data d{mst::data::type::object};
            for (const auto& [k, v] : j.items()) {
                d.set(k, ToData(v));
                if (v.is_array() && !j.contains("has_" + k)) d.set("has_" + k, mst::data{!v.empty()});
            }
            return d;
        }
        case nlohmann::json::value_t::array: {
            mst::data d{mst::data::type::list};
            for (const auto& v : j) d.push_back(ToData(v));
            return d;
        }
        case nlohmann::json::value_t::string: {
            // Mustache sections treat any string as true; an empty one must hide {{#x}}…{{/x}}.
            // false renders as "" in {{x}}, so nothing else changes.
            const auto& s = j.get_ref<const std::string&>();
            return s.empty() ? mst::data{false} : mst::data{s};
        }
        case nlohmann::json::value_t::boolean:
            return mst::data{j.get<bool>()};
        case nlohmann::json::value_t::null:
            return mst::data{false};
        default:
            return mst::data{j.dump()};
    }
}

struct NavItem {
    const char* href;
    const char* label;
    const char* icon;
    std::optional<domain::Action> needs;  // system-wide permission needed to see it
};

constexpr NavItem kNav[] = {
    {"/", "Tổng quan", "bi-speedometer2", std::nullopt},
    {"/don-vi", "Đơn vị", "bi-diagram-3", std::nullopt},
    {"/ca-nhan", "Cá nhân", "bi-person-vcard", std::nullopt},
    {"/nhap-du-lieu", "Nhập dữ liệu", "bi-file-earmark-arrow-up", std::nullopt},
    {"/xet-khen-thuong", "Xét khen thưởng", "bi-award", std::nullopt},
    {"/ho-so", "Hồ sơ đề nghị", "bi-folder2-open", std::nullopt},
    {"/hoi-dong", "Hội đồng", "bi-people-fill", std::nullopt},
    {"/danh-muc-khen-thuong", "Danh mục khen thưởng", "bi-journal-bookmark", std::nullopt},
    {"/nguoi-dung", "Người dùng", "bi-people", domain::Action::kManageUsers},
    {"/nhat-ky", "Nhật ký hệ thống", "bi-journal-text", domain::Action::kViewAudit},
};

constexpr std::string_view kPartials[] = {"eligibility_panel", "award_revocation"};

nlohmann::json Shell(const Request& req, const PageMeta& meta) {
    nlohmann::json shell{{"title", meta.title}, {"breadcrumbs", meta.breadcrumbs}};
    if (!req.session) return shell;
    const auto& actor = req.session->actor;
    auto ctx = req.Context();
    nlohmann::json nav = nlohmann::json::array();
    for (const auto& item : kNav) {
        if (item.needs && !app::AuthorizeSystemWide(ctx, *item.needs)) continue;
        nav.push_back(
            {{"href", item.href}, {"label", item.label}, {"icon", item.icon}, {"active", meta.active == item.href}});
    }
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& g : actor.grants)
        roles.push_back({{"role", std::string(domain::RoleLabel(g.role))}, {"unit", g.unit_name}});
    shell["nav"] = nav;
    shell["user"] = {{"display_name", actor.display_name}, {"login", actor.login}, {"roles", roles}};
    shell["csrf"] = req.session->csrf_token;
    shell["unread"] = req.unread_notifications > 0 ? nlohmann::json(req.unread_notifications) : nlohmann::json(false);
    return shell;
}

}  // namespace

std::string RenderTemplate(std::string_view name, const nlohmann::json& data) {
    std::string_view text = embedded::templates(std::string(name) + ".mustache");
    if (text.empty()) throw std::runtime_error("unknown template " + std::string(name));
    mst::mustache tmpl{std::string(text)};
    if (!tmpl.is_valid()) throw std::runtime_error("template " + std::string(name) + ": " + tmpl.error_message());
    mst::data d = ToData(data);
    // Partials shared by several pages: {{>eligibility_panel}} is templates/_eligibility_panel.mustache.
    for (std::string_view partial : kPartials) {
        if (!d.is_object()) break;
        std::string_view body = embedded::templates("_" + std::string(partial) + ".mustache");
        if (body.empty()) throw std::runtime_error("unknown partial " + std::string(partial));
        d.set(std::string(partial), mst::partial{[body] { return std::string(body); }});
    }
    return tmpl.render(d);
}

Response RenderPage(const Request& req, int status, const PageMeta& meta, std::string_view body_template,
                    const nlohmann::json& data) {
    nlohmann::json page = Shell(req, meta);
    nlohmann::json body_data = data;
    if (req.session) body_data["csrf"] = req.session->csrf_token;
    page["body"] = RenderTemplate(body_template, body_data);
    page["signed_in"] = req.session.has_value();
    return Response::Html(status, RenderTemplate("layout", page));
}

Response RenderErrorPage(const Request& req, int status, std::string_view message) {
    PageMeta meta{status == 404   ? "Không tìm thấy"
                  : status == 403 ? "Không có quyền"
                                  : "Lỗi",
                  "", nlohmann::json::array()};
    return RenderPage(req, status, meta, "error",
                      {{"status", std::to_string(status)}, {"message", message}, {"title", meta.title}});
}

}  // namespace tdkt::web
