#pragma once
// The app ports implemented with SOCI. The same SQL runs on SQLite and PostgreSQL.
#include <soci/soci.h>

#include "app/ports.h"
#include "storage/connection_pool.h"
#include "storage/database_url.h"
#include "storage/unit_tree_cache.h"

namespace tdkt::storage {

class SqlUserRepository final : public app::UserRepository {
  public:
    explicit SqlUserRepository(const ConnectionPool::Lease& lease) : s_(*lease), lease_(lease) {}
    std::optional<app::UserRecord> FindByLogin(std::string_view login) override;
    std::optional<app::UserRecord> FindById(UserId id) override;
    UserId Insert(const app::UserRecord& user) override;
    void UpdatePassword(UserId id, const std::string& password_hash) override;
    void UpdateSignInState(UserId id, int failed_count, Timestamp locked_until) override;
    void SetDisabled(UserId id, bool disabled) override;
    std::string Email(UserId id) override;
    void SetEmail(UserId id, const std::string& email) override;
    std::vector<app::UserRecord> List() override;
    std::int64_t Count() override;
    std::vector<app::RoleGrant> Grants(UserId id) override;
    void AddGrant(UserId id, domain::Role role, UnitId unit) override;
    bool RemoveGrant(UserId id, domain::Role role, UnitId unit) override;
    std::vector<UserId> Holders(const std::vector<domain::Role>& roles, const std::vector<UnitId>& units) override;

  private:
    soci::session& s_;
    const ConnectionPool::Lease& lease_;
};

class SqlSessionRepository final : public app::SessionRepository {
  public:
    explicit SqlSessionRepository(const ConnectionPool::Lease& lease) : s_(*lease), lease_(lease) {}
    void Insert(const app::SessionRecord& session) override;
    std::optional<app::SessionRecord> FindByTokenHash(std::string_view token_hash) override;
    void Touch(std::string_view token_hash, Timestamp seen_at) override;
    void Delete(std::string_view token_hash) override;
    void DeleteForUser(UserId user) override;
    std::int64_t DeleteExpired(Timestamp now, Timestamp idle_cutoff) override;

  private:
    soci::session& s_;
    const ConnectionPool::Lease& lease_;
};

class SqlUnitRepository final : public app::UnitRepository {
  public:
    // `tree` may be null: every List() and Lineage() then reads the database.
    SqlUnitRepository(const ConnectionPool::Lease& lease, UnitTreeCache* tree)
        : s_(*lease), lease_(lease), tree_(tree) {}
    std::optional<app::UnitRecord> Find(UnitId id) override;
    std::optional<app::UnitRecord> FindByCode(std::string_view code) override;
    std::vector<app::UnitRecord> List() override;
    UnitId Insert(const app::UnitRecord& unit) override;
    std::int64_t Count() override;
    void UpdateCurrent(const app::UnitRecord& unit) override;
    std::vector<app::UnitRecord> ListAsOf(const Date& date) override;
    std::vector<app::UnitVersion> Versions(UnitId unit) override;
    std::int64_t InsertVersion(const app::UnitVersion& version) override;
    void CloseOpenVersion(UnitId unit, const Date& date) override;
    std::int64_t InsertEvent(const app::UnitEvent& event) override;
    std::vector<app::UnitEvent> Events(UnitId unit) override;
    void InsertLineage(const app::LineageLink& link) override;
    std::vector<app::LineageLink> Lineage() override;
    std::vector<app::YearRating> Ratings(UnitId unit) override;
    void SetRating(UnitId unit, const app::YearRating& rating) override;
    bool DeleteRating(UnitId unit, int year) override;

  private:
    std::shared_ptr<const UnitTreeCache::Tree> Tree();
    std::vector<app::UnitRecord> ReadUnits();
    std::vector<app::LineageLink> ReadLineage();

