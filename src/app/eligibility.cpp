#include "app/eligibility.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "app/app.h"
#include "app/policy.h"
#include "app/subject_history.h"
#include "core/text.h"
#include "domain/codes.h"
#include "domain/prize.h"

namespace tdkt::app {
namespace {

using nlohmann::json;

bool KnownAward(const domain::Catalog& catalog, const std::string& code) {
    for (const auto& r : catalog.rule_sets)
        if (r.Find(code)) return true;
    return false;
}

class Reader {
  public:
    Reader(const domain::Catalog& catalog, CheckProblems& problems) : catalog_(catalog), p_(problems) {}

    std::optional<std::string> String(const json& j, const char* key, const std::string& at, bool required) {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            if (required) p_.Add(at + "." + key, "bắt buộc phải có");
            return std::nullopt;
        }
        if (!it->is_string()) {
            p_.Add(at + "." + key, "phải là chuỗi ký tự");
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    std::optional<int> Year(const json& j, const char* key, const std::string& at) {
        auto it = j.find(key);
        if (it == j.end()) {
            p_.Add(at + "." + key, "bắt buộc phải có (năm, ví dụ 2025)");
            return std::nullopt;
        }
        if (!it->is_number_integer() || it->get<int>() < 1945 || it->get<int>() > 2100) {
            p_.Add(at + "." + key, "phải là năm từ 1945 đến 2100");
            return std::nullopt;
        }
        return it->get<int>();
    }

    std::optional<int> YearKey(const std::string& key, const std::string& at) {
        int year = 0;
        bool digits =
            key.size() == 4 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits) year = std::stoi(key);
        if (!digits || year < 1945 || year > 2100) {
            p_.Add(at, fmt::format("«{}» không phải là năm (từ 1945 đến 2100)", key));
            return std::nullopt;
        }
        return year;
    }

    std::optional<Date> DateField(const json& j, const char* key, const std::string& at, bool required) {
        auto text = String(j, key, at, required);
        if (!text) return std::nullopt;
        auto d = ParseIsoDate(*text);
        if (!d) p_.Add(at + "." + key, fmt::format("«{}» không phải ngày dạng YYYY-MM-DD", *text));
        return d;
    }

    std::optional<std::string> Code(const json& j, const char* key, const std::string& at, const domain::Vocabulary& v,
                                    bool required, const std::string& fallback = "") {
        auto text = String(j, key, at, required);
        if (!text) return required ? std::nullopt : std::optional(fallback);
        auto code = v.Resolve(*text);
        if (!code) {
            p_.Add(at + "." + key, fmt::format("«{}» không hợp lệ; dùng một trong: {}", *text, v.CodeList()));
            return std::nullopt;
        }
        return std::string(*code);
    }

    std::optional<std::string> Award(const json& j, const char* key, const std::string& at) {
        auto code = String(j, key, at, true);
        if (!code) return std::nullopt;
        if (!KnownAward(catalog_, *code)) {
            p_.Add(at + "." + key, fmt::format("mã danh hiệu, hình thức «{}» không có trong danh mục", *code));
            return std::nullopt;
        }
        return code;
    }

    int Count(const json& j, const char* key, const std::string& at) {
        auto it = j.find(key);
        if (it == j.end()) {
            p_.Add(at + "." + key, "bắt buộc phải có (số nguyên không âm)");
            return 0;
        }
        if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 10'000'000) {
            p_.Add(at + "." + key, "phải là số nguyên không âm");
            return 0;
        }
        return it->get<int>();
    }

    // An array member, or an empty one when absent; a problem when it is something else.
    const json& Array(const json& j, const char* key, const std::string& at) {
        static const json empty = json::array();
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return empty;
        if (!it->is_array()) {
            p_.Add(at + "." + key, "phải là một mảng");
            return empty;
        }
        return *it;
    }

