// Session: groups, membership and group-based licensing (rule 7), license errors and reprocessing.
#include <algorithm>
#include <set>

#include "tenant/graph_facts.h"
#include "tenant/session.h"
#include "tenant/session_change.h"
#include "tenant/text.h"

namespace plush::tenant {

std::vector<Group> Session::groups(const std::string& pattern) {
  require(Action::Read);
  std::vector<Group> out;
  std::string p = pattern.empty() ? "*" : pattern;
  for (const GroupRecord& g : store_->groups())
    if (wildcardMatch(p, g.group.DisplayName) || iequals(p, g.group.Id)) out.push_back(g.group);
  return out;
}

Group Session::group(const std::string& identity) {
  require(Action::Read);
  return resolveGroup(identity).group;
}

Group Session::newGroup(const std::string& name, const std::string& description) {
  require(Action::Groups);
  Change change(*this);
  if (name.empty()) failInvalidArgument(name, "A group needs a name.");
  if (!store_->findGroups(GroupKey::Name, name).empty())
    fail("AlreadyExists", category::ResourceExists, name, "A group named " + name + " already exists.", "Get-Group '" + name + "'");
  Group g;
  g.Id = newGuid();
  g.DisplayName = name;
  g.Description = description;
  int64_t pk = store_->insertGroup(g);
  audit("New-Group", name, description, facts::group(g.Id, {{"exists", false}}));
  change.commit();
  return store_->groupByPk(pk)->group;
}

void Session::removeGroup(const std::string& identity) {
  require(Action::Groups);
  Change change(*this);
  GroupRecord g = resolveGroup(identity);
  if (!g.group.Licenses.empty())
    fail("GroupHasLicenses", category::InvalidOperation, g.group.DisplayName,
         "The group " + g.group.DisplayName + " holds licenses (" + join(g.group.Licenses, ", ") +
             "); remove them before deleting it.",
         "Set-GroupLicense -Group '" + g.group.DisplayName + "' -Remove " + join(g.group.Licenses, ","));
  store_->deleteGroup(g.pk);
  audit("Remove-Group", g.group.DisplayName, std::to_string(g.group.MemberCount) + " members",
        facts::group(g.group.Id, {{"exists", true}}));
  change.commit();
}

void Session::forEachGroupMember(const std::string& group, const std::function<bool(const User&)>& each) {
  require(Action::Read);
  GroupRecord g = resolveGroup(group);
  store_->forEachMember(g.pk, [&](int64_t userPk) {
    std::optional<UserRecord> u = store_->userByPk(userPk);
    return !u || !u->user.DeletedOn.empty() || each(u->user);
  });
}

// Rule 7: the group's licenses reach the new member at once; an error is recorded, never thrown.
void Session::addGroupMember(const std::string& group, const std::string& user) {
  require(Action::Groups);
  Change change(*this);
  GroupRecord g = resolveGroup(group);
  UserRecord u = resolveUser(user);
  if (store_->isMember(g.pk, u.pk)) return change.commit();
  store_->addMember(g.pk, u.pk);
  std::vector<GroupLicenseRecord> licenses = store_->groupLicenses(g.pk);
  bool ok = licenses.empty() || engine_->applyGroup(u, g.pk, licenses).active;
  audit("Add-GroupMember", u.user.UserPrincipalName, g.group.DisplayName + (ok ? "" : " (license error)"),
        facts::user(u.user.Id, {{"memberOf", {{g.group.Id, false}}}}));
  change.commit();
}

bool Session::isGroupMember(const std::string& group, const std::string& user) {
  require(Action::Read);
  return store_->isMember(resolveGroup(group).pk, resolveUser(user).pk);
}

void Session::removeGroupMember(const std::string& group, const std::string& user) {
  require(Action::Groups);
  Change change(*this);
  GroupRecord g = resolveGroup(group);
  UserRecord u = resolveUser(user);
  if (!store_->isMember(g.pk, u.pk))
    fail("NotFound", category::ObjectNotFound, u.user.UserPrincipalName,
         u.user.UserPrincipalName + " is not a member of " + g.group.DisplayName + ".",
         "Get-GroupMember -Group '" + g.group.DisplayName + "'");
  store_->removeMember(g.pk, u.pk);
  engine_->applyGroup(u, g.pk, {});  // the inherited assignments go with the membership
  audit("Remove-GroupMember", u.user.UserPrincipalName, g.group.DisplayName,
        facts::user(u.user.Id, {{"memberOf", {{g.group.Id, true}}}}));
  change.commit();
}

std::vector<GroupLicenseRow> Session::groupLicenseRows(const GroupRecord& g) {
  std::vector<GroupLicenseRow> out;
  for (const GroupLicenseRecord& l : store_->groupLicenses(g.pk)) {
    GroupLicenseRow row{g.group.DisplayName, productName(l.productPk), {}, {},
                        store_->countGroupAssignments(g.pk, l.productPk, "Active"),
                        store_->countGroupAssignments(g.pk, l.productPk, "Error")};
    for (const ServicePlan& p : engine_->product(l.productPk).ServicePlans) {
      bool off = std::count(l.disabledPlanIds.begin(), l.disabledPlanIds.end(), lower(p.Id)) > 0;
      (off ? row.DisabledPlans : row.EnabledPlans).push_back(p.Name);
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<GroupLicenseRow> Session::groupLicenses(const std::string& group) {
  require(Action::Read);
  return groupLicenseRows(resolveGroup(group));
}

// Members come a page at a time with their assignments, and the products' counts are written once
// at the end: per member, the rules run on their own and only the member's changed rows are written.
void Session::applyGroupLicenses(const GroupRecord& g) {
  std::vector<GroupLicenseRecord> licenses = store_->groupLicenses(g.pk);
  int64_t step = 0;
  struct Hold {
    LicenseEngine& engine;
    ~Hold() { engine.dropCounts(); }  // an interrupted change rolls back: its counts go with it
  } hold{*engine_};
  engine_->holdCounts();
  store_->forEachMemberRow(g.pk, [&](const UserRecord& u, std::vector<AssignmentRecord> held) {
    pollInterrupt(++step);
    engine_->applyGroup(u, g.pk, licenses, std::move(held));
    return true;
  });
  engine_->releaseCounts();
}

std::vector<GroupLicenseRow> Session::setGroupLicense(const std::string& group, const std::vector<std::string>& add,
                                                      const std::vector<std::string>& remove,
                                                      std::optional<std::vector<std::string>> disabledPlans) {
  require(Action::Licenses);
  Change change(*this);
  GroupRecord g = resolveGroup(group);
  std::vector<GroupLicenseRecord> held = store_->groupLicenses(g.pk);
  auto holds = [&](int64_t pk) {
    return std::any_of(held.begin(), held.end(), [&](const auto& l) { return l.productPk == pk; });
  };
  std::vector<std::string> detail;
  for (const std::string& p : remove) {
    int64_t pk = resolveProduct(p);
    if (!holds(pk))
      fail("LicenseNotAssigned", category::InvalidOperation, g.group.DisplayName,
           "The group " + g.group.DisplayName + " does not hold " + productName(pk) + ".",
           "Get-GroupLicense -Group '" + g.group.DisplayName + "'");
    store_->deleteGroupLicense(g.pk, pk);
    detail.push_back("removed " + productName(pk));
  }
  if (disabledPlans && add.empty() && !disabledPlans->empty())
    failInvalidArgument(g.group.DisplayName, "-DisabledPlans sets the plans of the products added; name them with -Add.");
  for (const std::string& p : add) {
    int64_t pk = resolveProduct(p);
    const Product& product = engine_->product(pk);
    if (product.AppliesTo == "Company")
      fail("NotAssignableToUser", category::InvalidOperation, g.group.DisplayName,
           product.SkuPartNumber + " is a tenant license; it cannot be assigned to users or groups.",
           "Get-License -Product " + product.SkuPartNumber);
    ProductPool pool = engine_->pool(pk);
    if (!pool.selfServiceOnlyId.empty())
      fail("SelfServiceSubscription", category::InvalidOperation, g.group.DisplayName,
           "The licenses of " + product.SkuPartNumber + " come from a self-service purchase; take it over first.",
           "Set-Subscription -Id " + pool.selfServiceOnlyId + " -TakeOver");
    GroupLicenseRecord l{g.pk, pk, {}};
    if (disabledPlans) {
      std::vector<std::string> mine;
      for (const std::string& token : *disabledPlans) {
        try {
          mine.push_back(planIdsIn(pk, {token}, true).front());
        } catch (const TenantError& e) {
          if (e.record.id != "PlanNotInProduct" || add.size() == 1) throw;
        }
      }
      l.disabledPlanIds = mine;
    } else {
      for (const auto& h : held)
        if (h.productPk == pk) l.disabledPlanIds = h.disabledPlanIds;
    }
    auto same = std::find_if(held.begin(), held.end(), [&](const auto& h) {
      return h.productPk == pk && sameSet(h.disabledPlanIds, l.disabledPlanIds);
    });
    if (same != held.end()) continue;  // held already, with these plans
    store_->putGroupLicense(l);
    detail.push_back((holds(pk) ? "changed " : "added ") + product.SkuPartNumber);
  }
  if (detail.empty()) {  // the group holds exactly this already: no change, no audit row
    change.commit();
    return groupLicenseRows(g);
  }
  applyGroupLicenses(g);
  std::vector<GroupLicenseRow> rows = groupLicenseRows(g);
  int64_t errors = 0;
  for (const auto& r : rows) errors += r.Errors;
  audit("Set-GroupLicense", g.group.DisplayName,
        join(detail, "; ") + "; " + std::to_string(g.group.MemberCount) + " members, " + std::to_string(errors) +
            " license errors",
        facts::group(g.group.Id, {{"licenses", facts::groupLicenses(*engine_, held)}}));
  change.commit();
  return rows;
}

void Session::licenseErrors(std::optional<std::string> group, std::optional<std::string> product,
                            const std::function<bool(const LicenseErrorRow&)>& each) {
  require(Action::Read);
  std::optional<int64_t> groupPk, productPk;
  if (group) groupPk = resolveGroup(*group).pk;
  if (product) productPk = resolveProduct(*product);
  store_->forEachErrorAssignment(groupPk, productPk, [&](const AssignmentRecord& a) {
    return each(LicenseErrorRow{upnOf(a.userPk), productName(a.productPk),
                                a.groupPk ? groupName(a.groupPk) : "Direct", a.error, a.message});
  });
}

std::vector<LicenseErrorRow> Session::licenseErrors(std::optional<std::string> group, std::optional<std::string> product) {
  std::vector<LicenseErrorRow> out;
  licenseErrors(std::move(group), std::move(product), [&](const LicenseErrorRow& r) { return out.push_back(r), true; });
  return out;
}

// Re-applies each (member, group) pair that has an error, or every group of one user.
// A member's licenses from a group are worth retrying when one is in error or missing; a group
// without licenses, or whose licenses the member holds Active, has nothing to evaluate.
bool Session::needsReprocess(const UserRecord& u, int64_t groupPk) {
  std::vector<GroupLicenseRecord> licenses = store_->groupLicenses(groupPk);
  std::vector<AssignmentRecord> rows = store_->assignments(u.pk);
  return std::any_of(licenses.begin(), licenses.end(), [&](const GroupLicenseRecord& l) {
    return std::none_of(rows.begin(), rows.end(), [&](const AssignmentRecord& a) {
      return a.groupPk == groupPk && a.productPk == l.productPk && a.state != "Error";
    });
  });
}

ReprocessReport Session::reprocess(std::optional<std::string> group, std::optional<std::string> user) {
  require(Action::Licenses);
  Change change(*this);
  ReprocessReport report;
  bool changed = false;
  auto retry = [&](const UserRecord& u, int64_t groupPk) {
    pollInterrupt(++report.evaluated);
    GroupOutcome outcome = engine_->applyGroup(u, groupPk, store_->groupLicenses(groupPk));
    (outcome.active ? report.fixed : report.inError) += 1;
    changed = changed || outcome.changed;
  };
  std::optional<int64_t> groupPk;
  if (group) groupPk = resolveGroup(*group).pk;
  if (user) {
    UserRecord u = resolveUser(*user);
    for (int64_t g : store_->groupsOf(u.pk))
      if ((!groupPk || *groupPk == g) && needsReprocess(u, g)) retry(u, g);
  } else {
    std::set<int64_t> doneForUser;
    int64_t currentUser = 0;
    store_->forEachErrorAssignment(groupPk, std::nullopt, [&](const AssignmentRecord& a) {
      if (a.userPk != currentUser) doneForUser.clear(), currentUser = a.userPk;
      if (a.groupPk == 0 || !doneForUser.insert(a.groupPk).second) return true;
      if (std::optional<UserRecord> u = store_->userRowByPk(a.userPk)) retry(*u, a.groupPk);
      return true;
    });
  }
  if (!changed) {  // every state was already right: nothing to record
    change.commit();
    return report;
  }
  audit("Invoke-LicenseReprocess", group ? *group : user ? *user : "tenant",
        std::to_string(report.evaluated) + " evaluated, " + std::to_string(report.fixed) + " active, " +
            std::to_string(report.inError) + " still in error");
  change.commit();
  return report;
}

}  // namespace plush::tenant
