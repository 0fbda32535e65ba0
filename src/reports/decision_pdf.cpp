#include "reports/decision_pdf.h"

#include <cairo.h>
#include <qrencode.h>

#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/codes.h"
#include "reports/pdf_document.h"

namespace tdkt::reports {
namespace {

using namespace pdf;

std::vector<std::string> Lines(const std::string& joined) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at; (at = joined.find('|', start)) != std::string::npos; start = at + 1)
        out.push_back(joined.substr(start, at - start));
    out.push_back(joined.substr(start));
    return out;
}

std::string Money(std::int64_t vnd) { return text::FormatNumberVi(vnd); }

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// What the certificate is called: "BẰNG KHEN", "GIẤY KHEN", or the title itself ("CHIẾN SĨ THI ĐUA CẤP
// TỈNH") on a certificate of a title.
std::string ArtefactTitle(const std::string& award_name) {
    for (const char* form : {"Bằng khen", "Giấy khen"})
        if (award_name.rfind(form, 0) == 0) return text::UpperVi(form);
    return text::UpperVi(award_name);
}

}  // namespace

std::string QrPng(const std::string& text, int scale) {
    QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) throw std::runtime_error("QR: không mã hóa được");
    const int quiet = 4, size = (qr->width + 2 * quiet) * scale;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, size, size);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int y = 0; y < qr->width; ++y)
        for (int x = 0; x < qr->width; ++x)
            if (qr->data[y * qr->width + x] & 1)
                cairo_rectangle(cr, (x + quiet) * scale, (y + quiet) * scale, scale, scale);
    cairo_fill(cr);
    cairo_destroy(cr);
    std::string png;
    cairo_surface_write_to_png_stream(surface, AppendPng, &png);
    cairo_surface_destroy(surface);
    QRcode_free(qr);
    return png;
}

std::string DecisionPdf(const app::DecisionView& v, const std::string& place) {
    const auto& d = v.decision;
    std::vector<Block> blocks;
    Header h;
    h.parent_body = "";
    h.body = text::UpperVi(d.authority_name);
    h.number = "Số: " + d.number_text;
    h.place_date = fmt::format("{}, {}", place, VietnameseDate(d.signed_on.year, d.signed_on.month, d.signed_on.day));
    blocks.push_back(h);
    blocks.push_back(Paragraph{"QUYẾT ĐỊNH", Align::kCenter, 14, true, false, 0, 0});
    blocks.push_back(Paragraph{d.title, Align::kCenter, 14, true, false, 0, 4});
    blocks.push_back(Paragraph{"CHỦ TỊCH " + text::UpperVi(d.authority_name), Align::kCenter, 14, true, false, 0, 4});
    for (const char* basis :
         {"Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
          "Căn cứ các Nghị định của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng;"})
        blocks.push_back(Paragraph{basis, Align::kJustify, 14, false, true});
    blocks.push_back(Paragraph{fmt::format("Xét đề nghị của {} (hồ sơ {}) và của Trưởng Ban Thi đua – Khen thưởng,",
                                           v.unit_name, v.dossier_code),
                               Align::kJustify, 14, false, true, 10, 4});
    blocks.push_back(Paragraph{"QUYẾT ĐỊNH:", Align::kCenter, 14, true, false, 0, 4});
    std::map<std::string, int> per_award;
    std::vector<std::string> order;
    std::int64_t total = 0;
    for (const auto& c : v.certificates) {
        if (!per_award.count(c.award_name)) order.push_back(c.award_name);
        ++per_award[c.award_name];
        total += c.prize_vnd;
    }
    std::string what;
    for (std::size_t i = 0; i < order.size(); ++i)
        what += (i ? "; " : "") + fmt::format("{} cho {} trường hợp", order[i], per_award[order[i]]);
    blocks.push_back(Paragraph{
        fmt::format("Điều 1. Tặng {} (có danh sách kèm theo), đã có thành tích trong năm {}.", what, v.year)});
    blocks.push_back(
        Paragraph{fmt::format("Điều 2. Tiền thưởng kèm theo thực hiện theo quy định của pháp luật về thi "
                              "đua, khen thưởng; tổng số tiền thưởng: {} đồng.",
                              Money(total))});
    blocks.push_back(
        Paragraph{fmt::format("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng Ban "
                              "Thi đua – Khen thưởng, Thủ trưởng {} và các cá nhân, tập thể có tên tại Điều "
                              "1 chịu trách nhiệm thi hành Quyết định này./.",
                              v.unit_name)});
    blocks.push_back(Signature{Lines(d.signer_title), d.signer_name, {"Như Điều 3;", "Lưu: VT, TĐKT."}});
    blocks.push_back(PageBreak{});
    blocks.push_back(Paragraph{"DANH SÁCH", Align::kCenter, 14, true, false, 0, 0});
    blocks.push_back(Paragraph{fmt::format("(Kèm theo Quyết định số {} ngày {} của Chủ tịch {})", d.number_text,
                                           FormatDateVi(d.signed_on), d.authority_name),
                               Align::kCenter, 13, false, true, 0, 4});
    Table t;
    t.headers = {"STT", "Tên cá nhân, tập thể", "Hình thức khen thưởng", "Tiền thưởng (đồng)"};
    t.widths = {7, 45, 30, 18};
    t.aligns = {Align::kCenter, Align::kLeft, Align::kLeft, Align::kRight};
    int i = 0;
    for (const auto& c : v.certificates)
        t.rows.push_back({std::to_string(++i), c.recipient_name, c.award_name, Money(c.prize_vnd)});
    t.rows.push_back({"", "Tổng cộng", "", Money(total)});
    blocks.push_back(t);
    return Render(blocks, {false, true, fmt::format("Quyết định {} – {}", d.number_text, d.title)});
}

