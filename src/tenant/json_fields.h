// Reading fields of imported JSON objects: a string or "", an array or [], lower-cased id lists.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tenant/text.h"

namespace plush::tenant::jsonfields {

inline std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline const nlohmann::json& list(const nlohmann::json& j, const char* key) {
  static const nlohmann::json none = nlohmann::json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : none;
}

// The strings of an array, lower case (GUIDs compare that way).
inline std::vector<std::string> lowered(const nlohmann::json& values) {
  std::vector<std::string> out;
  for (const nlohmann::json& v : values)
    if (v.is_string()) out.push_back(lower(v.get<std::string>()));
  return out;
}

}  // namespace plush::tenant::jsonfields
