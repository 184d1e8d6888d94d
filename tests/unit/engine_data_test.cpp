// Engine tests: Import-Product from Microsoft's CSV, -Filter (including hostile text), export/import.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "engine_fixture.h"
#include "tenant/product_csv.h"

using namespace plush::tenant;
using namespace plush::test;

TEST_CASE("Import-Product loads Microsoft's CSV; a second import changes nothing", "[engine][csv]") {
  Tenant t;
  auto s = t.open();
  std::string csv = PLUSH_SOURCE_DIR "/../shared/data/product-service-plans.csv";
  std::set<std::string> skuParts;
  for (const Product& p : readProductCsv(csv)) skuParts.insert(p.SkuPartNumber);
  CHECK(skuParts.size() >= 565);
  ImportReport first = s->importProductsCsv(csv);
  CHECK(first.added + first.updated + first.unchanged >= 565);
  CHECK(first.plans > 5000);
  ImportReport second = s->importProductsCsv(csv);
  CHECK(second.added == 0);
  CHECK(second.updated == 0);
  CHECK(second.unchanged == first.added + first.updated + first.unchanged);
  Product e3 = s->product("ENTERPRISEPACK");
  CHECK(e3.DisplayName == "Office 365 E3");
  CHECK(e3.ServicePlans.size() > 10);
  CHECK(s->product("VIRTUAL_AGENT_BASE").AppliesTo == "Company");  // the catalog's fact survives
  CHECK(errorId([&] { s->product("MCOPSTN5"); }) == "AmbiguousIdentity");  // Microsoft lists it twice
}

TEST_CASE("Import-Product: a malformed CSV names file and line and changes nothing", "[engine][csv]") {
  Tenant t;
  auto s = t.open();
  std::string path = t.dir.file("bad.csv");
  std::ofstream(path) << "\xEF\xBB\xBFProduct_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
                         "Service_Plans_Included_Friendly_Names\r\n"
                         "\"Contoso, \"\"Special\"\"\",CONTOSO_X,11111111-2222-3333-4444-555555555555,PLAN_A,"
                         "11111111-2222-3333-4444-666666666666,\"Plan A,\nsecond line\"\r\n"
                         "Broken,BROKEN,not-a-guid,PLAN_B,11111111-2222-3333-4444-777777777777,Plan B\r\n";
  try {
    s->importProductsCsv(path);
    FAIL("expected InvalidCsv");
  } catch (const TenantError& e) {
    CHECK(e.record.id == "InvalidCsv");
    CHECK(e.record.target == path + ":4");
  }
  CHECK(s->products("CONTOSO*").empty());
  std::ofstream(path) << "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
                         "Service_Plans_Included_Friendly_Names\n"
                         "\"Contoso, \"\"Special\"\"\",CONTOSO_X,11111111-2222-3333-4444-555555555555,PLAN_A,"
                         "11111111-2222-3333-4444-666666666666,\"Plan A,\nsecond line\"\n";
  CHECK(s->importProductsCsv(path).added == 1);
  Product p = s->product("contoso_x");
  CHECK(p.DisplayName == "Contoso, \"Special\"");
  CHECK(p.ServicePlans.at(0).DisplayName == "Plan A,\nsecond line");
  std::ofstream(path) << "Name,Id\nx,y\n";
  CHECK(errorId([&] { s->importProductsCsv(path); }) == "InvalidCsv");
  std::ofstream(path) << "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
                         "Service_Plans_Included_Friendly_Names\n\"unterminated,X,Y\n";
  CHECK(errorId([&] { s->importProductsCsv(path); }) == "InvalidCsv");
}

