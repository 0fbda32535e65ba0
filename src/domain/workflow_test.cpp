#include "domain/workflow.h"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

Workflow Small() {
    Workflow w;
    w.states = {{"draft", "Dự thảo", "unit", false, {}},
                {"submitted", "Đã trình", "board", false, StageLimit{5, "QĐ 311", true}},
                {"returned", "Trả lại", "unit", false, {}},
                {"received", "Đã tiếp nhận", "board", false, {}}};
    w.transitions = {
        {"submit",
         "Trình hồ sơ",
         {"draft", "returned"},
         "submitted",
         {"unit_leader"},
         "proposer",
         {"has_nominees", "documents_complete"},
         {"notify_board"},
         false},
        {"receive", "Tiếp nhận", {"submitted"}, "received", {"board_specialist"}, "board", {}, {}, false},
        {"return", "Trả lại để bổ sung", {"submitted"}, "returned", {"board_specialist"}, "board", {}, {}, true},
    };
    return w;
}

auto Holds(std::string role, std::string on) {
    return [role, on](std::string_view r, std::string_view o) { return r == role && o == on; };
}
GuardAnswer Ok(std::string_view) { return {}; }

TEST(Workflow, LooksUpStatesActionsAndWhatLeavesAState) {
    auto w = Small();
    EXPECT_EQ(w.State("submitted")->limit->working_days, 5);
    EXPECT_EQ(w.State("nowhere"), nullptr);
    std::vector<std::string> from_submitted;
    for (const auto* t : w.From("submitted")) from_submitted.push_back(t->action);
    EXPECT_EQ(from_submitted, (std::vector<std::string>{"receive", "return"}));
}

TEST(Workflow, RefusesByStateThenRoleThenGuardsThenReason) {
    auto w = Small();
    auto unknown = CheckTransition(w, "draft", "fly", Holds("unit_leader", "proposer"), Ok, false);
    EXPECT_EQ(unknown.refusal, Refusal::kUnknownAction);
    EXPECT_EQ(unknown.message, "Không có thao tác «fly» đối với hồ sơ.");
    auto state = CheckTransition(w, "draft", "receive", Holds("board_specialist", "board"), Ok, false);
    EXPECT_EQ(state.refusal, Refusal::kWrongState);
    EXPECT_EQ(state.message, "Không thể «Tiếp nhận» khi hồ sơ đang ở trạng thái «Dự thảo».");
    // The right role on the wrong unit is no role.
    auto role = CheckTransition(w, "draft", "submit", Holds("unit_leader", "board"), Ok, false);
    EXPECT_EQ(role.refusal, Refusal::kNotPermitted);
    EXPECT_EQ(role.message, "Bạn không có vai trò được «Trình hồ sơ» hồ sơ này.");
    std::vector<std::string> asked;
    auto guards = CheckTransition(
        w, "returned", "submit", Holds("unit_leader", "proposer"),
        [&](std::string_view g) {
            asked.emplace_back(g);
            return GuardAnswer{false, g == "has_nominees" ? "chưa có người, tập thể được đề nghị" : "thiếu Tờ trình"};
        },
        false);
    EXPECT_EQ(guards.refusal, Refusal::kGuard);
    EXPECT_EQ(guards.message, "Chưa thể «Trình hồ sơ»: chưa có người, tập thể được đề nghị; thiếu Tờ trình.");
    EXPECT_EQ(asked, (std::vector<std::string>{"has_nominees", "documents_complete"}));
    auto reason = CheckTransition(w, "submitted", "return", Holds("board_specialist", "board"), Ok, false);
    EXPECT_EQ(reason.refusal, Refusal::kReasonMissing);
    EXPECT_EQ(reason.message, "Cần ghi lý do khi «Trả lại để bổ sung».");
    auto ok = CheckTransition(w, "submitted", "return", Holds("board_specialist", "board"), Ok, true);
    EXPECT_EQ(ok.refusal, Refusal::kNone);
    EXPECT_EQ(ok.transition->to, "returned");
}

TEST(Workflow, GeneratedFromTheTable_EveryStateActionAndRole) {
    // Every combination: allowed exactly when the action leaves the state and the role is listed.
    auto w = Small();
    for (const auto& state : w.states)
        for (const auto& t : w.transitions)
            for (std::string role : {"unit_leader", "unit_officer", "board_specialist", "board_leader"})
                for (std::string on : {"proposer", "board"}) {
                    auto check = CheckTransition(w, state.code, t.action, Holds(role, on), Ok, true);
                    bool from = std::find(t.from.begin(), t.from.end(), state.code) != t.from.end();
                    bool may = std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end() && on == t.on;
                    Refusal want = !from ? Refusal::kWrongState : !may ? Refusal::kNotPermitted : Refusal::kNone;
                    EXPECT_EQ(check.refusal, want) << state.code << " " << t.action << " " << role << "@" << on;
                }
}

}  // namespace
}  // namespace tdkt::domain
