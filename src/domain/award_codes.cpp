#include "domain/award_codes.h"

namespace tdkt::domain {

const std::vector<AwardCode>& AwardCodes() {
    // i: individual, c: collective, h: household (Luật 06/2022 Điều 19–20, Chương III).
    static const std::vector<AwardCode> codes = {
        {"LDTT", "Lao động tiên tiến", true, false, false},
        {"CSTT", "Chiến sĩ tiên tiến", true, false, false},
        {"CSTDCS", "Chiến sĩ thi đua cơ sở", true, false, false},
        {"CSTD_TINH", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", true, false, false},
        {"CSTD_TQ", "Chiến sĩ thi đua toàn quốc", true, false, false},
        {"TTLDTT", "Tập thể lao động tiên tiến", false, true, false},
        {"DVTT", "Đơn vị tiên tiến", false, true, false},
        {"TTLDXS", "Tập thể lao động xuất sắc", false, true, false},
        {"DVQT", "Đơn vị quyết thắng", false, true, false},
        {"CO_TINH", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", false, true, false},
        {"CO_CP", "Cờ thi đua của Chính phủ", false, true, false},
        {"XA_TIEU_BIEU", "Xã, phường, đặc khu tiêu biểu", false, true, false},
        {"THON_VAN_HOA", "Thôn, tổ dân phố văn hóa", false, true, false},
        {"GD_VAN_HOA", "Gia đình văn hóa", false, false, true},
        {"GIAY_KHEN", "Giấy khen", true, true, true},
        {"BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", true, true, true},
        {"BK_BO", "Bằng khen cấp bộ, ban, ngành, đoàn thể Trung ương", true, true, true},
        {"BK_TTG", "Bằng khen của Thủ tướng Chính phủ", true, true, true},
        {"HCLD_3", "Huân chương Lao động hạng Ba", true, true, false},
        {"HCLD_2", "Huân chương Lao động hạng Nhì", true, true, false},
        {"HCLD_1", "Huân chương Lao động hạng Nhất", true, true, false},
        {"HCDL_3", "Huân chương Độc lập hạng Ba", true, true, false},
        {"HCDL_2", "Huân chương Độc lập hạng Nhì", true, true, false},
        {"HCDL_1", "Huân chương Độc lập hạng Nhất", true, true, false},
        {"HCBVTQ_3", "Huân chương Bảo vệ Tổ quốc hạng Ba", true, true, false},
        {"HCBVTQ_2", "Huân chương Bảo vệ Tổ quốc hạng Nhì", true, true, false},
        {"HCBVTQ_1", "Huân chương Bảo vệ Tổ quốc hạng Nhất", true, true, false},
        {"HCCC_3", "Huân chương Chiến công hạng Ba", true, true, false},
        {"HCCC_2", "Huân chương Chiến công hạng Nhì", true, true, false},
        {"HCCC_1", "Huân chương Chiến công hạng Nhất", true, true, false},
        {"HCQC_3", "Huân chương Quân công hạng Ba", true, true, false},
        {"HCQC_2", "Huân chương Quân công hạng Nhì", true, true, false},
        {"HCQC_1", "Huân chương Quân công hạng Nhất", true, true, false},
        {"HC_HCM", "Huân chương Hồ Chí Minh", true, true, false},
        {"HC_SAO_VANG", "Huân chương Sao vàng", true, true, false},
        {"HC_DDKDT", "Huân chương Đại đoàn kết dân tộc", true, true, false},
        {"HC_DUNG_CAM", "Huân chương Dũng cảm", true, false, false},
        {"HC_HUU_NGHI", "Huân chương Hữu nghị", true, true, false},
        {"HUY_CHUONG_HUU_NGHI", "Huy chương Hữu nghị", true, false, false},
        {"AHLD", "Anh hùng Lao động", true, true, false},
        {"AHLLVT", "Anh hùng Lực lượng vũ trang nhân dân", true, true, false},
        {"BMVNAH", "Bà mẹ Việt Nam anh hùng", true, false, false},
        {"NGND", "Nhà giáo nhân dân", true, false, false},
        {"NGUT", "Nhà giáo ưu tú", true, false, false},
        {"TTND", "Thầy thuốc nhân dân", true, false, false},
        {"TTUT", "Thầy thuốc ưu tú", true, false, false},
        {"NSND", "Nghệ sĩ nhân dân", true, false, false},
        {"NSUT", "Nghệ sĩ ưu tú", true, false, false},
        {"NNND", "Nghệ nhân nhân dân", true, false, false},
        {"NNUT", "Nghệ nhân ưu tú", true, false, false},
        {"KNC", "Kỷ niệm chương", true, false, false},
    };
    return codes;
}

const AwardCode* FindAwardCode(std::string_view code) {
    for (const auto& a : AwardCodes())
        if (a.code == code) return &a;
    return nullptr;
}

bool AwardAllowsSubject(const AwardCode& award, std::string_view subject_type) {
    if (subject_type == "individual") return award.individual;
    if (subject_type == "collective") return award.collective;
    if (subject_type == "household") return award.household;
    return false;
}

}  // namespace tdkt::domain
