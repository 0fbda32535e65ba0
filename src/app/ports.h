#pragma once
// Ports: what the use cases need from storage. storage/ implements them on SQLite and PostgreSQL.
// All repositories handed to one Read/Write callback share one connection and one transaction.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "core/time.h"
#include "domain/audit_chain.h"
#include "domain/eligibility.h"
#include "domain/role.h"

namespace tdkt::app {

struct UserRecord {
    UserId id;
    std::string login;
    std::string display_name;
    std::string password_hash;
    bool disabled = false;
    int failed_count = 0;
    Timestamp locked_until{0};
    Timestamp created_at{0};
};

struct RoleGrant {
    domain::Role role = domain::Role::kViewer;
    UnitId unit;
    std::string unit_name;
    bool unit_is_root = false;  // the unit has no parent and still exists (the province)
};

struct SessionRecord {
    std::string token_hash;  // SHA-256 of the bearer token; the token itself is never stored
    UserId user;
    std::string csrf_token;
    Timestamp created_at{0};
    Timestamp last_seen_at{0};
    Timestamp expires_at{0};  // absolute expiry
};

struct UnitRecord {
    UnitId id;
    std::string code;
    std::string name;
    std::optional<UnitId> parent;
    std::string unit_type = "department";  // domain::UnitTypes() code
    std::optional<Date> valid_from;        // the unit exists on [valid_from, valid_to); nullopt = open
    std::optional<Date> valid_to;
};

// The name, parent and type of a unit over a period.
struct UnitVersion {
    std::int64_t id = 0;
    UnitId unit;
    std::optional<Date> valid_from, valid_to;
    std::string name;
    std::optional<UnitId> parent;
    std::string unit_type;
    std::optional<std::int64_t> event_id;
};

// An organisational change with its deciding document (create, rename, move, retype, merge, split,
// dissolve). For a merge the subject is the successor; for a split, the unit that was split.
struct UnitEvent {
    std::int64_t id = 0;
    UnitId unit;
    std::string kind;
    Date effective_date;
    std::string document;
    std::string note;
    std::string recorded_at;
    std::string recorded_by;
};

struct LineageLink {
    UnitId predecessor;
    UnitId successor;
    std::int64_t event_id = 0;
    Date effective_date;
};

struct YearRating {
    int year = 0;
    std::string rating;  // domain::TaskRatings() code
    std::string document;
};

struct PersonRecord {
    PersonId id;
    std::string full_name;
    std::string gender;  // domain::Genders() code
    std::optional<Date> birth_date;
    std::string national_id;  // "" when not recorded
    std::string category;     // domain::PersonCategories() code
    bool direct_worker = false;
    std::string position;
    std::string phone;
    std::string email;
    std::optional<UnitId> unit;      // the current unit
    std::string unit_name;           // filled by reads
    std::string unit_code;           // filled by reads
    std::optional<Date> unit_since;  // start of the open membership, filled by reads
    std::string created_at, updated_at;
};

struct Membership {
    std::int64_t id = 0;
    PersonId person;
    UnitId unit;
    std::string unit_name;  // filled by reads
    Date start_date;
    std::optional<Date> end_date;  // exclusive; nullopt = current
    std::string position;
    std::string document;
};

// Searches count matches up to this many; above it they answer "more than 1,000" (ADR 0009).
constexpr std::int64_t kSearchCountCap = 1'000;

struct PersonQuery {
    std::string name_folded;                   // words starting words of the folded name ("" = any)
    std::string national_id_prefix;            // "" = any
    std::optional<std::vector<UnitId>> units;  // current unit among these; nullopt = any unit
    std::string category;                      // "" = any
    std::string sort = "name";                 // name | birth_date | unit
    bool descending = false;
    int limit = 50;
    int offset = 0;
    // Keyset paging in id order for walking every match (exports): when set, rows with a greater id,
    // ordered by id; `sort`, `descending` and `offset` are ignored and `total` is not counted.
    std::optional<PersonId> after_id;
};

struct PersonPage {
    std::vector<PersonRecord> items;
    std::int64_t total = 0;
};

struct Leave {
    std::int64_t id = 0;
    PersonId person;
    std::string kind = "maternity";
    Date start_date, end_date;
    std::string note;
};

struct Discipline {
    std::int64_t id = 0;
    PersonId person;
    std::string form;  // domain::DisciplineForms() code
    Date start_date;
    std::optional<Date> end_date;
    std::string decision;
    std::string note;
};

struct Initiative {
    std::int64_t id = 0;
    PersonId person;
    std::string kind = "initiative";  // initiative | research
    std::string title;
    int year = 0;
    std::string scope;  // co_so | tinh | toan_quoc
    std::string decision;
    std::optional<AwardId> used_by_award;
};

struct AwardRecord {
    AwardId id;
    std::string subject_type;  // individual | collective | household
    std::optional<PersonId> person;
    std::optional<UnitId> unit;  // the collective, or the commune of a household
    std::string household_name;
    std::string award_code;
    int year = 0;      // year of the achievement
    std::string kind;  // domain::AwardKinds() code
    std::string decision_number;
    std::optional<Date> decision_date;
    std::string authority;
    std::int64_t prize_vnd = 0;
    std::string source = "manual";  // manual | import | decision
    std::string note;
    std::string created_at;
    std::string subject_name;               // filled by reads: the person, unit or household
    std::optional<std::string> revoked_at;  // revoked (Luật Điều 93): kept, no longer counted
    std::string revoked_reason;
    std::string revoke_ground, revoke_decision;
    std::string recovery;  // "" | due | recovered: the prize to recover after a revocation
    std::optional<std::string> recovered_at;
};

// A nomination dossier (docs/workflow.md): its proposing unit, the board that receives it and where
// it stands in the workflow of the catalogue.
struct DossierRecord {
    DossierId id;
    std::string code;  // "HS-2026-000017"
    std::string title;
    std::string kind = "merit";           // domain::AwardKinds() code
    std::string procedure_kind = "full";  // full | simplified
    int year = 0;                         // of the achievement
    UnitId unit;                          // proposing
    UnitId board_unit;                    // receiving
    std::string state = "draft";
    std::string state_since;  // ISO-8601 UTC
    std::optional<Date> due_date;
    std::string created_by, created_at, updated_at;
    int version = 1;
    std::string note;
    std::string unit_name;  // filled by reads
};

struct NomineeRecord {
    std::int64_t id = 0;
    DossierId dossier;
    int position = 0;
    std::string subject_type;  // individual | collective | household
    std::optional<PersonId> person;
    std::optional<UnitId> unit;
    std::string household_name;
    std::string award_code;
    std::string override_reason, override_by;
    std::string outcome = "pending";  // pending | approved | rejected
    std::optional<AwardId> award;
    std::string subject_name;  // filled by reads
};

struct DossierEvent {
    std::int64_t id = 0;
    DossierId dossier;
    std::string action, from_state, to_state, actor_login, at, reason;
};

// A file of a dossier: uploaded, or generated by tdkt from the dossier (ADR 0013).
struct DocumentRecord {
    std::int64_t id = 0;
    DossierId dossier;
    std::optional<std::int64_t> nominee;  // a nominee's own document, else the dossier's
    std::string doc_type;                 // the catalogue's document code
    std::string file_name, sha256, media_type;
    std::int64_t size = 0;
    bool generated = false;
    std::string uploaded_by, uploaded_at;
};

// A stored file's description; its bytes are in the file store (FileStore below).
struct FileRecord {
    std::string sha256;
    std::int64_t size = 0;
    std::string media_type;
    std::string created_at;
};

struct NotificationRecord {
    std::int64_t id = 0;
    UserId user;
    std::optional<DossierId> dossier;
    std::string message, link, created_at;
    std::optional<std::string> read_at;
    bool email = false;  // on insert: queue it for e-mail when the user has an address
};

// A notification waiting to be e-mailed, with its recipient.
struct MailItem {
    std::int64_t notification = 0;
    std::string to_email, to_name, message, link;
    int attempts = 0;
};

// One e-mail; the transport adds the sender, the date and the encoding.
struct MailMessage {
    std::string to_email, to_name, subject, body;
};

// Sends e-mail (storage/smtp_mailer.h over SMTP).
class Mailer {
  public:
    virtual ~Mailer() = default;
    virtual Status Send(const MailMessage& message) = 0;
};

// A dossier's public consultation (tdkt-domain.md §4.5): open from `opened_on` to `closes_on`
// inclusive.
struct ConsultationRecord {
    std::int64_t id = 0;
    DossierId dossier;
    Date opened_on, closes_on;
    int working_days = 0;
    std::string opened_by, opened_at;
};

struct CommentRecord {
    std::int64_t id = 0;
    std::int64_t consultation = 0;
    std::optional<std::int64_t> nominee;
    std::string author_name, author_contact, body, client_key, created_at;
    std::string status = "pending";  // pending | published | rejected
    std::string moderated_by, response, responded_by;
    std::optional<std::string> responded_at;
};

// A council (docs/council.md): the province's Hội đồng Thi đua – Khen thưởng or a unit's own.
struct CouncilRecord {
    std::int64_t id = 0;
    UnitId unit;
    std::string name;
    std::string recusal_rule = "exclude";  // exclude | count
    int quorum_num = 2, quorum_den = 3;
    std::string created_at;
};

struct CouncilMemberRecord {
    std::int64_t id = 0;
    std::int64_t council = 0;
    UserId user;
    std::string role;  // chair | vice_chair | secretary | member
    std::string title;
    std::optional<UnitId> unit;
    int position = 0;
    std::optional<std::string> left_at;  // set when the member left the council (kept for past meetings)
    std::string display_name, login;     // filled by reads
};

struct MeetingRecord {
    std::int64_t id = 0;
    std::int64_t council = 0;
    std::string title;
    Date held_on;
    std::string place;
    std::string state = "planned";  // planned | voting | closed
    std::string created_by, created_at;
    std::optional<std::string> opened_at, closed_at;
};

struct AgendaItemRecord {
    std::int64_t id = 0;
    std::int64_t meeting = 0;
    std::int64_t nominee = 0;
    DossierId dossier;
    int position = 0;
    int threshold_pct = 0;
    std::optional<int> denominator, agree, disagree, abstain;
    std::optional<bool> passed;
    // filled by reads
    std::string subject_name, subject_type, award_code, dossier_code;
    std::optional<PersonId> person;
    std::optional<UnitId> subject_unit;  // the collective, the household's commune, or the person's current unit
};

struct Recusal {
    std::int64_t item = 0, member = 0;
    std::string reason;
};

// A decision on a dossier (docs/decisions.md): recorded as a draft, issued by the workflow.
struct DecisionRecord {
    std::int64_t id = 0;
    DossierId dossier;
    std::string authority_code = "UBND", authority_name;
    int year = 0;
    std::optional<int> number;  // in the authority's series; none for a central decision
    std::string number_text;    // "123/QĐ-UBND"
    Date signed_on;
    std::string signer_name, signer_title;  // title lines separated by '|'
    std::string title;
    bool central = false;
    std::string state = "draft";  // draft | issued
    std::string created_by, created_at;
    std::optional<std::string> issued_at, published_at;
};

struct CertificateRecord {
    std::int64_t id = 0;
    std::string code;
    std::int64_t decision = 0;
    std::int64_t nominee = 0;
    AwardId award;
    std::string recipient_name, award_code, award_name;
    std::int64_t prize_vnd = 0;
    std::optional<std::string> revoked_at;
    std::string revoke_reason, revoke_ground, revoke_decision;
    std::string recovery;  // "" | due | recovered: the prize to recover after a revocation
    std::optional<std::string> recovered_at;
};

struct DossierFilter {
    std::optional<std::vector<UnitId>> units;  // proposing units in scope; nullopt = all
    std::optional<UnitId> board_unit;
    std::optional<UnitId> unit;  // the proposing unit itself
    std::string state, kind;
    std::optional<Date> due_before;  // due on or before (overdue lists)
    int year = 0;
    int limit = 50, offset = 0;
};

struct DossierPage {
    std::vector<DossierRecord> items;  // newest first (by id)
    std::int64_t total = 0;
};

struct AuditFilter {
    std::string entity_type;
    std::string entity_id;
    std::string user_login;
    std::string from_at;  // inclusive ISO-8601 UTC lower bound, "" for none
    std::string to_at;    // exclusive upper bound, "" for none
    int limit = 50;
    int offset = 0;
};

struct AuditPage {
    std::vector<domain::AuditEntry> entries;  // newest first
    std::int64_t total = 0;
};

class UserRepository {
  public:
    virtual ~UserRepository() = default;
    virtual std::optional<UserRecord> FindByLogin(std::string_view login) = 0;
    virtual std::optional<UserRecord> FindById(UserId id) = 0;
    virtual UserId Insert(const UserRecord& user) = 0;
    virtual void UpdatePassword(UserId id, const std::string& password_hash) = 0;
    virtual void UpdateSignInState(UserId id, int failed_count, Timestamp locked_until) = 0;
    virtual void SetDisabled(UserId id, bool disabled) = 0;
    virtual std::string Email(UserId id) = 0;  // "" when none
    virtual void SetEmail(UserId id, const std::string& email) = 0;
    virtual std::vector<UserRecord> List() = 0;
    virtual std::int64_t Count() = 0;
    virtual std::vector<RoleGrant> Grants(UserId id) = 0;
    virtual void AddGrant(UserId id, domain::Role role, UnitId unit) = 0;
    virtual bool RemoveGrant(UserId id, domain::Role role, UnitId unit) = 0;
    // Users (not disabled) holding one of `roles` on one of `units`, each once.
    virtual std::vector<UserId> Holders(const std::vector<domain::Role>& roles, const std::vector<UnitId>& units) = 0;
};

class SessionRepository {
  public:
    virtual ~SessionRepository() = default;
    virtual void Insert(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> FindByTokenHash(std::string_view token_hash) = 0;
    virtual void Touch(std::string_view token_hash, Timestamp seen_at) = 0;
    virtual void Delete(std::string_view token_hash) = 0;
    virtual void DeleteForUser(UserId user) = 0;
    virtual std::int64_t DeleteExpired(Timestamp now, Timestamp idle_cutoff) = 0;
};

class UnitRepository {
  public:
    virtual ~UnitRepository() = default;
    virtual std::optional<UnitRecord> Find(UnitId id) = 0;
    virtual std::optional<UnitRecord> FindByCode(std::string_view code) = 0;
    // Every unit as it is now (ended ones included, with their last name and parent).
    virtual std::vector<UnitRecord> List() = 0;
    // Inserts the unit row only; the caller adds its first version.
    virtual UnitId Insert(const UnitRecord& unit) = 0;
    virtual std::int64_t Count() = 0;
    // Writes the current name, parent, type and existence period (and the search keys).
    virtual void UpdateCurrent(const UnitRecord& unit) = 0;
    // Units existing on `date`, with the name, parent and type of the version covering it.
    virtual std::vector<UnitRecord> ListAsOf(const Date& date) = 0;

