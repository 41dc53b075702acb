// SPDX-License-Identifier: MIT
//
// Expected<T, E>: a value or an error, a small look-alike of C++23's
// std::expected (tl-expected is not packaged in Debian 12). The error is a
// message (E = std::string) for operational failures inside the core, or
// diagnostics in fmkit's own files (E = Problems, diag/diagnostic.hpp) where
// a command shows them to the user. Problems in the user's content are
// Diagnostics, never Expected errors.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace fmkit {

// Wraps an error so that Expected<E, E> stays unambiguous.
template <typename E>
struct Unexpected {
  E error;
};

template <typename E>
Unexpected<E> unexpected(E error) {
  return Unexpected<E>{std::move(error)};
}

inline Unexpected<std::string> unexpected(const char* message) {
  return Unexpected<std::string>{message};
}

template <typename T, typename E = std::string>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
  Expected(Unexpected<E> error)
      : m_state(std::in_place_index<1>, std::move(error.error)) {}

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

  const E& error() const& {
    assert(!has_value());
    return std::get<1>(m_state);
  }
  E&& error() && {
    assert(!has_value());
    return std::get<1>(std::move(m_state));
  }

 private:
  std::variant<T, E> m_state;
};

// Expected<void, E>: success or an error.
template <typename E>
class [[nodiscard]] Expected<void, E> {
 public:
  Expected() = default;
  Expected(Unexpected<E> error)
      : m_error(std::move(error.error)), m_ok(false) {}

  bool has_value() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const E& error() const& {
    assert(!m_ok);
    return m_error;
  }
  E&& error() && {
    assert(!m_ok);
    return std::move(m_error);
  }

 private:
  E m_error{};
  bool m_ok = true;
};

}  // namespace fmkit
