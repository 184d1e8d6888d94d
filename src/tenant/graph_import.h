// Loading Microsoft Graph shaped JSON: subscribedSkus, users (deleted ones too) and groups, from
// several files at once, in any order ({"value": [...]} pages, plain arrays or single objects).
#pragma once

#include <map>
#include <set>
#include <vector>

#include "tenant/tenant_transfer.h"

namespace plush::tenant {

struct GraphFile {
  std::string path;
  nlohmann::json doc;
};

// How Graph's two views of a user's licenses become plush's assignments:
// - licenseAssignmentStates, when given, are the assignments: one per source (assignedByGroup null =
//   direct, else inherited from that group, which the user is then a member of), with their state
//   (Active, ActiveWithError, Disabled, Error), error code, disabled plans and lastUpdatedDateTime.
// - assignedLicenses alone (Graph counts inherited licenses in it) are taken as direct, except a
//   product one of the user's imported groups grants: that one is taken as inherited (a warning says
//   how many), since without the states nothing tells the two apart.
// Group licenses then reach the members whose states were not given, by the rules (SPEC §6.7).
class GraphImport : public ImportWriter {
 public:
  GraphImport(TenantStore& store, LicenseEngine& engine) : ImportWriter(store, engine) {}
  ImportReport run(const std::vector<GraphFile>& files);

 private:
  enum class Kind { Sku, Group, User, Skip, Unknown };  // Skip: not a kind plush keeps
  struct Item {
    const nlohmann::json* json;
    std::string file, where;
    Kind kind;
  };
  struct Seen {  // one object of the documents, for the report
    bool added = false, changed = false;
  };

  void collect(const GraphFile& file);
  void collectPage(const nlohmann::json& page, const std::string& file, const std::string& where);
  Kind kindOf(const nlohmann::json& item, Kind pageKind, const std::string& where);  // pageKind may be Unknown
  void sku(const Item& item);
  void group(const Item& item);
  void user(const Item& item);
  std::vector<AssignmentRecord> statedAssignments(const nlohmann::json& states, const UserRecord& user,
                                                  const std::string& where);
  void members(const Item& item);
  void inferDirect();
  void applyGroups();
  void recount();
  void finishReport();

  std::vector<Item> items_;
  std::map<int64_t, Seen> skus_, groups_, users_;   // by pk
  std::set<int64_t> statedUsers_;                    // users whose licenseAssignmentStates were read
  std::map<int64_t, const Item*> assignedOnly_;      // users known only by assignedLicenses
  std::set<int64_t> importedSkus_;                   // products whose consumedUnits were read
  int64_t skippedDeletedGroups_ = 0, skippedObjects_ = 0;
};

}  // namespace plush::tenant
