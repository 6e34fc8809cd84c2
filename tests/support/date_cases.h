// Table-driven checks for the functions that turn text into a YYYY-MM-DD day
// (date_text.h, release_date.h): each case names its input on failure.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace pressroom::testing {

struct DateCase {
  std::string text;
  std::string date;  // YYYY-MM-DD
};

// Every text gives its date.
template <class Parse>
void expect_dates(Parse parse, const std::vector<DateCase>& cases) {
  for (const DateCase& c : cases) {
    std::optional<std::string> parsed = parse(c.text);
    ASSERT_TRUE(parsed.has_value()) << "'" << c.text << "'";
    EXPECT_EQ(*parsed, c.date) << "'" << c.text << "'";
  }
}

// No text gives a date.
template <class Parse>
void expect_no_dates(Parse parse, const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    std::optional<std::string> parsed = parse(text);
    EXPECT_FALSE(parsed.has_value()) << "'" << text << "' gave " << parsed.value_or("");
  }
}

}  // namespace pressroom::testing
