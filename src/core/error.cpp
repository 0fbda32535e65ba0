#include "core/error.h"

namespace tdkt {

const char* DefaultReason(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidInput:
            return "invalid_input";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kForbidden:
            return "forbidden";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kPayloadTooLarge:
            return "payload_too_large";
        case ErrorCode::kValidation:
            return "validation_failed";
        case ErrorCode::kInternal:
            return "internal_error";
    }
    return "internal_error";
}

}  // namespace tdkt
