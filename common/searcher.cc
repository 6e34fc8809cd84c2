#include "common/searcher.h"

#include <sys/stat.h>

#include "common/errors.h"
#include "common/query_builder.h"
#include "common/schema.h"
#include "common/snippet.h"

namespace pressroom {
namespace {

constexpr size_t kFacetLimit = 20;

Xapian::Database open_database(const std::string& path) {
  try {
    return Xapian::Database(path);
  } catch (const Xapian::DatabaseNotFoundError& e) {
    throw IndexUnavailable("no pressroom index at '" + path + "' (run pressroom-index first): " +
                           e.get_msg());
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open the index at '" + path + "': " + e.get_description());
  }
}

void set_sort(Xapian::Enquire& enquire, SortOrder sort, bool has_text,
              Xapian::KeyMaker* newest_first, Xapian::KeyMaker* oldest_first) {
  if (sort == SortOrder::Relevance && has_text) {
    // Equal weights: newer releases first, then the id, so pages are stable.
    enquire.set_sort_by_relevance_then_key(newest_first, false);
  } else if (sort == SortOrder::DateAsc) {
    enquire.set_sort_by_key_then_relevance(oldest_first, false);
  } else {
    enquire.set_sort_by_key_then_relevance(newest_first, false);
  }
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : path_(db_path) {
  opened_ = stamp();
  db_ = open_database(db_path);
}
Searcher::~Searcher() = default;

Searcher::Stamp Searcher::stamp() const {
  struct stat st {};
  std::string version_file = path_ + "/iamglass";
  if (::stat(version_file.c_str(), &st) != 0 && ::stat(path_.c_str(), &st) != 0) return {};
  return {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino),
          static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

void Searcher::refresh() {
  Stamp now = stamp();
  if (now == opened_) return;
  // Open afresh rather than reopen(): a database removed and rebuilt in place
  // can carry the same revision number as the one we hold.
  db_ = open_database(path_);
  opened_ = now;
}

template <typename F>
auto Searcher::with_retry(F&& f) -> decltype(f()) {
  // A reader may see the indexer's commit half-way through a search; Xapian
  // then asks us to reopen and try again.
  for (int attempt = 0;; ++attempt) {
    try {
      return f();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 3) throw IndexUnavailable("the index is changing too fast to read; retry");
      db_.reopen();
    } catch (const Xapian::DatabaseError& e) {
      throw IndexUnavailable("reading the index failed: " + e.get_description());
    }
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  return with_retry([&] {
    QueryBuilder builder(db_);
    BuiltQuery built = builder.build(request);

    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::MultiValueKeyMaker newest_first, oldest_first;
    newest_first.add_value(schema::kDate, true);
    newest_first.add_value(schema::kId, false);
    oldest_first.add_value(schema::kDate, false);
    oldest_first.add_value(schema::kId, false);
    set_sort(enquire, request.sort, built.has_text, &newest_first, &oldest_first);

    FacetCounter facets;
    enquire.add_matchspy(&facets);
    Xapian::doccount offset = static_cast<Xapian::doccount>((request.page - 1) * request.size);
    Xapian::MSet mset = enquire.get_mset(offset, request.size, db_.get_doccount());

    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.facets = facets.counts(kFacetLimit);
    result.reparsed_as_plain = built.reparsed_as_plain;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      Release release = schema::release_from(doc);
      SearchHit hit;
      const Xapian::Stem& stemmer = schema::stemmer_for(release.lang);
      hit.snippet = make_snippet(release.body.empty() ? release.summary : release.body,
                                 built.highlight_terms, stemmer);
      hit.score = built.has_text ? it.get_weight() : 0;
      release.body.clear();
      release.quotes.clear();
      hit.release = std::move(release);
      result.hits.push_back(std::move(hit));
    }
    return result;
  });
}

std::optional<Release> Searcher::release(const std::string& id) {
  return with_retry([&]() -> std::optional<Release> {
    std::string term = std::string(schema::prefix::kId) + id;
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return schema::release_from(db_.get_document(*it));
  });
}

IndexInfo Searcher::info() {
  return with_retry([&] {
    IndexInfo info;
    info.documents = db_.get_doccount();
    info.indexed_at = db_.get_metadata(schema::kMetaIndexedAt);
    info.revision = db_.get_revision();
    std::string version = db_.get_metadata(schema::kMetaSchemaVersion);
    info.schema_version = version.empty() ? 0 : std::stoi(version);
    return info;
  });
}

}  // namespace pressroom
