#pragma once
// The minutes of a council meeting and the count of its secret ballot (biên bản họp và kết quả kiểm
// phiếu) as PDF, from a closed meeting (docs/council.md).
#include <string>

#include "app/council.h"

namespace tdkt::reports {

// `place`: the province for "Hưng Yên, ngày …". The meeting must be closed.
std::string CouncilMinutesPdf(const app::MeetingView& meeting, const std::string& place);

}  // namespace tdkt::reports
