// The binder and the List value, driven through the embedded runtime: each case runs Lua and checks what it returns.
#include <catch2/catch.hpp>

#include <string>

#include "host/lua_host.h"

namespace {

// A session with the runtime, the stdlib and one test cmdlet with two parameter sets.
class Shell {
 public:
  Shell() {
    host_.loadRuntime();
    host_.loadStdlib(PLUSH_SOURCE_DIR "/stdlib");
    run(R"(
      local P = __plush
      P.register { name = "Test-Binding",
        parameters = {
          {name = "User", type = "user", position = 1, mandatory = true, pipeline = "both", aliases = {"UPN"}, sets = {"ByUser"}},
          {name = "Group", type = "group", mandatory = true, sets = {"ByGroup"}},
          {name = "Add", type = "product", list = true},
          {name = "DisabledPlans", type = "string", list = true},
          {name = "DisablePlans", type = "string", list = true},
          {name = "Count", type = "int"},
          {name = "When", type = "date"},
          {name = "Force", type = "switch"},
        } }
      function bindText(...)
        local ok, bound, set = pcall(P.bindStatic, P.command("Test-Binding"), {...})
        if not ok then return bound.Id end
        local parts = {}
        for p, v in pairs(bound) do parts[#parts + 1] = p.name .. "=" .. P.cell(v) end
        table.sort(parts)
        return set .. " " .. table.concat(parts, " ")
      end
    )");
  }

  // Runs a chunk and returns its first result as text.
  std::string run(const std::string& code) {
    lua_State* L = host_.state();
    int top = lua_gettop(L);
    REQUIRE(luaL_loadbufferx(L, code.data(), code.size(), "=test", "t") == LUA_OK);
    int status = host_.protectedCall(0, 1);
    std::string out = lua_isstring(L, -1) ? lua_tostring(L, -1) : luaL_typename(L, -1);
    lua_settop(L, top);
    INFO(out);
    REQUIRE(status == LUA_OK);
    return out;
  }

 private:
  plush::host::LuaHost host_;
};

}  // namespace

TEST_CASE("named, shortened and aliased parameters bind by their full name", "[binder]") {
  Shell sh;
  CHECK(sh.run(R"(return bindText(__plush.P("User", 1), "ann@contoso.com"))") == "ByUser User=ann@contoso.com");
  CHECK(sh.run(R"(return bindText(__plush.P("upn", 1), "ann@contoso.com"))") == "ByUser User=ann@contoso.com");
  CHECK(sh.run(R"(return bindText("ann@contoso.com", __plush.P("Fo", 1)))") == "ByUser Force=True User=ann@contoso.com");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("DisabledPlans", 1), "A"))") ==
        "ByUser DisabledPlans={A} User=ann");
}

TEST_CASE("every binder error has its id", "[binder]") {
  Shell sh;
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Bogus", 1), 1))") == "ParameterNotFound");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Disable", 1), "x"))") == "AmbiguousParameter");
  CHECK(sh.run(R"(return bindText(__plush.P("Force", 1)))") == "MissingMandatoryParameter");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Count", 1), "many"))") == "InvalidArgument");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("When", 1), "2026-02-30x"))") == "InvalidArgument");
  CHECK(sh.run(R"(return bindText(__plush.P("User", 1), "ann", __plush.P("Group", 2), "g"))") == "ParameterSetNotResolved");
  CHECK(sh.run(R"(return bindText("ann", "extra"))") == "PositionalParameterNotFound");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Count", 1)))") == "MissingArgument");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Count", 1), 1, __plush.P("Count", 2), 2))") == "ParameterBoundTwice");
}

TEST_CASE("values are coerced to the declared type", "[binder]") {
  Shell sh;
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Count", 1), "7"))") == "ByUser Count=7 User=ann");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Add", 1), __plush.L("A", "B")))") == "ByUser Add={A, B} User=ann");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Add", 1), {SkuPartNumber = "POWER_BI_PRO"}))") ==
        "ByUser Add={POWER_BI_PRO} User=ann");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("When", 1), "2026-03-01 10:00"))") ==
        "ByUser User=ann When=2026-03-01T10:00");
  CHECK(sh.run(R"(return bindText("ann", __plush.P("Force", 1, false)))") == "ByUser Force=False User=ann");
}

TEST_CASE("pipeline input binds by value, then by property name or alias", "[binder]") {
  Shell sh;
  const char* bindInput = R"(
    local P = __plush
    local cmd = P.command("Test-Binding")
    local bound, set = P.bindStatic(cmd, {k = 0}, true)
    local byValue, byProperty = P.pipelineParameters(cmd, bound, set)
    local args = {}
    local ok = P.bindInput(cmd, byValue, byProperty, INPUT, args)
    return tostring(ok) .. " " .. P.str(args.User)
  )";
  auto with = [&](const std::string& input) {
    std::string code = bindInput;
    return sh.run(code.replace(code.find("INPUT"), 5, input));
  };
  CHECK(with("'ann@contoso.com'") == "true ann@contoso.com");
  CHECK(with("P.object('User', {UserPrincipalName = 'bob@contoso.com', Id = 'x'})") == "true bob@contoso.com");
  CHECK(with("P.H('UPN', 'cy@contoso.com')") == "true cy@contoso.com");
  CHECK(with("P.H('upn', 'dee@contoso.com')") == "true dee@contoso.com");
  CHECK(with("P.H('Name', 'x')") == "false ");
}

TEST_CASE("a List reads members of its items", "[list]") {
  Shell sh;
  CHECK(sh.run("local l = __plush.L({A = 1}, {A = 2}); return tostring(l.A)") == "1 2");
  CHECK(sh.run("local l = __plush.L({A = 1}); return l.A") == "1");
  CHECK(sh.run("local l = __plush.L(); return tostring(l.A)") == "nil");
  CHECK(sh.run("local l = __plush.L('ab'); return l:upper()") == "AB");
  CHECK(sh.run("local l = __plush.L('ab', 'cd'); return tostring(l:upper())") == "AB CD");
  CHECK(sh.run("return tostring(__plush.L(1) < __plush.L(2))") == "true");
  CHECK(sh.run("return 'n=' .. __plush.L(3)") == "n=3");
}

TEST_CASE("@{} tables keep their key order and read keys in any case", "[list]") {
  Shell sh;
  CHECK(sh.run("local h = __plush.H('Zed', 1, 'Alpha', 2); return table.concat(__plush.properties(h), ',')") == "Zed,Alpha");
  CHECK(sh.run("local h = __plush.H('Zed', 1); return h.zed") == "1");
  CHECK(sh.run("return __plush.to_json(__plush.H('B', 1, 'A', __plush.L(1, 2), 'C', nil), true)") == R"({"B":1,"A":[1,2],"C":null})");
}
