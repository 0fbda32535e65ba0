#include "app/people.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/policy.h"
#include "core/text.h"
#include "domain/codes.h"
#include "domain/national_id.h"
#include "domain/permission.h"

namespace tdkt::app {
namespace {

nlohmann::json OptDate(const std::optional<Date>& d) {
    return d ? nlohmann::json(FormatIsoDate(*d)) : nlohmann::json(nullptr);
}

nlohmann::json PersonSnapshot(const PersonRecord& p) {
    return {{"id", p.id.value},
            {"full_name", p.full_name},
            {"gender", p.gender},
            {"birth_date", OptDate(p.birth_date)},
            {"national_id", p.national_id},
            {"category", p.category},
            {"direct_worker", p.direct_worker},
            {"position", p.position},
            {"phone", p.phone},
            {"email", p.email},
            {"unit_id", p.unit ? nlohmann::json(p.unit->value) : nlohmann::json(nullptr)}};
}

tl::unexpected<Error> PersonNotFound(PersonId id) {
    return Fail(ErrorCode::kNotFound, "person_not_found", fmt::format("Không tìm thấy hồ sơ cá nhân số {}.", id.value));
}

bool ActiveOn(const UnitRecord& u, const Date& d) {
    return (!u.valid_from || *u.valid_from <= d) && (!u.valid_to || *u.valid_to > d);
}

// Loads the person and checks the action on them.
Result<PersonRecord> LoadPerson(Repositories& repos, const RequestContext& ctx, domain::Action action, PersonId id) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    auto person = repos.people.Find(id);
    if (!person) return PersonNotFound(id);
    if (auto allowed = AuthorizePerson(repos.units, ctx, action, *person); !allowed)
        return tl::unexpected(allowed.error());
    return *person;
}

// A national ID already used by someone else: 409, naming the holder only to those who may see them.
std::optional<Error> NationalIdTaken(Repositories& repos, const RequestContext& ctx, const PersonRecord& p) {
    if (p.national_id.empty()) return std::nullopt;
    auto holder = repos.people.FindByNationalId(p.national_id);
    if (!holder || holder->id == p.id) return std::nullopt;
    bool visible = AuthorizePerson(repos.units, ctx, domain::Action::kViewPeople, *holder).has_value();
    std::string who = visible ? fmt::format("«{}» ({})", holder->full_name, holder->unit_name)
                              : std::string("một người thuộc đơn vị khác");
    std::string message = fmt::format("Số CCCD {} đã được dùng cho {}.", p.national_id, who);
    return Error{ErrorCode::kConflict, "national_id_taken", message, "", {{"national_id", message}}};
}

std::string Now(App& app) { return FormatIsoUtc(app.clock.Now()); }

// Runs `fn(repos, person)` in a write transaction after checking kManagePeople on the person.
Status EditPerson(App& app, const RequestContext& ctx, PersonId id,
                  const std::function<Status(Repositories&, const PersonRecord&)>& fn) {
    Status out;
    app.store.Write([&](Repositories& repos) {
        auto person = LoadPerson(repos, ctx, domain::Action::kManagePeople, id);
        if (!person) return (out = tl::unexpected(person.error())), false;
        out = fn(repos, *person);
        return out.has_value();
    });
    return out;
}

}  // namespace

