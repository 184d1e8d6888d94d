// Small text helpers of the engine: case-insensitive names, wildcards, GUIDs, lists.
#pragma once

#include <string>
#include <vector>

namespace plush::tenant {

std::string lower(std::string s);
std::string upper(std::string s);
bool iequals(const std::string& a, const std::string& b);
// PowerShell-style wildcard (* and ?), case-insensitive.
bool wildcardMatch(const std::string& pattern, const std::string& text);
bool hasWildcard(const std::string& s);
bool isGuid(const std::string& s);
std::string newGuid();  // random, version 4
bool isCountryCode(const std::string& s);  // two ASCII letters
std::string join(const std::vector<std::string>& parts, const std::string& sep);
std::vector<std::string> splitList(const std::string& s, char sep);  // empty parts dropped
bool sameSet(std::vector<std::string> a, std::vector<std::string> b);  // order does not matter (plan id sets)
// Letters and digits only, lower case: POWERBI_PRO, "power bi pro" and Power_BI_Pro all read "powerbipro".
std::string squashed(const std::string& name);
std::string trimSpaces(const std::string& s);  // spaces and tabs off both ends

}  // namespace plush::tenant
