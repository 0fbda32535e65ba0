#include "domain/eligibility.h"

#include <algorithm>
#include <climits>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/codes.h"
#include "domain/prize.h"

namespace tdkt::domain {

std::string_view VerdictCode(VerdictKind v) {
    switch (v) {
        case VerdictKind::kEligible:
            return "eligible";
        case VerdictKind::kNotEligible:
            return "not_eligible";
        case VerdictKind::kNeedsEvidence:
            return "needs_evidence";
    }
    return "not_eligible";
}

std::string_view VerdictLabel(VerdictKind v) {
    switch (v) {
        case VerdictKind::kEligible:
            return "Đủ điều kiện";
        case VerdictKind::kNotEligible:
            return "Chưa đủ điều kiện";
        case VerdictKind::kNeedsEvidence:
            return "Cần bổ sung thông tin";
    }
    return "Chưa đủ điều kiện";
}

namespace {

constexpr std::string_view kPrinciplesRef = "Luật TĐKT 2022, Điều 5; NĐ 152/2025/NĐ-CP, Điều 4";

enum class State { kPass, kFail, kUnknown, kJudgement };

struct Outcome {
    State state = State::kPass;
    std::vector<Reason> reasons;
    std::vector<Reason> council;
    std::vector<std::string> missing;

    void Absorb(Outcome&& other) {
        for (auto& r : other.reasons) reasons.push_back(std::move(r));
        for (auto& r : other.council) council.push_back(std::move(r));
        for (auto& m : other.missing) missing.push_back(std::move(m));
    }
};

int ScopeRank(std::string_view scope) {
    if (scope == "co_so") return 0;
    if (scope == "tinh") return 1;
    if (scope == "toan_quoc") return 2;
    return -1;
}

std::string Years(const std::vector<int>& years) {
    std::string out;
    for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
    return out;
}

class Evaluator {
  public:
    // `explain`: write the reasons, evidence and what is missing; without it only the verdict is
    // worked out (bulk runs), several times faster.
    Evaluator(const RuleSet& rules, const AwardDef& award, const SubjectHistory& s, const Proposal& p, bool explain)
        : rules_(rules), award_(award), s_(s), p_(p), explain_(explain) {
        for (const auto& d : s.discipline)
            for (int y = d.from.year; y <= (d.to ? d.to->year : 9999) && y <= p.year + 1; ++y) {
                Date start{y, 1, 1}, end{y + 1, 1, 1};
                if (d.from < end && (!d.to || start < *d.to)) tainted_.push_back(y);
            }
        // Years already rewarded by this award (merit) are not counted for it again.
        for (const auto& a : s.awards)
            if (a.code == award.code && a.kind == "merit" && a.year < p.year)
                fresh_after_ = std::max(fresh_after_, a.year);
    }

    Outcome Check(const Criterion& c) {
        if (c.kind == "rating") return Rating(c);
        if (c.kind == "consecutive_years") return ConsecutiveYears(c);
        if (c.kind == "run_after_award") return RunAfterAward(c);
        if (c.kind == "initiative") return Initiative(c);
        if (c.kind == "service_months") return ServiceMonths(c);
        if (c.kind == "members_completed" || c.kind == "members_award_share" || c.kind == "members_award_count" ||
            c.kind == "members_disciplined")
            return Members(c);
        if (c.kind == "cluster_rank") return ClusterRank(c);
        if (c.kind == "any_of") return AnyOf(c);
        if (c.kind == "all_of") return AllOf(c.criteria);
        return Judgement(c);  // "judgement", and any kind this build does not know: left to the council
    }

    Outcome AllOf(const std::vector<Criterion>& criteria) {
        Outcome out;
        bool fail = false, unknown = false, judgement = false;
        for (const auto& c : criteria) {
            Outcome o = Check(c);
            fail |= o.state == State::kFail;
            unknown |= o.state == State::kUnknown;
            judgement |= o.state == State::kJudgement;
            out.Absorb(std::move(o));
        }
        out.state = fail ? State::kFail : unknown ? State::kUnknown : judgement ? State::kJudgement : State::kPass;
        return out;
    }

    // Whether the achievement year is touched by a discipline period.
    bool Tainted(int year) const { return std::find(tainted_.begin(), tainted_.end(), year) != tainted_.end(); }
    int FreshAfter() const { return fresh_after_; }

  private:
    std::string RuleId(const Criterion& c) const { return award_.code + "." + c.id; }

    static Outcome Bare(State state) {
        Outcome o;
        o.state = state;
        return o;
    }

    Reason MakeReason(const Criterion& c, bool passed, std::string message, std::vector<std::string> evidence = {}) {
        return Reason{RuleId(c), c.legal_ref, passed, std::move(message), std::move(evidence), c.unconfirmed};
    }

