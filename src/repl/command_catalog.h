// The cmdlet declarations as completion needs them, read from the runtime's registry (__plush.commands()).
#pragma once
#include <lua.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace plush::repl {

struct ParamInfo {
  std::string name;
  std::vector<std::string> aliases;
  std::string type;      // "switch" takes no value
  std::string complete;  // product plan user group role path, or ""
  std::vector<std::string> values;
  int position = 0;      // 1-based; 0 = named only
};

struct CommandInfo {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<ParamInfo> params;

  // By exact name or alias, else by an unambiguous prefix, ignoring case; nullptr when none.
  const ParamInfo* param(std::string_view typed) const;
};

class CommandCatalog {
 public:
  CommandCatalog() = default;
  explicit CommandCatalog(std::vector<CommandInfo> commands) : commands_(std::move(commands)) {}
  // A snapshot of what is registered now (Lua cmdlets may be added at any time).
  static CommandCatalog read(lua_State* L);

  // By name or alias, ignoring case; nullptr when none.
  const CommandInfo* find(std::string_view name) const;
  const std::vector<CommandInfo>& all() const { return commands_; }

 private:
  std::vector<CommandInfo> commands_;
};

bool equalsIgnoringCase(std::string_view a, std::string_view b);
bool startsWithIgnoringCase(std::string_view text, std::string_view prefix);

}  // namespace plush::repl