    const json& Object(const json& j, const char* key, const std::string& at) {
        static const json empty = json::object();
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return empty;
        if (!it->is_object()) {
            p_.Add(at + "." + key, "phải là một đối tượng (ví dụ {\"2025\": …})");
            return empty;
        }
        return *it;
    }

    bool IsObject(const json& j, const std::string& at) {
        if (j.is_object()) return true;
        p_.Add(at, "phải là một đối tượng JSON");
        return false;
    }

    // A reference to a stored person or unit, when the subject has one.
    std::optional<StoredSubject> Stored(const json& s, const std::string& at) {
        StoredSubject ref;
        int given = 0;
        for (const char* key : {"person_id", "unit_id"})
            if (s.contains(key)) {
                ++given;
                if (!s[key].is_number_integer() || s[key].get<long long>() <= 0) {
                    p_.Add(at + "." + key, "phải là số nguyên dương");
                    continue;
                }
                (std::string(key) == "person_id" ? ref.person_id : ref.unit_id) = s[key].get<long long>();
            }
        for (const char* key : {"national_id", "unit_code"})
            if (s.contains(key)) {
                ++given;
                (std::string(key) == "national_id" ? ref.national_id : ref.unit_code) =
                    String(s, key, at, true).value_or("");
            }
        if (given == 0) return std::nullopt;
        if (given > 1) p_.Add(at, "chỉ ghi một trong person_id, national_id, unit_id, unit_code");
        for (const char* key :
             {"ratings", "awards", "initiatives", "discipline", "maternity_leave", "member_stats", "service_start"})
            if (s.contains(key))
                p_.Add(at + "." + key,
                       "hồ sơ lấy từ cơ sở dữ liệu (person_id, national_id, unit_id, unit_code) thì "
                       "không ghi kèm trong tài liệu");
        return ref;
    }

