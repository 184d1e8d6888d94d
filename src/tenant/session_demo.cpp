// Session: building the Contoso demo tenant (SPEC §7) from stdlib/demo.json through the engine's own rules.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tenant/bot_usage_csv.h"
#include "tenant/session.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag(const json& j, const char* key, bool otherwise) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : otherwise;
}

const json& list(const json& j, const char* key) {
  static const json none = json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : none;
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  for (const json& v : list(j, key))
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

json loadDemo(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail("InvalidJson", category::ObjectNotFound, path, "The demo tenant " + path + " cannot be read.");
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    fail("InvalidJson", category::InvalidData, path, "The demo tenant " + path + " is not valid JSON: " + e.what());
  }
}

// The tenant row and its first admin already exist; the rest goes through the public calls,
// so the demo obeys every rule (its group errors are real rule outcomes).
void Session::applyDemo(const std::string& path) {
  json demo = loadDemo(path);
  const json& t = demo.contains("tenant") ? demo["tenant"] : json::object();
  setTenant(str(t, "defaultUsageLocation"), flag(t, "allowAdHocSubscriptions", true));
  for (const json& a : list(demo, "admins")) {
    std::string upn = str(a, "upn");
    if (!store_->findUser(UserKey::Upn, upn)) newUser(NewUser{upn, str(a, "displayName"), "", "", "Member", true});
    else if (!str(a, "displayName").empty()) setUser(upn, UserChanges{str(a, "displayName"), {}, {}, {}, {}, {}});
    for (const std::string& r : strings(a, "roles")) addAdminRoleMember(r, upn);
  }
  for (const json& u : list(demo, "users")) {
    std::string upn = str(u, "upn");
    newUser(NewUser{upn, str(u, "displayName"), str(u, "usageLocation"), str(u, "department"),
                    str(u, "userType").empty() ? "Member" : str(u, "userType"), flag(u, "accountEnabled", true)});
    if (!str(u, "lastSignIn").empty()) setUser(upn, UserChanges{{}, {}, {}, {}, str(u, "lastSignIn"), {}});
  }
  for (const json& s : list(demo, "subscriptions"))
    newSubscription(NewSubscription{str(s, "product"), s.value("quantity", int64_t{0}), flag(s, "trial", false),
                                    str(s, "expiresOn"), str(s, "startsOn"), str(s, "source"), str(s, "purchasedBy")});
  for (const json& a : list(demo, "assignments")) {
    SetUserLicenseRequest r;
    r.add = {str(a, "product")};
    r.disabledPlans = strings(a, "disabledPlans");
    setUserLicense(str(a, "user"), r);
  }
  for (const json& g : list(demo, "groups")) {
    std::string name = str(g, "name");
    newGroup(name, str(g, "description"));
    // Licenses first: each member then gets them as it joins, in the order listed, so who is left in
    // error when licenses run short is the demo's choice (its last listed member), not the store's key order.
    for (const json& l : list(g, "licenses")) setGroupLicense(name, {str(l, "product")}, {}, strings(l, "disabledPlans"));
    for (const std::string& m : strings(g, "members")) addGroupMember(name, m);
  }
  for (const json& b : list(demo, "bots")) {
    std::string name = str(b, "name");
    newBot(NewBot{name, str(b, "owner"), str(b, "environment")});
    const json& usage = b.contains("usage") ? b["usage"] : json::object();
    Instant from = parseInstant(str(usage, "from"), "usage.from of the demo bot " + name);
    std::vector<BotUsageLine> days;
    for (const json& sessions : list(usage, "billedSessions"))
      days.push_back(BotUsageLine{days.size() + 1, formatDate(addDays(from, static_cast<int>(days.size()))), name,
                                  sessions.get<int64_t>()});
    recordBotUsage(days, std::filesystem::path(path).filename().string() + " (" + name + ")");
  }
  for (const json& u : list(demo, "users"))
    if (flag(u, "deleted", false)) removeUser(str(u, "upn"));
}

}  // namespace plush::tenant