    virtual std::vector<UnitVersion> Versions(UnitId unit) = 0;
    virtual std::int64_t InsertVersion(const UnitVersion& version) = 0;
    // Ends the unit's open version on `date` (exclusive).
    virtual void CloseOpenVersion(UnitId unit, const Date& date) = 0;

    virtual std::int64_t InsertEvent(const UnitEvent& event) = 0;
    // Events whose subject is `unit` or that link it as predecessor or successor, oldest first.
    virtual std::vector<UnitEvent> Events(UnitId unit) = 0;
    virtual void InsertLineage(const LineageLink& link) = 0;
    virtual std::vector<LineageLink> Lineage() = 0;

    virtual std::vector<YearRating> Ratings(UnitId unit) = 0;
    virtual void SetRating(UnitId unit, const YearRating& rating) = 0;
    virtual bool DeleteRating(UnitId unit, int year) = 0;
};

class PersonRepository {
  public:
    virtual ~PersonRepository() = default;
    virtual std::optional<PersonRecord> Find(PersonId id) = 0;
    virtual std::optional<PersonRecord> FindByNationalId(std::string_view national_id) = 0;
    // Inserts or updates the person row (with its search keys); Insert returns the new id.
    virtual PersonId Insert(const PersonRecord& person) = 0;
    virtual void Update(const PersonRecord& person) = 0;
    virtual PersonPage Search(const PersonQuery& query) = 0;
    virtual std::int64_t Count() = 0;