    soci::session& s_;
    const ConnectionPool::Lease& lease_;
    UnitTreeCache* tree_;
};

class SqlPersonRepository final : public app::PersonRepository {
  public:
    SqlPersonRepository(soci::session& s, Backend backend) : s_(s), backend_(backend) {}
    std::optional<app::PersonRecord> Find(PersonId id) override;
    std::optional<app::PersonRecord> FindByNationalId(std::string_view national_id) override;
    PersonId Insert(const app::PersonRecord& person) override;
    void Update(const app::PersonRecord& person) override;
    app::PersonPage Search(const app::PersonQuery& query) override;
    std::int64_t Count() override;
    std::vector<app::Membership> Memberships(PersonId person) override;
    std::int64_t InsertMembership(const app::Membership& membership) override;
    void EndMembership(std::int64_t membership_id, const Date& end_date) override;
    std::vector<app::Membership> CurrentMemberships(UnitId unit) override;
    std::vector<app::Membership> MembershipsDuring(UnitId unit, const Date& from, const Date& to) override;
    void SetCurrentUnit(PersonId person, std::optional<UnitId> unit) override;
    std::int64_t CountCurrentMembers(UnitId unit) override;

  private:
    soci::session& s_;
    Backend backend_;
};

class SqlRecordRepository final : public app::RecordRepository {
  public:
    explicit SqlRecordRepository(soci::session& s) : s_(s) {}
    std::vector<app::YearRating> Ratings(PersonId person) override;
    void SetRating(PersonId person, const app::YearRating& rating) override;
    bool DeleteRating(PersonId person, int year) override;
    std::vector<app::Leave> Leaves(PersonId person) override;
    std::int64_t InsertLeave(const app::Leave& leave) override;
    std::vector<app::Discipline> Disciplines(PersonId person) override;
    std::int64_t InsertDiscipline(const app::Discipline& discipline) override;
    std::vector<app::Initiative> Initiatives(PersonId person) override;
    std::int64_t InsertInitiative(const app::Initiative& initiative) override;
    void LinkInitiative(std::int64_t initiative_id, AwardId award) override;
    bool DeleteRecord(std::string_view kind, PersonId person, std::int64_t id) override;
    std::vector<domain::SubjectHistory> HistoriesBetween(PersonId after, PersonId last) override;

  private:
    soci::session& s_;
};

class SqlAwardRepository final : public app::AwardRepository {
  public:
    explicit SqlAwardRepository(soci::session& s) : s_(s) {}
    AwardId Insert(const app::AwardRecord& award) override;
    std::optional<app::AwardRecord> Find(AwardId id) override;
    std::vector<app::AwardRecord> ForPerson(PersonId person) override;
    std::vector<app::AwardRecord> ForUnits(const std::vector<UnitId>& units) override;
    bool Delete(AwardId id) override;
    bool Revoke(const app::AwardRecord& revoked, const std::string& at) override;
    bool MarkRecovered(AwardId id, const std::string& at) override;

