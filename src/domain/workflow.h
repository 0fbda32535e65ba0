#pragma once
// The nomination dossier's workflow as data (catalog/workflow.jsonc, docs/workflow.md): states with
// the side holding each and its time limit in working days; transitions with the roles that may
// perform them (on the proposing unit or on the board's unit), named guards and side effects. The
// app evaluates the guards against the dossier; this header decides, for a state, an action, the
// actor's roles and the guards' answers, whether the transition may happen and why not.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::domain {

struct StageLimit {
    int working_days = 0;
    std::string legal_ref;
    bool unconfirmed = false;
};

struct WorkflowState {
    std::string code;    // draft, submitted …
    std::string name;    // Vietnamese
    std::string holder;  // unit, board, council, central, none: who must act next
    bool final = false;
    std::optional<StageLimit> limit;
};

struct Transition {
    std::string action;  // submit, receive …
    std::string name;    // Vietnamese verb: "Trình hồ sơ"
    std::vector<std::string> from;
    std::string to;
    std::vector<std::string> roles;  // role codes (domain/role.h)
    std::string on;                  // proposer | board: the unit the role must cover
    std::vector<std::string> guards;
    std::vector<std::string> effects;
    bool reason_required = false;
};

struct Workflow {
    std::string legal_ref;
    std::vector<WorkflowState> states;
    std::vector<Transition> transitions;
    // Awards the provincial People's Committee reviews before a decision (besides every award decided
    // centrally): configurable, a province's practice (tdkt-domain.md §4.1, Bắc Ninh).
    std::vector<std::string> province_review_awards;
    std::string province_review_ref;

    const WorkflowState* State(std::string_view code) const;
    const Transition* Action(std::string_view action) const;
    // The transitions leaving `state`, in the order of the data.
    std::vector<const Transition*> From(std::string_view state) const;
};

// Guards and effects the app knows how to evaluate and perform; the loader refuses any other.
const std::vector<std::string_view>& KnownGuards();
const std::vector<std::string_view>& KnownEffects();

struct GuardAnswer {
    bool ok = true;
    std::string message;  // Vietnamese: why not
};

enum class Refusal {
    kNone,
    kUnknownAction,  // 404
    kWrongState,     // 409: the action does not leave the dossier's state
    kNotPermitted,   // 403: the actor holds none of the roles on the unit concerned
    kGuard,          // 409: a guard does not hold
    kReasonMissing,  // 422
};

struct TransitionCheck {
    Refusal refusal = Refusal::kNone;
    std::string message;  // Vietnamese
    const Transition* transition = nullptr;
};

// `holds(role, on)`: whether the actor holds `role` on the proposing unit ("proposer") or on the
// board's unit ("board"). `guard(name)` answers a guard. Guards are asked only when the state and
// the role allow the action, in the order of the data; every failing guard is named.
TransitionCheck CheckTransition(const Workflow& workflow, std::string_view state, std::string_view action,
                                const std::function<bool(std::string_view role, std::string_view on)>& holds,
                                const std::function<GuardAnswer(std::string_view guard)>& guard, bool has_reason);

}  // namespace tdkt::domain
