// The JSON form of a release: what the index stores as document data and what
// the API returns. One codec, so the stored and the served shapes cannot drift.
#pragma once

#include <nlohmann/json.hpp>

#include "common/release.h"

namespace pressroom {

// Every field of the release, including body, quotes and provenance
// ({"title": "source", "date": "extracted", ...}). Empty fields are omitted
// except the always-present id, title, date, type, topics and spokespeople.
nlohmann::json release_to_json(const Release& release);

// Reads what release_to_json wrote. Missing optional keys leave defaults;
// throws nlohmann::json::exception when `json` is not an object with an id
// or a key has the wrong type.
Release release_from_json(const nlohmann::json& json);

}  // namespace pressroom
