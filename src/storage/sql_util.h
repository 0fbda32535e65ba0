#pragma once
// Small helpers shared by the SOCI repositories: running a query row by row, nullable values,
// dates stored as ISO text, and the search keys of names.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/ids.h"
#include "core/time.h"

namespace tdkt::storage {

// Prepares `sql`, lets `bind` add into()/use() elements in order, executes, and calls `each` after
// every fetched row.
template <class Bind, class Each>
void ForEachRow(soci::session& s, const std::string& sql, Bind bind, Each each) {
    soci::statement st(s);
    st.alloc();
    st.prepare(sql);
    bind(st);
    st.define_and_bind();
    if (st.execute(true)) {
        do each();
        while (st.fetch());
    }
}

// Executes a statement and returns the number of rows it changed.
template <class Bind>
long long ExecCount(soci::session& s, const std::string& sql, Bind bind) {
    soci::statement st(s);
    st.alloc();
    st.prepare(sql);
    bind(st);
    st.define_and_bind();
    st.execute(true);
    return st.get_affected_rows();
}

// A nullable text column or parameter.
struct NullableText {
    std::string value;
    soci::indicator ind = soci::i_null;

    NullableText() = default;
    explicit NullableText(const std::optional<Date>& d)
        : value(d ? FormatIsoDate(*d) : std::string()), ind(d ? soci::i_ok : soci::i_null) {}
    std::optional<Date> AsDate() const { return ind == soci::i_ok ? ParseIsoDate(value) : std::nullopt; }
};

// A nullable id column or parameter.
struct NullableId {
    long long value = 0;
    soci::indicator ind = soci::i_null;

    NullableId() = default;
    template <class Tag>
    explicit NullableId(const std::optional<StrongId<Tag>>& id)
        : value(id ? id->value : 0), ind(id ? soci::i_ok : soci::i_null) {}
    template <class Id>
    std::optional<Id> As() const {
        return ind == soci::i_ok ? std::optional<Id>(Id{value}) : std::nullopt;
    }
};

// text::Fold of a name, for substring search.
std::string FoldedKey(std::string_view name);
// Hex of the Vietnamese collation key: byte order of these strings is Vietnamese order.
std::string SortKey(std::string_view name);
// People are listed by given name (the last word), then the rest: "Bình, Nguyễn Văn".
std::string PersonSortKey(std::string_view full_name);
// The words of a folded search text for the name indexes: runs of characters other than ASCII
// spaces and punctuation ("dang thi-dao" → dang, thi, dao).
std::vector<std::string> NameWords(std::string_view folded);
// The name_words key of two different words: both, in byte order, a space between ("dao dang").
// Words never hold a space, so a pair's key is never a word's.
std::string WordPairKey(const std::string& a, const std::string& b);
// The keys of a folded name's name_words rows, and its " w1 w2 … " form. The keys are each
// distinct word and each pair of distinct words (ADR 0009 addendum): a search of two words walks
// exactly its matches, in order, under their pair.
struct NameWordRows {
    std::vector<std::string> keys;
    std::string spaced;
};
NameWordRows NameWordRowsOf(std::string_view folded);
// Writes (or, with `remove`, deletes) a person's name_words rows.
void WriteNameWords(soci::session& s, long long person, std::string_view folded, const std::string& sort_key,
                    bool remove = false);
// A folded search text made safe inside LIKE '%…%': the wildcards % and _ and the escape \ removed.
std::string LikeSafe(std::string_view folded);

}  // namespace tdkt::storage