    Outcome Single(const Criterion& c, State state, std::string message, std::vector<std::string> evidence = {},
                   std::string missing = "") {
        Outcome o;
        o.state = state;
        o.reasons.push_back(MakeReason(c, state == State::kPass, std::move(message), std::move(evidence)));
        if (!missing.empty()) o.missing.push_back(std::move(missing));
        return o;
    }

    std::string AwardName(const std::string& code) const {
        if (const AwardDef* a = rules_.Find(code)) return a->name;
        return code;
    }

    const HeldAward* MeritAward(int year, const std::vector<std::string>& codes) const {
        for (const auto& a : s_.awards)
            if (a.year == year && a.kind == "merit" && std::find(codes.begin(), codes.end(), a.code) != codes.end())
                return &a;
        return nullptr;
    }

    std::string AwardEvidence(const HeldAward& a) const {
        std::string out = fmt::format("{} năm {}", AwardName(a.code), a.year);
        if (!a.reference.empty()) out += " (QĐ " + a.reference + ")";
        return out;
    }

    const std::string* RatingOf(int year) const {
        auto it = s_.ratings.find(year);
        return it == s_.ratings.end() ? nullptr : &it->second;
    }

    static bool RatingAtLeast(const std::string& rating, const std::string& min) {
        int r = RatingRank(rating), m = RatingRank(min);
        return r >= 0 && m >= 0 && r <= m;
    }

    std::string AwardsText(const std::vector<std::string>& codes) const {
        std::string out;
        for (const auto& code : codes) out += (out.empty() ? "«" : " hoặc «") + AwardName(code) + "»";
        return out;
    }

    // "xếp loại HTXS hoặc «Tập thể lao động xuất sắc»"
    std::string YearTest(const Criterion& c) const {
        std::string out;
        if (!c.rating.empty()) out = "xếp loại " + c.rating + (c.rating == "HTXS" ? "" : " trở lên");
        if (!c.awards.empty()) out += (out.empty() ? "" : " hoặc ") + AwardsText(c.awards);
        return out;
    }

    Outcome Rating(const Criterion& c) {
        int y = p_.year;
        const std::string* r = RatingOf(y);
        if (!explain_) return Bare(!r ? State::kUnknown : RatingAtLeast(*r, c.rating) ? State::kPass : State::kFail);
        if (!r)
            return Single(c, State::kUnknown, fmt::format("Chưa có xếp loại mức độ hoàn thành nhiệm vụ năm {}.", y), {},
                          fmt::format("Xếp loại mức độ hoàn thành nhiệm vụ năm {}", y));
        std::vector<std::string> evidence{fmt::format("Xếp loại năm {}: {}", y, *r)};
        if (RatingAtLeast(*r, c.rating))
            return Single(c, State::kPass, fmt::format("Năm {} xếp loại {} (cần {}).", y, *r, YearTest(c)), evidence);
        return Single(c, State::kFail, fmt::format("Năm {} xếp loại {}, chưa đạt {}.", y, *r, YearTest(c)), evidence,
                      fmt::format("{} năm {}", Capital(YearTest(c)), y));
    }

    Outcome ConsecutiveYears(const Criterion& c) {
        int step = std::max(1, c.step), count = std::max(1, c.count);
        std::vector<int> years;
        for (int i = count - 1; i >= 0; --i) years.push_back(p_.year - i * step);
        std::vector<std::string> evidence;
        std::vector<int> failed, unknown, used, disciplined;
        for (int y : years) {
            if (y <= fresh_after_) {
                used.push_back(y);
                continue;
            }
            if (Tainted(y)) {
                disciplined.push_back(y);
                continue;
            }
            bool ok = false;
            if (!c.awards.empty())
                if (const HeldAward* a = MeritAward(y, c.awards)) {
                    ok = true;
                    if (explain_) evidence.push_back(AwardEvidence(*a));
                }
            const std::string* r = RatingOf(y);
            if (!ok && !c.rating.empty() && r && RatingAtLeast(*r, c.rating)) {
                ok = true;
                if (explain_) evidence.push_back(fmt::format("Xếp loại năm {}: {}", y, *r));
            }
            if (ok) continue;
            if (!c.rating.empty() && !r)
                unknown.push_back(y);
            else
                failed.push_back(y);
        }
        if (!explain_)
            return Bare(failed.empty() && unknown.empty() && used.empty() && disciplined.empty() ? State::kPass
                        : failed.empty() && used.empty() && disciplined.empty()                  ? State::kUnknown
                                                                                                 : State::kFail);
        std::string what =
            fmt::format("{} {} liên tục ({}) đạt {}", count, step == 1 ? "năm" : "lần", Years(years), YearTest(c));
        if (failed.empty() && unknown.empty() && used.empty() && disciplined.empty())
            return Single(c, State::kPass, "Đủ " + what + ".", evidence);
        std::vector<std::string> problems;
        if (!failed.empty()) problems.push_back("chưa đạt năm " + Years(failed));
        if (!used.empty())
            problems.push_back(
                fmt::format("năm {} đã được tính cho «{}» năm {}", Years(used), award_.name, fresh_after_));
        if (!disciplined.empty()) problems.push_back("năm " + Years(disciplined) + " có thời gian bị kỷ luật");
        if (!unknown.empty()) problems.push_back("chưa có xếp loại năm " + Years(unknown));
        std::string message = "Cần " + what + ": ";
        for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
        message += ".";
        Outcome o = Single(c, failed.empty() && used.empty() && disciplined.empty() ? State::kUnknown : State::kFail,
                           std::move(message), evidence);
        for (int y : failed) o.missing.push_back(fmt::format("{} năm {}", Capital(YearTest(c)), y));
        for (int y : unknown) o.missing.push_back(fmt::format("Xếp loại mức độ hoàn thành nhiệm vụ năm {}", y));
        return o;
    }