namespace {

struct FilterTenant : Tenant {
  std::unique_ptr<Session> s = open();
  FilterTenant() {
    buy(*s, "POWER_BI_PRO", 10);
    addUser(*s, "alice@contoso.com", "US", "Sales");
    addUser(*s, "adele@contoso.com", "GB", "Marketing");
    addUser(*s, "bob@contoso.com", "", "Sales");
    addUser(*s, "o'brien@contoso.com", "IE", "Sales' OR 1=1 --");
    addUser(*s, "guest_x#EXT#@contoso.onmicrosoft.com", "US", "", "Guest");
    s->setUserLicense("alice@contoso.com", adding({"POWER_BI_PRO"}));
    UserChanges c;
    c.lastSignIn = "2024-03-01T10:00:00Z";
    c.accountEnabled = false;
    s->setUser("bob@contoso.com", c);
  }
  std::vector<std::string> where(const std::string& filter) {
    UserQuery q;
    q.filter = filter;
    return upns(*s, q);
  }
};

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("-Filter: the OData subset, evaluated in the store", "[engine][filter]") {
  FilterTenant f;
  CHECK(f.where("department eq 'sales'") == Names{"alice@contoso.com", "bob@contoso.com"});
  CHECK(f.where("startswith(userPrincipalName,'al')") == Names{"alice@contoso.com"});
  CHECK(f.where("endswith(userPrincipalName,'contoso.com') and startswith(displayName,'A')").size() == 2);
  CHECK(f.where("usageLocation eq null") == Names{"bob@contoso.com"});
  CHECK(f.where("usageLocation ne null").size() == 5);
  CHECK(f.where("usageLocation eq null and department eq 'Sales'") == Names{"bob@contoso.com"});
  CHECK(f.where("userType eq 'Guest'") == Names{"guest_x#EXT#@contoso.onmicrosoft.com"});
  CHECK(f.where("accountEnabled eq false") == Names{"bob@contoso.com"});
  CHECK(f.where("lastSignIn lt 2025-01-01") == Names{"bob@contoso.com"});
  CHECK(f.where("not (department eq 'Sales') and usageLocation in ('GB','IE')") ==
        Names{"adele@contoso.com", "o'brien@contoso.com"});
  CHECK(f.where("assignedLicenses/any(x:x/skuId eq f8a1db68-be16-40ed-86d5-cb42ce701560)") == Names{"alice@contoso.com"});
  CHECK(f.where("skuPartNumber eq 'POWER_BI_PRO'") == Names{"alice@contoso.com"});
  CHECK(f.where("department eq 'Sales' or department eq 'Marketing'").size() == 3);
}

// Outside `not` a comparison may yield NULL (it is searched on an index); under `not` a user whose
// field is null must still count as "not equal".
TEST_CASE("-Filter: null fields under not, and case-insensitive prefixes", "[engine][filter]") {
  FilterTenant f;
  auto has = [](const Names& names, const std::string& upn) {
    return std::find(names.begin(), names.end(), upn) != names.end();
  };
  Names notSales = f.where("not (department eq 'Sales')");
  CHECK(has(notSales, "guest_x#EXT#@contoso.onmicrosoft.com"));  // no department
  CHECK(has(notSales, "adele@contoso.com"));
  CHECK_FALSE(has(notSales, "alice@contoso.com"));
  CHECK(notSales.size() + f.where("department eq 'Sales'").size() == 6);
  Names notIn = f.where("not (usageLocation in ('US','GB'))");
  CHECK(has(notIn, "bob@contoso.com"));  // no usage location
  CHECK(has(notIn, "o'brien@contoso.com"));
  CHECK_FALSE(has(notIn, "adele@contoso.com"));
  Names notPrefix = f.where("not startswith(department,'sal')");
  CHECK(has(notPrefix, "guest_x#EXT#@contoso.onmicrosoft.com"));
  CHECK(has(notPrefix, "adele@contoso.com"));
  CHECK_FALSE(has(notPrefix, "o'brien@contoso.com"));
  CHECK(f.where("not (not (department eq 'Sales'))") == Names{"alice@contoso.com", "bob@contoso.com"});
  CHECK(f.where("not (department eq 'Sales' or usageLocation eq 'GB') and userType eq 'Guest'") ==
        Names{"guest_x#EXT#@contoso.onmicrosoft.com"});
  CHECK(f.where("department ne 'Sales' and usageLocation eq 'US'") ==
        Names{"admin@contoso.onmicrosoft.com", "guest_x#EXT#@contoso.onmicrosoft.com"});
  CHECK(f.where("startswith(userPrincipalName,'AL')") == Names{"alice@contoso.com"});
  CHECK(f.where("startswith(userPrincipalName,'a') and startswith(userPrincipalName,'ad')").size() >= 1);
  CHECK(f.where("startswith(userPrincipalName,'guest_x#')") == Names{"guest_x#EXT#@contoso.onmicrosoft.com"});
  CHECK(f.where("startswith(userPrincipalName,'guest%')").empty());
  UserQuery firstTwo;
  firstTwo.first = 2;
  firstTwo.filter = "startswith(userPrincipalName,'a')";
  CHECK(upns(*f.s, firstTwo) == Names{"adele@contoso.com", "admin@contoso.onmicrosoft.com"});
}

TEST_CASE("-Filter: hostile text selects the right users or fails with InvalidFilter", "[engine][filter]") {
  FilterTenant f;
  CHECK(f.where("userPrincipalName eq 'o''brien@contoso.com'") == Names{"o'brien@contoso.com"});
  CHECK(f.where("department eq 'Sales'' OR 1=1 --'") == Names{"o'brien@contoso.com"});
  CHECK(f.where("displayName eq 'x; DROP TABLE users; --'").empty());
  CHECK(f.where("startswith(displayName,'%')").empty());
  CHECK(f.where("startswith(displayName,'_')").empty());
  CHECK(f.where("department eq '/* comment */'").empty());
  for (const char* bad : {"department eq 'Sales' OR 1=1 --", "department eq Sales", "department eq 'Sales'; DROP TABLE users",
                          "department = 'Sales'", "/* x */ department eq 'Sales'", "department eq 'Sales", "   ",
                          "(department eq 'Sales'", "startswith(department,'S'", "password eq 'x'",
                          "department eq 'Sales' and", "not", "department in ()", "accountEnabled eq 'yes'",
                          "assignedLicenses/any(x:x/skuId eq 'nope')", "department eq 'a' -- comment"}) {
    INFO("filter: [" << bad << "]");
    CHECK(errorId([&] { f.where(bad); }) == "InvalidFilter");
  }
  try {
    f.where("department eq 'Sales' xor department eq 'x'");
    FAIL("expected InvalidFilter");
  } catch (const TenantError& e) {
    CHECK(e.record.message.find("position 23") != std::string::npos);
  }
  CHECK(f.s->tenant().UserCount == 6);  // the table survived
}