    domain::SubjectHistory Subject(const json& s, const std::string& at, std::optional<StoredSubject>& stored) {
        domain::SubjectHistory out;
        if (!IsObject(s, at)) return out;
        out.id = String(s, "id", at, true).value_or("");
        stored = Stored(s, at);
        if (stored) {
            out.type = stored->person_id || !stored->national_id.empty() ? "individual" : "collective";
            out.cluster_rank.clear();
            for (auto& [key, value] : Object(s, "cluster_rank", at).items()) {
                auto year = YearKey(key, at + ".cluster_rank." + key);
                if (year && value.is_number_integer() && value.get<int>() >= 1)
                    out.cluster_rank[*year] = value.get<int>();
            }
            return out;
        }
        out.type = Code(s, "type", at, domain::SubjectTypes(), true).value_or("individual");
        out.name = String(s, "name", at, false).value_or("");
        for (auto& [key, value] : Object(s, "ratings", at).items()) {
            std::string field = at + ".ratings." + key;
            auto year = YearKey(key, field);
            auto code = value.is_string() ? domain::TaskRatings().Resolve(value.get<std::string>()) : std::nullopt;
            if (!code)
                p_.Add(field, fmt::format("xếp loại phải là một trong: {}", domain::TaskRatings().CodeList()));
            else if (year)
                out.ratings[*year] = std::string(*code);
        }
        int i = 0;
        for (const auto& a : Array(s, "awards", at)) {
            std::string field = fmt::format("{}.awards[{}]", at, i++);
            if (!IsObject(a, field)) continue;
            domain::HeldAward held;
            held.code = Award(a, "code", field).value_or("");
            held.year = Year(a, "year", field).value_or(0);
            held.kind = Code(a, "kind", field, domain::AwardKinds(), false, "merit").value_or("merit");
            held.decision_date = DateField(a, "decision_date", field, false);
            held.reference = String(a, "decision", field, false).value_or("");
            out.awards.push_back(std::move(held));
        }
        i = 0;
        for (const auto& n : Array(s, "initiatives", at)) {
            std::string field = fmt::format("{}.initiatives[{}]", at, i++);
            if (!IsObject(n, field)) continue;
            domain::InitiativeRecord rec;
            rec.year = Year(n, "year", field).value_or(0);
            rec.scope = Code(n, "scope", field, domain::RecognitionScopes(), true).value_or("");
            rec.title = String(n, "title", field, false).value_or("");
            if (n.contains("used_for")) {
                const json& used = n["used_for"];
                std::string used_at = field + ".used_for";
                if (IsObject(used, used_at)) {
                    rec.used_by = Award(used, "award", used_at).value_or("");
                    rec.used_year = Year(used, "year", used_at).value_or(0);
                }
            }
            out.initiatives.push_back(std::move(rec));
        }
        i = 0;
        for (const auto& d : Array(s, "discipline", at)) {
            std::string field = fmt::format("{}.discipline[{}]", at, i++);
            if (!IsObject(d, field)) continue;
            domain::DisciplineRecord rec;
            rec.level = Code(d, "level", field, domain::DisciplineForms(), true).value_or("");
            rec.from = DateField(d, "from", field, true).value_or(Date{});
            rec.to = DateField(d, "to", field, false);
            if (rec.to && !(rec.from < *rec.to)) p_.Add(field + ".to", "phải sau ngày bắt đầu (from)");
            out.discipline.push_back(std::move(rec));
        }
        i = 0;
        for (const auto& l : Array(s, "maternity_leave", at)) {
            std::string field = fmt::format("{}.maternity_leave[{}]", at, i++);
            if (!IsObject(l, field)) continue;
            auto from = DateField(l, "from", field, true);
            auto to = DateField(l, "to", field, true);
            if (from && to && !(*from < *to)) p_.Add(field + ".to", "phải sau ngày bắt đầu (from)");
            if (from && to) out.maternity_leave.push_back({*from, *to});
        }
        for (auto& [key, value] : Object(s, "member_stats", at).items()) {
            std::string field = at + ".member_stats." + key;
            auto year = YearKey(key, field);
            if (!IsObject(value, field)) continue;
            domain::MemberStats m;
            m.total = Count(value, "total", field);
            m.completed_tasks = Count(value, "completed_tasks", field);
            m.ldtt = Count(value, "ldtt", field);
            m.cstdcs = Count(value, "cstdcs", field);
            m.disciplined_canh_cao_or_above = Count(value, "disciplined_canh_cao_or_above", field);
            for (auto [name, n] : {std::pair{"completed_tasks", m.completed_tasks}, std::pair{"ldtt", m.ldtt},
                                   std::pair{"cstdcs", m.cstdcs},
                                   std::pair{"disciplined_canh_cao_or_above", m.disciplined_canh_cao_or_above}})
                if (n > m.total)
                    p_.Add(field + "." + name, fmt::format("{} lớn hơn tổng số thành viên {}", n, m.total));
            if (year) out.member_stats[*year] = m;
        }
        for (auto& [key, value] : Object(s, "cluster_rank", at).items()) {
            std::string field = at + ".cluster_rank." + key;
            auto year = YearKey(key, field);
            if (!value.is_number_integer() || value.get<int>() < 1)
                p_.Add(field, "thứ hạng phải là số nguyên từ 1");
            else if (year)
                out.cluster_rank[*year] = value.get<int>();
        }
        out.service_start = DateField(s, "service_start", at, false);
        if (out.type != "collective" && (!out.member_stats.empty() || !out.cluster_rank.empty()))
            p_.Add(at + ".member_stats", "chỉ dùng cho tập thể (type: collective)");
        return out;
    }

