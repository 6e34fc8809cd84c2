#include "common/facet_counter.h"

#include <algorithm>

#include "common/schema.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

void bump(std::unordered_map<std::string, uint64_t>& counts, std::string_view value) {
  if (value.empty()) return;
  // Lookups by string_view would avoid this allocation (C++20 heterogeneous
  // lookup for unordered containers needs a transparent hash).
  ++counts[std::string(value)];
}

std::vector<FacetValue> merged(const std::unordered_map<std::string, uint64_t>& raw) {
  struct Merge {
    uint64_t total = 0;
    std::string display;
    uint64_t display_count = 0;
  };
  std::map<std::string, Merge> by_key;
  for (const auto& [display, count] : raw) {
    Merge& m = by_key[fold_key(display)];
    m.total += count;
    if (count > m.display_count || (count == m.display_count && display < m.display)) {
      m.display = display;
      m.display_count = count;
    }
  }
  std::vector<FacetValue> values;
  values.reserve(by_key.size());
  for (auto& [key, m] : by_key) values.push_back({m.display, m.total});
  return values;
}

void order_by_count(std::vector<FacetValue>& values, size_t limit) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (limit > 0 && values.size() > limit) values.resize(limit);
}

}  // namespace

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  std::string encoded = doc.get_value(schema::kFacets);
  schema::FacetRecord record = schema::decode_facets(encoded);
  if (selection_.type) bump(types_, record.type);
  if (selection_.year || selection_.month) bump(months_, record.month);
  if (selection_.topic)
    for (std::string_view topic : record.topics) bump(topics_, topic);
  if (selection_.spokesperson)
    for (std::string_view person : record.spokespeople) bump(spokespeople_, person);
}

FacetCounts FacetCounter::counts(size_t limit) const {
  FacetCounts out;
  if (selection_.topic) {
    out["topic"] = merged(topics_);
    order_by_count(out["topic"], limit);
  }
  if (selection_.spokesperson) {
    out["spokesperson"] = merged(spokespeople_);
    order_by_count(out["spokesperson"], limit);
  }
  if (selection_.type) {
    out["type"] = merged(types_);
    order_by_count(out["type"], 0);
  }
  std::map<std::string, uint64_t> years, months;
  for (const auto& [month, count] : months_) {
    months[month] += count;
    years[month.substr(0, 4)] += count;
  }
  if (selection_.year) {
    auto& list = out["year"];
    for (const auto& [year, count] : years) list.push_back({year, count});
  }
  if (selection_.month) {
    auto& list = out["month"];
    for (const auto& [month, count] : months) list.push_back({month, count});
  }
  return out;
}

}  // namespace pressroom
