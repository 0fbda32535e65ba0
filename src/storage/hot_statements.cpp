#include "storage/hot_statements.h"

namespace tdkt::storage {

using soci::into;
using soci::use;

TxStatements::TxStatements(soci::session& s, Backend backend)
    : begin_read_(
          s.prepare << (backend == Backend::kPostgresql ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")),
      // SQLite: take the write lock up front, so a read-then-write transaction cannot fail half way.
      begin_write_(s.prepare << (backend == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN")),
      commit_(s.prepare << "COMMIT") {}

HotStatements::HotStatements(soci::session& s)
    : session_((s.prepare << "SELECT user_id, csrf_token, created_at_ms, last_seen_at_ms, expires_at_ms FROM sessions "
                             "WHERE token_hash = :t",
                into(session.user), into(session.csrf), into(session.created), into(session.seen),
                into(session.expires), use(session.token_hash))),
      user_((s.prepare << "SELECT login, display_name, password_hash, disabled, failed_count, locked_until_ms, "
                          "created_at_ms FROM users WHERE id = :id",
             into(user.login), into(user.name), into(user.hash), into(user.disabled), into(user.failed),
             into(user.locked), into(user.created), use(user.id))),
      grants_((s.prepare << "SELECT g.role, g.unit_id, u.name, u.parent_id, u.valid_to FROM role_grants g JOIN units u "
                            "ON u.id = g.unit_id WHERE g.user_id = :u ORDER BY g.role, g.unit_id",
               into(grant.role), into(grant.unit), into(grant.unit_name), into(grant.parent, grant.parent_ind),
               into(grant.ended, grant.ended_ind), use(grant.user))),
      unit_((s.prepare << "SELECT code, name, parent_id, unit_type, valid_from, valid_to FROM units WHERE id = :id",
             into(unit.code), into(unit.name), into(unit.parent, unit.parent_ind), into(unit.unit_type),
             into(unit.valid_from, unit.from_ind), into(unit.valid_to, unit.to_ind), use(unit.id))),
      tree_version_((s.prepare << "SELECT version FROM unit_tree_version WHERE id = 1", into(tree_version))) {}

}  // namespace tdkt::storage