    domain::Proposal ProposalOf(const json& p, const std::string& at, const std::set<std::string>& subjects) {
        domain::Proposal out;
        if (!IsObject(p, at)) return out;
        out.subject = String(p, "subject", at, true).value_or("");
        if (!out.subject.empty() && !subjects.count(out.subject))
            p_.Add(at + ".subject", fmt::format("không có đối tượng «{}» trong subjects", out.subject));
        out.award = Award(p, "award", at).value_or("");
        out.year = Year(p, "year", at).value_or(0);
        out.kind = Code(p, "kind", at, domain::AwardKinds(), false, "merit").value_or("merit");
        auto date = DateField(p, "decision_date", at, true);
        if (date) out.decision_date = *date;
        if (date && out.year && *date < Date{out.year, 1, 1})
            p_.Add(at + ".decision_date", fmt::format("ngày quyết định trước năm thành tích {}", out.year));
        return out;
    }

  private:
    const domain::Catalog& catalog_;
    CheckProblems& p_;
};

json ReasonJson(const domain::Reason& r) {
    json out{{"rule", r.rule}, {"legal_ref", r.legal_ref}, {"passed", r.passed}, {"message", r.message}};
    if (!r.evidence.empty()) out["evidence"] = r.evidence;
    if (r.unconfirmed) out["unconfirmed"] = true;
    return out;
}

json CriterionJson(const domain::Criterion& c) {
    json out{{"id", c.id}, {"kind", c.kind}, {"text", c.text}, {"legal_ref", c.legal_ref}};
    if (c.unconfirmed) out["unconfirmed"] = true;
    if (!c.rating.empty()) out["rating"] = c.rating;
    if (!c.awards.empty()) out["awards"] = c.awards;
    if (!c.scope.empty()) out["scope"] = c.scope;
    if (c.count) out["count"] = c.count;
    if (c.years) out["years"] = c.years;
    if (c.step > 1) out["step"] = c.step;
    if (c.share_pct) out["share_pct"] = c.share_pct;
    if (!c.criteria.empty()) {
        out["criteria"] = json::array();
        for (const auto& child : c.criteria) out["criteria"].push_back(CriterionJson(child));
    }
    return out;
}

}  // namespace

Result<CheckDocument> ParseCheckDocument(const json& doc, const domain::Catalog& catalog) {
    CheckProblems problems;
    Reader read(catalog, problems);
    CheckDocument out;
    if (!doc.is_object()) {
        problems.Add("$", "tài liệu phải là một đối tượng JSON có subjects và proposals");
        return tl::unexpected(problems.AsError());
    }
    if (!doc.contains("subjects")) problems.Add("subjects", "bắt buộc phải có (danh sách đối tượng)");
    if (!doc.contains("proposals")) problems.Add("proposals", "bắt buộc phải có (danh sách đề nghị)");
    std::set<std::string> ids;
    int i = 0;
    for (const auto& s : read.Array(doc, "subjects", "$")) {
        std::string at = fmt::format("subjects[{}]", i++);
        std::optional<StoredSubject> stored;
        out.subjects.push_back(read.Subject(s, at, stored));
        if (stored) {
            stored->index = out.subjects.size() - 1;
            out.stored.push_back(*stored);
        }
        const auto& id = out.subjects.back().id;
        if (!id.empty() && !ids.insert(id).second) problems.Add(at + ".id", fmt::format("«{}» bị trùng", id));
    }
    i = 0;
    for (const auto& p : read.Array(doc, "proposals", "$"))
        out.proposals.push_back(read.ProposalOf(p, fmt::format("proposals[{}]", i++), ids));
    if (!problems.ok()) return tl::unexpected(problems.AsError());
    return out;
}

Result<CheckDocument> ParseCheckText(std::string_view text, const domain::Catalog& catalog) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        return Fail(ErrorCode::kInvalidInput, "invalid_json",
                    fmt::format("Không đọc được JSON: lỗi cú pháp ở vị trí {}.", e.byte));
    }
    return ParseCheckDocument(doc, catalog);
}

std::vector<domain::Verdict> CheckAll(const domain::Catalog& catalog, const CheckDocument& doc) {
    return domain::EvaluateAll(catalog, doc.subjects, doc.proposals);
}

