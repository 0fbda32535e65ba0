#include "reports/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace tdkt::reports::pdf {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kTop = 20 * kPtPerMm, kBottom = 20 * kPtPerMm, kLeft = 30 * kPtPerMm, kRight = 15 * kPtPerMm;
constexpr const char* kFont = "Liberation Serif";

std::string Escape(const std::string& text) {
    char* escaped = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
    std::string out(escaped);
    g_free(escaped);
    return out;
}

PangoAlignment ToPango(Align a) {
    switch (a) {
        case Align::kCenter:
            return PANGO_ALIGN_CENTER;
        case Align::kRight:
            return PANGO_ALIGN_RIGHT;
        default:
            return PANGO_ALIGN_LEFT;
    }
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct PngReader {
    const std::string* bytes;
    std::size_t offset = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->offset + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(r->bytes->data() + r->offset, length, data);
    r->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

class Writer {
  public:
    Writer(const Options& options, std::string& out) : options_(options) {
        width_ = options.landscape ? 297 * kPtPerMm : 210 * kPtPerMm;
        height_ = options.landscape ? 210 * kPtPerMm : 297 * kPtPerMm;
        surface_ = cairo_pdf_surface_create_for_stream(Append, &out, width_, height_);
        if (!options.title.empty())
            cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, options.title.c_str());
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "tdkt");
        cr_ = cairo_create(surface_);
        y_ = kTop;
    }
    ~Writer() {
        if (cr_) cairo_destroy(cr_);
        if (surface_) cairo_surface_destroy(surface_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    double TextWidth() const { return width_ - kLeft - kRight; }

    LayoutPtr Layout(const std::string& markup, double width, double size_pt, PangoAlignment align,
                     bool justify = false, double indent = 0) {
        LayoutPtr layout(pango_cairo_create_layout(cr_));
        auto* font = pango_font_description_new();
        pango_font_description_set_family(font, kFont);
        pango_font_description_set_absolute_size(font, size_pt * PANGO_SCALE);
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), align);
        pango_layout_set_justify(layout.get(), justify);
        pango_layout_set_indent(layout.get(), static_cast<int>(indent * PANGO_SCALE));
        pango_layout_set_markup(layout.get(), markup.c_str(), -1);
        return layout;
    }

    static double Height(PangoLayout* layout) {
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void Draw(PangoLayout* layout, double x, double y) {
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout);
    }

    void Line(double x0, double y0, double x1, double y1, double width = 0.6) {
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, x0, y0);
        cairo_line_to(cr_, x1, y1);
        cairo_stroke(cr_);
    }

    void NewPage() {
        cairo_show_page(cr_);
        ++page_;
        y_ = kTop;
        if (options_.page_numbers) {
            auto number = Layout(std::to_string(page_), TextWidth(), 13, PANGO_ALIGN_CENTER);
            Draw(number.get(), kLeft, kTop - 10 * kPtPerMm);
        }
    }

    void Ensure(double height) {
        if (y_ + height > height_ - kBottom && y_ > kTop + 1) NewPage();
    }

    void Put(const Header& h) {
        double left_w = TextWidth() * 0.42, right_x = kLeft + TextWidth() * 0.38, right_w = TextWidth() * 0.62;
        std::string left;
        if (!h.parent_body.empty()) left += Escape(h.parent_body) + "\n";
        left += "<b>" + Escape(h.body) + "</b>";
        auto l = Layout(left, left_w, 13, PANGO_ALIGN_CENTER);
        auto r = Layout("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>\n<b>Độc lập - Tự do - Hạnh phúc</b>", right_w, 13,
                        PANGO_ALIGN_CENTER);
        Draw(l.get(), kLeft, y_);
        Draw(r.get(), right_x, y_);
        double lh = Height(l.get()), rh = Height(r.get());
        // Short rules under the body's name and under the Tiêu ngữ (a third of the column, centred).
        Line(kLeft + left_w / 3, y_ + lh + 2, kLeft + left_w * 2 / 3, y_ + lh + 2);
        Line(right_x + right_w * 0.22, y_ + rh + 2, right_x + right_w * 0.78, y_ + rh + 2);
        double below = y_ + std::max(lh, rh) + 8;
        auto number = Layout(Escape(h.number), left_w, 13, PANGO_ALIGN_CENTER);
        auto date = Layout("<i>" + Escape(h.place_date) + "</i>", right_w, 14, PANGO_ALIGN_CENTER);
        Draw(number.get(), kLeft, below);
        Draw(date.get(), right_x, below);
        y_ = below + std::max(Height(number.get()), Height(date.get())) + 6 * kPtPerMm;
    }

    void Put(const Paragraph& p) {
        std::string markup = Escape(p.text);
        if (p.bold) markup = "<b>" + markup + "</b>";
        if (p.italic) markup = "<i>" + markup + "</i>";
        auto layout = Layout(markup, TextWidth(), p.size_pt, ToPango(p.align), p.align == Align::kJustify,
                             p.align == Align::kJustify ? p.first_line_indent_mm * kPtPerMm : 0);
        // A paragraph longer than a page breaks line by line.
        PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
        double base = y_;
        double first_top = -1;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            double top = static_cast<double>(logical.y) / PANGO_SCALE,
                   bottom = top + static_cast<double>(logical.height) / PANGO_SCALE;
            if (first_top < 0) first_top = top;
            if (base + bottom > height_ - kBottom) {
                NewPage();
                base = y_ - top;
            }
            PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
            int baseline = pango_layout_iter_get_baseline(iter);
            cairo_move_to(cr_, kLeft + static_cast<double>(logical.x) / PANGO_SCALE,
                          base + static_cast<double>(baseline) / PANGO_SCALE);
            pango_cairo_show_layout_line(cr_, line);
            y_ = base + bottom;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        y_ += p.space_after_mm * kPtPerMm;
    }

    void Put(const Table& t) {
        std::size_t columns = t.headers.size();
        double total = std::accumulate(t.widths.begin(), t.widths.end(), 0.0);
        std::vector<double> widths(columns, TextWidth() / static_cast<double>(std::max<std::size_t>(columns, 1)));
        if (t.widths.size() == columns && total > 0)
            for (std::size_t i = 0; i < columns; ++i) widths[i] = TextWidth() * t.widths[i] / total;
        constexpr double pad = 3;
        auto row_layouts = [&](const std::vector<std::string>& cells, bool header) {
            std::vector<LayoutPtr> out;
            for (std::size_t i = 0; i < columns; ++i) {
                std::string text = i < cells.size() ? Escape(cells[i]) : "";
                if (header) text = "<b>" + text + "</b>";
                Align a = header ? Align::kCenter : (i < t.aligns.size() ? t.aligns[i] : Align::kLeft);
                out.push_back(Layout(text, widths[i] - 2 * pad, t.size_pt, ToPango(a)));
            }
            return out;
        };
        auto row_height = [&](const std::vector<LayoutPtr>& cells) {
            double h = 0;
            for (const auto& c : cells) h = std::max(h, Height(c.get()));
            return h + 2 * pad;
        };
        auto draw_row = [&](const std::vector<LayoutPtr>& cells, double h) {
            double x = kLeft;
            for (std::size_t i = 0; i < columns; ++i) {
                Draw(cells[i].get(), x + pad, y_ + pad);
                cairo_set_line_width(cr_, 0.5);
                cairo_rectangle(cr_, x, y_, widths[i], h);
                cairo_stroke(cr_);
                x += widths[i];
            }
            y_ += h;
        };
        auto header = row_layouts(t.headers, true);
        double header_h = row_height(header);
        Ensure(header_h * 2);
        draw_row(header, header_h);
        for (const auto& row : t.rows) {
            auto cells = row_layouts(row, false);
            double h = row_height(cells);
            if (y_ + h > height_ - kBottom) {
                NewPage();
                draw_row(header, header_h);
            }
            draw_row(cells, h);
        }
        y_ += 4 * kPtPerMm;
    }

    void Put(const Signature& s) {
        double half = TextWidth() / 2;
        std::string title;
        for (std::size_t i = 0; i < s.title_lines.size(); ++i) title += (i ? "\n" : "") + Escape(s.title_lines[i]);
        auto t = Layout("<b>" + title + "</b>", half, 14, PANGO_ALIGN_CENTER);
        auto name = Layout("<b>" + Escape(s.name) + "</b>", half, 14, PANGO_ALIGN_CENTER);
        std::string recipients;
        if (!s.recipients.empty()) {
            recipients = "<b><i>Nơi nhận:</i></b>";
            for (const auto& r : s.recipients) recipients += "\n- " + Escape(r);
        }
        auto left = Layout(recipients, half - 4 * kPtPerMm, 11, PANGO_ALIGN_LEFT);
        double block = std::max(Height(t.get()) + 28 * kPtPerMm + Height(name.get()), Height(left.get()));
        Ensure(block);
        if (!s.left_title_lines.empty()) {
            std::string lt;
            for (std::size_t i = 0; i < s.left_title_lines.size(); ++i)
                lt += (i ? "\n" : "") + Escape(s.left_title_lines[i]);
            auto left_title = Layout("<b>" + lt + "</b>", half, 14, PANGO_ALIGN_CENTER);
            auto left_name = Layout("<b>" + Escape(s.left_name) + "</b>", half, 14, PANGO_ALIGN_CENTER);
            Draw(left_title.get(), kLeft, y_);
            Draw(left_name.get(), kLeft, y_ + Height(t.get()) + 28 * kPtPerMm);
        } else {
            Draw(left.get(), kLeft, y_);
        }
        Draw(t.get(), kLeft + half, y_);
        Draw(name.get(), kLeft + half, y_ + Height(t.get()) + 28 * kPtPerMm);
        y_ += block + 4 * kPtPerMm;
    }

    void Put(const PageBreak&) { NewPage(); }

    void Put(const Image& image) {
        PngReader reader{&image.png};
        cairo_surface_t* png = cairo_image_surface_create_from_png_stream(ReadPng, &reader);
        if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(png);
            throw std::runtime_error("PDF: ảnh PNG không đọc được");
        }
        double w = image.width_mm * kPtPerMm;
        double scale = w / cairo_image_surface_get_width(png);
        double h = cairo_image_surface_get_height(png) * scale;
        // The caption may be an address to type: wide enough to stay on one line.
        double caption_w = std::max(w, TextWidth() / 2);
        auto caption = Layout(Escape(image.caption), caption_w, 10, ToPango(image.align));
        double caption_h = image.caption.empty() ? 0 : Height(caption.get());
        Ensure(h + caption_h);
        double x = image.align == Align::kRight    ? kLeft + TextWidth() - w
                   : image.align == Align::kCenter ? kLeft + (TextWidth() - w) / 2
                                                   : kLeft;
        cairo_save(cr_);
        cairo_translate(cr_, x, y_);
        cairo_scale(cr_, scale, scale);
        cairo_set_source_surface(cr_, png, 0, 0);
        // Nearest-neighbour: a QR code's modules stay sharp.
        cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_NEAREST);
        cairo_paint(cr_);
        cairo_restore(cr_);
        cairo_surface_destroy(png);
        if (caption_h > 0) {
            double cx = image.align == Align::kRight    ? kLeft + TextWidth() - caption_w
                        : image.align == Align::kCenter ? kLeft + (TextWidth() - caption_w) / 2
                                                        : kLeft;
            Draw(caption.get(), cx, y_ + h + 1);
        }
        y_ += h + caption_h + 3 * kPtPerMm;
    }

    void Finish() {
        cairo_show_page(cr_);
        cairo_destroy(cr_);
        cr_ = nullptr;
        cairo_surface_finish(surface_);
        auto status = cairo_surface_status(surface_);
        cairo_surface_destroy(surface_);
        surface_ = nullptr;
        if (status != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(status));
    }

  private:
    const Options& options_;
    double width_ = 0, height_ = 0, y_ = 0;
    int page_ = 1;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
};

}  // namespace

std::string Render(const std::vector<Block>& blocks, const Options& options) {
    std::string out;
    Writer writer(options, out);
    for (const auto& block : blocks) std::visit([&](const auto& b) { writer.Put(b); }, block);
    writer.Finish();
    return out;
}

std::string VietnameseDate(int year, int month, int day) {
    return fmt::format("ngày {:02} tháng {} năm {}", day,
                       month <= 2 ? fmt::format("{:02}", month) : std::to_string(month), year);
}

}  // namespace tdkt::reports::pdf
