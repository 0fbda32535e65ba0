#include "core/text.h"

#include <memory>
#include <mutex>
#include <stdexcept>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace tdkt::text {
namespace {

const icu::Normalizer2& NfcNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalizer unavailable");
    return *n;
}

const icu::Normalizer2& NfdNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normalizer unavailable");
    return *n;
}

std::string ToUtf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
    int32_t i = 0;
    const auto len = static_cast<int32_t>(s.size());
    while (i < len) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, len, c);
        if (c < 0) return false;
    }
    return true;
}

std::string Nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::UnicodeString out = NfcNormalizer().normalize(in, status);
    if (U_FAILURE(status)) throw std::runtime_error("NFC normalisation failed");
    return ToUtf8(out);
}

std::string CleanLine(std::string_view s) {
    std::string nfc = Nfc(s);
    std::string out;
    bool pending_space = false;
    for (char c : nfc) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
        if (space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

std::string Fold(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::UnicodeString nfd = NfdNormalizer().normalize(in, status);
    if (U_FAILURE(status)) throw std::runtime_error("NFD normalisation failed");
    icu::UnicodeString out;
    for (int32_t i = 0; i < nfd.length();) {
        UChar32 c = nfd.char32At(i);
        i += U16_LENGTH(c);
        if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == 0x0110 || c == 0x0111) c = 'd';  // Đ đ are letters, not d + mark
        out.append(u_tolower(c));
    }
    return ToUtf8(out);
}

std::string UpperVi(std::string_view s) {
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    in.toUpper(icu::Locale("vi"));
    return Nfc(ToUtf8(in));
}

std::string CollationKey(std::string_view s) {
    static std::once_flag once;
    static std::unique_ptr<icu::Collator> collator;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        collator.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU Vietnamese collator unavailable");
    });
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    // Collator::getSortKey is const and thread-safe on a shared instance.
    int32_t needed = collator->getSortKey(u, nullptr, 0);
    std::string key(static_cast<std::size_t>(needed), '\0');
    collator->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), needed);
    if (!key.empty() && key.back() == '\0') key.pop_back();
    return key;
}

std::string FormatNumberVi(std::int64_t n) {
    bool negative = n < 0;
    std::string digits = std::to_string(negative ? -(n + 1) + 1ULL : static_cast<unsigned long long>(n));
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count > 0 && count % 3 == 0) out.push_back('.');
        out.push_back(*it);
        ++count;
    }
    if (negative) out.push_back('-');
    return {out.rbegin(), out.rend()};
}

std::size_t Length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace tdkt::text
