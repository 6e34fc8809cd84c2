// One canonical display name per person, however a release writes it, so
// that "Dr. Ana M. RUIZ", "Ana Ruiz" and an alias such as "Annie Ruiz" count
// as one spokesperson in the facets. The rules cover case, titles and middle
// initials; an aliases file covers the rest (nicknames, spelling variants).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pressroom {

// A name by the rules alone: a leading article before a title and the titles
// themselves dropped ("the Rev.", "Dr.", "Sen.", "Sra."), a parenthesised
// suffix dropped ("(D-Ariz.)"), middle initials dropped ("Tomás R. Herrera"),
// words written all in capitals or all in lower case put in proper case
// ("ANA RUIZ", "ana ruiz" → "Ana Ruiz"; particles such as "de" stay lower
// case inside a name). Words in mixed case are kept as written ("McDonald").
// Returns "" when nothing is left.
std::string normalize_person_name(std::string_view name);

// Proper case for names and places written in capitals: "EL PASO" → "El
// Paso", "CIUDAD DE MÉXICO" → "Ciudad de México". Words in mixed case are
// kept as written.
std::string proper_case(std::string_view text);

// A role without its article or possessive owner, trimmed of punctuation:
// "the organisation's legal director" → "legal director", "a senior staff
// attorney" → "senior staff attorney", "Puentes' executive director" →
// "executive director".
std::string normalize_role(std::string_view role);

// True for a title written before a name ("Dr", "Dr.", "Rev.", "Sen.",
// "Gov.", "Sra.", "Mayor"), ignoring case.
bool is_honorific(std::string_view word);

// Canonical names: the rules, then an alias table. Immutable once loaded, so
// one instance may be shared by any number of threads.
class NameNormalizer {
 public:
  // normalize_person_name(name), replaced by its canonical form when the
  // alias table knows it (as a variant or as a canonical name written with
  // other case or accents: "Lucia Fernandez" → "Lucía Fernández").
  std::string canonical(std::string_view name) const;

  // The canonical name the alias table lists `name` under (as a variant, or
  // as a canonical name in other case or accents), or nullopt when the table
  // does not list it. Unlike canonical(), a name the table does not know is
  // not touched: for names a source gives as they are, such as a content
  // system's user names ("jparcell") mapped to people in the aliases file.
  std::optional<std::string> aliased(std::string_view name) const;

  // Registers `canonical` and its variants. Returns the reason when a variant
  // is already registered for another canonical name (nothing is changed
  // then), nullopt otherwise.
  std::optional<std::string> add(std::string_view canonical, const std::vector<std::string>& variants);

  // Number of names known (canonical names and variants).
  size_t size() const { return by_key_.size(); }

 private:
  // The canonical name the table lists a normalised name under, or null.
  const std::string* listed(const std::string& normal) const;

  std::unordered_map<std::string, std::string> by_key_;  // fold_key(normalised form) → canonical
};

// Reads an aliases file, a YAML mapping of canonical name → list of variants:
//   Daniel Okafor: [Dan Okafor, Danny Okafor]
//   Lucía Fernández: []            # repairs "Lucia Fernandez", "LUCÍA FERNÁNDEZ"
// On success fills `out` and returns nullopt; otherwise returns the reason
// ("aliases.yaml: ...") and leaves `out` as it was.
std::optional<std::string> load_aliases(const std::filesystem::path& file, NameNormalizer& out);

}  // namespace pressroom