json VerdictFields(const domain::Verdict& v) {
    json r{{"verdict", domain::VerdictCode(v.verdict)},
           {"verdict_label", domain::VerdictLabel(v.verdict)},
           {"rule_set", v.rule_set},
           {"reasons", json::array()},
           {"council", json::array()},
           {"missing", v.missing},
           {"prize_vnd", v.prize_vnd ? json(*v.prize_vnd) : json(nullptr)}};
    for (const auto& reason : v.reasons) r["reasons"].push_back(ReasonJson(reason));
    for (const auto& reason : v.council) r["council"].push_back(ReasonJson(reason));
    if (!v.prize_note.empty()) r["prize_note"] = v.prize_note;
    if (!v.assumes.empty()) r["assumes"] = v.assumes;
    return r;
}

json ResultsJson(const CheckDocument& doc, const std::vector<domain::Verdict>& verdicts) {
    json results = json::array();
    for (std::size_t i = 0; i < verdicts.size() && i < doc.proposals.size(); ++i) {
        const auto& p = doc.proposals[i];
        json r{{"subject", p.subject}, {"award", p.award}, {"year", p.year}, {"kind", p.kind}};
        r.update(VerdictFields(verdicts[i]));
        results.push_back(std::move(r));
    }
    return json{{"results", results}};
}

Result<json> CatalogJson(const domain::Catalog& catalog, const Date& as_of) {
    const domain::RuleSet* rules = catalog.InForce(as_of);
    if (!rules)
        return Fail(ErrorCode::kNotFound, "no_rule_set",
                    fmt::format("Chưa có bộ quy định khen thưởng nào có hiệu lực vào ngày {}.", FormatDateVi(as_of)));
    json out;
    out["as_of"] = FormatIsoDate(as_of);
    out["rule_set"] = {{"id", rules->id},
                       {"name", rules->name},
                       {"valid_from", FormatIsoDate(rules->valid_from)},
                       {"valid_to", rules->valid_to ? json(FormatIsoDate(*rules->valid_to)) : json(nullptr)},
                       {"legal_basis", rules->legal_basis},
                       {"household_rounding", rules->household_rounding}};
    const domain::BaseSalary* salary = catalog.SalaryOn(as_of);
    out["base_salary"] = salary ? json{{"amount_vnd", salary->amount_vnd},
                                       {"valid_from", FormatIsoDate(salary->valid_from)},
                                       {"legal_ref", salary->legal_ref},
                                       {"unconfirmed", salary->unconfirmed}}
                                : json(nullptr);
    out["documents"] = json::array();
    for (const auto& d : rules->documents) out["documents"].push_back({{"code", d.code}, {"name", d.name}});
    out["awards"] = json::array();
    for (const auto& a : rules->awards) {
        json award{{"code", a.code},
                   {"name", a.name},
                   {"group", a.group},
                   {"level", a.level},
                   {"legal_ref", a.legal_ref},
                   {"subject_types", a.subject_types},
                   {"kinds", a.kinds},
                   {"authority", a.authority},
                   {"artefacts", a.artefacts},
                   {"documents", a.documents},
                   {"appraisal_working_days", a.appraisal_working_days},
                   {"deadline", a.deadline}};
        json criteria = json::object();
        for (const auto& set : a.criteria) {
            json list = json::array();
            for (const auto& c : set.criteria) list.push_back(CriterionJson(c));
            criteria[set.subject_type][set.kind] = list;
        }
        award["criteria"] = criteria;
        award["vote"] = a.vote_threshold_pct ? json{{"threshold_pct", a.vote_threshold_pct},
                                                    {"legal_ref", a.vote_legal_ref},
                                                    {"unconfirmed", a.vote_unconfirmed}}
                                             : json(nullptr);
        json prize{{"legal_ref", a.prize.legal_ref}, {"unconfirmed", a.prize.unconfirmed}};
        for (const auto& subject : a.subject_types) {
            auto amount = domain::PrizeFor(catalog, a.code, subject, as_of);
            if (amount)
                prize[subject] = {{"multiplier", amount->multiplier_milli / 1000.0},
                                  {"amount_vnd", amount->amount_vnd}};
        }
        award["prize"] = prize;
        award["simplified_procedure"] =
            a.simplified_kinds.empty() ? json(nullptr)
                                       : json{{"kinds", a.simplified_kinds}, {"documents", a.simplified_documents}};
        award["public_consultation"] =
            a.public_consultation ? json{{"working_days", a.consultation_working_days}} : json(nullptr);
        out["awards"].push_back(std::move(award));
    }
    return out;
}