    Outcome RunAfterAward(const Criterion& c) {
        const HeldAward* anchor = nullptr;
        for (const auto& a : s_.awards)
            if (a.kind == "merit" && a.year < p_.year &&
                std::find(c.awards.begin(), c.awards.end(), a.code) != c.awards.end() &&
                (!anchor || anchor->year < a.year))
                anchor = &a;
        if (!anchor && !explain_) return Bare(State::kFail);
        if (!anchor)
            return Single(c, State::kFail,
                          fmt::format("Chưa được tặng {} trước năm {}.", AwardsText(c.awards), p_.year), {},
                          fmt::format("{} (khen thưởng thường xuyên)", AwardsText(c.awards)));
        std::vector<std::string> evidence;
        if (explain_) evidence.push_back(AwardEvidence(*anchor));
        int start_after = std::max(anchor->year, fresh_after_);
        std::vector<int> run;
        std::optional<int> gap, broken, disciplined;
        for (int y = p_.year; y > start_after; --y) {
            if (Tainted(y)) {
                disciplined = y;
                break;
            }
            const std::string* r = RatingOf(y);
            if (!r) {
                gap = y;
                break;
            }
            if (!RatingAtLeast(*r, c.rating)) {
                broken = y;
                break;
            }
            run.push_back(y);
            if (explain_) evidence.push_back(fmt::format("Xếp loại năm {}: {}", y, *r));
        }
        std::reverse(run.begin(), run.end());
        int count = std::max(1, c.count);
        if (!explain_) {
            if (static_cast<int>(run.size()) < count)
                return Bare(gap && !broken && !disciplined ? State::kUnknown : State::kFail);
            for (const auto& w : c.criteria) {
                int have = 0;
                for (int y : run) {
                    if (w.kind == "count_awards" && MeritAward(y, w.awards)) ++have;
                    if (w.kind == "count_ratings")
                        if (const std::string* r = RatingOf(y); r && RatingAtLeast(*r, w.rating)) ++have;
                }
                if (have < w.count) return Bare(State::kFail);
            }
            return Bare(State::kPass);
        }
        std::string need = fmt::format("Sau {}, cần từ {} năm liên tục xếp loại {} trở lên đến năm {}",
                                       AwardEvidence(*anchor), count, c.rating, p_.year);
        if (static_cast<int>(run.size()) < count) {
            std::string message = need + fmt::format(": mới có {} năm", run.size());
            if (broken) message += fmt::format(" (năm {} xếp loại {})", *broken, *RatingOf(*broken));
            if (disciplined) message += fmt::format(" (năm {} có thời gian bị kỷ luật)", *disciplined);
            if (gap) message += fmt::format(" (chưa có xếp loại năm {})", *gap);
            if (start_after == fresh_after_ && fresh_after_ > anchor->year)
                message += fmt::format("; các năm đến {} đã được tính cho «{}» năm {}", fresh_after_, award_.name,
                                       fresh_after_);
            message += ".";
            Outcome o = Single(c, gap && !broken && !disciplined ? State::kUnknown : State::kFail, std::move(message),
                               evidence);
            if (gap)
                o.missing.push_back(fmt::format("Xếp loại mức độ hoàn thành nhiệm vụ năm {}", *gap));
            else
                o.missing.push_back(fmt::format("{} năm liên tục xếp loại {} trở lên", count, c.rating));
            return o;
        }
        Outcome out;
        out.state = State::kPass;
        std::vector<std::string> shortfalls;
        for (const auto& w : c.criteria) {
            int have = 0;
            for (int y : run) {
                if (w.kind == "count_awards" && MeritAward(y, w.awards)) ++have;
                if (w.kind == "count_ratings") {
                    const std::string* r = RatingOf(y);
                    if (r && RatingAtLeast(*r, w.rating)) ++have;
                }
            }
            std::string what = w.kind == "count_awards" ? AwardsText(w.awards) : "năm xếp loại " + w.rating;
            bool ok = have >= w.count;
            out.reasons.push_back(MakeReason(w, ok,
                                             fmt::format("Trong {} năm {}–{}: {} lần {} (cần {}).", run.size(),
                                                         run.front(), run.back(), have, what, w.count)));
            if (!ok) {
                out.state = State::kFail;
                shortfalls.push_back(
                    fmt::format("{} lần {} trong các năm {}–{}", w.count, what, run.front(), run.back()));
            }
        }
        out.reasons.insert(
            out.reasons.begin(),
            MakeReason(c, true, need + fmt::format(": có {} năm ({}–{}).", run.size(), run.front(), run.back()),
                       evidence));
        for (auto& s : shortfalls) out.missing.push_back(std::move(s));
        return out;
    }

