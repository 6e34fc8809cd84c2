// The errors that cross from the engine to its callers. Each carries a message
// a user can act on; the server maps each kind to one HTTP status in one place.
#pragma once

#include <stdexcept>
#include <string>

namespace pressroom {

// A request parameter is malformed or out of range (HTTP 400).
class InvalidParameter : public std::runtime_error {
 public:
  InvalidParameter(std::string parameter, const std::string& message)
      : std::runtime_error(message), parameter_(std::move(parameter)) {}
  const std::string& parameter() const { return parameter_; }

 private:
  std::string parameter_;
};

// The thing asked for does not exist (HTTP 404).
class NotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The index cannot be opened or read right now (HTTP 503).
class IndexUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pressroom
