// Test helper: a small JSON Schema validator (the draft-07 keywords tests/graph/batch.schema.json uses).
#pragma once

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

namespace plush::test {

// Checks `value` against `schema`; each failure is one line naming the place (/requests/3/body/...).
class JsonSchema {
 public:
  explicit JsonSchema(nlohmann::json root) : root_(std::move(root)) {}

  std::vector<std::string> validate(const nlohmann::json& value) const {
    std::vector<std::string> errors;
    check(root_, value, "", errors);
    return errors;
  }

 private:
  static bool hasType(const nlohmann::json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    return false;
  }

  const nlohmann::json& resolve(const nlohmann::json& s) const {
    if (!s.contains("$ref")) return s;
    std::string ref = s["$ref"];  // "#/definitions/name"
    return root_.at(nlohmann::json::json_pointer(ref.substr(1)));
  }

  void check(const nlohmann::json& schemaIn, const nlohmann::json& v, const std::string& at,
             std::vector<std::string>& errors) const {
    const nlohmann::json& s = resolve(schemaIn);
    auto fail = [&](const std::string& why) { errors.push_back((at.empty() ? "/" : at) + ": " + why); };
    if (s.contains("type")) {
      bool ok = false;
      if (s["type"].is_array()) {
        for (const auto& t : s["type"]) ok = ok || hasType(v, t);
      } else {
        ok = hasType(v, s["type"]);
      }
      if (!ok) return fail("is not of type " + s["type"].dump());
    }
    if (s.contains("const") && v != s["const"]) fail("is not " + s["const"].dump());
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
      fail(v.dump() + " is not one of " + s["enum"].dump());
    if (s.contains("pattern") && v.is_string() && !std::regex_search(v.get<std::string>(), std::regex(s["pattern"].get<std::string>())))
      fail(v.dump() + " does not match " + s["pattern"].get<std::string>());
    if (v.is_object()) {
      for (const auto& r : s.value("required", nlohmann::json::array()))
        if (!v.contains(r.get<std::string>())) fail("has no " + r.get<std::string>());
      if (s.contains("minProperties") && v.size() < s["minProperties"].get<size_t>()) fail("has too few properties");
      if (s.contains("maxProperties") && v.size() > s["maxProperties"].get<size_t>()) fail("has too many properties");
      const nlohmann::json props = s.value("properties", nlohmann::json::object());
      for (const auto& [key, item] : v.items()) {
        if (props.contains(key)) check(props[key], item, at + "/" + key, errors);
        else if (s.contains("additionalProperties") && s["additionalProperties"] == false) fail("has " + key + ", which is not allowed");
      }
    }
    if (v.is_array()) {
      if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) fail("has too few items");
      if (s.contains("maxItems") && v.size() > s["maxItems"].get<size_t>()) fail("has more than " + s["maxItems"].dump() + " items");
      if (s.contains("items"))
        for (size_t i = 0; i < v.size(); ++i) check(s["items"], v[i], at + "/" + std::to_string(i), errors);
    }
    if (s.contains("oneOf")) {
      int matched = 0;
      for (const auto& option : s["oneOf"]) {
        std::vector<std::string> sub;
        check(option, v, at, sub);
        matched += sub.empty();
      }
      if (matched != 1) fail("matches " + std::to_string(matched) + " of its oneOf shapes, not exactly 1");
    }
    if (s.contains("not")) {
      std::vector<std::string> sub;
      check(s["not"], v, at, sub);
      if (sub.empty()) fail("matches a shape it must not");
    }
  }

  nlohmann::json root_;
};

}  // namespace plush::test