  private:
    soci::session& s_;
};

class SqlDossierRepository final : public app::DossierRepository {
  public:
    explicit SqlDossierRepository(soci::session& s) : s_(s) {}
    std::int64_t NextNumber(int year) override;
    DossierId Insert(const app::DossierRecord& dossier) override;
    std::optional<app::DossierRecord> Find(DossierId id) override;
    bool UpdateState(DossierId id, int expected_version, const std::string& state, const std::string& since,
                     const std::optional<Date>& due) override;
    void Touch(DossierId id, const std::string& at) override;
    app::DossierPage List(const app::DossierFilter& filter) override;
    std::int64_t AddNominee(const app::NomineeRecord& nominee) override;
    std::vector<app::NomineeRecord> Nominees(DossierId dossier) override;
    bool RemoveNominee(DossierId dossier, std::int64_t nominee) override;
    bool SetOverride(DossierId dossier, std::int64_t nominee, const std::string& reason,
                     const std::string& login) override;
    void SetOutcome(std::int64_t nominee, const std::string& outcome) override;
    std::int64_t AddEvent(const app::DossierEvent& event) override;
    std::vector<app::DossierEvent> Events(DossierId dossier) override;
    std::int64_t AddDocument(const app::DocumentRecord& document) override;
    std::vector<app::DocumentRecord> Documents(DossierId dossier) override;
    bool RemoveDocument(DossierId dossier, std::int64_t document, const std::string& login,
                        const std::string& at) override;
    std::optional<app::ConsultationRecord> Consultation(DossierId dossier) override;
    std::optional<app::ConsultationRecord> ConsultationById(std::int64_t id) override;
    std::int64_t InsertConsultation(const app::ConsultationRecord& consultation) override;
    std::vector<app::ConsultationRecord> OpenConsultations(const Date& day) override;
    std::int64_t AddComment(const app::CommentRecord& comment) override;
    std::vector<app::CommentRecord> Comments(std::int64_t consultation, bool published_only) override;
    std::int64_t CountCommentsSince(const std::string& client_key, const std::string& since) override;
    bool ModerateComment(std::int64_t consultation, std::int64_t comment, const std::string& status,
                         const std::string& login) override;
    bool RespondComment(std::int64_t consultation, std::int64_t comment, const std::string& response,
                        const std::string& login, const std::string& at) override;

  private:
    soci::session& s_;
};

class SqlFileRepository final : public app::FileRepository {
  public:
    explicit SqlFileRepository(soci::session& s) : s_(s) {}
    std::optional<app::FileRecord> Find(const std::string& sha256) override;
    void Insert(const app::FileRecord& file, const std::optional<std::string>& content_b64) override;
    std::optional<std::string> ContentBase64(const std::string& sha256) override;

  private:
    soci::session& s_;
};

class SqlNotificationRepository final : public app::NotificationRepository {
  public:
    explicit SqlNotificationRepository(soci::session& s) : s_(s) {}
    std::int64_t Insert(const app::NotificationRecord& n) override;
    std::vector<app::NotificationRecord> ForUser(UserId user, bool unread_only, int limit) override;
    std::int64_t CountUnread(UserId user) override;
    std::int64_t MarkRead(UserId user, std::int64_t id, const std::string& at) override;
    std::vector<app::MailItem> DueMail(const std::string& now, int limit) override;
    void MailSent(std::int64_t notification, const std::string& at) override;
    void MailFailed(std::int64_t notification, int attempts, const std::optional<std::string>& next_at,
                    const std::string& error) override;

  private:
    soci::session& s_;
};

class SqlImportJobRepository final : public app::ImportJobRepository {
  public:
    explicit SqlImportJobRepository(soci::session& s) : s_(s) {}
    void Insert(const app::ImportJobRecord& job) override;
    bool Finish(const app::ImportJobRecord& job) override;
    std::optional<app::ImportJobRecord> Find(const std::string& id) override;
    std::vector<app::ImportJobRecord> ForOwner(const std::string& login, int limit) override;

