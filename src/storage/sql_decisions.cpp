// Decisions and certificates on SOCI (docs/decisions.md).
#include <algorithm>

#include "storage/sql_repositories.h"
#include "storage/sql_util.h"

namespace tdkt::storage {
namespace {

constexpr const char* kDecisionColumns =
    "SELECT id, dossier_id, authority_code, authority_name, year, number, number_text, signed_on, signer_name, "
    "signer_title, title, central, state, created_by, created_at, issued_at, published_at FROM decisions ";

template <class Bind>
std::vector<app::DecisionRecord> QueryDecisions(soci::session& s, const std::string& sql, Bind bind) {
    long long id = 0, dossier = 0;
    int year = 0, number = 0, central = 0;
    soci::indicator number_ind = soci::i_null;
    std::string signed_on;
    NullableText issued, published;
    app::DecisionRecord d;
    std::vector<app::DecisionRecord> out;
    ForEachRow(
        s, std::string(kDecisionColumns) + sql,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(dossier));
            st.exchange(soci::into(d.authority_code));
            st.exchange(soci::into(d.authority_name));
            st.exchange(soci::into(year));
            st.exchange(soci::into(number, number_ind));
            st.exchange(soci::into(d.number_text));
            st.exchange(soci::into(signed_on));
            st.exchange(soci::into(d.signer_name));
            st.exchange(soci::into(d.signer_title));
            st.exchange(soci::into(d.title));
            st.exchange(soci::into(central));
            st.exchange(soci::into(d.state));
            st.exchange(soci::into(d.created_by));
            st.exchange(soci::into(d.created_at));
            st.exchange(soci::into(issued.value, issued.ind));
            st.exchange(soci::into(published.value, published.ind));
            bind(st);
        },
        [&] {
            app::DecisionRecord r = d;
            r.id = id;
            r.dossier = DossierId{dossier};
            r.year = year;
            r.number = number_ind == soci::i_ok ? std::optional<int>(number) : std::nullopt;
            r.signed_on = ParseIsoDate(signed_on).value_or(Date{});
            r.central = central != 0;
            r.issued_at = issued.ind == soci::i_ok ? std::optional(issued.value) : std::nullopt;
            r.published_at = published.ind == soci::i_ok ? std::optional(published.value) : std::nullopt;
            out.push_back(std::move(r));
        });
    return out;
}

template <class Bind>
std::vector<app::CertificateRecord> QueryCertificates(soci::session& s, const std::string& where, Bind bind) {
    long long id = 0, decision = 0, nominee = 0, award = 0, prize = 0;
    NullableText revoked, recovered;
    app::CertificateRecord c;
    std::vector<app::CertificateRecord> out;
    ForEachRow(
        s,
        "SELECT id, code, decision_id, nominee_id, award_id, recipient_name, award_code, award_name, prize_vnd, "
        "revoked_at, revoke_reason, revoke_ground, revoke_decision, recovery, recovered_at FROM certificates " +
            where,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(c.code));
            st.exchange(soci::into(decision));
            st.exchange(soci::into(nominee));
            st.exchange(soci::into(award));
            st.exchange(soci::into(c.recipient_name));
            st.exchange(soci::into(c.award_code));
            st.exchange(soci::into(c.award_name));
            st.exchange(soci::into(prize));
            st.exchange(soci::into(revoked.value, revoked.ind));
            st.exchange(soci::into(c.revoke_reason));
            st.exchange(soci::into(c.revoke_ground));
            st.exchange(soci::into(c.revoke_decision));
            st.exchange(soci::into(c.recovery));
            st.exchange(soci::into(recovered.value, recovered.ind));
            bind(st);
        },
        [&] {
            app::CertificateRecord r = c;
            r.id = id;
            r.decision = decision;
            r.nominee = nominee;
            r.award = AwardId{award};
            r.prize_vnd = prize;
            r.revoked_at = revoked.ind == soci::i_ok ? std::optional(revoked.value) : std::nullopt;
            r.recovered_at = recovered.ind == soci::i_ok ? std::optional(recovered.value) : std::nullopt;
            out.push_back(std::move(r));
        });
    return out;
}

}  // namespace

int SqlDecisionRepository::NextNumber(const std::string& authority_code, int year) {
    int last = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(number) FROM decisions WHERE authority_code = :a AND year = :y", soci::use(authority_code),
        soci::use(year), soci::into(last, ind);
    return ind == soci::i_ok ? last + 1 : 1;
}

std::int64_t SqlDecisionRepository::Insert(const app::DecisionRecord& d) {
    long long id = 0, dossier = d.dossier.value;
    int number = d.number.value_or(0), central = d.central ? 1 : 0, year = d.year;
    soci::indicator number_ind = d.number ? soci::i_ok : soci::i_null;
    std::string signed_on = FormatIsoDate(d.signed_on);
    s_ << "INSERT INTO decisions (dossier_id, authority_code, authority_name, year, number, number_text, signed_on, "
          "signer_name, signer_title, title, central, state, created_by, created_at) VALUES (:d, :ac, :an, :y, :n, "
          ":nt, :so, :sn, :st, :t, :c, :s, :cb, :ca) RETURNING id",
        soci::use(dossier), soci::use(d.authority_code), soci::use(d.authority_name), soci::use(year),
        soci::use(number, number_ind), soci::use(d.number_text), soci::use(signed_on), soci::use(d.signer_name),
        soci::use(d.signer_title), soci::use(d.title), soci::use(central), soci::use(d.state), soci::use(d.created_by),
        soci::use(d.created_at), soci::into(id);
    return id;
}

