// Rebuilding a parsed Xapian query around changed subqueries, with what
// Xapian 1.4's Query does not expose: the phrase rewrites (phrase_rewrite.h)
// and the date filters answered from memory (day_filter.h) both use it.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>

namespace pressroom {

// Whether a query of type `op` is rebuilt around a changed subquery: the
// operators without parameters (AND, OR, AND_NOT, XOR, AND_MAYBE, FILTER,
// MAX). Not under others (scaled weights, synonyms, which sum their members'
// wdf), whose subqueries are kept as they are.
bool rebuilt_around(Xapian::Query::op op);

// `query` with each subquery (itself included, outermost first) for which
// `replace` gives a query replaced by it; the subquery itself given back is
// kept as it is, and nullopt keeps it and looks inside it when its operator
// is rebuilt_around(). `filtering` tells
// `replace` whether the subquery only filters, adding no weight: the
// filters of an OP_FILTER and the exclusions of an OP_AND_NOT, and
// everything under them.
Xapian::Query rewrite_subqueries(
    const Xapian::Query& query,
    const std::function<std::optional<Xapian::Query>(const Xapian::Query&, bool filtering)>& replace);

}  // namespace pressroom