  private:
    soci::session& s_;
};

class SqlCouncilRepository final : public app::CouncilRepository {
  public:
    SqlCouncilRepository(soci::session& s, Backend backend) : s_(s), backend_(backend) {}
    void HoldMeeting(std::int64_t meeting) override;
    void HoldSeat(std::int64_t member) override;
    std::int64_t InsertCouncil(const app::CouncilRecord& council) override;
    std::optional<app::CouncilRecord> FindCouncil(std::int64_t id) override;
    std::vector<app::CouncilRecord> Councils() override;
    void UpdateCouncil(const app::CouncilRecord& council) override;
    std::int64_t AddMember(const app::CouncilMemberRecord& member) override;
    void UpdateMember(const app::CouncilMemberRecord& member) override;
    std::vector<app::CouncilMemberRecord> Members(std::int64_t council) override;
    std::vector<app::CouncilMemberRecord> AllMembers(std::int64_t council) override;
    void SeatMeeting(std::int64_t meeting, std::int64_t council) override;
    std::vector<app::CouncilMemberRecord> Seats(std::int64_t meeting) override;
    std::int64_t InsertMeeting(const app::MeetingRecord& meeting) override;
    std::optional<app::MeetingRecord> FindMeeting(std::int64_t id) override;
    std::vector<app::MeetingRecord> Meetings(std::int64_t council) override;
    bool SetMeetingState(std::int64_t id, const std::string& from, const std::string& to,
                         const std::string& at) override;
    void SetAttendance(std::int64_t meeting, std::int64_t member, bool present) override;
    std::vector<std::int64_t> Present(std::int64_t meeting) override;
    std::int64_t AddItem(const app::AgendaItemRecord& item) override;
    std::vector<app::AgendaItemRecord> Items(std::int64_t meeting) override;
    std::optional<app::AgendaItemRecord> FindItem(std::int64_t id) override;
    bool RemoveItem(std::int64_t meeting, std::int64_t item) override;
    std::vector<app::AgendaItemRecord> OpenItemsOf(std::int64_t nominee) override;
    void AddRecusal(const app::Recusal& recusal) override;
    std::vector<app::Recusal> Recusals(std::int64_t meeting) override;
    bool AddReceipt(std::int64_t item, std::int64_t member, const std::string& kind) override;
    std::vector<std::pair<std::int64_t, std::int64_t>> Receipts(std::int64_t meeting) override;
    void CountChoice(std::int64_t item, const std::string& choice) override;
    std::vector<std::pair<std::string, int>> Tally(std::int64_t item) override;
    void CloseItem(std::int64_t item, int denominator, int agree, int disagree, int abstain, bool passed) override;

  private:
    soci::session& s_;
    Backend backend_;
};

class SqlDecisionRepository final : public app::DecisionRepository {
  public:
    explicit SqlDecisionRepository(soci::session& s) : s_(s) {}
    int NextNumber(const std::string& authority_code, int year) override;
    std::int64_t Insert(const app::DecisionRecord& decision) override;
    void UpdateDraft(const app::DecisionRecord& decision) override;
    std::optional<app::DecisionRecord> ForDossier(DossierId dossier) override;
    std::optional<app::DecisionRecord> Find(std::int64_t id) override;
    void MarkIssued(std::int64_t id, const std::string& at) override;
    void MarkPublished(std::int64_t id, const std::string& at) override;
    std::vector<app::DecisionRecord> Published(int limit) override;
    std::int64_t AddCertificate(const app::CertificateRecord& certificate) override;
    std::vector<app::CertificateRecord> Certificates(std::int64_t decision) override;
    std::optional<app::CertificateRecord> CertificateByCode(const std::string& code) override;
    std::optional<app::CertificateRecord> CertificateByAward(AwardId award) override;
    bool Revoke(const app::CertificateRecord& revoked, const std::string& at) override;
    bool MarkRecovered(std::int64_t certificate, const std::string& at) override;

  private:
    soci::session& s_;
};

class SqlAuditRepository final : public app::AuditRepository {
  public:
    SqlAuditRepository(soci::session& s, Backend backend) : s_(s), backend_(backend) {}
    std::string LockHeadHash() override;
    std::int64_t Append(const domain::AuditEntry& entry) override;
    std::vector<domain::AuditEntry> After(std::int64_t after_id, int limit) override;
    std::pair<std::int64_t, std::string> Head() override;
    app::AuditPage List(const app::AuditFilter& filter) override;
    std::int64_t CountSince(std::string_view from_at) override;
    // Writes the head moved by this transaction's appends; SqlStore::Write calls it before COMMIT.
    void FlushHead();

  private:
    soci::session& s_;
    Backend backend_;
    // The head, locked and cached for the rest of the transaction: an import appends 100,000
    // entries in one transaction, and updating the one head row each time left PostgreSQL a chain
    // of 100,000 row versions to walk on every read of it.
    bool locked_ = false;
    std::string head_hash_;
    std::optional<std::int64_t> pending_id_;  // last appended, not yet in audit_head
};

}  // namespace tdkt::storage
