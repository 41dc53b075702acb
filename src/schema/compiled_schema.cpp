// SPDX-License-Identifier: MIT
#include "schema/compiled_schema.hpp"

#include "schema/checker.hpp"

#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/exceptions.hpp>

#include <new>

// The "$fmkit" keyword as a valijson constraint: valijson calls it where
// the keyword sits, and it runs a Checker on the CheckSpec it names.

namespace fmkit {

namespace {

using valijson::ValidationResults;
using valijson::adapters::Adapter;

class CheckConstraint : public valijson::constraints::PolyConstraint {
 public:
  CheckConstraint(const CompiledSchema& schema, const CheckSpec& spec)
      : m_schema(&schema), m_spec(&spec) {}

  bool validate(const Adapter& target, const Context& context,
                ValidationResults* results) const override {
    return Checker(*m_schema, *m_spec, target, context, results).run();
  }

 private:
  valijson::constraints::Constraint* cloneInto(void* memory) const override {
    return new (memory) CheckConstraint(*this);
  }
  size_t sizeOf() const override { return sizeof(CheckConstraint); }

  const CompiledSchema* m_schema;
  const CheckSpec* m_spec;
};

class CheckBuilder : public valijson::ConstraintBuilder {
 public:
  explicit CheckBuilder(const CompiledSchema& schema) : m_schema(schema) {}

  valijson::constraints::Constraint* make(const Adapter& value) const override {
    int64_t index = -1;
    if (!value.getInteger(index) || index < 0 ||
        static_cast<size_t>(index) >= m_schema.checks.size()) {
      valijson::throwRuntimeError("'$fmkit' is reserved for fmkit");
    }
    return new CheckConstraint(m_schema,
                               *m_schema.checks[static_cast<size_t>(index)]);
  }

 private:
  const CompiledSchema& m_schema;
};

}  // namespace

valijson::ConstraintBuilder* make_check_builder(const CompiledSchema& schema) {
  return new CheckBuilder(schema);
}

}  // namespace fmkit
