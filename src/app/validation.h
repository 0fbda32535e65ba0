#pragma once
// Checking input field by field. Forms, the JSON API and Excel import hand the use cases text as
// typed; a Checker turns it into values and collects every problem with a Vietnamese message that
// names the field, so a form or an import row can show all of them at once.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time.h"
#include "domain/codes.h"

namespace tdkt::app {

struct FieldError {
    std::string field;    // API name: "birth_date"
    std::string label;    // Vietnamese column or field name: "Ngày sinh"
    std::string message;  // Vietnamese, names the field
};

class Checker {
  public:
    // NFC, trimmed, inner white space collapsed; required fields must not be empty.
    std::string Text(std::string_view field, std::string_view label, std::string_view value, bool required,
                     std::size_t max_length = 200);
    // dd/mm/yyyy or yyyy-mm-dd; nullopt when empty (an error when required) or invalid.
    std::optional<Date> DateValue(std::string_view field, std::string_view label, std::string_view value,
                                  bool required);
    // A code of the vocabulary, given as its code or its Vietnamese label.
    std::optional<std::string> Code(std::string_view field, std::string_view label, std::string_view value,
                                    const domain::Vocabulary& vocabulary, bool required);
    // A year between 1945 and 2100.
    std::optional<int> Year(std::string_view field, std::string_view label, std::string_view value, bool required);
    // A whole non-negative amount of đồng: digits, optionally grouped by threes with . , or spaces.
    std::optional<std::int64_t> Money(std::string_view field, std::string_view label, std::string_view value);
    // "có"/"x"/"1"/"true" → true, ""/"không"/"0"/"false" → false.
    bool Flag(std::string_view field, std::string_view label, std::string_view value);
    void Add(std::string_view field, std::string_view label, std::string message);

    bool ok() const { return errors_.empty(); }
    const std::vector<FieldError>& errors() const { return errors_; }
    // The first problem as a 422 (its reason names the field), with every problem in `fields`.
    Error AsError() const;

  private:
    std::vector<FieldError> errors_;
};

}  // namespace tdkt::app
