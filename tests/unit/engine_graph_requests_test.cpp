// Engine tests: Export-GraphRequest's $batch bodies, checked against the documented $batch and
// assignLicense shapes (tests/graph/batch.schema.json) and Graph's batching rules.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "engine_fixture.h"
#include "json_schema.h"

using namespace plush::tenant;
using namespace plush::test;
using nlohmann::json;

namespace {

JsonSchema batchSchema() {
  std::ifstream in(std::string(PLUSH_SOURCE_DIR) + "/tests/graph/batch.schema.json");
  return JsonSchema(json::parse(in));
}

// Graph's rules a schema cannot say: unique ids, dependsOn naming an earlier request, and a batch
// either fully parallel or fully sequential.
void checkBatchRules(const json& batch) {
  std::set<std::string> ids;
  const json& requests = batch["requests"];
  bool sequential = requests.size() > 1 && requests[1].contains("dependsOn");
  for (size_t i = 0; i < requests.size(); ++i) {
    const json& r = requests[i];
    CHECK(ids.insert(r["id"].get<std::string>()).second);
    if (i == 0 || !sequential) {
      CHECK_FALSE(r.contains("dependsOn"));
    } else {
      REQUIRE(r.contains("dependsOn"));
      CHECK(r["dependsOn"][0] == requests[i - 1]["id"]);
    }
  }
}

void checkAll(const GraphRequestPlan& plan) {
  JsonSchema schema = batchSchema();
  for (const json& batch : plan.batches) {
    std::vector<std::string> errors = schema.validate(batch);
    INFO(batch.dump(2));
    for (const std::string& e : errors) INFO(e);
    CHECK(errors.empty());
    checkBatchRules(batch);
  }
}

std::vector<json> allRequests(const GraphRequestPlan& plan) {
  std::vector<json> out;
  for (const json& b : plan.batches)
    for (const json& r : b["requests"]) out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE("the validator refuses what the documented shapes refuse", "[engine][graph]") {
  JsonSchema schema = batchSchema();
  json ok = {{"requests", {{{"id", "1"}, {"method", "POST"}, {"url", "/users/0952e4c8-432f-4950-a65c-769c45993527/assignLicense"},
                            {"headers", {{"Content-Type", "application/json"}}},
                            {"body", {{"addLicenses", {{{"skuId", "6fd2c87f-b296-42f0-b197-1e91e994b900"}, {"disabledPlans", json::array()}}}},
                                      {"removeLicenses", json::array()}}}}}}};
  CHECK(schema.validate(ok).empty());
  json noRemove = ok;
  noRemove["requests"][0]["body"].erase("removeLicenses");  // both are required (user-assignlicense.md)
  CHECK_FALSE(schema.validate(noRemove).empty());
  json noHeaders = ok;
  noHeaders["requests"][0].erase("headers");  // a body needs its Content-Type (json-batching.md)
  CHECK_FALSE(schema.validate(noHeaders).empty());
  json tooMany = {{"requests", json::array()}};
  for (int i = 1; i <= 21; ++i) {
    json r = ok["requests"][0];
    r["id"] = std::to_string(i);
    tooMany["requests"].push_back(r);
  }
  CHECK_FALSE(schema.validate(tooMany).empty());  // at most 20 requests
}

TEST_CASE("Export-GraphRequest: what differs, one assignLicense per user, PATCH before it", "[engine][graph]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 10);
  buy(*s, "ENTERPRISEPACK", 10);
  buy(*s, "ENTERPRISEPREMIUM", 10);
  addUser(*s, "a@contoso.com");
  addUser(*s, "nowhere@contoso.com", "");
  addUser(*s, "swap@contoso.com");
  s->setUserLicense("swap@contoso.com", adding({"ENTERPRISEPACK"}));
  int64_t mark = s->auditSequence();
  s->newGroup("Sales");

  s->setUserLicense("a@contoso.com", adding({"POWER_BI_PRO"}));
  SetUserLicenseRequest located = adding({"POWER_BI_PRO"});
  located.usageLocation = "DE";
  s->setUserLicense("nowhere@contoso.com", located);
  s->switchUserLicense("swap@contoso.com", "ENTERPRISEPACK", "ENTERPRISEPREMIUM");
  SetUserLicenseRequest again = adding({"ENTERPRISEPACK"});  // added and removed again: nothing to send
  s->setUserLicense("a@contoso.com", again);
  SetUserLicenseRequest undo;
  undo.remove = {"ENTERPRISEPACK"};
  s->setUserLicense("a@contoso.com", undo);
  s->addGroupMember("Sales", "a@contoso.com");  // a group made here: not in Graph yet

  GraphRequestPlan plan = s->graphRequests(mark);
  checkAll(plan);
  std::vector<json> requests = allRequests(plan);
  REQUIRE(requests.size() == 4);
  std::string nowhere = s->user("nowhere@contoso.com").Id, a = s->user("a@contoso.com").Id,
              swap = s->user("swap@contoso.com").Id;
  // The new location first, then the license that needs it, in a sequential batch.
  CHECK(requests[0]["method"] == "PATCH");
  CHECK(requests[0]["url"] == "/users/" + nowhere);
  CHECK(requests[0]["body"] == json{{"usageLocation", "DE"}});
  CHECK(requests[1]["url"] == "/users/" + nowhere + "/assignLicense");
  CHECK(requests[1]["dependsOn"] == json::array({requests[0]["id"]}));
  // a@: POWER_BI_PRO only (ENTERPRISEPACK came and went); swap@: one call with its add and its remove.
  json aBody = requests[2]["url"] == "/users/" + a + "/assignLicense" ? requests[2]["body"] : requests[3]["body"];
  json swapBody = requests[2]["url"] == "/users/" + swap + "/assignLicense" ? requests[2]["body"] : requests[3]["body"];
  CHECK(aBody == json{{"addLicenses", {{{"disabledPlans", json::array()}, {"skuId", "f8a1db68-be16-40ed-86d5-cb42ce701560"}}}},
                      {"removeLicenses", json::array()}});
  CHECK(swapBody["addLicenses"][0]["skuId"] == "c7df2760-2c81-4ef7-b578-5b5392b571df");
  CHECK(swapBody["removeLicenses"] == json::array({"6fd2c87f-b296-42f0-b197-1e91e994b900"}));
  CHECK(plan.notSent.size() == 1);  // the group made here
  CHECK(plan.byKind.at("assignLicense") == 3);
  CHECK(graphRequestSummary(plan).find("4 Graph requests in 2 batches") == 0);
}

TEST_CASE("Export-GraphRequest: at most 20 requests a batch; the file holds one body per line", "[engine][graph]") {
  Tenant t;
  auto s = t.open();
  buy(*s, "POWER_BI_PRO", 100);
  for (int i = 0; i < 45; ++i) addUser(*s, "u" + std::to_string(i) + "@contoso.com");
  int64_t mark = s->auditSequence();
  for (int i = 0; i < 45; ++i) s->setUserLicense("u" + std::to_string(i) + "@contoso.com", adding({"POWER_BI_PRO"}));
  std::string file = t.dir.file("plan.jsonl");
  std::string summary = s->exportGraphRequests(file, mark);
  CHECK(summary.find("45 Graph requests in 3 batches (45 assignLicense)") == 0);
  CHECK(summary.find("fit in one window") != std::string::npos);
  std::ifstream in(file);
  std::string line;
  std::vector<size_t> sizes;
  JsonSchema schema = batchSchema();
  while (std::getline(in, line)) {
    json batch = json::parse(line);
    CHECK(schema.validate(batch).empty());
    checkBatchRules(batch);
    sizes.push_back(batch["requests"].size());
  }
  CHECK(sizes == std::vector<size_t>{20, 20, 5});
}

TEST_CASE("Export-GraphRequest: the time Graph's write limit needs", "[engine][graph]") {
  GraphRequestPlan plan;
  plan.requests = 7500;
  plan.byKind["assignLicense"] = 7500;
  for (int i = 0; i < 375; ++i) plan.batches.push_back(json::object());
  CHECK(graphRequestSummary(plan) ==
        "7,500 Graph requests in 375 batches (7,500 assignLicense); at Graph's write limit of 3,000 requests per "
        "150 s per app and tenant they take at least 5 min (3 windows of 150 s).");
  plan.requests = 0;
  plan.byKind.clear();
  plan.batches.clear();
  CHECK(graphRequestSummary(plan) == "0 Graph requests in 0 batches; the real tenant needs no change.");
}