    virtual std::vector<Membership> Memberships(PersonId person) = 0;
    virtual std::int64_t InsertMembership(const Membership& membership) = 0;
    virtual void EndMembership(std::int64_t membership_id, const Date& end_date) = 0;
    // Open memberships in `unit` (the people currently there).
    virtual std::vector<Membership> CurrentMemberships(UnitId unit) = 0;
    // Memberships in `unit` that overlap [from, to): the people who were there during that period.
    virtual std::vector<Membership> MembershipsDuring(UnitId unit, const Date& from, const Date& to) = 0;
    // Sets people.unit_id (the current unit) of one person.
    virtual void SetCurrentUnit(PersonId person, std::optional<UnitId> unit) = 0;
    virtual std::int64_t CountCurrentMembers(UnitId unit) = 0;
};

// The yearly records of people: ratings, leave, discipline, initiatives.
class RecordRepository {
  public:
    virtual ~RecordRepository() = default;
    virtual std::vector<YearRating> Ratings(PersonId person) = 0;
    virtual void SetRating(PersonId person, const YearRating& rating) = 0;
    virtual bool DeleteRating(PersonId person, int year) = 0;

    virtual std::vector<Leave> Leaves(PersonId person) = 0;
    virtual std::int64_t InsertLeave(const Leave& leave) = 0;
    virtual std::vector<Discipline> Disciplines(PersonId person) = 0;
    virtual std::int64_t InsertDiscipline(const Discipline& discipline) = 0;
    virtual std::vector<Initiative> Initiatives(PersonId person) = 0;
    virtual std::int64_t InsertInitiative(const Initiative& initiative) = 0;
    // Marks the initiative as used by an award (one achievement is used once).
    virtual void LinkInitiative(std::int64_t initiative_id, AwardId award) = 0;
    // Deletes the record `id` of that table kind ("leave", "discipline", "initiative") when it belongs
    // to `person`; false when there is no such record.
    virtual bool DeleteRecord(std::string_view kind, PersonId person, std::int64_t id) = 0;