void CheckPersonInput(Checker& c, const PersonInput& in, PersonRecord& out) {
    out.full_name = c.Text("full_name", "Họ và tên", in.full_name, true, 100);
    if (!out.full_name.empty() && out.full_name.find(' ') == std::string::npos)
        c.Add("full_name", "Họ và tên", fmt::format("Họ và tên «{}» cần có cả họ và tên.", out.full_name));
    out.gender = c.Code("gender", "Giới tính", in.gender, domain::Genders(), true).value_or("");
    out.birth_date = c.DateValue("birth_date", "Ngày sinh", in.birth_date, false);
    out.national_id = c.Text("national_id", "Số CCCD", in.national_id, false, 20);
    out.national_id.erase(std::remove(out.national_id.begin(), out.national_id.end(), ' '), out.national_id.end());
    if (!out.national_id.empty())
        if (auto problem = domain::CheckNationalId(out.national_id, out.birth_date, out.gender))
            c.Add("national_id", "Số CCCD", *problem);
    out.category = c.Code("category", "Đối tượng", in.category, domain::PersonCategories(), true).value_or("");
    out.direct_worker = c.Flag("direct_worker", "Trực tiếp lao động, công tác", in.direct_worker);
    out.position = c.Text("position", "Chức vụ", in.position, false, 200);
    out.phone = c.Text("phone", "Điện thoại", in.phone, false, 20);
    out.email = c.Text("email", "Thư điện tử", in.email, false, 120);
    if (!out.email.empty() && out.email.find('@') == std::string::npos)
        c.Add("email", "Thư điện tử", fmt::format("Thư điện tử «{}» không hợp lệ.", out.email));
}

Result<PersonRecord> AddPersonIn(App& app, Repositories& repos, const RequestContext& ctx, const PersonInput& in) {
    Checker c;
    PersonRecord person;
    CheckPersonInput(c, in, person);
    auto start = c.DateValue("start_date", "Ngày bắt đầu công tác tại đơn vị", in.start_date, false);
    if (!in.unit) c.Add("unit_id", "Đơn vị", "Vui lòng chọn đơn vị công tác.");
    if (!c.ok()) return tl::unexpected(c.AsError());
    Date joined = start.value_or(VietnamDate(app.clock.Now()));
    auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManagePeople, *in.unit);
    if (!unit) return tl::unexpected(unit.error());
    if (!ActiveOn(*unit, joined))
        return Fail(ErrorCode::kConflict, "unit_not_active",
                    fmt::format("Đơn vị «{}» không tồn tại vào ngày {}.", unit->name, FormatDateVi(joined)));
    if (auto taken = NationalIdTaken(repos, ctx, person)) return tl::unexpected(*taken);
    person.unit = unit->id;
    person.created_at = person.updated_at = Now(app);
    person.id = repos.people.Insert(person);
    repos.people.InsertMembership({0, person.id, unit->id, "", joined, std::nullopt, person.position, ""});
    person.unit_name = unit->name;
    auto after = PersonSnapshot(person);
    after["start_date"] = FormatIsoDate(joined);
    RecordChange(repos, app.clock, ctx, {"person.create", "person", std::to_string(person.id.value), nullptr, after});
    return person;
}

Result<PersonRecord> AddPerson(App& app, const RequestContext& ctx, const PersonInput& in) {
    Result<PersonRecord> out = PersonNotFound(PersonId{});
    app.store.Write([&](Repositories& repos) {
        out = AddPersonIn(app, repos, ctx, in);
        return out.has_value();
    });
    return out;
}

Result<PersonRecord> UpdatePerson(App& app, const RequestContext& ctx, PersonId id, const PersonInput& in) {
    Checker c;
    PersonRecord changed;
    CheckPersonInput(c, in, changed);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Result<PersonRecord> out = PersonNotFound(id);
    app.store.Write([&](Repositories& repos) {
        auto person = LoadPerson(repos, ctx, domain::Action::kManagePeople, id);
        if (!person) return (out = tl::unexpected(person.error())), false;
        changed.id = id;
        changed.unit = person->unit;
        changed.unit_name = person->unit_name;
        changed.created_at = person->created_at;
        changed.updated_at = Now(app);
        if (auto taken = NationalIdTaken(repos, ctx, changed)) return (out = tl::unexpected(*taken)), false;
        repos.people.Update(changed);
        RecordChange(
            repos, app.clock, ctx,
            {"person.update", "person", std::to_string(id.value), PersonSnapshot(*person), PersonSnapshot(changed)});
        out = changed;
        return true;
    });
    return out;
}

