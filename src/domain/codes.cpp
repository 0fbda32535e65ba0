#include "domain/codes.h"

#include "core/text.h"

namespace tdkt::domain {

bool Vocabulary::Has(std::string_view code) const {
    for (const auto& e : entries_)
        if (e.code == code) return true;
    return false;
}

std::string_view Vocabulary::Label(std::string_view code) const {
    for (const auto& e : entries_)
        if (e.code == code) return e.label;
    return code;
}

std::optional<std::string_view> Vocabulary::Resolve(std::string_view code_or_label) const {
    std::string wanted = text::Fold(text::CleanLine(code_or_label));
    if (wanted.empty()) return std::nullopt;
    for (const auto& e : entries_)
        if (text::Fold(e.code) == wanted || text::Fold(e.label) == wanted ||
            (!e.alias.empty() && text::Fold(e.alias) == wanted))
            return e.code;
    return std::nullopt;
}

std::string Vocabulary::CodeList() const {
    std::string out;
    for (const auto& e : entries_) {
        if (!out.empty()) out += ", ";
        out += e.code;
    }
    return out;
}

const Vocabulary& UnitTypes() {
    static const Vocabulary v("loại đơn vị", {
                                                 {"province", "Tỉnh, thành phố"},
                                                 {"commune", "Xã"},
                                                 {"ward", "Phường"},
                                                 {"special_zone", "Đặc khu"},
                                                 {"town", "Thị trấn (trước 1/7/2025)", "Thị trấn"},
                                                 {"district", "Cấp huyện (trước 1/7/2025)", "Huyện"},
                                                 {"department", "Sở, ban, ngành"},
                                                 {"public_service", "Đơn vị sự nghiệp công lập"},
                                                 {"school", "Trường học"},
                                                 {"hospital", "Bệnh viện, cơ sở y tế"},
                                                 {"enterprise", "Doanh nghiệp"},
                                                 {"cooperative", "Hợp tác xã"},
                                                 {"party_mass", "Tổ chức Đảng, đoàn thể"},
                                                 {"subunit", "Phòng, ban, khoa, tổ"},
                                             });
    return v;
}

const Vocabulary& Genders() {
    static const Vocabulary v("giới tính", {{"male", "Nam"}, {"female", "Nữ"}});
    return v;
}

const Vocabulary& PersonCategories() {
    static const Vocabulary v("đối tượng", {
                                               {"can_bo", "Cán bộ"},
                                               {"cong_chuc", "Công chức"},
                                               {"vien_chuc", "Viên chức"},
                                               {"nguoi_lao_dong", "Người lao động"},
                                               {"cong_nhan", "Công nhân"},
                                               {"nong_dan", "Nông dân"},
                                               {"luc_luong_vu_trang", "Lực lượng vũ trang"},
                                               {"other", "Khác"},
                                           });
    return v;
}

const Vocabulary& TaskRatings() {
    static const Vocabulary v("xếp loại", {
                                              {"HTXS", "Hoàn thành xuất sắc nhiệm vụ"},
                                              {"HTT", "Hoàn thành tốt nhiệm vụ"},
                                              {"HT", "Hoàn thành nhiệm vụ"},
                                              {"KHT", "Không hoàn thành nhiệm vụ"},
                                          });
    return v;
}

const Vocabulary& DisciplineForms() {
    static const Vocabulary v("hình thức kỷ luật", {
                                                       {"khien_trach", "Khiển trách"},
                                                       {"canh_cao", "Cảnh cáo"},
                                                       {"ha_bac_luong", "Hạ bậc lương"},
                                                       {"giang_chuc", "Giáng chức"},
                                                       {"cach_chuc", "Cách chức"},
                                                       {"buoc_thoi_viec", "Buộc thôi việc"},
                                                   });
    return v;
}

const Vocabulary& InitiativeKinds() {
    static const Vocabulary v("loại", {{"initiative", "Sáng kiến"}, {"research", "Đề tài nghiên cứu khoa học"}});
    return v;
}

const Vocabulary& RecognitionScopes() {
    static const Vocabulary v("phạm vi công nhận", {
                                                       {"co_so", "Cấp cơ sở", "Cơ sở"},
                                                       {"tinh", "Cấp bộ, ngành, tỉnh", "Cấp tỉnh"},
                                                       {"toan_quoc", "Toàn quốc", "Cấp toàn quốc"},
                                                   });
    return v;
}

const Vocabulary& AwardKinds() {
    static const Vocabulary v("loại hình khen thưởng", {
                                                           {"merit", "Thường xuyên (công trạng)"},
                                                           {"thematic", "Theo chuyên đề"},
                                                           {"sudden", "Đột xuất"},
                                                           {"contribution", "Quá trình cống hiến", "lifetime"},
                                                           {"service_length", "Theo niên hạn", "service"},
                                                           {"foreign", "Đối ngoại"},
                                                           {"resistance", "Thành tích kháng chiến"},
                                                       });
    return v;
}

const Vocabulary& SubjectTypes() {
    static const Vocabulary v("đối tượng khen thưởng",
                              {{"individual", "Cá nhân"}, {"collective", "Tập thể"}, {"household", "Hộ gia đình"}});
    return v;
}

const Vocabulary& ProcedureKinds() {
    static const Vocabulary v("thủ tục", {{"full", "Thủ tục thông thường"}, {"simplified", "Thủ tục đơn giản"}});
    return v;
}

const Vocabulary& LeaveKinds() {
    static const Vocabulary v("loại nghỉ", {{"maternity", "Nghỉ thai sản"}});
    return v;
}

namespace {

int IndexIn(const Vocabulary& v, std::string_view code) {
    const auto& e = v.entries();
    for (std::size_t i = 0; i < e.size(); ++i)
        if (e[i].code == code) return static_cast<int>(i);
    return -1;
}

}  // namespace

int RatingRank(std::string_view rating) { return IndexIn(TaskRatings(), rating); }
int DisciplineSeverity(std::string_view form) { return IndexIn(DisciplineForms(), form); }

}  // namespace tdkt::domain
