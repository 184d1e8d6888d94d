// C++ cmdlets: a declaration as data (the same shape Lua cmdlets use) and the call a handler works with.
#pragma once
#include <lua.hpp>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace plush::shell {

struct Param {
  std::string name;
  std::string type = "string";       // string number int switch bool date scriptblock object hashtable user product group subscription
  bool list = false;                 // takes several values (a,b,c)
  int position = 0;                  // 1-based; 0 = named only
  bool mandatory = false;
  std::string pipeline;              // "", "value", "property" or "both"
  std::vector<std::string> aliases;  // also the property names that bind by property name
  std::vector<std::string> sets;     // empty = every parameter set
  std::vector<std::string> values;   // allowed values (an enum), matched case-insensitively
  std::string complete;              // what completes its value: product plan user group role path
  std::string help;
  // What $null or '' written as its argument means: "" = the parameter is left out (identities of
  // users, products, groups and subscriptions refuse it instead); "none" = "has no value" (bound as
  // ''), e.g. Get-User -UsageLocation $null; "refuse" = an error, for a selection that would
  // otherwise silently select everything.
  std::string null;
};

struct Example {
  std::string code;
  std::string text;
};

struct ErrorInfo {
  std::string id, category, target, message, recommendation;
};

class Call;
using Handler = std::function<void(Call&)>;

struct CmdletDecl {
  std::string name;
  std::vector<std::string> aliases;  // other names of the command (an older SDK's, say)
  std::string synopsis;
  std::string description;
  std::vector<Param> params;
  std::vector<Example> examples;
  bool changesState = false;
  std::string defaultSet;
  std::string outputType;
  Handler begin, process, end;
};

// Register with the runtime's registry (__plush.register); the handlers become Lua C closures.
void registerCmdlet(lua_State* L, CmdletDecl decl);

// What a handler sees: its bound parameters, the pipeline input, a way to emit objects and errors.
class Call {
 public:
  Call(lua_State* L, int stageIdx, int inputIdx) : L_(L), stage_(stageIdx), input_(inputIdx) {}

  lua_State* lua() const { return L_; }
  bool has(const char* name) const;
  std::optional<std::string> str(const char* name) const;
  std::string str(const char* name, const std::string& fallback) const;
  std::vector<std::string> strings(const char* name) const;
  std::optional<double> number(const char* name) const;
  std::optional<bool> boolean(const char* name) const;
  bool flag(const char* name) const;
  bool hasInput() const { return input_ != 0 && !lua_isnil(L_, input_); }
  // Push a bound parameter's value as it is (nil when not given), for values of Lua shape: tables, lists.
  void pushArgument(const char* name) const { pushArg(name); }
  int inputIndex() const { return input_; }

  // Emit the value on top of the stack downstream (pops it). False: downstream wants no more.
  bool emitTop();
  // How many objects this stage is about to send, when it knows (the progress line's estimate).
  void expect(long long count);
  // Whether this stage's whole output becomes the pipeline's value (`local users = Get-User`,
  // shell/pipeline.lua): it may then hand it over at once as one List with giveListTop.
  bool outputIsValue() const;
  // The List on top (popped) is this stage's whole output, in place of objects emitted one by one.
  void giveListTop();
  // For a long C++ loop that runs no Lua (where the interrupt hook would stop it): a pending stop
  // (Ctrl-C, --timeout) is raised now.
  void pollStop() const;
  // A non-terminating error, as the stage's -ErrorAction says (Stop raises it).
  void error(const ErrorInfo& info);
  // A terminating error: the run stops (pcall catches it as the record).
  [[noreturn]] void terminate(const ErrorInfo& info);
  void verbose(const std::string& text);
  void warning(const std::string& text);  // WARNING: <cmdlet>: text, on stderr
  // Push an object of a declared type: a table with the type's metatable; fill its fields after.
  void pushObject(const char* typeName, int fieldCount);

 private:
  void pushArg(const char* name) const;
  lua_State* L_;
  int stage_;
  int input_;
};

// Push the metatable of a declared type (cached per Lua state).
void pushTypeMetatable(lua_State* L, const char* typeName);

// Helpers to fill the object on top of the stack; `name` must be the declared spelling.
void setField(lua_State* L, const char* name, const std::string& value);
void setField(lua_State* L, const char* name, const char* value);
void setField(lua_State* L, const char* name, const std::optional<std::string>& value);
void setField(lua_State* L, const char* name, long long value);
void setField(lua_State* L, const char* name, bool value);
void setField(lua_State* L, const char* name, const std::vector<std::string>& values);
void setNumber(lua_State* L, const char* name, double value);  // a Lua float (percentages, rates)
// Declare a type's property order once (P.type(name, props)).
void declareType(lua_State* L, const char* typeName, const std::vector<std::string>& props);

}  // namespace plush::shell
