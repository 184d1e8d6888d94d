// Session: a user's licenses — reading them, and direct assignment with -Add/-Remove/plans (rules 1-13).
#include <algorithm>
#include <map>
#include <set>

#include "tenant/graph_facts.h"
#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

namespace {

AssignmentRecord* directRow(std::vector<AssignmentRecord>& rows, int64_t productPk) {
  for (auto& a : rows)
    if (a.productPk == productPk && a.groupPk == 0) return &a;
  return nullptr;
}

void addUnique(std::vector<int64_t>& pks, int64_t pk) {
  if (std::find(pks.begin(), pks.end(), pk) == pks.end()) pks.push_back(pk);
}

std::vector<std::string> merged(std::vector<std::string> ids, const std::vector<std::string>& more, bool adding) {
  for (const std::string& id : more) {
    auto it = std::find(ids.begin(), ids.end(), id);
    if (adding && it == ids.end()) ids.push_back(id);
    if (!adding && it != ids.end()) ids.erase(it);
  }
  return ids;
}

}  // namespace

std::vector<UserLicenseRow> Session::licenseRows(const UserRecord& u) {
  std::vector<AssignmentRecord> rows = store_->assignments(u.pk);
  std::map<std::string, int64_t> bySku;
  for (const auto& a : rows) bySku.emplace(productName(a.productPk), a.productPk);
  std::vector<UserLicenseRow> out;
  for (const auto& [sku, pk] : bySku) {
    UserLicenseRow r;
    r.User = u.user.UserPrincipalName;
    r.SkuPartNumber = sku;
    std::vector<std::string> groups;
    bool active = false, failed = false;
    std::string activeError;  // Graph's ActiveWithError: the license works, a plan of it does not
    for (const auto& a : rows) {
      if (a.productPk != pk) continue;
      if (a.groupPk == 0) r.AssignedBy.insert(r.AssignedBy.begin(), "Direct");
      else groups.push_back(groupName(a.groupPk));
      active = active || a.state == "Active";
      if (a.state == "Active" && !a.error.empty() && activeError.empty()) activeError = a.error;
      if (a.state == "Error" && r.Error.empty()) r.Error = a.error;
      failed = failed || a.state == "Error";
    }
    std::sort(groups.begin(), groups.end());
    r.AssignedBy.insert(r.AssignedBy.end(), groups.begin(), groups.end());
    ProductPool pool = active ? engine_->pool(pk) : ProductPool{};
    if (!u.user.DeletedOn.empty() || (active && pool.total == 0 && pool.suspended > 0)) r.State = "Suspended";
    else if (active) r.State = activeError.empty() ? "Active" : "ActiveWithError";
    else r.State = failed ? "Error" : "Disabled";
    if (r.State == "ActiveWithError") r.Error = activeError;
    else if (r.State != "Error") r.Error.clear();
    std::vector<bool> enabled = engine_->enabledMask(pk, rows);
    const std::vector<ServicePlan>& plans = engine_->product(pk).ServicePlans;
    for (size_t i = 0; i < plans.size(); ++i) (enabled[i] ? r.EnabledPlans : r.DisabledPlans).push_back(plans[i].Name);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<UserLicenseRow> Session::userLicenses(const std::string& user) {
  require(Action::Read);
  return licenseRows(resolveUser(user, Deleted::Either));  // a soft-deleted user's rows show as Suspended
}

std::vector<UserLicenseRow> Session::setUserLicense(const std::string& user, const SetUserLicenseRequest& request,
                                                    const std::string& action) {
  return changeUserLicenses(user, request, action);
}

std::vector<UserLicenseRow> Session::switchUserLicense(const std::string& user, const std::string& from,
                                                       const std::string& to) {
  require(Action::Licenses);
  UserRecord u = resolveUser(user);
  int64_t fromPk = resolveProduct(from), toPk = resolveProduct(to);
  if (fromPk == toPk) failInvalidArgument(to, "-From and -To name the same product.");
  std::vector<AssignmentRecord> rows = store_->assignments(u.pk);
  SetUserLicenseRequest request;
  request.add = {productName(toPk)};
  request.remove = {productName(fromPk)};
  std::vector<std::string> carried;
  if (const AssignmentRecord* held = directRow(rows, fromPk)) {
    const Product& target = engine_->product(toPk);
    for (const ServicePlan& p : engine_->product(fromPk).ServicePlans) {
      bool disabled = std::count(held->disabledPlanIds.begin(), held->disabledPlanIds.end(), lower(p.Id)) > 0;
      bool inTarget = std::any_of(target.ServicePlans.begin(), target.ServicePlans.end(),
                                  [&](const ServicePlan& t) { return t.Name == p.Name && !t.Automatic; });
      if (disabled && inTarget) carried.push_back(p.Name);  // rule 13: carried over by plan NAME
    }
  }
  request.disabledPlans = carried;
  return changeUserLicenses(user, request, "Switch-UserLicense");
}

std::vector<UserLicenseRow> Session::changeUserLicenses(const std::string& user, const SetUserLicenseRequest& request,
                                                        const std::string& action) {
  require(Action::Licenses);
  Change change(*this);
  UserRecord u = resolveUser(user);
  const std::string& upn = u.user.UserPrincipalName;
  std::vector<AssignmentRecord> before = store_->assignments(u.pk), after = before;
  std::vector<int64_t> add, remove;
  for (const auto& p : request.add) addUnique(add, resolveProduct(p));
  for (const auto& p : request.remove) addUnique(remove, resolveProduct(p));
  if (request.replace)
    for (const auto& a : before)
      if (a.groupPk == 0 && std::find(add.begin(), add.end(), a.productPk) == add.end()) addUnique(remove, a.productPk);
  for (int64_t pk : add)
    if (std::find(remove.begin(), remove.end(), pk) != remove.end())
      failInvalidArgument(productName(pk), productName(pk) + " is named in both -Add and -Remove.");

  ChangeContext context;
  context.direct = true;
  context.actorIsGlobalAdmin = actorIs(role::GlobalAdministrator);
  std::vector<std::string> detail;

  // Rule 13: removals and additions form one final state, checked once.
  for (int64_t pk : remove) {
    AssignmentRecord* held = directRow(after, pk);
    if (!held) {
      auto inherited = std::find_if(after.begin(), after.end(), [&](const auto& a) { return a.productPk == pk; });
      if (inherited != after.end())
        fail("InheritedLicense", category::InvalidOperation, upn,
             upn + " holds " + productName(pk) + " through the group " + groupName(inherited->groupPk) +
                 "; an inherited license cannot be removed directly.",
             "Remove-GroupMember -Group '" + groupName(inherited->groupPk) + "' -Member " + upn);
      fail("LicenseNotAssigned", category::InvalidOperation, upn,
           upn + " does not hold " + productName(pk) + ".", "Get-UserLicense -User " + upn);
    }
    after.erase(after.begin() + (held - after.data()));
    context.directRemoved.insert(pk);
    detail.push_back("removed " + productName(pk));
  }

  std::map<int64_t, std::vector<std::string>> disabledFor;
  if (request.disabledPlans && add.empty() && !request.disabledPlans->empty())
    failInvalidArgument(upn, "-DisabledPlans sets the plans of the products added; name them with -Add.");
  if (request.disabledPlans) {
    for (const std::string& token : *request.disabledPlans) {
      bool placed = false;
      for (int64_t pk : add) {
        try {
          disabledFor[pk].push_back(planIdsIn(pk, {token}, true).front());
          placed = true;
        } catch (const TenantError& e) {
          if (e.record.id != "PlanNotInProduct") throw;
        }
      }
      if (!placed) planIdsIn(add.front(), {token}, true);  // throws PlanNotInProduct
    }
  }

  std::set<int64_t> setPlans;  // products whose disabled set the request names
  if (request.disabledPlans)
    for (int64_t pk : add) setPlans.insert(pk);
  for (const auto& [identity, tokens] : request.disabledPlansOf) {
    int64_t pk = resolveProduct(identity);
    if (std::find(add.begin(), add.end(), pk) == add.end())
      failInvalidArgument(identity, "Disabled plans are given for " + productName(pk) + ", which is not being added.");
    disabledFor[pk] = planIdsIn(pk, tokens, true);
    setPlans.insert(pk);
  }

  std::vector<std::string> planSets;
  for (int64_t pk : add) {
    AssignmentRecord* held = directRow(after, pk);
    if (!held) {
      after.push_back(AssignmentRecord{u.pk, pk, 0, {}, "Active", "", "", ""});
      held = &after.back();
      context.directAdded.insert(pk);
      detail.push_back("added " + productName(pk));
    }
    if (setPlans.count(pk) && !sameSet(held->disabledPlanIds, disabledFor[pk])) {
      held->disabledPlanIds = disabledFor[pk];
      planSets.push_back(productName(pk));
    }
  }

  auto changePlans = [&](const std::vector<std::string>& tokens, bool disabling) {
    for (const std::string& token : tokens) {
      bool placed = false, changed = false;
      for (auto& a : after) {
        if (a.groupPk != 0) continue;
        try {
          std::vector<std::string> id = planIdsIn(a.productPk, {token}, disabling);
          std::vector<std::string> now = merged(a.disabledPlanIds, id, disabling);
          changed = changed || now != a.disabledPlanIds;
          a.disabledPlanIds = std::move(now);
          placed = true;
        } catch (const TenantError& e) {
          if (e.record.id != "PlanNotInProduct") throw;
        }
      }
      if (!placed)
        fail("PlanNotInProduct", category::InvalidArgument, token,
             "No direct license of " + upn + " includes the service plan " + token + ".",
             "Get-UserLicense -User " + upn);
      if (changed) detail.push_back((disabling ? "disabled " : "enabled ") + token);
    }
  };
  changePlans(request.disablePlans, true);
  changePlans(request.enablePlans, false);
  if (!planSets.empty() && request.disabledPlans && request.disabledPlansOf.empty())
    detail.push_back("DisabledPlans " + join(*request.disabledPlans, ","));
  else if (!planSets.empty())
    detail.push_back("DisabledPlans of " + join(planSets, ","));

  bool located = false;  // a location was set: Graph's PATCH must come before its assignLicense
  if (request.usageLocation) {
    std::string cc = upper(*request.usageLocation);
    if (!isCountryCode(cc))
      fail("InvalidUsageLocation", category::InvalidArgument, *request.usageLocation,
           "'" + *request.usageLocation + "' is not a two-letter country code (ISO 3166), such as US or DE.");
    if (u.user.UsageLocation.empty()) {  // a MISSING location only: Set-User changes one the user has
      located = true;
      u.user.UsageLocation = cc;
      store_->updateUser(u);
      detail.push_back("UsageLocation " + cc);
    }
  }
  context.location = u.user.UsageLocation;
  if (detail.empty()) {  // nothing to change: a job run twice leaves no trace the second time
    change.commit();
    return request.rows ? licenseRows(u) : std::vector<UserLicenseRow>{};
  }

  if (auto error = engine_->evaluate(u, context, before, after)) throw TenantError(*error);
  engine_->write(u, before, after);
  audit(action, upn, join(detail, "; "), facts::userLicenses(*engine_, u.user.Id, before, located));
  change.commit();
  return request.rows ? licenseRows(u) : std::vector<UserLicenseRow>{};
}

}  // namespace plush::tenant
