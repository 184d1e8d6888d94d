// What the Microsoft Graph PowerShell cmdlets share: the offline connection, the SDK's objects
// (property names as Microsoft.Graph.PowerShell.Models writes them) and Graph-worded errors.
#pragma once
#include <lua.hpp>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cmdlets/nouns.h"

namespace plush::cmdlets::mg {

// Connect-MgGraph's state: plush works on its store; nothing is ever sent to Microsoft Graph.
struct Connection {
  bool connected = false;
  std::vector<std::string> scopes;
};
using ConnectionPtr = std::shared_ptr<Connection>;

// "Authentication needed. Please call Connect-MgGraph." as the SDK says it, when not connected.
void requireConnected(const Connection& c);

// A failure in the SDK's words: Graph's message where Graph words it (else plush's), then the SDK's
// "Status: …" and "ErrorCode: …" lines; plush's error id, category and recommendation stay.
shell::ErrorInfo graphError(const tenant::ErrorRecord& r);

template <class F>
void guarded(shell::Call& call, const Connection& connection, F&& operation) {
  try {
    requireConnected(connection);
    operation();
  } catch (const tenant::TenantError& e) {
    call.error(graphError(e.record));
  }
}

[[noreturn]] void failBadRequest(const std::string& target, const std::string& message);
[[noreturn]] void failNotFound(const std::string& id);  // Graph's 404 for an object id or name

// The properties a Get-Mg* call fills: -Property names, else Graph's default set for the type;
// Id always. A property not selected is $null, as the SDK leaves it.
class Selection {
 public:
  Selection(const std::vector<std::string>& requested, const std::vector<std::string>& defaults,
            const std::vector<std::string>& known, const char* graphType);
  bool has(const char* property) const;

 private:
  std::set<std::string> names_;  // lower case
};

void declareTypes(lua_State* L);

// SDK objects on the Lua stack.
void pushUser(shell::Call& c, const tenant::User& u, const Selection& s, const tenant::UserGraphLicenses* licenses);
void pushSubscribedSku(shell::Call& c, const tenant::SubscribedSku& sku);
void pushGroup(shell::Call& c, const tenant::Group& g, const Selection& s,
               const std::vector<tenant::AssignedLicense>* licenses);
void pushUserAsDirectoryObject(shell::Call& c, const tenant::User& u);  // Get-MgGroupMember, restores
void pushLicenseDetails(shell::Call& c, const tenant::SubscribedSku& sku, const tenant::AssignedLicense& held);

// The user properties plush keeps, with the SDK's spelling; and Graph's default selection.
const std::vector<std::string>& userProperties();
const std::vector<std::string>& userDefaults();
const std::vector<std::string>& userSelectable();  // every property of Graph's user resource
const std::vector<std::string>& groupProperties();
const std::vector<std::string>& groupDefaults();

// Graph's addLicenses items (hashtables, or AssignedLicense objects): SkuId and DisabledPlans, any case.
struct AddLicense {
  std::string skuId;
  std::vector<std::string> disabledPlans;
};
struct LicenseChanges {
  std::vector<AddLicense> add;
  std::vector<std::string> remove;  // SkuIds
};
// From -AddLicenses and -RemoveLicenses, or from -BodyParameter's addLicenses and removeLicenses.
LicenseChanges licenseChanges(shell::Call& c);
// A SkuId (lower case) the tenant subscribes to; Graph names products by SkuId only.
std::string subscribedSkuId(tenant::Session& session, const std::string& value);

void registerUserCmdlets(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection);
void registerGroupCmdlets(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection);
void registerDirectoryCmdlets(lua_State* L, TenantContext& ctx, const ConnectionPtr& connection);

}  // namespace plush::cmdlets::mg

namespace plush::cmdlets {
// Connect-MgGraph, Get-MgUser, Set-MgUserLicense, Get-MgSubscribedSku, Get-MgGroup, … over the same engine.
void registerMgCmdlets(lua_State* L, TenantContext& ctx);
}
