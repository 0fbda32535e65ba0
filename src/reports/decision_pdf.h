#pragma once
// A decision in the Vietnamese administrative layout, with its annexed list of recipients, and the
// certificates (Bằng khen, Giấy khen …) of its recipients, one page each, with a QR code opening the
// public verification page (docs/decisions.md).
#include <string>

#include "app/decisions.h"

namespace tdkt::reports {

std::string DecisionPdf(const app::DecisionView& view, const std::string& place);
// `base_url`: "https://tdkt.hungyen.gov.vn" — the QR code holds base_url + "/xac-minh/" + code.
std::string CertificatesPdf(const app::DecisionView& view, const std::string& place, const std::string& base_url);
// A QR code of `text` as PNG (error correction M, 4-module quiet zone).
std::string QrPng(const std::string& text, int pixels_per_module = 8);

}  // namespace tdkt::reports