    Outcome Initiative(const Criterion& c) {
        int years = std::max(1, c.years), count = std::max(1, c.count);
        int from = p_.year - years + 1;
        std::vector<std::string> evidence, used;
        int found = 0;
        for (const auto& i : s_.initiatives) {
            if (i.year < from || i.year > p_.year || ScopeRank(i.scope) < ScopeRank(c.scope)) continue;
            bool free = i.used_by.empty() || (i.used_by == award_.code && (i.used_year == 0 || i.used_year == p_.year));
            if (!explain_) {
                found += free;
                continue;
            }
            std::string label = fmt::format("«{}» ({}, {})", i.title.empty() ? "Sáng kiến" : i.title,
                                            RecognitionScopes().Label(i.scope), i.year);
            if (!free) {
                used.push_back(label + fmt::format(" đã dùng cho «{}»", AwardName(i.used_by)) +
                               (i.used_year ? fmt::format(" năm {}", i.used_year) : ""));
                continue;
            }
            ++found;
            evidence.push_back(label);
        }
        if (!explain_) return Bare(found >= count ? State::kPass : State::kFail);
        std::string scope = std::string(RecognitionScopes().Label(c.scope));
        std::string window = years == 1 ? fmt::format("năm {}", p_.year) : fmt::format("các năm {}–{}", from, p_.year);
        std::string what = fmt::format("{} sáng kiến hoặc đề tài được công nhận phạm vi {} trở lên trong {}", count,
                                       Lower(scope), window);
        if (found >= count) return Single(c, State::kPass, "Có " + what + ".", evidence);
        std::string message = fmt::format("Cần {}; có {}", what, found);
        if (!used.empty()) {
            message += "; ";
            for (std::size_t i = 0; i < used.size(); ++i) message += (i ? "; " : "") + used[i];
            message += " (mỗi sáng kiến chỉ dùng một lần)";
        }
        message += ".";
        return Single(c, State::kFail, std::move(message), evidence,
                      "Sáng kiến/đề tài phạm vi " + Lower(scope) + " trở lên, " + window);
    }

    Outcome ServiceMonths(const Criterion& c) {
        int y = p_.year;
        if (!s_.service_start) {
            Outcome o;
            o.state = State::kJudgement;
            if (!explain_) return o;
            o.council.push_back(MakeReason(
                c, false,
                fmt::format("Chưa có ngày bắt đầu công tác: Hội đồng xác định thời gian công tác năm {} (từ {} tháng).",
                            y, c.count)));
            return o;
        }
        Date start = std::max(*s_.service_start, Date{y, 1, 1});
        int months = 0;
        if (start < Date{y + 1, 1, 1}) months = 12 * (y + 1 - start.year) - (start.month - 1) - (start.day > 1 ? 1 : 0);
        if (!explain_) return Bare(months >= c.count ? State::kPass : State::kFail);
        std::vector<std::string> evidence{"Bắt đầu công tác: " + FormatDateVi(*s_.service_start)};
        std::string leave;
        for (const auto& l : s_.maternity_leave)
            if (l.from < Date{y + 1, 1, 1} && Date{y, 1, 1} < l.to) {
                leave = fmt::format(" Thời gian nghỉ thai sản {}–{} được tính là thời gian công tác.",
                                    FormatDateVi(l.from), FormatDateVi(l.to));
                evidence.push_back("Nghỉ thai sản: " + FormatDateVi(l.from) + "–" + FormatDateVi(l.to));
            }
        if (months >= c.count)
            return Single(c, State::kPass,
                          fmt::format("Năm {} công tác {} tháng (cần từ {} tháng).{}", y, months, c.count, leave),
                          evidence);
        return Single(c, State::kFail,
                      fmt::format("Năm {} mới công tác {} tháng, cần từ {} tháng.{}", y, months, c.count, leave),
                      evidence, fmt::format("Thời gian công tác năm {} từ {} tháng", y, c.count));
    }