Result<PersonRecord> TransferPerson(App& app, const RequestContext& ctx, PersonId id, UnitId to,
                                    const std::string& date_text, const std::string& position_text,
                                    const std::string& document_text) {
    Checker c;
    auto date = c.DateValue("date", "Ngày điều chuyển", date_text, true);
    std::string position = c.Text("position", "Chức vụ tại đơn vị mới", position_text, false, 200);
    std::string document = c.Text("document", "Quyết định điều chuyển", document_text, false, 300);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Result<PersonRecord> out = PersonNotFound(id);
    app.store.Write([&](Repositories& repos) {
        auto person = LoadPerson(repos, ctx, domain::Action::kManagePeople, id);
        if (!person) return (out = tl::unexpected(person.error())), false;
        auto target = repos.units.Find(to);
        if (!target)
            return (out = Fail(ErrorCode::kNotFound, "unit_not_found",
                               fmt::format("Không tìm thấy đơn vị số {}.", to.value))),
                   false;
        if (!ActiveOn(*target, *date))
            return (out =
                        Fail(ErrorCode::kConflict, "unit_not_active",
                             fmt::format("Đơn vị «{}» không tồn tại vào ngày {}.", target->name, FormatDateVi(*date)))),
                   false;
        if (person->unit == to)
            return (out = Fail(ErrorCode::kConflict, "same_unit",
                               fmt::format("«{}» đang công tác tại «{}».", person->full_name, target->name))),
                   false;
        for (const auto& m : repos.people.Memberships(id)) {
            if (m.end_date) continue;
            if (m.start_date >= *date)
                return (out = Fail(ErrorCode::kValidation, "invalid_date",
                                   fmt::format("Ngày điều chuyển phải sau ngày {} (bắt đầu công tác tại «{}»).",
                                               FormatDateVi(m.start_date), m.unit_name))),
                       false;
            repos.people.EndMembership(m.id, *date);
        }
        repos.people.InsertMembership({0, id, to, "", *date, std::nullopt, position, document});
        repos.people.SetCurrentUnit(id, to);
        PersonRecord after = *person;
        after.unit = to;
        after.unit_name = target->name;
        if (!position.empty()) {
            after.position = position;
            after.updated_at = Now(app);
            repos.people.Update(after);
        }
        auto after_json = PersonSnapshot(after);
        after_json["transfer_date"] = FormatIsoDate(*date);
        after_json["document"] = document;
        RecordChange(repos, app.clock, ctx,
                     {"person.transfer", "person", std::to_string(id.value), PersonSnapshot(*person), after_json});
        out = after;
        return true;
    });
    return out;
}

namespace {

// The repository query of a search, without the scope (which needs the units).
Result<PersonQuery> QueryOf(const PeopleSearch& s) {
    Checker c;
    PersonQuery q;
    if (!s.category.empty())
        q.category = c.Code("category", "Đối tượng", s.category, domain::PersonCategories(), false).value_or("");
    if (s.sort != "name" && s.sort != "birth_date" && s.sort != "unit")
        c.Add("sort", "Sắp xếp", "Chỉ sắp xếp được theo tên (name), ngày sinh (birth_date) hoặc đơn vị (unit).");
    if (!c.ok()) return tl::unexpected(c.AsError());
    std::string text = text::CleanLine(s.text);
    std::string digits;
    for (char ch : text)
        if (ch != ' ') digits.push_back(ch);
    if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        q.national_id_prefix = digits;
    else
        q.name_folded = text::Fold(text);
    q.sort = s.sort;
    q.descending = s.descending;
    return q;
}

// Narrows `q` to the units the user may see (and to the subtree of `s.unit`). Runs inside a read.
Result<void> Scope(Repositories& repos, const RequestContext& ctx, const PeopleSearch& s, PersonQuery& q) {
    auto all = repos.units.List();
    auto visible = VisibleUnits(repos.units, all, ctx);
    std::unordered_set<UnitId> allowed(visible.begin(), visible.end());
    if (s.unit) {
        if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewPeople, *s.unit); !ok)
            return tl::unexpected(ok.error());
        // The unit's subtree, as it is now.
        std::unordered_map<UnitId, std::vector<UnitId>> children;
        for (const auto& u : all)
            if (u.parent) children[*u.parent].push_back(u.id);
        std::vector<UnitId> subtree{*s.unit};
        for (std::size_t i = 0; i < subtree.size(); ++i)
            for (UnitId child : children[subtree[i]]) subtree.push_back(child);
        q.units = std::vector<UnitId>();
        for (UnitId u : subtree)
            if (allowed.count(u)) q.units->push_back(u);
    } else if (!ctx.system && allowed.size() < all.size()) {
        q.units = visible;
    }
    return {};
}

}  // namespace

