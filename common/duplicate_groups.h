// Duplicate groups at search time (near_duplicate.h, schema::kDupGroup): a
// group shows once, as its best-ranked matching member, and counts once
// (facet_table.h numbers the groups for the facet counts).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/facet_table.h"
#include "common/release.h"

namespace pressroom {

// At most this many other members are listed with a release.
inline constexpr size_t kMaxDuplicatesListed = 20;

// Makes `enquire` show each duplicate group once (its best-ranked member).
void collapse_duplicates(Xapian::Enquire& enquire);

// The number of results (groups) of an MSet from an Enquire that collapses
// duplicates and checked every match (check_at_least = doccount): Xapian's
// lower bound is then the exact count of distinct groups, while its
// estimate scales by the rate of duplicates seen.
uint64_t collapsed_total(const Xapian::MSet& mset);

// One page of results, each duplicate group once.
struct ResultPage {
  std::vector<Xapian::MSetIterator> hits;  // in order; each keeps its MSet
};

// The near-duplicate group of document `did` of a database made of the
// shards whose facet tables are `tables` (in its order), as the tables
// number it — unique across shards — or 0 when the release has no copy.
uint64_t table_group(const std::vector<std::shared_ptr<const FacetTable>>& tables, Xapian::docid did);

// The results [offset, offset + size) of `enquire` (which must not collapse)
// with each duplicate group shown once, as its best-ranked member: the page
// Xapian's collapse key gives, for local databases, whose facet tables (one
// per shard of the Enquire's database, in its order) know the groups. Why:
// the collapse key reads the group value of every match, which made a broad
// query three times dearer. The first fetch checks `check_first` matches and
// the match spies attached see it; when copies leave the page short, more is
// fetched, with the spies removed, checking `check_more` matches: what the
// ranking alone needs (every match over several databases, see
// Searcher::page; 0 on one).
ResultPage collapsed_page(Xapian::Enquire& enquire, const std::vector<std::shared_ptr<const FacetTable>>& tables,
                          Xapian::doccount offset, Xapian::doccount size, Xapian::doccount check_first,
                          Xapian::doccount check_more);

// How many matches a page [offset, offset + size) fetches first: a little
// more than it shows, since copies are rare.
Xapian::doccount first_fetch(Xapian::doccount offset, Xapian::doccount size);

// The results [offset, offset + size) of `ranked` (matches in order), each
// duplicate group once, as its first member there (`tables` as for
// collapsed_page). `results` is set to the number of results `ranked` has up
// to the page's end: less than offset + size means the page needs more
// matches than `ranked` holds, or there are no more.
ResultPage collapse_ranked(const std::vector<Xapian::MSetIterator>& ranked,
                           const std::vector<std::shared_ptr<const FacetTable>>& tables, Xapian::doccount offset,
                           Xapian::doccount size, Xapian::doccount& results);

// The page of an MSet that Xapian collapsed itself (remote shards).
ResultPage whole_page(const Xapian::MSet& mset);

// The other members of document `docid`'s duplicate group, oldest first
// then by id, without body and quotes; at most kMaxDuplicatesListed.
std::vector<Release> duplicates_of(const Xapian::Database& db, Xapian::docid docid);

// The group query of document `docid` (its XDG term), to exclude a release
// and all its copies.
Xapian::Query duplicate_group_query(const Xapian::Database& db, Xapian::docid docid);

// What a count that saw every match of `query` must take back to count each
// group once, as facet_table.h's rule does (a group counts with its first
// match in document order): the matches in groups `copied` (kDupGroup keys,
// each with how many of its copies matched, from a value-count spy on
// schema::kCopyOf) other than each group's first, as a query on their ids;
// an empty Query when no such group matched twice. A group lives in one
// shard, and a combined database keeps each shard's document order, so this
// holds over shards too. One pass over the groups' matching members, whose
// group and id come back with the match (collapse and sort keys), so no
// document is read: cheap over remote shards.
Xapian::Query later_group_matches(const Xapian::Database& db, const Xapian::Query& query,
                                  const std::map<std::string, Xapian::doccount>& copied);

}  // namespace pressroom
