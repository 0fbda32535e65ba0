#pragma once
// The statements every authenticated request runs, prepared once per pooled connection and reused
// (measured: re-preparing them was 28 % of the server's CPU, docs/performance.md). Each statement is
// bound to the members below; set the parameter member, execute, read the row members.
#include <string>

#include <soci/soci.h>

#include "storage/database_url.h"

namespace tdkt::storage {

// BEGIN and COMMIT, prepared when the connection opens (they need no table).
class TxStatements {
  public:
    TxStatements(soci::session& s, Backend backend);
    void BeginRead() { begin_read_.execute(true); }
    void BeginWrite() { begin_write_.execute(true); }
    void Commit() { commit_.execute(true); }

  private:
    soci::statement begin_read_, begin_write_, commit_;
};

// Prepared on first use, after migrations have created the tables.
class HotStatements {
  public:
    explicit HotStatements(soci::session& s);

    // Session by token hash.
    struct SessionRow {
        std::string token_hash, csrf;
        long long user = 0, created = 0, seen = 0, expires = 0;
    } session;
    bool FindSession() { return One(session_); }

    // User by id.
    struct UserRow {
        long long id = 0, locked = 0, created = 0;
        std::string login, name, hash;
        int disabled = 0, failed = 0;
    } user;
    bool FindUser() { return One(user_); }

    // Role grants of a user, with their units: FirstGrant() then NextGrant() until false.
    struct GrantRow {
        long long user = 0, unit = 0, parent = 0;
        int role = 0;
        std::string unit_name, ended;
        soci::indicator parent_ind = soci::i_null, ended_ind = soci::i_null;  // ended: the unit's valid_to
    } grant;
    bool FirstGrant() { return grants_.execute(true); }
    bool NextGrant() { return grants_.fetch(); }

    // Unit by id.
    struct UnitRow {
        long long id = 0, parent = 0;
        std::string code, name, unit_type, valid_from, valid_to;
        soci::indicator parent_ind = soci::i_null, from_ind = soci::i_null, to_ind = soci::i_null;
    } unit;
    bool FindUnit() { return One(unit_); }

    // The number that changes with every change of units or unit_lineage (UnitTreeCache).
    long long UnitTreeVersion() {
        One(tree_version_);
        return tree_version;
    }

  private:
    // Runs a query that returns at most one row and steps it to its end: a reused SQLite statement
    // left mid-result keeps its read snapshot after COMMIT, and the connection's next write then
    // fails with "database is locked" (regression test: Session_ReadThenAnotherWriterThenWrite…).
    static bool One(soci::statement& st) {
        bool found = st.execute(true);
        if (found)
            while (st.fetch()) {
            }
        return found;
    }
    long long tree_version = 0;
    soci::statement session_, user_, grants_, unit_, tree_version_;
};

}  // namespace tdkt::storage
