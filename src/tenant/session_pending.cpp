// Session: the calls of stage 2 not written yet; each says so with the id NotImplemented.
#include "tenant/session.h"

namespace plush::tenant {

namespace {
[[noreturn]] void notYet(const char* what) {
  fail("NotImplemented", category::InvalidOperation, what, std::string(what) + " is not implemented yet.");
}
}  // namespace

ImportReport Session::importProductsCsv(const std::string&) { notYet("Import-Product"); }
std::vector<GroupLicenseRow> Session::groupLicenses(const std::string&) { notYet("Get-GroupLicense"); }
std::vector<GroupLicenseRow> Session::setGroupLicense(const std::string&, const std::vector<std::string>&,
                                                      const std::vector<std::string>&,
                                                      std::optional<std::vector<std::string>>) {
  notYet("Set-GroupLicense");
}
void Session::licenseErrors(std::optional<std::string>, std::optional<std::string>,
                            const std::function<bool(const LicenseErrorRow&)>&) {
  notYet("Get-LicenseError");
}
std::vector<LicenseErrorRow> Session::licenseErrors(std::optional<std::string>, std::optional<std::string>) {
  notYet("Get-LicenseError");
}
ReprocessReport Session::reprocess(std::optional<std::string>, std::optional<std::string>) {
  notYet("Invoke-LicenseReprocess");
}
std::vector<Group> Session::groups(const std::string&) { notYet("Get-Group"); }
Group Session::group(const std::string&) { notYet("Get-Group"); }
Group Session::newGroup(const std::string&, const std::string&) { notYet("New-Group"); }
void Session::removeGroup(const std::string&) { notYet("Remove-Group"); }
void Session::forEachGroupMember(const std::string&, const std::function<bool(const User&)>&) {
  notYet("Get-GroupMember");
}
void Session::addGroupMember(const std::string&, const std::string&) { notYet("Add-GroupMember"); }
void Session::removeGroupMember(const std::string&, const std::string&) { notYet("Remove-GroupMember"); }
void Session::exportTenant(const std::string&) { notYet("Export-Tenant"); }
ImportReport Session::importTenant(const std::string&, const std::string&) { notYet("Import-Tenant"); }
void Session::applyDemo(const std::string&) { notYet("the demo tenant"); }

}  // namespace plush::tenant