    Outcome Members(const Criterion& c) {
        int y = p_.year;
        auto it = s_.member_stats.find(y);
        if (!explain_) {
            if (it == s_.member_stats.end() || it->second.total <= 0) return Bare(State::kUnknown);
            const MemberStats& m = it->second;
            int holders = !c.awards.empty() && c.awards.front() == "CSTDCS" ? m.cstdcs : m.ldtt;
            bool ok = c.kind == "members_completed"
                          ? std::int64_t{m.completed_tasks} * 100 >= std::int64_t{c.share_pct} * m.total
                      : c.kind == "members_award_share"
                          ? std::int64_t{holders} * 100 >= std::int64_t{c.share_pct} * m.total
                      : c.kind == "members_award_count" ? holders >= c.count
                                                        : m.disciplined_canh_cao_or_above <= c.count;
            return Bare(ok ? State::kPass : State::kFail);
        }
        if (it == s_.member_stats.end() || it->second.total <= 0)
            return Single(
                c, State::kUnknown, fmt::format("Chưa có số liệu thành viên của tập thể năm {}.", y), {},
                fmt::format("Số liệu thành viên năm {} (tổng số, hoàn thành nhiệm vụ, LĐTT, CSTĐCS, bị kỷ luật)", y));
        const MemberStats& m = it->second;
        auto pct = [&](int n) {
            std::string share = fmt::format("{:.1f}", 100.0 * n / m.total);
            std::replace(share.begin(), share.end(), '.', ',');  // 70,0%
            return fmt::format("{}/{} ({}%)", n, m.total, share);
        };
        std::vector<std::string> evidence{fmt::format("Năm {}: {} thành viên", y, m.total)};
        if (c.kind == "members_completed") {
            bool ok = std::int64_t{m.completed_tasks} * 100 >= std::int64_t{c.share_pct} * m.total;
            return Single(
                c, ok ? State::kPass : State::kFail,
                fmt::format("{} thành viên hoàn thành nhiệm vụ (cần {}%).", pct(m.completed_tasks), c.share_pct),
                evidence, ok ? "" : fmt::format("{}% thành viên hoàn thành nhiệm vụ năm {}", c.share_pct, y));
        }
        bool cstdcs = !c.awards.empty() && c.awards.front() == "CSTDCS";
        int holders = cstdcs ? m.cstdcs : m.ldtt;
        std::string title = AwardsText(c.awards);
        if (c.kind == "members_award_share") {
            bool ok = std::int64_t{holders} * 100 >= std::int64_t{c.share_pct} * m.total;
            return Single(c, ok ? State::kPass : State::kFail,
                          fmt::format("{} thành viên đạt {} (cần từ {}%).", pct(holders), title, c.share_pct), evidence,
                          ok ? "" : fmt::format("Từ {}% thành viên đạt {} năm {}", c.share_pct, title, y));
        }
        if (c.kind == "members_award_count") {
            bool ok = holders >= c.count;
            return Single(c, ok ? State::kPass : State::kFail,
                          fmt::format("{} thành viên đạt {} (cần từ {}).", holders, title, c.count), evidence,
                          ok ? "" : fmt::format("Từ {} thành viên đạt {} năm {}", c.count, title, y));
        }
        bool ok = m.disciplined_canh_cao_or_above <= c.count;
        return Single(c, ok ? State::kPass : State::kFail,
                      fmt::format("{} thành viên bị kỷ luật từ hình thức cảnh cáo trở lên (tối đa {}).",
                                  m.disciplined_canh_cao_or_above, c.count),
                      evidence, ok ? "" : fmt::format("Không có thành viên bị kỷ luật từ cảnh cáo trở lên năm {}", y));
    }

    Outcome ClusterRank(const Criterion& c) {
        int y = p_.year;
        auto it = s_.cluster_rank.find(y);
        if (!explain_)
            return Bare(it == s_.cluster_rank.end()                             ? State::kUnknown
                        : it->second >= 1 && it->second <= std::max(1, c.count) ? State::kPass
                                                                                : State::kFail);
        if (it == s_.cluster_rank.end())
            return Single(c, State::kUnknown, fmt::format("Chưa có kết quả xếp hạng cụm, khối thi đua năm {}.", y), {},
                          fmt::format("Kết quả xếp hạng cụm, khối thi đua năm {}", y));
        bool ok = it->second >= 1 && it->second <= std::max(1, c.count);
        std::string message =
            c.count <= 1 ? fmt::format("Xếp hạng {} trong cụm, khối thi đua năm {} (cần dẫn đầu).", it->second, y)
                         : fmt::format("Xếp hạng {} trong cụm, khối thi đua năm {} (cần từ hạng {} trở lên).",
                                       it->second, y, c.count);
        return Single(c, ok ? State::kPass : State::kFail, std::move(message),
                      {fmt::format("Xếp hạng cụm, khối năm {}: {}", y, it->second)},
                      ok ? "" : fmt::format("Dẫn đầu cụm, khối thi đua năm {}", y));
    }