Status LoadStoredSubjects(App& app, const RequestContext& ctx, CheckDocument& doc) {
    if (doc.stored.empty()) return {};
    CheckProblems problems;
    app.store.Read([&](Repositories& repos) {
        for (const auto& ref : doc.stored) {
            auto& subject = doc.subjects[ref.index];
            std::string at = fmt::format("subjects[{}]", ref.index);
            if (ref.person_id || !ref.national_id.empty()) {
                auto person = ref.person_id ? repos.people.Find(PersonId{*ref.person_id})
                                            : repos.people.FindByNationalId(ref.national_id);
                std::string field = at + (ref.person_id ? ".person_id" : ".national_id");
                if (!person) {
                    problems.Add(field, ref.person_id ? fmt::format("không có cá nhân mã {}", *ref.person_id)
                                                      : fmt::format("không có ai có số CCCD {}", ref.national_id));
                    continue;
                }
                if (!AuthorizePerson(repos.units, ctx, domain::Action::kViewPeople, *person)) {
                    problems.Add(field, fmt::format("«{}» không thuộc phạm vi bạn được xem", person->full_name));
                    continue;
                }
                auto history = PersonHistory(repos, *person);
                history.id = subject.id;
                subject = std::move(history);
                continue;
            }
            auto unit = ref.unit_id ? repos.units.Find(UnitId{*ref.unit_id}) : repos.units.FindByCode(ref.unit_code);
            std::string field = at + (ref.unit_id ? ".unit_id" : ".unit_code");
            if (!unit) {
                problems.Add(field, ref.unit_id ? fmt::format("không có đơn vị mã {}", *ref.unit_id)
                                                : fmt::format("không có đơn vị mã «{}»", ref.unit_code));
                continue;
            }
            if (!Authorize(repos.units, ctx, domain::Action::kViewUnit, unit->id)) {
                problems.Add(field, fmt::format("«{}» không thuộc phạm vi bạn được xem", unit->name));
                continue;
            }
            std::vector<int> years;
            for (const auto& p : doc.proposals)
                if (p.subject == subject.id) years.push_back(p.year);
            auto cluster = subject.cluster_rank;
            auto history = UnitHistory(repos, *unit, years);
            history.id = subject.id;
            history.cluster_rank = cluster;
            subject = std::move(history);
        }
    });
    if (!problems.ok()) return tl::unexpected(problems.AsError());
    return {};
}

const std::vector<ListColumn>& CheckListColumns() {
    static const std::vector<ListColumn> columns = {
        {"national_id", "Số CCCD", false, "034185001234", "cá nhân: số CCCD đã có trong hệ thống"},
        {"unit_code", "Mã đơn vị", false, "HY.SGDDT.THPTCTB", "tập thể: mã đơn vị (khi không có số CCCD)"},
        {"name", "Họ và tên, tên tập thể", false, "Nguyễn Văn An", "để đối chiếu, không bắt buộc"},
        {"award", "Danh hiệu, hình thức đề nghị", true, "CSTDCS", "mã (LDTT, CSTDCS, BK_TINH …) hoặc tên"},
        {"year", "Năm thành tích", true, "2025", ""},
        {"kind", "Loại hình khen thưởng", false, "Thường xuyên (công trạng)", "bỏ trống: thường xuyên"},
        {"decision_date", "Ngày quyết định", false, "20/12/2025", "bỏ trống: ngày kiểm tra"},
        {"cluster_rank", "Xếp hạng cụm, khối", false, "1", "tập thể đề nghị Cờ thi đua"},
    };
    return columns;
}

