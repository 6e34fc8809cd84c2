#include "common/suggester.h"

#include <algorithm>
#include <memory>

#include "common/date_terms.h"
#include "common/dates.h"
#include "common/schema.h"
#include "common/suggestion_index.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// The display form of a facet key: read from one release that has it.
std::string display_form(const Xapian::Database& db, const std::string& term, std::string_view prefix) {
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return term.substr(prefix.size());
  std::string encoded = db.get_document(*p).get_value(schema::kFacets);
  schema::FacetRecord record = schema::decode_facets(encoded);
  bool topic = prefix == schema::prefix::kTopic;
  for (std::string_view v : topic ? record.topics : record.spokespeople)
    if ((topic ? schema::topic_term(v) : schema::spokesperson_term(v)) == term) return std::string(v);
  return term.substr(prefix.size());
}

// The fewest releases a window of months holds (a query has a fixed cost).
constexpr double kFirstWindow = 64;

// A title suggestion for `doc`: from its value slots when it has its title
// there (the stored release is mostly its body), else from the release.
Suggestion title_suggestion(const Xapian::Document& doc) {
  std::string title = doc.get_value(schema::kTitle);
  if (!title.empty()) {
    std::string day = doc.get_value(schema::kDate);
    if (day.size() == 8) return {"title", std::move(title), 0, doc.get_value(schema::kId), expand_compact_date(day)};
  }
  Release r = schema::release_from(doc);
  return {"title", r.title, 0, r.id, r.date};
}

}  // namespace

std::vector<Suggestion> suggest(const Xapian::Database& db, const std::string& typed_text, size_t limit,
                                const std::string& revision) {
  std::vector<std::string> typed = folded_words_of(fold_key(typed_text));
  if (typed.empty() || limit == 0) return {};
  std::shared_ptr<const SuggestionIndex> index =
      revision.empty() ? std::make_shared<const SuggestionIndex>(db, typed.back())
                       : SuggestionIndex::for_revision(db, revision);

  // Names by count, spokespeople before topics when equal; only those kept
  // are looked up for their display form (a document read each).
  std::vector<const SuggestionIndex::Name*> matching = index->names_matching(typed);
  std::stable_sort(matching.begin(), matching.end(),
                   [](const SuggestionIndex::Name* a, const SuggestionIndex::Name* b) { return a->count > b->count; });
  if (matching.size() > limit / 2 + 1) matching.resize(limit / 2 + 1);
  std::vector<Suggestion> names;
  for (const SuggestionIndex::Name* name : matching) {
    std::string_view prefix = std::string_view(name->term).substr(0, name->prefix_size);
    names.push_back({prefix == schema::prefix::kTopic ? "topic" : "spokesperson",
                     display_form(db, name->term, prefix), name->count, {}, {}});
  }

  // Titles: whole words for all but the last, which is a prefix of an
  // unstemmed title word (a stem can be shorter than what was typed).
  size_t want = limit > names.size() ? limit - names.size() : 0;
  std::vector<Suggestion> out = std::move(names);
  if (want == 0) return out;
  std::vector<SuggestionIndex::Completion> completions = index->completions(typed.back());
  if (completions.empty()) return out;
  if (const TitlePostings* postings = index->title_postings()) {
    std::vector<std::string> whole(typed.begin(), typed.end() - 1), any;
    for (const SuggestionIndex::Completion& c : completions) any.push_back(c.word);
    for (Xapian::docid did : postings->newest(whole, any, want))
      out.push_back(title_suggestion(db.get_document(did)));
    return out;
  }

  // Without a shared index (remote shards), Xapian is asked: the whole words
  // ANDed with the completions ORed.
  double releases = std::max(1.0, static_cast<double>(db.get_doccount()));
  double share = 1;  // of releases expected to match, were the words independent
  std::vector<Xapian::Query> parts;
  std::string title_prefix(schema::prefix::kTitleWord);
  for (size_t i = 0; i + 1 < typed.size(); ++i) {
    parts.emplace_back(title_prefix + typed[i]);
    share *= std::min(1.0, db.get_termfreq(title_prefix + typed[i]) / releases);
  }
  std::vector<std::string> completion_terms;
  double with_completion = 0;
  for (const SuggestionIndex::Completion& c : completions) {
    completion_terms.push_back(title_prefix + c.word);
    with_completion += c.count;
  }
  share *= std::min(1.0, with_completion / releases);
  parts.emplace_back(Xapian::Query::OP_OR, completion_terms.begin(), completion_terms.end());
  Xapian::Query titles(Xapian::Query::OP_AND, parts.begin(), parts.end());

  // Newest first. Sorting every match by date costs a pass over all of them
  // (a short prefix matches much of a large archive), so the months are
  // walked from the latest back in windows: the first holds the releases
  // expected to give twice the titles wanted, each next one twice as many
  // releases. A broad prefix is answered from the last month, a rare one
  // from the whole archive in one query, and a misjudged one takes a dozen
  // small queries at most.
  const std::vector<SuggestionIndex::Span>& spans = index->spans();
  double window = std::max(kFirstWindow, 2.0 * static_cast<double>(want) / std::max(share, 1e-12));
  for (size_t newer = spans.size(); newer > 0 && out.size() < limit; window *= 2) {
    size_t older = newer;
    for (double held = 0; older > 0 && held < window; --older) held += spans[older - 1].count;
    bool everything = older == 0 && newer == spans.size();
    Xapian::Query query = everything ? titles
                                     : Xapian::Query(Xapian::Query::OP_FILTER, titles,
                                                     date_range_query(spans[older].first, spans[newer - 1].last, db));
    newer = older;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSortNewest, true);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit - out.size()));
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(title_suggestion(it.get_document()));
  }
  return out;
}

}  // namespace pressroom
