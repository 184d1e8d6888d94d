// UserRows (cmdlets/user_rows.h): a user made from its compact row is the user that was added.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cmdlets/user_rows.h"
#include "host/lua_host.h"

namespace {

using plush::tenant::User;

User user(std::string id, std::string upn, std::string name) {
  User u;
  u.Id = std::move(id);
  u.UserPrincipalName = std::move(upn);
  u.DisplayName = std::move(name);
  return u;
}

// Every field Get-User's object shows (DeletedOn is not one of them, and is not kept).
void requireSame(const User& made, const User& added) {
  REQUIRE(made.Id == added.Id);
  REQUIRE(made.UserPrincipalName == added.UserPrincipalName);
  REQUIRE(made.DisplayName == added.DisplayName);
  REQUIRE(made.Department == added.Department);
  REQUIRE(made.UsageLocation == added.UsageLocation);
  REQUIRE(made.UserType == added.UserType);
  REQUIRE(made.AccountEnabled == added.AccountEnabled);
  REQUIRE(made.State == added.State);
  REQUIRE(made.LastSignIn == added.LastSignIn);
  REQUIRE(made.Licenses == added.Licenses);
}

std::vector<User> oddUsers() {
  std::vector<User> users;
  users.push_back(user("0f8fad5b-d9cb-469f-a165-70867728950e", "ann@contoso.com", "Ann Lee"));
  users.back().Department = "Sales";
  users.back().UsageLocation = "GB";
  users.back().LastSignIn = "2026-11-21T08:05:00Z";
  users.back().Licenses = {"POWER_BI_PRO", "ENTERPRISEPACK"};
  users.push_back(user("0F8FAD5B-D9CB-469F-A165-70867728950E", "upper@contoso.com", "An upper-case GUID"));
  users.push_back(user("0f8fad5b-d9cb-469f-a165-70867728950", "short@contoso.com", "35 characters"));
  users.push_back(user("0f8fad5bxd9cb-469f-a165-70867728950e", "nodash@contoso.com", "no dash at 8"));
  users.push_back(user("", "", ""));
  users.back().AccountEnabled = false;
  users.back().UserType = "Guest";
  users.back().State = "SoftDeleted";
  users.push_back(user("not a guid", "zoë@contoso.com", std::string("NUL \0 inside, ", 15) + "名前 😀"));
  users.back().Department = "Sales";  // shared with the first
  users.back().Licenses = {"ENTERPRISEPACK", "ENTERPRISEPACK", ""};
  users.push_back(user("00000000-0000-0000-0000-000000000000", std::string(300, 'a'), std::string(2 << 20, 'b')));
  for (int i = 0; i < 200; ++i) users.back().Licenses.push_back("SKU_" + std::to_string(i));
  return users;
}

}  // namespace

TEST_CASE("a user made from its compact row is the user added, field for field", "[user_rows]") {
  plush::host::LuaHost host(plush::host::Chunks::TextOnly);
  lua_State* L = host.state();
  lua_newtable(L);
  plush::cmdlets::UserRows rows(L, -1);
  std::vector<User> users = oddUsers();
  for (int i = 0; i < 30000; ++i) {  // rows across several blocks
    users.push_back(user("9b2c6a1e-3f4d-4e5a-8b7c-" + std::string(12 - std::to_string(i).size(), '0') + std::to_string(i),
                         "user" + std::to_string(i) + "@contoso.com", "User " + std::to_string(i) + std::string(40, 'x')));
    users.back().Department = "Department " + std::to_string(i % 7);
  }
  for (const User& u : users) rows.add(u);
  REQUIRE(rows.size() == users.size());
  for (size_t i = 0; i < users.size(); ++i) requireSame(rows.user(i), users[i]);
}
