// The eligibility scenarios in tests/scenarios/*.jsonc, one test per case: each file is written for a
// domain expert to read (Vietnamese titles, the article each case exercises) and says what the engine
// must answer. A case holds a subject (or several) and a proposal (or several) in the check document's
// form (docs/eligibility.md), and an expectation per proposal:
//   "verdict"   eligible | not_eligible | needs_evidence (required)
//   "failed"    exactly the rules that fail (default: none)
//   "passed"    rules that must be among the passed ones
//   "prize_vnd" the amount (null: none)
//   "rule_set"  the rule set applied
//   "missing"   exactly what is reported missing
//   "message"   a text some reason or council item must contain
//   "assumes"   the lower titles proposed alongside that the verdict counts on (default: none)
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/catalog.h"
#include "app/eligibility.h"

namespace tdkt {
namespace {

using nlohmann::json;

struct Case {
    std::string file, name;
    json body;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.file << ": " << c.name; }

std::vector<Case> LoadCases() {
    std::vector<Case> out;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(TDKT_SCENARIO_DIR))
        if (entry.path().extension() == ".jsonc") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        json doc = json::parse(text.str(), nullptr, true, true);
        for (const auto& c : doc.at("cases"))
            out.push_back({path.filename().string(), c.at("name").get<std::string>(), c});
    }
    return out;
}

std::string TestName(const ::testing::TestParamInfo<Case>& info) {
    std::string file = info.param.file.substr(0, info.param.file.find('.'));
    std::string name = file + "_" + std::to_string(info.index);
    for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return name;
}

class Scenario : public ::testing::TestWithParam<Case> {};

TEST_P(Scenario, AnswersAsExpected) {
    const Case& c = GetParam();
    SCOPED_TRACE(c.file + ": " + c.name);
    json subjects = c.body.contains("subjects") ? c.body["subjects"] : json::array({c.body.at("subject")});
    for (auto& s : subjects)
        if (!s.contains("id")) s["id"] = "s";
    json proposals = c.body.contains("proposals") ? c.body["proposals"] : json::array({c.body.at("proposal")});
    for (auto& p : proposals)
        if (!p.contains("subject")) p["subject"] = "s";
    json expects = c.body.at("expect").is_array() ? c.body["expect"] : json::array({c.body["expect"]});
    ASSERT_EQ(expects.size(), proposals.size()) << "one expectation per proposal";

    const auto& catalog = app::BuiltInCatalog();
    auto doc = app::ParseCheckDocument(json{{"subjects", subjects}, {"proposals", proposals}}, catalog);
    ASSERT_TRUE(doc) << doc.error().message;
    json results = app::ResultsJson(*doc, app::CheckAll(catalog, *doc))["results"];
    for (std::size_t i = 0; i < expects.size(); ++i) {
        const json& want = expects[i];
        const json& got = results[i];
        SCOPED_TRACE("proposal " + std::to_string(i) + ": " + got.dump(2));
        EXPECT_EQ(got["verdict"], want.at("verdict"));
        std::set<std::string> failed, passed;
        for (const auto& r : got["reasons"]) (r["passed"].get<bool>() ? passed : failed).insert(r["rule"]);
        std::set<std::string> want_failed;
        for (const auto& r : want.value("failed", json::array())) want_failed.insert(r.get<std::string>());
        EXPECT_EQ(failed, want_failed);
        for (const auto& r : want.value("passed", json::array()))
            EXPECT_TRUE(passed.count(r.get<std::string>())) << "not passed: " << r;
        if (want.contains("prize_vnd")) EXPECT_EQ(got["prize_vnd"], want["prize_vnd"]);
        if (want.contains("rule_set")) EXPECT_EQ(got["rule_set"], want["rule_set"]);
        if (want.contains("missing")) EXPECT_EQ(got["missing"], want["missing"]);
        EXPECT_EQ(got.value("assumes", ""), want.value("assumes", ""));
        if (want.contains("message")) {
            std::string needle = want["message"];
            bool found = false;
            for (const char* list : {"reasons", "council"})
                for (const auto& r : got[list])
                    found |= r["message"].get<std::string>().find(needle) != std::string::npos;
            found |= got.value("prize_note", "").find(needle) != std::string::npos;
            EXPECT_TRUE(found) << "no message contains: " << needle;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Eligibility, Scenario, ::testing::ValuesIn(LoadCases()), TestName);

}  // namespace
}  // namespace tdkt
