#pragma once
// Closed vocabularies of the records (unit types, ratings, discipline forms …). Each value has a
// stable code (stored in the database and used by the API and Excel files) and a Vietnamese label
// for the UI. Codes are part of the API contract: never rename one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::domain {

struct CodeLabel {
    std::string_view code;
    std::string_view label;
    std::string_view alias = {};  // another way people write it ("Cấp tỉnh"), accepted on input
};

// One vocabulary: its entries in display order, lookup by code or by label (Excel files carry
// either; labels are matched without diacritics and case).
class Vocabulary {
  public:
    Vocabulary(std::string_view name, std::vector<CodeLabel> entries) : name_(name), entries_(std::move(entries)) {}
    std::string_view name() const { return name_; }  // Vietnamese, for messages: "xếp loại"
    const std::vector<CodeLabel>& entries() const { return entries_; }
    bool Has(std::string_view code) const;
    // The label of a known code; the code itself otherwise.
    std::string_view Label(std::string_view code) const;
    // A code from a code or a label ("HTXS", "Hoàn thành xuất sắc nhiệm vụ", "hoan thanh xuat sac nhiem vu").
    std::optional<std::string_view> Resolve(std::string_view code_or_label) const;
    // "HTXS, HTT, HT, KHT": for error messages.
    std::string CodeList() const;

  private:
    std::string_view name_;
    std::vector<CodeLabel> entries_;
};

// Units (docs/glossary.md): province, commune level (xã, phường, đặc khu), the former district
// level and thị trấn kept for history, agencies and what hangs under them.
const Vocabulary& UnitTypes();
const Vocabulary& Genders();  // male, female
const Vocabulary&
PersonCategories();  // can_bo, cong_chuc, vien_chuc, nguoi_lao_dong, cong_nhan, nong_dan, luc_luong_vu_trang, other
const Vocabulary& TaskRatings();        // HTXS, HTT, HT, KHT (best first)
const Vocabulary& DisciplineForms();    // khien_trach … buoc_thoi_viec (lightest first)
const Vocabulary& InitiativeKinds();    // initiative, research
const Vocabulary& RecognitionScopes();  // co_so, tinh, toan_quoc
const Vocabulary& AwardKinds();         // merit, thematic, sudden, contribution, service_length, foreign, resistance
const Vocabulary& SubjectTypes();       // individual, collective, household
const Vocabulary& ProcedureKinds();     // full, simplified (Luật TĐKT 2022, Điều 85)
const Vocabulary& LeaveKinds();         // maternity

// 0 for HTXS … 3 for KHT; -1 for an unknown code. Lower is better.
int RatingRank(std::string_view rating);
// 0 for khien_trach … 5 for buoc_thoi_viec; -1 for an unknown code. Higher is heavier.
int DisciplineSeverity(std::string_view form);

}  // namespace tdkt::domain