Error CheckProblems::AsError() const {
    Error e;
    e.code = ErrorCode::kInvalidInput;
    e.reason = "invalid_document";
    e.message = items_.size() == 1 ? fmt::format("{}: {}", items_[0].first, items_[0].second)
                                   : fmt::format("Tài liệu có {} lỗi; lỗi đầu tiên: {}: {}", items_.size(),
                                                 items_[0].first, items_[0].second);
    e.fields = items_;
    return e;
}

std::string SheetHeader(std::string_view header) {
    std::string f = text::Fold(text::CleanLine(header));
    while (!f.empty() && (f.back() == '*' || f.back() == ' ')) f.pop_back();
    return f;
}

// An award by its code or its Vietnamese name (any accents and case).
std::optional<std::string> AwardByCodeOrName(const domain::Catalog& catalog, const std::string& text) {
    std::string wanted = text::Fold(text::CleanLine(text));
    for (auto it = catalog.rule_sets.rbegin(); it != catalog.rule_sets.rend(); ++it)
        for (const auto& a : it->awards)
            if (text::Fold(a.code) == wanted || text::Fold(a.name) == wanted) return a.code;
    return std::nullopt;
}

// "20/12/2025", "2025-12-20" or an Excel date serial ("46011").
std::optional<Date> SheetDate(const std::string& value) {
    if (auto d = ParseDateVi(value)) return d;
    if (auto d = ParseIsoDate(value)) return d;
    if (!value.empty() && value.size() <= 6 && std::all_of(value.begin(), value.end(), ::isdigit)) {
        std::int64_t serial = std::stoll(value);  // days since 1899-12-30
        std::int64_t days = serial - 25'569;      // … since 1970-01-01
        std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
        return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day()))};
    }
    return std::nullopt;
}

