// Import jobs (migration 14): app::ImportJobRepository.
#include <algorithm>

#include "storage/sql_repositories.h"
#include "storage/sql_util.h"

namespace tdkt::storage {
namespace {

constexpr const char* kColumns =
    "SELECT id, owner_login, kind, file_name, state, total_rows, rows_read, imported, problems, error, started_at, "
    "finished_at FROM import_jobs ";

template <class Bind>
std::vector<app::ImportJobRecord> QueryJobs(soci::session& s, const std::string& sql, Bind bind) {
    app::ImportJobRecord j;
    NullableText finished;
    std::vector<app::ImportJobRecord> out;
    ForEachRow(
        s, sql,
        [&](soci::statement& st) {
            st.exchange(soci::into(j.id));
            st.exchange(soci::into(j.owner_login));
            st.exchange(soci::into(j.kind));
            st.exchange(soci::into(j.file_name));
            st.exchange(soci::into(j.state));
            st.exchange(soci::into(j.total_rows));
            st.exchange(soci::into(j.rows_read));
            st.exchange(soci::into(j.imported));
            st.exchange(soci::into(j.problems_json));
            st.exchange(soci::into(j.error));
            st.exchange(soci::into(j.started_at));
            st.exchange(soci::into(finished.value, finished.ind));
            bind(st);
        },
        [&] {
            app::ImportJobRecord r = j;
            r.finished_at = finished.ind == soci::i_ok ? std::optional(finished.value) : std::nullopt;
            out.push_back(std::move(r));
        });
    return out;
}

}  // namespace

void SqlImportJobRepository::Insert(const app::ImportJobRecord& j) {
    s_ << "INSERT INTO import_jobs (id, owner_login, kind, file_name, state, total_rows, started_at) VALUES (:i, :o, "
          ":k, :f, :s, :t, :a)",
        soci::use(j.id), soci::use(j.owner_login), soci::use(j.kind), soci::use(j.file_name), soci::use(j.state),
        soci::use(j.total_rows), soci::use(j.started_at);
}

bool SqlImportJobRepository::Finish(const app::ImportJobRecord& j) {
    std::string finished = j.finished_at.value_or("");
    return ExecCount(s_,
                     "UPDATE import_jobs SET state = :s, rows_read = :r, imported = :m, problems = :p, error = :e, "
                     "finished_at = :f WHERE id = :i AND state = 'running'",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(j.state));
                         st.exchange(soci::use(j.rows_read));
                         st.exchange(soci::use(j.imported));
                         st.exchange(soci::use(j.problems_json));
                         st.exchange(soci::use(j.error));
                         st.exchange(soci::use(finished));
                         st.exchange(soci::use(j.id));
                     }) == 1;
}

std::optional<app::ImportJobRecord> SqlImportJobRepository::Find(const std::string& id) {
    auto rows = QueryJobs(s_, std::string(kColumns) + "WHERE id = :i",
                          [&](soci::statement& st) { st.exchange(soci::use(id)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::vector<app::ImportJobRecord> SqlImportJobRepository::ForOwner(const std::string& login, int limit) {
    return QueryJobs(s_,
                     std::string(kColumns) + "WHERE owner_login = :o ORDER BY started_at DESC, id LIMIT " +
                         std::to_string(std::clamp(limit, 1, 100)),
                     [&](soci::statement& st) { st.exchange(soci::use(login)); });
}

}  // namespace tdkt::storage