    Outcome AnyOf(const Criterion& c) {
        std::vector<Outcome> branches;
        for (const auto& branch : c.criteria) {
            Outcome o = branch.kind == "all_of" ? AllOf(branch.criteria) : Check(branch);
            if (o.state == State::kPass) {
                if (!explain_) return o;
                o.reasons.insert(o.reasons.begin(),
                                 MakeReason(c, true, "Đạt: " + (branch.text.empty() ? c.text : branch.text)));
                return o;
            }
            branches.push_back(std::move(o));
        }
        Outcome out;
        bool unknown = false, judgement = false;
        for (auto& b : branches) {
            unknown |= b.state == State::kUnknown;
            judgement |= b.state == State::kJudgement;
        }
        out.state = unknown ? State::kUnknown : judgement ? State::kJudgement : State::kFail;
        if (!explain_) return out;
        out.reasons.push_back(MakeReason(c, false, "Chưa đạt trường hợp nào: " + c.text));
        // What is missing: the first branch's, not every alternative's.
        for (std::size_t i = 0; i < branches.size(); ++i) {
            for (auto& r : branches[i].reasons) out.reasons.push_back(std::move(r));
            for (auto& r : branches[i].council) out.council.push_back(std::move(r));
        }
        if (!branches.empty()) out.missing = std::move(branches.front().missing);
        return out;
    }

    Outcome Judgement(const Criterion& c) {
        Outcome o;
        o.state = State::kJudgement;
        if (explain_) o.council.push_back(MakeReason(c, false, c.text));
        return o;
    }

    static std::string Capital(std::string s) {
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    }

    static std::string Lower(std::string s) {
        // Only the first letter of a vocabulary label is capital ("Cấp tỉnh" → "cấp tỉnh").
        if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
        return s;
    }