Result<CheckDocument> CheckDocumentFromRows(const std::vector<std::vector<std::string>>& cells,
                                            const domain::Catalog& catalog, const Date& default_decision) {
    const auto& columns = CheckListColumns();
    std::optional<std::size_t> header_row;
    std::map<std::string, std::size_t> column_of;
    for (std::size_t r = 0; r < std::min<std::size_t>(cells.size(), 10) && !header_row; ++r) {
        std::map<std::string, std::size_t> found;
        for (std::size_t c = 0; c < cells[r].size(); ++c)
            for (const auto& col : columns)
                if (SheetHeader(cells[r][c]) == SheetHeader(col.label)) found.emplace(std::string(col.key), c);
        if (found.count("award") && found.count("year") && (found.count("national_id") || found.count("unit_code")))
            header_row = r, column_of = std::move(found);
    }
    if (!header_row)
        return Fail(ErrorCode::kValidation, "header_not_found",
                    "Không tìm thấy dòng tiêu đề trong 10 dòng đầu của tệp. Danh sách cần các cột «Số CCCD» (hoặc "
                    "«Mã đơn vị»), «Danh hiệu, hình thức đề nghị» và «Năm thành tích». Hãy tải tệp mẫu và điền theo "
                    "đúng tiêu đề.");
    auto label = [&](const char* key) {
        for (const auto& col : columns)
            if (col.key == key) return std::string(col.label);
        return std::string(key);
    };
    CheckProblems problems;
    CheckDocument doc;
    std::map<std::string, std::size_t> subject_of;  // "cccd:…" / "unit:…" → index
    for (std::size_t r = *header_row + 1; r < cells.size(); ++r) {
        auto get = [&](const char* key) {
            auto it = column_of.find(key);
            return it == column_of.end() || it->second >= cells[r].size() ? std::string()
                                                                          : text::CleanLine(cells[r][it->second]);
        };
        std::string national_id = get("national_id"), unit_code = get("unit_code"), award = get("award"),
                    year_text = get("year");
        if (national_id.empty() && unit_code.empty() && award.empty() && year_text.empty()) continue;
        int row = static_cast<int>(r) + 1;
        auto where = [&](const char* key) { return fmt::format("Dòng {}, cột «{}»", row, label(key)); };
        bool ok = true;
        national_id.erase(std::remove(national_id.begin(), national_id.end(), ' '), national_id.end());
        if (national_id.size() >= 10 && national_id.size() < 12 &&
            std::all_of(national_id.begin(), national_id.end(), ::isdigit))
            national_id.insert(0, 12 - national_id.size(), '0');  // a leading zero Excel dropped
        if (national_id.empty() && unit_code.empty()) {
            problems.Add(where("national_id"), "cần số CCCD của cá nhân hoặc mã đơn vị của tập thể");
            ok = false;
        }
        auto code = award.empty() ? std::nullopt : AwardByCodeOrName(catalog, award);
        if (!code) {
            problems.Add(where("award"), award.empty()
                                             ? "bắt buộc phải có"
                                             : fmt::format("«{}» không có trong danh mục khen thưởng", award));
            ok = false;
        }
        int year = 0;
        if (year_text.size() == 4 && std::all_of(year_text.begin(), year_text.end(), ::isdigit))
            year = std::stoi(year_text);
        if (year < 1945 || year > 2100) {
            problems.Add(where("year"), "phải là năm, ví dụ 2025");
            ok = false;
        }
        std::string kind = "merit";
        if (std::string k = get("kind"); !k.empty()) {
            auto resolved = domain::AwardKinds().Resolve(k);
            if (!resolved) {
                problems.Add(where("kind"),
                             fmt::format("«{}» không hợp lệ; dùng một trong: {}", k, domain::AwardKinds().CodeList()));
                ok = false;
            } else {
                kind = std::string(*resolved);
            }
        }
        Date decision = default_decision;
        if (std::string d = get("decision_date"); !d.empty()) {
            auto parsed = SheetDate(d);
            if (!parsed) {
                problems.Add(where("decision_date"), fmt::format("«{}» không phải ngày dạng dd/mm/yyyy", d));
                ok = false;
            } else {
                decision = *parsed;
            }
        }
        std::optional<int> rank;
        if (std::string k = get("cluster_rank"); !k.empty()) {
            if (!std::all_of(k.begin(), k.end(), ::isdigit) || k.size() > 3 || std::stoi(k) < 1) {
                problems.Add(where("cluster_rank"), "thứ hạng phải là số nguyên từ 1");
                ok = false;
            } else {
                rank = std::stoi(k);
            }
        }
        if (!ok) continue;
        std::string key = national_id.empty() ? "unit:" + unit_code : "cccd:" + national_id;
        auto found = subject_of.find(key);
        if (found == subject_of.end()) {
            domain::SubjectHistory subject;
            subject.id = national_id.empty() ? unit_code : national_id;
            subject.name = get("name");
            subject.type = national_id.empty() ? "collective" : "individual";
            StoredSubject ref;
            ref.index = doc.subjects.size();
            ref.national_id = national_id;
            ref.unit_code = national_id.empty() ? unit_code : "";
            doc.stored.push_back(ref);
            doc.subjects.push_back(std::move(subject));
            found = subject_of.emplace(key, doc.subjects.size() - 1).first;
        }
        if (rank) doc.subjects[found->second].cluster_rank[year] = *rank;
        doc.proposals.push_back({doc.subjects[found->second].id, *code, year, kind, decision});
    }
    if (!problems.ok()) return tl::unexpected(problems.AsError());
    if (doc.proposals.empty())
        return Fail(ErrorCode::kValidation, "empty_list", "Danh sách không có dòng đề nghị nào dưới dòng tiêu đề.");
    return doc;
}

}  // namespace tdkt::app