std::string CertificatesPdf(const app::DecisionView& v, const std::string& place, const std::string& base_url) {
    const auto& d = v.decision;
    std::vector<Block> blocks;
    bool first = true;
    for (const auto& c : v.certificates) {
        if (!first) blocks.push_back(PageBreak{});
        first = false;
        blocks.push_back(
            Paragraph{"CHỦ TỊCH " + text::UpperVi(d.authority_name), Align::kCenter, 16, true, false, 0, 1});
        blocks.push_back(Paragraph{"TẶNG", Align::kCenter, 16, true, false, 0, 2});
        blocks.push_back(Paragraph{ArtefactTitle(c.award_name), Align::kCenter, 28, true, false, 0, 4});
        blocks.push_back(Paragraph{c.recipient_name, Align::kCenter, 22, true, false, 0, 2});
        blocks.push_back(Paragraph{fmt::format("{}", v.unit_name), Align::kCenter, 16, false, false, 0, 4});
        blocks.push_back(Paragraph{fmt::format("Đã có thành tích xuất sắc trong năm {}", v.year), Align::kCenter, 16,
                                   false, true, 0, 4});
        blocks.push_back(Paragraph{fmt::format("Quyết định số {} ngày {}", d.number_text, FormatDateVi(d.signed_on)),
                                   Align::kLeft, 13, false, false, 0, 0});
        blocks.push_back(Paragraph{fmt::format("Số sổ vàng: {}", c.id), Align::kLeft, 13, false, false, 0, 2});
        std::string url = base_url + "/xac-minh/" + c.code;
        blocks.push_back(Image{QrPng(url), 20, Align::kLeft, "Quét mã để xác minh: " + url});
        blocks.push_back(Paragraph{
            fmt::format("{}, {}", place, VietnameseDate(d.signed_on.year, d.signed_on.month, d.signed_on.day)),
            Align::kRight, 14, false, true, 0, 1});
        blocks.push_back(Signature{Lines(d.signer_title), d.signer_name, {}});
    }
    return Render(blocks, {true, false, fmt::format("Bằng khen theo Quyết định {}", d.number_text)});
}

}  // namespace tdkt::reports
