#include "web/error_mapper.h"

#include <nlohmann/json.hpp>

namespace tdkt::web {

int HttpStatus(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidInput:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kForbidden:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kPayloadTooLarge:
            return 413;
        case ErrorCode::kValidation:
            return 422;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

std::string ErrorJson(std::string_view code, std::string_view message) {
    return nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

Response ErrorResponse(const Error& e) {
    std::string reason = e.reason.empty() ? DefaultReason(e.code) : e.reason;
    if (e.fields.empty()) return Response::Json(HttpStatus(e.code), ErrorJson(reason, e.message));
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& [field, message] : e.fields) fields.push_back({{"field", field}, {"message", message}});
    nlohmann::json body{{"error", {{"code", reason}, {"message", e.message}, {"fields", fields}}}};
    return Response::Json(HttpStatus(e.code), body.dump());
}

Response HttpError(int status) {
    switch (status) {
        case 400:
            return Response::Json(400, ErrorJson("bad_request", "Yêu cầu không hợp lệ."));
        case 401:
            return Response::Json(401, ErrorJson("unauthenticated", "Bạn cần đăng nhập để tiếp tục."));
        case 403:
            return Response::Json(403, ErrorJson("forbidden", "Bạn không có quyền thực hiện thao tác này."));
        case 404:
            return Response::Json(404, ErrorJson("not_found", "Không tìm thấy địa chỉ được yêu cầu."));
        case 405:
            return Response::Json(405, ErrorJson("method_not_allowed", "Phương thức không được hỗ trợ."));
        case 413:
            return Response::Json(413, ErrorJson("payload_too_large", "Dữ liệu gửi lên vượt quá dung lượng cho phép."));
        default:
            return Response::Json(status >= 500 ? status : 500,
                                  ErrorJson("internal_error", "Hệ thống gặp lỗi. Vui lòng thử lại sau."));
    }
}

}  // namespace tdkt::web
