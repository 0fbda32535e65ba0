#pragma once
// PDF documents in the Vietnamese administrative layout (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4,
// margins top 20, bottom 20, left 30, right 15 mm; a Times-metric font (Liberation Serif, from
// fonts-liberation2) at 13–14 pt. Laid out with pango, drawn with cairo (STACK.md): the header block
// (issuing body and number on the left, Quốc hiệu and Tiêu ngữ on the right), place and date, title,
// body paragraphs, tables that continue across pages with their header repeated, and the signature
// block. Text is plain: it is escaped before pango reads it.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tdkt::reports::pdf {

enum class Align { kLeft, kCenter, kRight, kJustify };

struct Paragraph {
    std::string text;
    Align align = Align::kJustify;
    double size_pt = 14;
    bool bold = false, italic = false;
    double first_line_indent_mm = 10;
    double space_after_mm = 2;
};

// Two columns at the top of the first page: the issuing body (upper case) and the document number on
// the left; the Quốc hiệu, Tiêu ngữ (underlined by a rule) and the place and date on the right.
struct Header {
    std::string parent_body;  // "ỦY BAN NHÂN DÂN" (may be "")
    std::string body;         // "TỈNH HƯNG YÊN"
    std::string number;       // "Số: 123/QĐ-UBND"
    std::string place_date;   // "Hưng Yên, ngày 02 tháng 12 năm 2026"
};

struct Table {
    std::vector<std::string> headers;
    std::vector<double> widths;  // relative; the table fills the text width
    std::vector<std::vector<std::string>> rows;
    std::vector<Align> aligns;  // per column; left when missing
    double size_pt = 12;
};

// Right half: the signing authority's title lines (bold), a space for the signature, the name (bold).
// `left` (optional): "Nơi nhận:" and its list, in the left half, 11–12 pt.
struct Signature {
    std::vector<std::string> title_lines;  // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    std::string name;
    std::vector<std::string> recipients;  // "Như Điều 3;", "Lưu: VT."
    // A second signature in the left half instead of the recipients (minutes: the secretary).
    std::vector<std::string> left_title_lines;
    std::string left_name;
};

struct PageBreak {};

// An image (PNG bytes) of the given size, centred or at the right.
struct Image {
    std::string png;
    double width_mm = 30;
    Align align = Align::kRight;
    std::string caption;
};

using Block = std::variant<Header, Paragraph, Table, Signature, PageBreak, Image>;

struct Options {
    bool landscape = false;
    bool page_numbers = true;  // from page 2, centred at the top (NĐ 30/2020)
    std::string title;         // PDF metadata
};

// The PDF's bytes. Throws std::runtime_error when cairo fails.
std::string Render(const std::vector<Block>& blocks, const Options& options = {});

// "ngày 02 tháng 12 năm 2026", "ngày 15 tháng 02 năm 2026", "ngày 15 tháng 7 năm 2026": days below 10
// and the months 1 and 2 take a leading zero (NĐ 30/2020, Phụ lục I).
std::string VietnameseDate(int year, int month, int day);

}  // namespace tdkt::reports::pdf
