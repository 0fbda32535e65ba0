#pragma once
// The papers tdkt writes from a dossier (docs/workflow.md "Documents"): the tờ trình (the proposing
// unit's request to the board's council) and the danh sách (the list of nominees), as PDF in the
// administrative layout of reports/pdf_document.h.
#include <string>

#include "app/app.h"
#include "app/dossiers.h"
#include "domain/catalog.h"

namespace tdkt::reports {

struct PaperContext {
    std::string parent_unit_name;  // the proposing unit's parent ("" for none)
    std::string board_name;        // the province: "Tỉnh Hưng Yên"
    std::string place;             // for "Hưng Yên, ngày …"
    Date date;
    std::vector<std::string> legal_basis;  // of the rule set in force
};

std::string SubmissionPdf(const app::DossierView& view, const PaperContext& ctx);
std::string NomineeListPdf(const app::DossierView& view, const PaperContext& ctx);

// Writes the tờ trình ("to_trinh") or the danh sách ("danh_sach") from the dossier as it is now and
// attaches it as a generated document (the same rules as an upload: whoever holds the dossier).
Result<app::DocumentRecord> GenerateDossierPaper(app::App& app, const app::RequestContext& ctx, DossierId dossier,
                                                 const std::string& doc_type);

}  // namespace tdkt::reports
