#include "cli/demo_dossiers.h"

#include <functional>

#include <fmt/format.h>

#include "app/council.h"
#include "app/decisions.h"
#include "app/dossiers.h"
#include "core/text.h"
#include "core/time.h"
#include "reports/dossier_papers.h"
#include "reports/pdf_document.h"

namespace tdkt::cli {
namespace {

namespace pdf = reports::pdf;

// The demo user acting, with the grants they hold (no session: the command line acts for them).
Result<app::RequestContext> As(app::App& app, const std::string& login) {
    std::optional<app::Actor> actor;
    app.store.Read([&](app::Repositories& r) {
        if (auto u = r.users.FindByLogin(login))
            actor = app::Actor{u->id, u->login, u->display_name, r.users.Grants(u->id)};
    });
    if (!actor)
        return Fail(ErrorCode::kNotFound, "demo_user_missing",
                    fmt::format("Chưa có người dùng mẫu «{}»: chạy «tdkt seed demo» trước.", login));
    app::RequestContext ctx;
    ctx.actor = std::move(actor);
    ctx.request_id = "seed-demo-dossiers";
    return ctx;
}

template <class T>
Status Checked(const Result<T>& r) {
    if (!r) return tl::unexpected(r.error());
    return {};
}
Status Checked(const Status& s) { return s; }

// A short paper standing in for one the unit scans and uploads: its own council's minutes, a
// nominee's report of achievements.
std::string DemoPaper(const std::string& unit_name, const std::string& title, const std::string& subject,
                      const Date& today) {
    std::vector<pdf::Block> blocks{
        pdf::Header{"", text::UpperVi(unit_name), "",
                    fmt::format("Hưng Yên, {}", pdf::VietnameseDate(today.year, today.month, today.day))},
        pdf::Paragraph{text::UpperVi(title), pdf::Align::kCenter, 14, true, false, 0, 2},
        pdf::Paragraph{subject, pdf::Align::kCenter, 14, true, false, 0, 6},
        pdf::Paragraph{"Tài liệu mẫu của dữ liệu thử nghiệm tdkt: trong hồ sơ thật, đơn vị tải lên bản chụp văn bản "
                       "đã ký."},
    };
    return pdf::Render(blocks, {false, false, title});
}

// Every document the catalogue requires: the tờ trình and the list written by tdkt, the others
// uploaded as demo papers.
Status CompleteDocuments(app::App& app, const app::RequestContext& ctx, DossierId id) {
    auto view = app::GetDossier(app, ctx, id);
    if (!view) return tl::unexpected(view.error());
    Date today = VietnamDate(app.clock.Now());
    for (const auto& need : view->required) {
        if (need.present) continue;
        if (need.can_generate) {
            if (auto made = Checked(reports::GenerateDossierPaper(app, ctx, id, need.doc_type)); !made) return made;
            continue;
        }
        app::DocumentInput in;
        in.doc_type = need.doc_type;
        in.nominee = need.nominee;
        in.file_name = need.nominee ? fmt::format("{}-{}.pdf", need.doc_type, *need.nominee) : need.doc_type + ".pdf";
        in.bytes = DemoPaper(view->dossier.unit_name, need.name, need.nominee_name, today);
        if (auto attached = Checked(app::AttachDocument(app, ctx, id, in)); !attached) return attached;
    }
    return {};
}

// Runs the steps in order and stops at the first that fails.
Status Steps(std::initializer_list<std::function<Status()>> steps) {
    for (const auto& step : steps)
        if (auto done = step(); !done) return done;
    return {};
}

Status Move(app::App& app, const app::RequestContext& ctx, DossierId id, const std::string& action) {
    return Checked(app::MoveDossier(app, ctx, id, {action, "", 0}));
}

// A dossier of `unit` proposing `people` for Bằng khen của Chủ tịch UBND tỉnh, by `login`.
Result<DossierId> Propose(app::App& app, const std::string& login, UnitId unit, const std::string& title,
                          const std::vector<PersonId>& people, DemoDossiers& out) {
    auto ctx = As(app, login);
    if (!ctx) return tl::unexpected(ctx.error());
    auto d = app::CreateDossier(app, *ctx, {title, "", "", "2025", unit});
    if (!d) return tl::unexpected(d.error());
    for (PersonId p : people) {
        if (auto added = Checked(app::AddNominee(app, *ctx, d->id, {"individual", p, std::nullopt, "", "BK_TINH"}));
            !added)
            return tl::unexpected(added.error());
        ++out.nominees;
    }
    ++out.dossiers;
    return d->id;
}

}  // namespace

Result<DemoDossiers> SeedDemoDossiers(app::App& app) {
    DemoDossiers out;
    std::optional<UnitId> school, department;
    std::vector<PersonId> teachers;
    app.store.Read([&](app::Repositories& r) {
        app::DossierFilter all;
        all.limit = 1;
        out.already_there = r.dossiers.List(all).total > 0;
        if (auto u = r.units.FindByCode("HY.SGDDT.THPTCTB")) school = u->id;
        if (auto u = r.units.FindByCode("HY.SGDDT")) department = u->id;
        if (school)
            for (const auto& m : r.people.CurrentMemberships(*school)) teachers.push_back(m.person);
    });
    if (out.already_there) return out;
    if (!school || !department || teachers.size() < 7)
        return Fail(ErrorCode::kConflict, "demo_missing",
                    "Chưa có tỉnh mẫu (Sở Giáo dục và Đào tạo, Trường THPT Chuyên Thái Bình và giáo viên): chạy "
                    "«tdkt seed demo» trước.");
    auto officer = As(app, "canbo.truong"), unit_leader = As(app, "lanhdao.sgd"), specialist = As(app, "chuyenvien"),
         leader = As(app, "lanhdao.ban"), secretary = As(app, "thuky.hd");
    for (const auto* ctx : {&officer, &unit_leader, &specialist, &leader, &secretary})
        if (!*ctx) return tl::unexpected(ctx->error());
    Date today = VietnamDate(app.clock.Now());

    // 1. The school's officer is preparing one: nominees chosen, the tờ trình not yet written.
    auto draft = Propose(app, "canbo.truong", *school, "Đề nghị Bằng khen của Chủ tịch UBND tỉnh năm 2025 (bổ sung)",
                         {teachers[0], teachers[1]}, out);
    if (!draft) return tl::unexpected(draft.error());

    // 2. The school's dossier, submitted by the department's leader, is with the board's specialist.
    auto waiting = Propose(app, "canbo.truong", *school, "Đề nghị Bằng khen tổng kết năm học 2024–2025",
                           {teachers[2], teachers[3]}, out);
    if (!waiting) return tl::unexpected(waiting.error());
    if (auto s = Steps({[&] { return CompleteDocuments(app, *officer, *waiting); },
                        [&] { return Move(app, *unit_leader, *waiting, "submit"); },
                        [&] { return Move(app, *specialist, *waiting, "receive"); }});
        !s)
        return tl::unexpected(s.error());

    // 3. The department's dossier goes all the way: appraised, voted by the council, decided, published.
    auto decided =
        Propose(app, "lanhdao.sgd", *department, "Đề nghị khen thưởng thành tích năm 2025 của ngành Giáo dục",
                {teachers[4], teachers[5], teachers[6]}, out);
    if (!decided) return tl::unexpected(decided.error());
    DossierId d = *decided;
    if (auto s = Steps({[&] { return CompleteDocuments(app, *unit_leader, d); },
                        [&] { return Move(app, *unit_leader, d, "submit"); },
                        [&] { return Move(app, *specialist, d, "receive"); }});
        !s)
        return tl::unexpected(s.error());
    // The board records why a nominee the engine cannot confirm goes on (the demo lacks their papers).
    auto view = app::GetDossier(app, *specialist, d);
    if (!view) return tl::unexpected(view.error());
    for (const auto& n : view->nominees)
        if (n.verdict.verdict != domain::VerdictKind::kEligible)
            if (auto s = app::OverrideNominee(app, *specialist, d, n.record.id,
                                              "Thành tích đã được Sở Giáo dục và Đào tạo xác nhận bằng văn bản");
                !s)
                return tl::unexpected(s.error());
    if (auto s = Steps({[&] { return Move(app, *specialist, d, "appraise"); },
                        [&] { return Move(app, *specialist, d, "to_council"); }});
        !s)
        return tl::unexpected(s.error());

    auto councils = app::ListCouncils(app, *secretary);
    if (!councils || councils->empty())
        return Fail(ErrorCode::kConflict, "demo_missing", "Chưa có Hội đồng Thi đua – Khen thưởng tỉnh mẫu.");
    auto meeting = app::CreateMeeting(
        app, *secretary, councils->front().id,
        {"Phiên họp xét khen thưởng tổng kết năm 2025", FormatDateVi(today), "Phòng họp số 1, Ủy ban nhân dân tỉnh"});
    if (!meeting) return tl::unexpected(meeting.error());
    if (auto s = Checked(app::AddDossierToMeeting(app, *secretary, meeting->id, d)); !s)
        return tl::unexpected(s.error());
    auto seated = app::GetMeeting(app, *secretary, meeting->id);
    if (!seated) return tl::unexpected(seated.error());
    for (const auto& m : seated->members)
        if (auto s = app::SetAttendance(app, *secretary, meeting->id, m.id, true); !s) return tl::unexpected(s.error());
    if (auto s = app::OpenVoting(app, *secretary, meeting->id); !s) return tl::unexpected(s.error());
    // Every member votes on every nominee they are not recused from: all agree but one, on the last.
    for (std::size_t k = 0; k < seated->members.size(); ++k) {
        auto member = As(app, seated->members[k].login);
        if (!member) return tl::unexpected(member.error());
        auto ballot = app::GetMeeting(app, *member, meeting->id);
        if (!ballot) return tl::unexpected(ballot.error());
        for (std::size_t i = 0; i < ballot->items.size(); ++i) {
            if (ballot->items[i].i_recused) continue;
            bool against = k == 0 && i + 1 == ballot->items.size();
            if (auto s = app::CastVote(app, *member, ballot->items[i].item.id, against ? "disagree" : "agree"); !s)
                return tl::unexpected(s.error());
        }
    }
    if (auto s = Steps({[&] { return app::CloseVoting(app, *secretary, meeting->id); },
                        [&] { return Move(app, *secretary, d, "close_voting"); }});
        !s)
        return tl::unexpected(s.error());
    auto decision = app::RecordDecision(app, *leader, d, {FormatDateVi(today), "Nguyễn Hữu Nghĩa", "CHỦ TỊCH", "", ""});
    if (!decision) return tl::unexpected(decision.error());
    if (auto s = Steps(
            {[&] { return Move(app, *leader, d, "decide"); }, [&] { return Move(app, *specialist, d, "publish"); }});
        !s)
        return tl::unexpected(s.error());
    auto issued = app::GetDecision(app, *leader, decision->id);
    if (!issued) return tl::unexpected(issued.error());
    out.certificates = static_cast<int>(issued->certificates.size());
    return out;
}

}  // namespace tdkt::cli
