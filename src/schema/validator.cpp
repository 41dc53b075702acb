// SPDX-License-Identifier: MIT
#include "schema/validator.hpp"

namespace fmkit {

struct Validator::Impl {};

Validator::Validator(std::shared_ptr<const CompiledSchema>)
    : m_impl(std::make_unique<Impl>()) {}
Validator::~Validator() = default;
Validator::Validator(Validator&&) noexcept = default;
Validator& Validator::operator=(Validator&&) noexcept = default;

void Validator::validate(const Document&, const LineIndex&,
                         std::vector<Diagnostic>&) {}

}  // namespace fmkit
