// Authors a content system lists by user name ("jparcell", "bbrantley"),
// and the people their releases name. A facet of user names reads like a
// login screen; the aliases file (name_normalizer.h) turns each into the
// person it stands for, and pressroom-index suggests the lines to add from
// what the releases themselves say. Only suggests: a user name is never
// replaced by a guess, since a statement given to the wrong person is worse
// than one given to a user name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// True for a spokesperson that reads as a user name: one word of 4 to 30
// lower-case ASCII letters and digits, with at least three letters
// ("jparcell", "kdaniel2"); false for names, slugs of two words or more and
// anything with a capital, a space or another character.
bool looks_like_user_name(std::string_view value);

// The people `text` names that `user` could stand for, each once, as
// normalize_person_name() writes them (titles and middle initials dropped).
// A run of two to four capitalised words is such a name when the user name
// is, without case and accents, its words run together ("jeremyzilar" →
// "Jeremy Zilar"), its first word's initial and the rest run together
// ("jparcell" → "Jacob Parcell", "anocesigritz" → "Andrea Noce Sigritz"), or
// the initials of all but its last word and that word ("japarcell" → "Jacob
// A. Parcell" → "Jacob Parcell"), or its first word or that word's initial
// and its last word ("wbrantley" → "William A. Brantley" → "William
// Brantley"); digits that end the user name are left out ("kdaniel2"). A
// title before the name ("Dr.") is not part of it, nor is another
// capitalised word ("By Bill Brantley": the latest first word that matches).
// The words of a name are apart by spaces or one line break; letters are
// Unicode's, and ’ and ‐ join them as ' and - do.
std::vector<std::string> names_for_user(std::string_view user, std::string_view text);

// What a run learned of its user names, release by release.
class UserNameEvidence {
 public:
  // One release lists `user`, and its text names `names` (names_for_user()).
  void add(const std::string& user, const std::vector<std::string>& names);

  struct Suggestion {
    std::string user;
    uint64_t releases = 0;  // releases that list it
    std::string name;       // the person most of them name ("" when none does)
    uint64_t named_in = 0;  // releases that name that person
  };
  // Every user name seen, most releases first (then by user name); each
  // with the name the most of its releases give (ties: the first in order).
  std::vector<Suggestion> suggestions() const;

 private:
  struct Seen {
    uint64_t releases = 0;
    std::map<std::string, uint64_t> names;
  };
  std::map<std::string, Seen> by_user_;
};

}  // namespace pressroom
