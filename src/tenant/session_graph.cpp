// Session: the tenant's objects as Microsoft Graph shapes them (user licenses, subscribedSkus, groups).
#include <algorithm>
#include <map>

#include "tenant/license_engine.h"
#include "tenant/session.h"
#include "tenant/text.h"

namespace plush::tenant {

User Session::anyUser(const std::string& identity) {
  require(Action::Read);
  return store_->userByPk(resolveUser(identity, Deleted::Either).pk)->user;
}

// licenseAssignmentStates: one per assignment row, as stored. assignedLicenses: one per product an
// active source gives, its disabled plans those no active source enables (Graph counts inherited
// licenses in it too).
UserGraphLicenses Session::graphLicenses(const std::string& user) {
  require(Action::Read);
  UserRecord u = resolveUser(user, Deleted::Either);
  std::vector<AssignmentRecord> rows = store_->assignments(u.pk);
  std::stable_sort(rows.begin(), rows.end(), [&](const AssignmentRecord& a, const AssignmentRecord& b) {
    const std::string &x = productName(a.productPk), &y = productName(b.productPk);
    return x != y ? x < y : a.groupPk < b.groupPk;
  });
  UserGraphLicenses out;
  for (const AssignmentRecord& a : rows) {
    LicenseAssignmentState s;
    s.SkuId = engine_->product(a.productPk).SkuId;
    if (a.groupPk) s.AssignedByGroup = store_->groupByPk(a.groupPk)->group.Id;
    s.State = a.state == "Active" ? (a.error.empty() ? "Active" : "ActiveWithError") : a.state;
    s.Error = a.error.empty() ? "None" : a.error;
    s.LastUpdated = a.lastUpdated;
    s.DisabledPlans = a.disabledPlanIds;
    out.states.push_back(std::move(s));
  }
  for (const AssignmentRecord& a : rows) {
    if (a.state != "Active") continue;
    const Product& p = engine_->product(a.productPk);
    if (!out.assigned.empty() && out.assigned.back().SkuId == p.SkuId) continue;
    AssignedLicense l{p.SkuId, {}};
    std::vector<bool> enabled = engine_->enabledMask(a.productPk, rows);
    for (size_t i = 0; i < p.ServicePlans.size(); ++i)
      if (!enabled[i]) l.DisabledPlans.push_back(lower(p.ServicePlans[i].Id));
    out.assigned.push_back(std::move(l));
  }
  return out;
}

SubscribedSku Session::subscribedSkuOf(int64_t pk) {
  SubscribedSku s;
  s.product = engine_->product(pk);
  std::vector<SubscriptionRecord> subs = store_->subscriptions(pk);
  std::optional<SkuFacts> facts = store_->skuFacts(pk);
  ProductPool pool = engine_->pool(pk);
  s.ConsumedUnits = pool.assigned;
  s.subscribed = !subs.empty() || facts;
  if (!s.subscribed) return s;
  s.Enabled = pool.total - pool.warning;
  s.Warning = pool.warning;
  s.Suspended = pool.suspended;
  s.LockedOut = pool.lockedOut;
  s.CapabilityStatus = capabilityStatusOf(s.Enabled, s.Warning, s.Suspended, s.LockedOut);
  TenantRecord t = store_->tenant();
  // Graph forms a subscribedSku's id from the tenant's id and the SkuId.
  s.Id = facts && !facts->objectId.empty() ? facts->objectId : t.id + "_" + s.product.SkuId;
  s.AccountId = facts && !facts->accountId.empty() ? facts->accountId : t.id;
  s.AccountName = facts && !facts->accountName.empty() ? facts->accountName : t.name;
  if (facts && !facts->subscriptionIds.empty()) s.SubscriptionIds = facts->subscriptionIds;
  else
    for (const SubscriptionRecord& r : subs)
      if (r.sub.Id.rfind("graph-", 0) != 0) s.SubscriptionIds.push_back(r.sub.Id);
  return s;
}

SubscribedSku Session::subscribedSku(const std::string& product) {
  require(Action::Read);
  return subscribedSkuOf(resolveProduct(product));
}

std::vector<SubscribedSku> Session::subscribedSkus() {
  require(Action::Read);
  std::vector<SubscribedSku> out;
  for (int64_t pk : store_->subscribedProductPks()) out.push_back(subscribedSkuOf(pk));
  return out;
}

std::vector<AssignedLicense> Session::groupAssignedLicenses(const std::string& group) {
  require(Action::Read);
  std::vector<AssignedLicense> out;
  for (const GroupLicenseRecord& l : store_->groupLicenses(resolveGroup(group).pk))
    out.push_back(AssignedLicense{engine_->product(l.productPk).SkuId, l.disabledPlanIds});
  return out;
}

namespace {

[[noreturn]] void unsupportedGroupFilter(const std::string& field) {
  fail("InvalidFilter", category::InvalidArgument, field,
       "Invalid filter: groups are filtered on id, displayName and assignedLicenses, not " + field + ".",
       "Get-MgGroup -Filter \"startswith(displayName,'Sales')\"");
}

bool groupMatches(const FilterNode& n, const Group& g, const std::vector<AssignedLicense>& licenses,
                  const std::vector<std::string>& skuNames) {
  auto field = [&](const std::string& name) -> const std::string& {
    if (name == "id") return g.Id;
    if (name == "displayName") return g.DisplayName;
    unsupportedGroupFilter(name);
  };
  switch (n.op) {
    case FilterOp::And: return groupMatches(n.children[0], g, licenses, skuNames) && groupMatches(n.children[1], g, licenses, skuNames);
    case FilterOp::Or: return groupMatches(n.children[0], g, licenses, skuNames) || groupMatches(n.children[1], g, licenses, skuNames);
    case FilterOp::Not: return !groupMatches(n.children[0], g, licenses, skuNames);
    case FilterOp::Compare: {
      const std::string& value = field(n.field);
      const FilterValue& v = n.values.front();
      bool equal = v.kind == FilterValue::Kind::Null ? value.empty() : iequals(value, v.text);
      if (n.compare == CompareOp::Eq) return equal;
      if (n.compare == CompareOp::Ne) return !equal;
      unsupportedGroupFilter(n.field + " with gt, ge, lt or le");
    }
    case FilterOp::In:
      return std::any_of(n.values.begin(), n.values.end(), [&](const FilterValue& v) { return iequals(field(n.field), v.text); });
    case FilterOp::StartsWith: return lower(field(n.field)).rfind(lower(n.values.front().text), 0) == 0;
    case FilterOp::EndsWith: {
      std::string value = lower(field(n.field)), end = lower(n.values.front().text);
      return value.size() >= end.size() && value.compare(value.size() - end.size(), end.size(), end) == 0;
    }
    case FilterOp::HasSkuId:
      return std::any_of(licenses.begin(), licenses.end(), [&](const AssignedLicense& l) { return iequals(l.SkuId, n.values.front().text); });
    case FilterOp::HasSkuPartNumber:
      return std::any_of(skuNames.begin(), skuNames.end(), [&](const std::string& s) { return iequals(s, n.values.front().text); });
    case FilterOp::HasAnyLicense: return !licenses.empty();
    case FilterOp::Like: break;  // only Where-Object pushes it, and only into user reads
  }
  return false;
}

}  // namespace

std::vector<Group> Session::groupsFiltered(const std::string& filter) {
  require(Action::Read);
  std::optional<FilterNode> tree;
  if (!filter.empty()) tree = parseFilter(filter);
  std::vector<Group> out;
  for (const GroupRecord& g : store_->groups()) {
    if (tree) {
      std::vector<AssignedLicense> licenses;
      for (const GroupLicenseRecord& l : store_->groupLicenses(g.pk))
        licenses.push_back(AssignedLicense{engine_->product(l.productPk).SkuId, l.disabledPlanIds});
      if (!groupMatches(*tree, g.group, licenses, g.group.Licenses)) continue;
    }
    out.push_back(g.group);
  }
  return out;
}

}  // namespace plush::tenant