Result<PeopleResult> SearchPeople(App& app, const RequestContext& ctx, const PeopleSearch& s) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    auto query = QueryOf(s);
    if (!query) return tl::unexpected(query.error());
    PersonQuery q = *query;
    PeopleResult out;
    out.page_size = std::clamp(s.page_size, 1, 200);
    out.page = std::max(1, s.page);
    q.limit = out.page_size;
    q.offset = (out.page - 1) * out.page_size;
    Result<PeopleResult> result = out;
    app.store.Read([&](Repositories& repos) {
        if (auto scoped = Scope(repos, ctx, s, q); !scoped) return void(result = tl::unexpected(scoped.error()));
        auto page = repos.people.Search(q);
        out.items = std::move(page.items);
        out.total_capped = page.total > kSearchCountCap;
        out.total = std::min<std::int64_t>(page.total, kSearchCountCap);
        result = std::move(out);
    });
    return result;
}

Result<std::int64_t> ForEachPerson(App& app, const RequestContext& ctx, const PeopleSearch& s,
                                   const std::function<bool(const std::vector<PersonRecord>&)>& batch) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    auto query = QueryOf(s);
    if (!query) return tl::unexpected(query.error());
    PersonQuery q = *query;
    q.limit = 2'000;
    q.after_id = PersonId{0};
    std::int64_t count = 0;
    for (;;) {
        std::vector<PersonRecord> items;
        Result<void> scoped;
        app.store.Read([&](Repositories& repos) {
            scoped = Scope(repos, ctx, s, q);
            if (scoped) items = repos.people.Search(q).items;
        });
        if (!scoped) return tl::unexpected(scoped.error());
        if (items.empty()) return count;
        count += static_cast<std::int64_t>(items.size());
        q.after_id = items.back().id;
        if (!batch(items) || static_cast<int>(items.size()) < q.limit) return count;
    }
}

Result<PersonFile> GetPersonFile(App& app, const RequestContext& ctx, PersonId id) {
    Result<PersonFile> out = PersonNotFound(id);
    app.store.Read([&](Repositories& repos) {
        auto person = LoadPerson(repos, ctx, domain::Action::kViewPeople, id);
        if (!person) return void(out = tl::unexpected(person.error()));
        PersonFile f;
        f.person = *person;
        f.memberships = repos.people.Memberships(id);
        f.ratings = repos.records.Ratings(id);
        f.leaves = repos.records.Leaves(id);
        f.disciplines = repos.records.Disciplines(id);
        f.initiatives = repos.records.Initiatives(id);
        f.awards = repos.awards.ForPerson(id);
        f.can_edit = AuthorizePerson(repos.units, ctx, domain::Action::kManagePeople, *person).has_value();
        if (person->unit) {
            f.can_revoke = HoldsRole(repos.units, ctx, domain::Role::kBoardLeader, *person->unit);
            f.can_recover = f.can_revoke || HoldsRole(repos.units, ctx, domain::Role::kBoardSpecialist, *person->unit);
        }
        out = std::move(f);
    });
    return out;
}

