#include "common/listing_type_label.h"

#include <array>
#include <cctype>
#include <utility>

#include "common/text_folding.h"

namespace pressroom {
namespace {

// Keys are folded labels with everything but letters removed, so the table
// holds one spelling per label.
constexpr std::array<std::pair<const char*, const char*>, 44> kLabels = {{
    {"pressrelease", "press-release"},        {"pressreleases", "press-release"},
    {"newsrelease", "press-release"},         {"newsreleases", "press-release"},
    {"release", "press-release"},             {"comunicadodeprensa", "press-release"},
    {"comunicadosdeprensa", "press-release"}, {"comunicado", "press-release"},
    {"boletindeprensa", "press-release"},     {"notadeprensa", "press-release"},
    {"statement", "statement"},               {"statements", "statement"},
    {"declaracion", "statement"},             {"declaraciones", "statement"},
    {"pronunciamiento", "statement"},         {"report", "report"},
    {"reports", "report"},                    {"informe", "report"},
    {"informes", "report"},                   {"reporte", "report"},
    {"mediaadvisory", "media-advisory"},      {"mediaadvisories", "media-advisory"},
    {"advisory", "media-advisory"},           {"pressadvisory", "media-advisory"},
    {"avisoalosmedios", "media-advisory"},    {"avisodeprensa", "media-advisory"},
    {"convocatoriadeprensa", "media-advisory"}, {"oped", "op-ed"},
    {"opeds", "op-ed"},                       {"opinion", "op-ed"},
    {"opinionnewsarticle", "op-ed"},          {"articulodeopinion", "op-ed"},
    {"columnadeopinion", "op-ed"},            {"letter", "letter"},
    {"letters", "letter"},                    {"openletter", "letter"},
    {"carta", "letter"},                      {"cartaabierta", "letter"},
    {"testimony", "testimony"},               {"testimonies", "testimony"},
    {"testimonio", "testimony"},              {"congressionaltestimony", "testimony"},
    {"writtentestimony", "testimony"},        {"comunicados", "press-release"},
}};

}  // namespace

std::string release_type_from_label(std::string_view label) {
  if (label.size() > 60) return {};
  std::string key;
  for (char c : fold_key(label))
    if (std::isalpha(static_cast<unsigned char>(c))) key.push_back(c);
  for (const auto& [name, type] : kLabels)
    if (key == name) return type;
  return {};
}

}  // namespace pressroom
