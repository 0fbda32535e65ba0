#include "domain/audit_chain.h"

#include <gtest/gtest.h>

#include "core/crypto.h"

namespace tdkt::domain {
namespace {

const bool kCryptoReady = (crypto::Init(), true);

std::vector<AuditEntry> MakeChain(int n) {
    std::vector<AuditEntry> out;
    std::string prev = kAuditGenesisHash;
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.id = i;
        e.at = "2026-11-22T04:00:0" + std::to_string(i) + ".000Z";
        e.user_id = 1;
        e.user_login = "admin";
        e.action = "user.create";
        e.entity_type = "user";
        e.entity_id = std::to_string(10 + i);
        e.after_json = R"({"login":"u)" + std::to_string(i) + "\"}";
        e.request_id = "req" + std::to_string(i);
        e.prev_hash = prev;
        e.hash = ComputeAuditHash(e);
        prev = e.hash;
        out.push_back(e);
    }
    return out;
}

}  // namespace

TEST(AuditChain_Intact, HasNoBreak) { EXPECT_EQ(FindChainBreak(MakeChain(5), kAuditGenesisHash), std::nullopt); }

TEST(AuditChain_EditedField, BreaksAtThatEntry) {
    auto chain = MakeChain(5);
    chain[2].after_json = R"({"login":"intruder"})";
    auto br = FindChainBreak(chain, kAuditGenesisHash);
    ASSERT_TRUE(br.has_value());
    EXPECT_EQ(br->entry_id, 3);
    EXPECT_EQ(br->reason, "Nội dung bản ghi không khớp mã băm: bản ghi đã bị sửa.");
}

TEST(AuditChain_DeletedEntry, BreaksAtTheNextOne) {
    auto chain = MakeChain(5);
    chain.erase(chain.begin() + 1);
    auto br = FindChainBreak(chain, kAuditGenesisHash);
    ASSERT_TRUE(br.has_value());
    EXPECT_EQ(br->entry_id, 3);
    EXPECT_EQ(br->reason, "Liên kết tới bản ghi trước bị sai: có bản ghi đã bị xoá hoặc chèn thêm.");
}

TEST(AuditChain_FieldBoundaries, AreUnambiguous) {
    auto a = MakeChain(1)[0];
    auto b = a;
    a.entity_type = "user";
    a.entity_id = "12";
    b.entity_type = "user1";
    b.entity_id = "2";
    EXPECT_NE(ComputeAuditHash(a), ComputeAuditHash(b));
}

}  // namespace tdkt::domain