Status SetPersonRatingIn(App& app, Repositories& repos, const RequestContext& ctx, PersonId id,
                         const std::string& year_text, const std::string& rating_text,
                         const std::string& document_text) {
    Checker c;
    auto year = c.Year("year", "Năm", year_text, true);
    auto rating = c.Code("rating", "Xếp loại", rating_text, domain::TaskRatings(), true);
    std::string document = c.Text("document", "Văn bản đánh giá", document_text, false, 300);
    if (year && *year > VietnamDate(app.clock.Now()).year)
        c.Add("year", "Năm", fmt::format("Chưa thể xếp loại năm {}: năm này chưa đến.", *year));
    if (!c.ok()) return tl::unexpected(c.AsError());
    auto person = LoadPerson(repos, ctx, domain::Action::kManagePeople, id);
    if (!person) return tl::unexpected(person.error());
    nlohmann::json before = nullptr;
    for (const auto& r : repos.records.Ratings(id))
        if (r.year == *year) before = {{"year", r.year}, {"rating", r.rating}, {"document", r.document}};
    repos.records.SetRating(id, {*year, *rating, document});
    RecordChange(repos, app.clock, ctx,
                 {"person.rating",
                  "person_rating",
                  fmt::format("{}:{}", id.value, *year),
                  before,
                  {{"year", *year}, {"rating", *rating}, {"document", document}}});
    return {};
}

Status SetPersonRating(App& app, const RequestContext& ctx, PersonId id, const std::string& year_text,
                       const std::string& rating_text, const std::string& document_text) {
    Status out;
    app.store.Write([&](Repositories& repos) {
        out = SetPersonRatingIn(app, repos, ctx, id, year_text, rating_text, document_text);
        return out.has_value();
    });
    return out;
}

Status DeletePersonRating(App& app, const RequestContext& ctx, PersonId id, int year) {
    return EditPerson(app, ctx, id, [&](Repositories& repos, const PersonRecord& person) -> Status {
        nlohmann::json before = nullptr;
        for (const auto& r : repos.records.Ratings(id))
            if (r.year == year) before = {{"year", r.year}, {"rating", r.rating}, {"document", r.document}};
        if (before.is_null())
            return Fail(ErrorCode::kNotFound, "rating_not_found",
                        fmt::format("«{}» chưa có xếp loại năm {}.", person.full_name, year));
        repos.records.DeleteRating(id, year);
        RecordChange(repos, app.clock, ctx,
                     {"person.rating_delete", "person_rating", fmt::format("{}:{}", id.value, year), before, nullptr});
        return {};
    });
}

Result<std::int64_t> AddLeave(App& app, const RequestContext& ctx, PersonId id, const LeaveInput& in) {
    Checker c;
    Leave leave;
    leave.person = id;
    auto start = c.DateValue("start_date", "Ngày bắt đầu nghỉ", in.start_date, true);
    auto end = c.DateValue("end_date", "Ngày kết thúc nghỉ", in.end_date, true);
    leave.note = c.Text("note", "Ghi chú", in.note, false, 500);
    if (start && end && *end < *start)
        c.Add("end_date", "Ngày kết thúc nghỉ", "Ngày kết thúc nghỉ phải từ ngày bắt đầu nghỉ trở đi.");
    if (!c.ok()) return tl::unexpected(c.AsError());
    leave.start_date = *start;
    leave.end_date = *end;
    std::int64_t new_id = 0;
    auto done = EditPerson(app, ctx, id, [&](Repositories& repos, const PersonRecord&) -> Status {
        new_id = repos.records.InsertLeave(leave);
        RecordChange(repos, app.clock, ctx,
                     {"person.leave",
                      "leave",
                      std::to_string(new_id),
                      nullptr,
                      {{"person_id", id.value},
                       {"kind", leave.kind},
                       {"start_date", FormatIsoDate(leave.start_date)},
                       {"end_date", FormatIsoDate(leave.end_date)},
                       {"note", leave.note}}});
        return {};
    });
    if (!done) return tl::unexpected(done.error());
    return new_id;
}

