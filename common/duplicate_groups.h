// Duplicate groups at search time (near_duplicate.h, schema::kDupGroup): a
// group shows once, as its best-ranked matching member, and counts once
// (facet_table.h numbers the groups for the facet counts).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

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

// The other members of document `docid`'s duplicate group, oldest first
// then by id, without body and quotes; at most kMaxDuplicatesListed.
std::vector<Release> duplicates_of(const Xapian::Database& db, Xapian::docid docid);

// The group query of document `docid` (its XDG term), to exclude a release
// and all its copies.
Xapian::Query duplicate_group_query(const Xapian::Database& db, Xapian::docid docid);

}  // namespace pressroom