void SqlDecisionRepository::UpdateDraft(const app::DecisionRecord& d) {
    long long id = d.id;
    std::string signed_on = FormatIsoDate(d.signed_on);
    s_ << "UPDATE decisions SET signed_on = :so, signer_name = :sn, signer_title = :st, title = :t WHERE id = :id AND "
          "state = 'draft'",
        soci::use(signed_on), soci::use(d.signer_name), soci::use(d.signer_title), soci::use(d.title), soci::use(id);
}

std::optional<app::DecisionRecord> SqlDecisionRepository::ForDossier(DossierId dossier) {
    long long d = dossier.value;
    auto rows = QueryDecisions(s_, "WHERE dossier_id = :d", [&](soci::statement& st) { st.exchange(soci::use(d)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::optional<app::DecisionRecord> SqlDecisionRepository::Find(std::int64_t id) {
    long long value = id;
    auto rows = QueryDecisions(s_, "WHERE id = :id", [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

void SqlDecisionRepository::MarkIssued(std::int64_t id, const std::string& at) {
    long long value = id;
    s_ << "UPDATE decisions SET state = 'issued', issued_at = :a WHERE id = :id", soci::use(at), soci::use(value);
}

void SqlDecisionRepository::MarkPublished(std::int64_t id, const std::string& at) {
    long long value = id;
    s_ << "UPDATE decisions SET published_at = :a WHERE id = :id", soci::use(at), soci::use(value);
}

std::vector<app::DecisionRecord> SqlDecisionRepository::Published(int limit) {
    return QueryDecisions(s_,
                          "WHERE published_at IS NOT NULL ORDER BY signed_on DESC, id DESC LIMIT " +
                              std::to_string(std::clamp(limit, 1, 500)),
                          [](soci::statement&) {});
}

std::int64_t SqlDecisionRepository::AddCertificate(const app::CertificateRecord& c) {
    long long id = 0, decision = c.decision, nominee = c.nominee, award = c.award.value, prize = c.prize_vnd;
    s_ << "INSERT INTO certificates (code, decision_id, nominee_id, award_id, recipient_name, award_code, award_name, "
          "prize_vnd) VALUES (:c, :d, :n, :a, :r, :ac, :an, :p) RETURNING id",
        soci::use(c.code), soci::use(decision), soci::use(nominee), soci::use(award), soci::use(c.recipient_name),
        soci::use(c.award_code), soci::use(c.award_name), soci::use(prize), soci::into(id);
    return id;
}

std::vector<app::CertificateRecord> SqlDecisionRepository::Certificates(std::int64_t decision) {
    long long d = decision;
    return QueryCertificates(s_, "WHERE decision_id = :d ORDER BY id",
                             [&](soci::statement& st) { st.exchange(soci::use(d)); });
}

std::optional<app::CertificateRecord> SqlDecisionRepository::CertificateByCode(const std::string& code) {
    auto rows = QueryCertificates(s_, "WHERE code = :c", [&](soci::statement& st) { st.exchange(soci::use(code)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::optional<app::CertificateRecord> SqlDecisionRepository::CertificateByAward(AwardId award) {
    long long id = award.value;
    auto rows = QueryCertificates(s_, "WHERE award_id = :a", [&](soci::statement& st) { st.exchange(soci::use(id)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

bool SqlDecisionRepository::Revoke(const app::CertificateRecord& c, const std::string& at) {
    long long id = c.id;
    auto changed = ExecCount(s_,
                             "UPDATE certificates SET revoked_at = :a, revoke_reason = :r, revoke_ground = :g, "
                             "revoke_decision = :d, recovery = :rc WHERE id = :id AND revoked_at IS NULL",
                             [&](soci::statement& st) {
                                 st.exchange(soci::use(at));
                                 st.exchange(soci::use(c.revoke_reason));
                                 st.exchange(soci::use(c.revoke_ground));
                                 st.exchange(soci::use(c.revoke_decision));
                                 st.exchange(soci::use(c.recovery));
                                 st.exchange(soci::use(id));
                             });
    return changed == 1;
}

bool SqlDecisionRepository::MarkRecovered(std::int64_t certificate, const std::string& at) {
    long long id = certificate;
    return ExecCount(
               s_,
               "UPDATE certificates SET recovery = 'recovered', recovered_at = :a WHERE id = :id AND recovery = 'due'",
               [&](soci::statement& st) {
                   st.exchange(soci::use(at));
                   st.exchange(soci::use(id));
               }) == 1;
}

}  // namespace tdkt::storage