Result<std::int64_t> AddDiscipline(App& app, const RequestContext& ctx, PersonId id, const DisciplineInput& in) {
    Checker c;
    Discipline d;
    d.person = id;
    d.form = c.Code("form", "Hình thức kỷ luật", in.form, domain::DisciplineForms(), true).value_or("");
    auto start = c.DateValue("start_date", "Ngày bắt đầu", in.start_date, true);
    d.end_date = c.DateValue("end_date", "Ngày kết thúc", in.end_date, false);
    d.decision = c.Text("decision", "Quyết định kỷ luật", in.decision, false, 300);
    d.note = c.Text("note", "Ghi chú", in.note, false, 500);
    if (start && d.end_date && *d.end_date < *start)
        c.Add("end_date", "Ngày kết thúc", "Ngày kết thúc kỷ luật phải từ ngày bắt đầu trở đi.");
    if (!c.ok()) return tl::unexpected(c.AsError());
    d.start_date = *start;
    std::int64_t new_id = 0;
    auto done = EditPerson(app, ctx, id, [&](Repositories& repos, const PersonRecord&) -> Status {
        new_id = repos.records.InsertDiscipline(d);
        RecordChange(repos, app.clock, ctx,
                     {"person.discipline",
                      "discipline",
                      std::to_string(new_id),
                      nullptr,
                      {{"person_id", id.value},
                       {"form", d.form},
                       {"start_date", FormatIsoDate(d.start_date)},
                       {"end_date", OptDate(d.end_date)},
                       {"decision", d.decision}}});
        return {};
    });
    if (!done) return tl::unexpected(done.error());
    return new_id;
}

Result<std::int64_t> AddInitiative(App& app, const RequestContext& ctx, PersonId id, const InitiativeInput& in) {
    Checker c;
    Initiative i;
    i.person = id;
    i.kind = in.kind.empty() ? "initiative"
                             : c.Code("kind", "Loại", in.kind, domain::InitiativeKinds(), true).value_or("initiative");
    i.title = c.Text("title", "Tên sáng kiến, đề tài", in.title, true, 500);
    i.year = c.Year("year", "Năm công nhận", in.year, true).value_or(0);
    i.scope = c.Code("scope", "Phạm vi công nhận", in.scope, domain::RecognitionScopes(), true).value_or("");
    i.decision = c.Text("decision", "Quyết định công nhận", in.decision, false, 300);
    if (!c.ok()) return tl::unexpected(c.AsError());
    std::int64_t new_id = 0;
    auto done = EditPerson(app, ctx, id, [&](Repositories& repos, const PersonRecord&) -> Status {
        new_id = repos.records.InsertInitiative(i);
        RecordChange(repos, app.clock, ctx,
                     {"person.initiative",
                      "initiative",
                      std::to_string(new_id),
                      nullptr,
                      {{"person_id", id.value},
                       {"kind", i.kind},
                       {"title", i.title},
                       {"year", i.year},
                       {"scope", i.scope},
                       {"decision", i.decision}}});
        return {};
    });
    if (!done) return tl::unexpected(done.error());
    return new_id;
}

Status DeletePersonRecord(App& app, const RequestContext& ctx, PersonId id, const std::string& kind,
                          std::int64_t record_id) {
    if (kind != "leave" && kind != "discipline" && kind != "initiative")
        return Fail(ErrorCode::kNotFound, "record_not_found", "Không có loại hồ sơ này.");
    return EditPerson(app, ctx, id, [&](Repositories& repos, const PersonRecord&) -> Status {
        if (!repos.records.DeleteRecord(kind, id, record_id))
            return Fail(ErrorCode::kNotFound, "record_not_found",
                        fmt::format("Không tìm thấy bản ghi số {} trong hồ sơ này.", record_id));
        RecordChange(
            repos, app.clock, ctx,
            {"person." + kind + "_delete", kind, std::to_string(record_id), {{"person_id", id.value}}, nullptr});
        return {};
    });
}

}  // namespace tdkt::app