    // The eligibility histories (domain::SubjectHistory, id = the person id) of the people with ids in
    // (after, last], in id order, read with one query per table: bulk evaluation of a whole province.
    virtual std::vector<domain::SubjectHistory> HistoriesBetween(PersonId after, PersonId last) = 0;
};

class AwardRepository {
  public:
    virtual ~AwardRepository() = default;
    virtual AwardId Insert(const AwardRecord& award) = 0;
    virtual std::optional<AwardRecord> Find(AwardId id) = 0;
    virtual std::vector<AwardRecord> ForPerson(PersonId person) = 0;
    // Collective and household awards of these units, newest year first.
    virtual std::vector<AwardRecord> ForUnits(const std::vector<UnitId>& units) = 0;
    virtual bool Delete(AwardId id) = 0;
    // Marks the award revoked with `revoked`'s revoke_* fields and recovery (false when already revoked).
    virtual bool Revoke(const AwardRecord& revoked, const std::string& at) = 0;
    // The revoked prize has been paid back (false when none was due).
    virtual bool MarkRecovered(AwardId id, const std::string& at) = 0;
};

class DossierRepository {
  public:
    virtual ~DossierRepository() = default;
    // The next free number of a year's codes (1 for the first).
    virtual std::int64_t NextNumber(int year) = 0;
    virtual DossierId Insert(const DossierRecord& dossier) = 0;
    virtual std::optional<DossierRecord> Find(DossierId id) = 0;
    // Moves the dossier if its version is still `expected_version` (then version + 1); false when
    // someone moved it first.
    virtual bool UpdateState(DossierId id, int expected_version, const std::string& state, const std::string& since,
                             const std::optional<Date>& due) = 0;
    // Any other change of the dossier (nominees, documents, overrides): version + 1.
    virtual void Touch(DossierId id, const std::string& at) = 0;
    virtual DossierPage List(const DossierFilter& filter) = 0;
    virtual std::int64_t AddNominee(const NomineeRecord& nominee) = 0;  // position = last + 1
    virtual std::vector<NomineeRecord> Nominees(DossierId dossier) = 0;
    virtual bool RemoveNominee(DossierId dossier, std::int64_t nominee) = 0;
    virtual bool SetOverride(DossierId dossier, std::int64_t nominee, const std::string& reason,
                             const std::string& login) = 0;
    virtual void SetOutcome(std::int64_t nominee, const std::string& outcome) = 0;
    virtual std::int64_t AddEvent(const DossierEvent& event) = 0;
    virtual std::vector<DossierEvent> Events(DossierId dossier) = 0;  // oldest first
    virtual std::int64_t AddDocument(const DocumentRecord& document) = 0;
    // The documents not removed, by type then upload order.
    virtual std::vector<DocumentRecord> Documents(DossierId dossier) = 0;
    virtual bool RemoveDocument(DossierId dossier, std::int64_t document, const std::string& login,
                                const std::string& at) = 0;
    virtual std::optional<ConsultationRecord> Consultation(DossierId dossier) = 0;
    virtual std::optional<ConsultationRecord> ConsultationById(std::int64_t id) = 0;
    virtual std::int64_t InsertConsultation(const ConsultationRecord& consultation) = 0;
    // Consultations whose window includes `day`, newest first.
    virtual std::vector<ConsultationRecord> OpenConsultations(const Date& day) = 0;
    virtual std::int64_t AddComment(const CommentRecord& comment) = 0;
    // Oldest first; with `published_only` those the board has published.
    virtual std::vector<CommentRecord> Comments(std::int64_t consultation, bool published_only) = 0;
    // Comments sent from one client since `since` (ISO-8601 UTC): the rate limit.
    virtual std::int64_t CountCommentsSince(const std::string& client_key, const std::string& since) = 0;
    virtual bool ModerateComment(std::int64_t consultation, std::int64_t comment, const std::string& status,
                                 const std::string& login) = 0;
    virtual bool RespondComment(std::int64_t consultation, std::int64_t comment, const std::string& response,
                                const std::string& login, const std::string& at) = 0;
};

// Files' descriptions, and their bytes when the database is the file store.
class FileRepository {
  public:
    virtual ~FileRepository() = default;
    virtual std::optional<FileRecord> Find(const std::string& sha256) = 0;
    // Adds the description (and the base64 content, when given) unless the file is already there.
    virtual void Insert(const FileRecord& file, const std::optional<std::string>& content_b64) = 0;
    virtual std::optional<std::string> ContentBase64(const std::string& sha256) = 0;
};

// An Excel import started from the page: its state and, once finished, its result.
struct ImportJobRecord {
    std::string id;  // random token
    std::string owner_login, kind, file_name;
    std::string state = "running";  // running | done | rejected (a row had a problem) | failed
    int total_rows = 0, rows_read = 0, imported = 0;
    std::string problems_json = "[]";  // [{"row", "column", "message"}]
    std::string error;
    std::string started_at;
    std::optional<std::string> finished_at;
};

class ImportJobRepository {
  public:
    virtual ~ImportJobRepository() = default;
    virtual void Insert(const ImportJobRecord& job) = 0;
    // Writes the result of a running job (false when it is not running any more).
    virtual bool Finish(const ImportJobRecord& job) = 0;
    virtual std::optional<ImportJobRecord> Find(const std::string& id) = 0;
    virtual std::vector<ImportJobRecord> ForOwner(const std::string& login, int limit) = 0;  // newest first
};

class NotificationRepository {
  public:
    virtual ~NotificationRepository() = default;
    virtual std::int64_t Insert(const NotificationRecord& n) = 0;
    // Newest first; only unread ones when `unread_only`.
    virtual std::vector<NotificationRecord> ForUser(UserId user, bool unread_only, int limit) = 0;
    virtual std::int64_t CountUnread(UserId user) = 0;
    // Marks one (or, with id 0, every) notification of the user read; returns how many changed.
    virtual std::int64_t MarkRead(UserId user, std::int64_t id, const std::string& at) = 0;
    // Queued e-mails due at `now` (ISO UTC), oldest first.
    virtual std::vector<MailItem> DueMail(const std::string& now, int limit) = 0;
    virtual void MailSent(std::int64_t notification, const std::string& at) = 0;
    // Another failed attempt: tried again at `next_at`, or failed for good without one.
    virtual void MailFailed(std::int64_t notification, int attempts, const std::optional<std::string>& next_at,
                            const std::string& error) = 0;
};

class CouncilRepository {
  public:
    virtual ~CouncilRepository() = default;
    virtual std::int64_t InsertCouncil(const CouncilRecord& council) = 0;
    virtual std::optional<CouncilRecord> FindCouncil(std::int64_t id) = 0;
    virtual std::vector<CouncilRecord> Councils() = 0;
    virtual void UpdateCouncil(const CouncilRecord& council) = 0;  // name, recusal rule, quorum
    virtual std::int64_t AddMember(const CouncilMemberRecord& member) = 0;
    virtual void UpdateMember(const CouncilMemberRecord& member) = 0;               // role, title, unit, left_at
    virtual std::vector<CouncilMemberRecord> Members(std::int64_t council) = 0;     // sitting ones, by position
    virtual std::vector<CouncilMemberRecord> AllMembers(std::int64_t council) = 0;  // former ones too
    // The seats a meeting is held with: the sitting members when its ballot opens, kept as they were.
    virtual void SeatMeeting(std::int64_t meeting, std::int64_t council) = 0;
    virtual std::vector<CouncilMemberRecord> Seats(std::int64_t meeting) = 0;  // by position
    virtual std::int64_t InsertMeeting(const MeetingRecord& meeting) = 0;
    virtual std::optional<MeetingRecord> FindMeeting(std::int64_t id) = 0;
    virtual std::vector<MeetingRecord> Meetings(std::int64_t council) = 0;  // newest first
    // Moves the meeting from `from` to `to`; false when it was not in `from`.
    virtual bool SetMeetingState(std::int64_t id, const std::string& from, const std::string& to,
                                 const std::string& at) = 0;
    virtual void SetAttendance(std::int64_t meeting, std::int64_t member, bool present) = 0;
    virtual std::vector<std::int64_t> Present(std::int64_t meeting) = 0;  // member ids
    virtual std::int64_t AddItem(const AgendaItemRecord& item) = 0;       // position = last + 1
    virtual std::vector<AgendaItemRecord> Items(std::int64_t meeting) = 0;
    virtual std::optional<AgendaItemRecord> FindItem(std::int64_t id) = 0;
    virtual bool RemoveItem(std::int64_t meeting, std::int64_t item) = 0;
    // Items of the nominee on meetings not closed.
    virtual std::vector<AgendaItemRecord> OpenItemsOf(std::int64_t nominee) = 0;
    virtual void AddRecusal(const Recusal& recusal) = 0;
    virtual std::vector<Recusal> Recusals(std::int64_t meeting) = 0;
    // Records that the member voted on the item; false when they already had.
    virtual bool AddReceipt(std::int64_t item, std::int64_t member, const std::string& kind) = 0;
    virtual std::vector<std::pair<std::int64_t, std::int64_t>> Receipts(std::int64_t meeting) = 0;  // item, member
    virtual void CountChoice(std::int64_t item, const std::string& choice) = 0;
    // Ballot writes run side by side, one member's one at a time (HoldSeat), and never across the
    // ballot's closing (HoldMeeting: a vote holds the meeting's row shared until it commits, so the
    // closing, which changes that row, waits for it and counts it; a vote after it sees "closed").
    // PostgreSQL row locks; SQLite's write transactions are serialised already.
    virtual void HoldMeeting(std::int64_t meeting) = 0;
    virtual void HoldSeat(std::int64_t member) = 0;
    virtual std::vector<std::pair<std::string, int>> Tally(std::int64_t item) = 0;
    virtual void CloseItem(std::int64_t item, int denominator, int agree, int disagree, int abstain, bool passed) = 0;
};

class DecisionRepository {
  public:
    virtual ~DecisionRepository() = default;
    virtual int NextNumber(const std::string& authority_code, int year) = 0;  // 1 for the first
    virtual std::int64_t Insert(const DecisionRecord& decision) = 0;
    virtual void UpdateDraft(const DecisionRecord& decision) = 0;
    virtual std::optional<DecisionRecord> ForDossier(DossierId dossier) = 0;
    virtual std::optional<DecisionRecord> Find(std::int64_t id) = 0;
    virtual void MarkIssued(std::int64_t id, const std::string& at) = 0;
    virtual void MarkPublished(std::int64_t id, const std::string& at) = 0;
    virtual std::vector<DecisionRecord> Published(int limit) = 0;  // newest first
    virtual std::int64_t AddCertificate(const CertificateRecord& certificate) = 0;
    virtual std::vector<CertificateRecord> Certificates(std::int64_t decision) = 0;
    virtual std::optional<CertificateRecord> CertificateByCode(const std::string& code) = 0;
    virtual std::optional<CertificateRecord> CertificateByAward(AwardId award) = 0;
    // Marks the certificate revoked (false when already revoked); its award is revoked through
    // AwardRepository::Revoke in the same transaction.
    virtual bool Revoke(const CertificateRecord& revoked, const std::string& at) = 0;
    virtual bool MarkRecovered(std::int64_t certificate, const std::string& at) = 0;
};

class AuditRepository {
  public:
    virtual ~AuditRepository() = default;
    // Locks the chain head for this transaction (appends are serialised) and returns its hash.
    virtual std::string LockHeadHash() = 0;
    // Appends the entry (its prev_hash and hash already computed), moves the head, returns the id.
    virtual std::int64_t Append(const domain::AuditEntry& entry) = 0;
    // Entries with id > after_id in id order, at most `limit`.
    virtual std::vector<domain::AuditEntry> After(std::int64_t after_id, int limit) = 0;
    // The head as recorded: id and hash of the last entry appended (0 and the genesis hash when empty).
    virtual std::pair<std::int64_t, std::string> Head() = 0;
    virtual AuditPage List(const AuditFilter& filter) = 0;
    virtual std::int64_t CountSince(std::string_view from_at) = 0;
};

struct Repositories {
    UserRepository& users;
    SessionRepository& sessions;
    UnitRepository& units;
    AuditRepository& audit;
    PersonRepository& people;
    RecordRepository& records;
    AwardRepository& awards;
    DossierRepository& dossiers;
    FileRepository& files;
    NotificationRepository& notifications;
    CouncilRepository& councils;
    DecisionRepository& decisions;
    ImportJobRepository& imports;
};

// Fast loading of generated data (tdkt seed synthetic): rows go straight to the tables in one
// transaction per Finish(), without the use cases' checks. Ids are given by the caller.
struct BulkPerson {
    std::int64_t id = 0;
    std::string full_name, gender, national_id, category, position;
    Date birth_date;
    std::int64_t unit_id = 0;
    Date start_date;
};

class BulkSink {
  public:
    virtual ~BulkSink() = default;
    virtual void Person(const BulkPerson& person) = 0;  // also its membership from start_date
    virtual void Rating(std::int64_t person_id, int year, std::string_view rating) = 0;
    virtual void Award(std::int64_t person_id, std::string_view code, int year, std::int64_t prize_vnd) = 0;
    // Writes what is buffered and commits; the sink can be used again afterwards.
    virtual void Finish() = 0;
    // The largest person id in use (generated ids continue after it).
    virtual std::int64_t MaxPersonId() = 0;
    // After a load: refreshes what the query planner knows of the loaded tables (PostgreSQL:
    // VACUUM ANALYZE, without which a fresh national database searched at p95 110 ms instead of
    // about 60; SQLite: nothing, its plans follow the indexes).
    virtual void Analyze() = 0;
};

class Store {
  public:
    virtual ~Store() = default;
    // "sqlite" or "postgresql"
    virtual std::string_view Backend() const = 0;
    // Runs fn on one connection in one consistent snapshot. fn must only read (PostgreSQL enforces
    // it with a READ ONLY transaction; on SQLite it is the caller's contract).
    virtual void Read(const std::function<void(Repositories&)>& fn) = 0;
    // Runs fn in one write transaction; commits when fn returns true, rolls back when it returns
    // false or throws (the exception propagates).
    virtual void Write(const std::function<bool(Repositories&)>& fn) = 0;
    virtual std::unique_ptr<BulkSink> Bulk() = 0;
};

// Where the bytes of dossier files live (ADR 0013): in the database (the default, inside the
// caller's transaction) or in a directory several app servers share. Files are content-addressed by
// their SHA-256; writing the same bytes twice stores them once.
class FileStore {
  public:
    virtual ~FileStore() = default;
    // Keeps the bytes and their description; called inside a Write.
    virtual void Put(Repositories& repos, const FileRecord& file, std::string_view bytes) = 0;
    // The bytes, or nullopt when the file is unknown or its bytes are missing.
    virtual std::optional<std::string> Get(Repositories& repos, const std::string& sha256) = 0;
    virtual std::string Describe() const = 0;  // "database", "directory /srv/tdkt/files"
};

}  // namespace tdkt::app
