// SPDX-License-Identifier: MIT
#include "infer/inference.hpp"

#include <string>

namespace fmkit {

void SchemaInference::add(const Document& document) {
  if (!document.usable) return;
  m_root.add(document.data, "", document.positions);
}

InferredSchema SchemaInference::finish() const {
  InferredSchema inferred;
  inferred.documents = m_root.values;
  inferred.root =
      decide_rule(m_root, FieldName{"", "", "file", "files"}, m_options);
  nlohmann::ordered_json schema = nlohmann::ordered_json::object();
  schema["$schema"] = "http://json-schema.org/draft-07/schema#";
  if (!m_options.title.empty()) schema["title"] = m_options.title;
  schema["description"] = "inferred by 'fmkit infer' from " +
                          with_separators(m_root.values) +
                          (m_root.values == 1 ? " file" : " files");
  nlohmann::ordered_json body = rule_schema(*inferred.root, "");
  if (m_root.values == 0) body["type"] = "object";
  for (auto& [key, value] : body.items()) schema[key] = value;
  inferred.schema = std::move(schema);
  return inferred;
}

}  // namespace fmkit
