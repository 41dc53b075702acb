// SPDX-License-Identifier: MIT
//
// Expected<T>: a value or an error message, a small look-alike of C++23's
// std::expected<T, std::string> (tl-expected is not packaged in Debian 12).
// Operational failures (unreadable file, bad schema, bad config) travel in it;
// problems in the user's content are Diagnostics, never Expected errors.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace fmkit {

// Wraps an error message so that Expected<std::string> stays unambiguous.
struct Unexpected {
  std::string message;
};

inline Unexpected unexpected(std::string message) {
  return Unexpected{std::move(message)};
}

template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
  Expected(Unexpected error)
      : m_state(std::in_place_index<1>, std::move(error.message)) {}

  bool has_value() const { return m_state.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(m_state);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(m_state);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(m_state));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const std::string& error() const {
    assert(!has_value());
    return std::get<1>(m_state);
  }

 private:
  std::variant<T, std::string> m_state;
};

// Expected<void>: success or an error message.
template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(Unexpected error) : m_error(std::move(error.message)), m_ok(false) {}

  bool has_value() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const std::string& error() const {
    assert(!m_ok);
    return m_error;
  }

 private:
  std::string m_error;
  bool m_ok = true;
};

}  // namespace fmkit