    const RuleSet& rules_;
    const AwardDef& award_;
    const SubjectHistory& s_;
    const Proposal& p_;
    bool explain_;
    std::vector<int> tainted_;
    int fresh_after_ = INT_MIN;
};

Reason Global(std::string rule, std::string legal_ref, bool passed, std::string message) {
    return Reason{std::move(rule), std::move(legal_ref), passed, std::move(message), {}, false};
}

Verdict Refuse(Verdict v, Reason r, std::string missing = "") {
    v.verdict = VerdictKind::kNotEligible;
    v.reasons.push_back(std::move(r));
    if (!missing.empty()) v.missing.push_back(std::move(missing));
    return v;
}

}  // namespace

Verdict Evaluate(const Catalog& catalog, const SubjectHistory& s, const Proposal& p, bool explain) {
    Verdict v;
    const RuleSet* rules = catalog.InForce(p.decision_date);
    if (!rules)
        return Refuse(v, Global("rule_set", "", false,
                                fmt::format("Chưa có bộ quy định khen thưởng có hiệu lực vào ngày {}.",
                                            FormatDateVi(p.decision_date))));
    v.rule_set = rules->id;
    const AwardDef* award = rules->Find(p.award);
    if (!award)
        return Refuse(v, Global("award", "", false,
                                fmt::format("Mã «{}» không có trong bộ quy định «{}» (có hiệu lực vào ngày {}).",
                                            p.award, rules->name, FormatDateVi(p.decision_date))));
    if (!award->Allows(s.type))
        return Refuse(
            v, Global(award->code + ".subject_type", award->legal_ref, false,
                      fmt::format("«{}» không tặng cho đối tượng «{}».", award->name, SubjectTypes().Label(s.type))));
    if (!award->AllowsKind(p.kind))
        return Refuse(v, Global(award->code + ".kind", award->legal_ref, false,
                                fmt::format("«{}» không xét theo loại hình khen thưởng «{}».", award->name,
                                            AwardKinds().Label(p.kind))));
    if (p.decision_date < Date{p.year, 1, 1})
        return Refuse(v, Global("decision_date", "", false,
                                fmt::format("Ngày quyết định {} trước năm thành tích {}.",
                                            FormatDateVi(p.decision_date), p.year)));

    Evaluator e(*rules, *award, s, p, explain);
    bool fail = false, unknown = false;
    // Nothing is awarded while a discipline is in force; achievements count from its end.
    for (const auto& d : s.discipline)
        if (!(p.decision_date < d.from) && (!d.to || p.decision_date < *d.to)) {
            fail = true;
            if (!explain) continue;
            v.reasons.push_back(
                Global("discipline_in_force", std::string(kPrinciplesRef), false,
                       fmt::format("Đang thi hành kỷ luật «{}» từ {}{} vào ngày quyết định {}.",
                                   DisciplineForms().Label(d.level), FormatDateVi(d.from),
                                   d.to ? " đến " + FormatDateVi(*d.to) : "", FormatDateVi(p.decision_date))));
            v.missing.push_back("Chấp hành xong thời hạn kỷ luật");
        }
    if (p.kind == "merit" && e.Tainted(p.year)) {
        fail = true;
        if (explain)
            v.reasons.push_back(
                Global("discipline_year", std::string(kPrinciplesRef), false,
                       fmt::format("Năm {} có thời gian bị kỷ luật; thành tích chỉ được tính từ khi chấp hành "
                                   "xong kỷ luật.",
                                   p.year)));
    }
    for (const auto& a : s.awards)
        if (a.code == award->code && a.year == p.year && a.kind == p.kind) {
            fail = true;
            if (!explain) break;
            v.reasons.push_back(
                Global("once_per_achievement", "Luật TĐKT 2022, Điều 5", false,
                       fmt::format("Thành tích năm {} đã được tặng «{}»{}: một thành tích chỉ khen một lần.", p.year,
                                   award->name, a.reference.empty() ? "" : " (QĐ " + a.reference + ")")));
        }
    const CriteriaSet* set = award->CriteriaFor(s.type, p.kind);
    Outcome criteria;
    if (set) {
        criteria = e.AllOf(set->criteria);
    } else {
        criteria.state = State::kJudgement;
        if (explain)
            criteria.council.push_back(Global(award->code + ".criteria", award->legal_ref, false,
                                              fmt::format("Tiêu chuẩn «{}» theo loại hình «{}» do Hội đồng xem xét.",
                                                          award->name, AwardKinds().Label(p.kind))));
    }
    fail |= criteria.state == State::kFail;
    unknown |= criteria.state == State::kUnknown;
    for (auto& r : criteria.reasons) v.reasons.push_back(std::move(r));
    for (auto& r : criteria.council) v.council.push_back(std::move(r));
    for (auto& m : criteria.missing) v.missing.push_back(std::move(m));
    // The same gap reported by several criteria is listed once.
    std::vector<std::string> missing;
    for (auto& m : v.missing)
        if (std::find(missing.begin(), missing.end(), m) == missing.end()) missing.push_back(std::move(m));
    v.missing = std::move(missing);
    v.verdict = fail ? VerdictKind::kNotEligible : unknown ? VerdictKind::kNeedsEvidence : VerdictKind::kEligible;
    if (v.verdict == VerdictKind::kEligible) {
        auto prize = PrizeFor(catalog, award->code, s.type, p.decision_date);
        if (prize) {
            v.prize_vnd = prize->amount_vnd;
            if (prize->amount_vnd > 0)
                v.prize_note = fmt::format("{} × {} đồng (mức lương cơ sở), làm tròn lên bội số của 10.000 đồng",
                                           FormatMultiplier(prize->multiplier_milli),
                                           text::FormatNumberVi(prize->base_salary_vnd));
        } else {
            v.prize_note = prize.error().message;
        }
    }
    return v;
}

void CountMember(MemberStats& stats, const SubjectHistory& member, int year) {
    ++stats.total;
    if (auto r = member.ratings.find(year); r != member.ratings.end() && r->second != "KHT") ++stats.completed_tasks;
    bool ldtt = false, cstdcs = false;
    for (const auto& a : member.awards) {
        if (a.year != year || a.kind != "merit") continue;
        if (a.code == "LDTT" || a.code == "CSTT" || a.code == "CSTDCS") ldtt = true;
        if (a.code == "CSTDCS") cstdcs = true;
    }
    stats.ldtt += ldtt;
    stats.cstdcs += cstdcs;
    Date from{year, 1, 1}, to{year + 1, 1, 1};
    for (const auto& d : member.discipline)
        if (DisciplineSeverity(d.level) >= DisciplineSeverity("canh_cao") && d.from < to && (!d.to || from < *d.to)) {
            ++stats.disciplined_canh_cao_or_above;
            break;
        }
}

std::string AssumedTitlesUsed(const Verdict& verdict, const std::vector<std::string>& assumed) {
    std::string uses;
    for (const auto& name : assumed)
        for (const auto& r : verdict.reasons)
            if (std::find(r.evidence.begin(), r.evidence.end(), name) != r.evidence.end() &&
                uses.find(name) == std::string::npos)
                uses += (uses.empty() ? "" : ", ") + name;
    return uses;
}

std::vector<Verdict> EvaluateAll(const Catalog& catalog, const std::vector<SubjectHistory>& subjects,
                                 const std::vector<Proposal>& proposals) {
    std::vector<Verdict> out;
    out.reserve(proposals.size());
    std::unordered_map<std::string, const SubjectHistory*> by_id;
    for (const auto& s : subjects) by_id.emplace(s.id, &s);
    std::vector<const SubjectHistory*> owners;
    for (const auto& p : proposals) {
        auto found = by_id.find(p.subject);
        const SubjectHistory* owner = found == by_id.end() ? nullptr : found->second;
        owners.push_back(owner);
        if (!owner) {
            Verdict v;
            v.reasons.push_back(Global("subject", "", false, fmt::format("Không có đối tượng «{}».", p.subject)));
            out.push_back(std::move(v));
            continue;
        }
        out.push_back(Evaluate(catalog, *owner, p));
    }
    // A chain that needs this year's lower title, proposed alongside and eligible (CSTĐCS 2025 with
    // CSTĐ tỉnh 2025): evaluated as if that title were given.
    auto award_of = [&](const Proposal& p) -> const AwardDef* {
        const RuleSet* rules = catalog.InForce(p.decision_date);
        return rules ? rules->Find(p.award) : nullptr;
    };
    std::unordered_map<const SubjectHistory*, std::vector<std::size_t>> eligible_titles;
    for (std::size_t i = 0; i < proposals.size(); ++i)
        if (owners[i] && out[i].verdict == VerdictKind::kEligible && proposals[i].kind == "merit")
            if (const AwardDef* a = award_of(proposals[i]); a && a->group == "title")
                eligible_titles[owners[i]].push_back(i);
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        if (!owners[i] || out[i].verdict == VerdictKind::kEligible) continue;
        auto titles = eligible_titles.find(owners[i]);
        if (titles == eligible_titles.end()) continue;
        SubjectHistory assumed = *owners[i];
        std::vector<std::string> names;
        for (std::size_t j : titles->second) {
            if (j == i) continue;
            const Proposal& t = proposals[j];
            assumed.awards.push_back({t.award, t.year, "merit", t.decision_date, ""});
            names.push_back(fmt::format("{} năm {}", award_of(t)->name, t.year));
        }
        if (names.empty()) continue;
        Verdict again = Evaluate(catalog, assumed, proposals[i]);
        if (again.verdict != VerdictKind::kEligible) continue;
        std::string uses = AssumedTitlesUsed(again, names);
        if (uses.empty()) continue;
        again.assumes = uses;
        out[i] = std::move(again);
    }
    // Several titles for one subject and year: only the highest is paid (NĐ 152/2025 Điều 49).
    auto title_multiplier = [&](const std::string& code, const SubjectHistory& s, const Date& on) -> int {
        const RuleSet* rules = catalog.InForce(on);
        const AwardDef* a = rules ? rules->Find(code) : nullptr;
        if (!a || a->group != "title") return -1;
        return s.type == "collective"  ? a->prize.collective
               : s.type == "household" ? a->prize.household
                                       : a->prize.individual;
    };
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        if (!out[i].prize_vnd || *out[i].prize_vnd == 0 || !owners[i]) continue;
        int mine = title_multiplier(proposals[i].award, *owners[i], proposals[i].decision_date);
        if (mine < 0) continue;
        std::string higher;
        for (std::size_t j = 0; j < proposals.size() && higher.empty(); ++j) {
            // "Cùng một thời điểm, cùng một thành tích": the same achievement year, decided on the same day.
            if (j == i || proposals[j].subject != proposals[i].subject || proposals[j].year != proposals[i].year ||
                proposals[j].decision_date != proposals[i].decision_date || out[j].verdict != VerdictKind::kEligible)
                continue;
            int other = title_multiplier(proposals[j].award, *owners[i], proposals[j].decision_date);
            if (other > mine || (other == mine && j < i)) higher = proposals[j].award;
        }
        for (const auto& held : owners[i]->awards)
            if (higher.empty() && held.year == proposals[i].year && held.kind == "merit" &&
                title_multiplier(held.code, *owners[i], proposals[i].decision_date) > mine)
                higher = held.code;
        if (!higher.empty()) {
            out[i].prize_vnd = 0;
            const RuleSet* rules = catalog.InForce(proposals[i].decision_date);
            const AwardDef* a = rules ? rules->Find(higher) : nullptr;
            out[i].prize_note = fmt::format(
                "Cùng năm {} có danh hiệu cao hơn «{}»: chỉ nhận tiền thưởng của danh hiệu "
                "cao nhất (NĐ 152/2025/NĐ-CP, Điều 49).",
                proposals[i].year, a ? a->name : higher);
        }
    }
    return out;
}

}  // namespace tdkt::domain
