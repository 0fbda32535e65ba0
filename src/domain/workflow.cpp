#include "domain/workflow.h"

#include <algorithm>

#include <fmt/format.h>

namespace tdkt::domain {

const WorkflowState* Workflow::State(std::string_view code) const {
    for (const auto& s : states)
        if (s.code == code) return &s;
    return nullptr;
}

const Transition* Workflow::Action(std::string_view action) const {
    for (const auto& t : transitions)
        if (t.action == action) return &t;
    return nullptr;
}

std::vector<const Transition*> Workflow::From(std::string_view state) const {
    std::vector<const Transition*> out;
    for (const auto& t : transitions)
        if (std::find(t.from.begin(), t.from.end(), state) != t.from.end()) out.push_back(&t);
    return out;
}

const std::vector<std::string_view>& KnownGuards() {
    static const std::vector<std::string_view> guards{
        "has_nominees",            // at least one nominee
        "documents_complete",      // every document the catalogue requires for the nominees' awards
        "eligible_or_overridden",  // no nominee judged not eligible without the board's recorded reason
        "consultation_required",   // some nominee's award needs public consultation
        "consultation_done",       // not required, or its window has closed
        "full_procedure",          // not the simplified procedure (which skips the council)
        "council_done",            // simplified, or the council has voted on every nominee
        "ballots_closed",          // every ballot of the dossier's nominees is closed
        "province_review_required",
        "province_review_done",  // not required, or done
        "decided_by_province",   // every nominee's award is decided at provincial level or below
        "decided_centrally",     // some nominee's award is decided centrally
        "decision_recorded",     // a decision (number, date, signer) is attached
    };
    return guards;
}

const std::vector<std::string_view>& KnownEffects() {
    static const std::vector<std::string_view> effects{
        "notify_board", "notify_unit", "notify_council", "open_consultation", "write_awards", "publish_decision",
    };
    return effects;
}

TransitionCheck CheckTransition(const Workflow& workflow, std::string_view state, std::string_view action,
                                const std::function<bool(std::string_view role, std::string_view on)>& holds,
                                const std::function<GuardAnswer(std::string_view guard)>& guard, bool has_reason) {
    TransitionCheck out;
    const Transition* t = workflow.Action(action);
    const WorkflowState* here = workflow.State(state);
    std::string here_name = here ? here->name : std::string(state);
    if (!t) {
        out.refusal = Refusal::kUnknownAction;
        out.message = fmt::format("Không có thao tác «{}» đối với hồ sơ.", action);
        return out;
    }
    out.transition = t;
    if (std::find(t->from.begin(), t->from.end(), state) == t->from.end()) {
        out.refusal = Refusal::kWrongState;
        out.message = fmt::format("Không thể «{}» khi hồ sơ đang ở trạng thái «{}».", t->name, here_name);
        return out;
    }
    bool permitted = std::any_of(t->roles.begin(), t->roles.end(), [&](const auto& r) { return holds(r, t->on); });
    if (!permitted) {
        out.refusal = Refusal::kNotPermitted;
        out.message = fmt::format("Bạn không có vai trò được «{}» hồ sơ này.", t->name);
        return out;
    }
    std::vector<std::string> failed;
    for (const auto& g : t->guards) {
        auto answer = guard(g);
        if (!answer.ok) failed.push_back(answer.message);
    }
    if (!failed.empty()) {
        out.refusal = Refusal::kGuard;
        out.message = fmt::format("Chưa thể «{}»: ", t->name);
        for (std::size_t i = 0; i < failed.size(); ++i) out.message += (i ? "; " : "") + failed[i];
        out.message += ".";
        return out;
    }
    if (t->reason_required && !has_reason) {
        out.refusal = Refusal::kReasonMissing;
        out.message = fmt::format("Cần ghi lý do khi «{}».", t->name);
        return out;
    }
    return out;
}

}  // namespace tdkt::domain
