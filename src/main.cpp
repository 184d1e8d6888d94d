// plush: read the options, then run the prompt or the script runner.
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "build_info.h"
#include "cmdlets/registry.h"
#include "host/interrupt.h"
#include "host/lua_host.h"
#include "host/restricted_libraries.h"
#include "host/restricted_paths.h"
#include "host/run_limits.h"
#include "host/runner.h"
#include "host/transcript.h"
#include "repl/prompt.h"
#include "shell/powershell_runtime.h"

namespace {

constexpr int kExitUsage = 64;

const char* kUsage =
    "usage: plush [options]                 interactive prompt\n"
    "       plush [options] FILE [ARGS...]  run a script; ARGS reach it as the Lua table `arg`\n"
    "       plush [options] -c TEXT [ARGS...]   (also -e TEXT, as lua's)\n"
    "       plush [options] -               read the script from standard input\n"
    "options:\n"
    "  --tenant PATH      the tenant store: a SQLite file, or a PostgreSQL database (postgresql://HOST/DB,\n"
    "                     service=NAME) (else $PLUSH_TENANT, else $XDG_DATA_HOME/plush/tenant.db)\n"
    "  --as UPN           act as this admin (else $PLUSH_AS, else the first Global Administrator); once\n"
    "                     logins are bound to admins (Add-AdminBinding), only an admin bound to this login\n"
    "  --demo             a fresh Contoso demo tenant (kept in memory unless --tenant is given)\n"
    "  --what-if          run everything, roll it all back, print what would have changed\n"
    "  --graph-requests FILE  write the Microsoft Graph $batch requests of the run's changes to FILE\n"
    "  --atomic           all or nothing: any error rolls the whole run back\n"
    "  --output FORMAT    table | list | json | csv (default table)\n"
    "  --log FILE         append a transcript of statements, output and errors\n"
    "  --now TIME         the clock, ISO 8601 (else $PLUSH_NOW, else the system clock)\n"
    "  --language L       powershell or lua: the language of -c, - and the prompt (else $PLUSH_LANGUAGE,\n"
    "                     else lua); a .ps1 file is always PowerShell, .plush and .lua always Lua\n"
    "  --ps               the same as --language powershell\n"
    "  --no-color         no colors (also when NO_COLOR is set or stdout is not a terminal)\n"
    "  --timeout DURATION stop the run past this long (90, 90s, 5m, 1h; else $PLUSH_TIMEOUT): exit 124\n"
    "  --max-memory SIZE  cap the memory a script may use (256M, 2G; else $PLUSH_MAX_MEMORY, else 2G\n"
    "                     for scripts, none at the prompt; 0: none): past it OutOfMemory, exit 2\n"
    "  --restricted       for scripts written by others (else $PLUSH_RESTRICTED=1): no programs, native\n"
    "                     code or debug library; files only in the current folder and the paths named on\n"
    "                     the command line; each refusal is RestrictedOperation\n"
    "  --lua-test-suite-binary-chunks  only for the Lua 5.4 test suite: load and string.dump take\n"
    "                     binary chunks, which crash plush when damaged; never for jobs\n"
    "  --                 the next word is the script FILE, even if it starts with -\n"
    "  --version          the version and the commit it was built from\n"
    "  -h, --help         this text; exit statuses, environment, files and examples: man plush\n";

struct Options {
  plush::cmdlets::TenantOptions tenant;
  std::string output = "table";
  std::string logFile;
  std::string graphRequests;  // --graph-requests FILE
  bool color = true;
  bool whatIf = false;
  bool atomic = false;
  bool restricted = false;          // --restricted, $PLUSH_RESTRICTED
  std::string namedStore;           // --tenant as given (not $PLUSH_TENANT): a path named on the command line
  bool binaryChunks = false;        // --lua-test-suite-binary-chunks
  double timeout = 0;                // seconds; 0: none
  std::optional<size_t> maxMemory;  // bytes; 0: none; unset: the default of the mode
  enum class Mode { Prompt, File, Text, Stdin } mode = Mode::Prompt;
  std::string language;  // "", "lua" or "powershell" as asked for
  plush::host::Dialect dialect = plush::host::Dialect::Lua;
  std::string script;  // file name or text
  std::vector<std::string> args;
  // What lua puts at arg[0] and below: the script (its file name, "-c" or "-"), then everything before
  // it on the command line, the program name lowest.
  std::vector<std::string> argsBefore;
};

[[noreturn]] void usageError(const std::string& message) {
  std::cerr << "plush: " << message << "\n" << kUsage;
  std::exit(kExitUsage);
}

std::string envOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

std::string defaultStorePath() {
  std::string data = envOr("XDG_DATA_HOME", envOr("HOME", ".") + "/.local/share");
  return data + "/plush/tenant.db";
}

double durationOption(const std::string& name, const std::string& text) {
  auto seconds = plush::host::parseDuration(text);
  if (!seconds) usageError(name + " takes a duration such as 90, 90s, 5m or 1h, not '" + text + "'");
  return *seconds;
}

size_t sizeOption(const std::string& name, const std::string& text) {
  auto bytes = plush::host::parseSize(text);
  if (!bytes) usageError(name + " takes a size such as 256M or 2G, not '" + text + "'");
  return *bytes;
}

bool endsWith(const std::string& text, const std::string& suffix) {
  if (text.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

// A .ps1 file is PowerShell and a .plush or .lua file Lua, whatever else is asked; -c, - and the
// prompt follow --language, else $PLUSH_LANGUAGE, else Lua.
plush::host::Dialect chooseDialect(const Options& o) {
  using plush::host::Dialect;
  if (o.mode == Options::Mode::File) {
    if (endsWith(o.script, ".ps1")) return Dialect::PowerShell;
    if (endsWith(o.script, ".plush") || endsWith(o.script, ".lua")) return Dialect::Lua;
  }
  std::string language = o.language.empty() ? envOr("PLUSH_LANGUAGE", "lua") : o.language;
  if (language == "powershell" || language == "ps") return Dialect::PowerShell;
  if (language != "lua") usageError("$PLUSH_LANGUAGE takes powershell or lua, not '" + language + "'");
  return Dialect::Lua;
}

Options parseOptions(int argc, char** argv) {
  Options o;
  int i = 1;
  auto scriptAt = [&](int at) {  // argv[at] is the script: it and what came before become arg[0], arg[-1], ...
    for (int k = 0; k <= at; ++k) o.argsBefore.emplace_back(argv[k]);
  };
  auto value = [&](const std::string& name) -> std::string {
    if (i + 1 >= argc) usageError(name + " needs a value");
    return argv[++i];
  };
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::cout << kUsage; std::exit(0); }
    if (a == "--version") { std::cout << "plush " << plush::kVersion << " (" << plush::kBuiltFrom << ")\n"; std::exit(0); }
    if (a == "--tenant") o.tenant.storePath = o.namedStore = value(a);
    else if (a == "--as") o.tenant.actingUpn = value(a);
    else if (a == "--now") o.tenant.now = value(a);
    else if (a == "--demo") o.tenant.demo = true;
    else if (a == "--what-if") o.whatIf = true;
    else if (a == "--atomic") o.atomic = true;
    else if (a == "--restricted") o.restricted = true;
    else if (a == "--lua-test-suite-binary-chunks") o.binaryChunks = true;
    else if (a == "--no-color") o.color = false;
    else if (a == "--log") o.logFile = value(a);
    else if (a == "--timeout") o.timeout = durationOption(a, value(a));
    else if (a == "--max-memory") o.maxMemory = sizeOption(a, value(a));
    else if (a == "--ps") o.language = "powershell";
    else if (a == "--language") {
      o.language = value(a);
      if (o.language != "powershell" && o.language != "lua") usageError("--language takes powershell or lua, not '" + o.language + "'");
    }
    else if (a == "--graph-requests") o.graphRequests = value(a);
    else if (a == "--output") {
      o.output = value(a);
      if (o.output != "table" && o.output != "list" && o.output != "json" && o.output != "csv")
        usageError("--output takes table, list, json or csv, not '" + o.output + "'");
    } else if (a == "-c" || a == "-e") {
      scriptAt(i);
      o.mode = Options::Mode::Text; o.script = value(a); ++i; break;
    }
    else if (a == "-") { scriptAt(i); o.mode = Options::Mode::Stdin; ++i; break; }
    else if (a == "--") {
      ++i;
      if (i < argc) { scriptAt(i); o.mode = Options::Mode::File; o.script = argv[i++]; }
      break;
    }
    else if (a.size() > 1 && a[0] == '-') usageError("unknown option " + a);
    else { scriptAt(i); o.mode = Options::Mode::File; o.script = a; ++i; break; }
  }
  for (; i < argc; ++i) o.args.emplace_back(argv[i]);
  if (!o.graphRequests.empty() && o.mode == Options::Mode::Prompt)
    usageError("--graph-requests writes the requests of a script's run: give a script, -c TEXT or -");
  if (o.tenant.storePath.empty() && !o.tenant.demo) o.tenant.storePath = envOr("PLUSH_TENANT", defaultStorePath());
  if (o.tenant.actingUpn.empty()) o.tenant.actingUpn = envOr("PLUSH_AS", "");
  if (o.tenant.now.empty()) o.tenant.now = envOr("PLUSH_NOW", "");
  if (o.timeout == 0 && !envOr("PLUSH_TIMEOUT", "").empty()) o.timeout = durationOption("$PLUSH_TIMEOUT", envOr("PLUSH_TIMEOUT", ""));
  if (!o.maxMemory && !envOr("PLUSH_MAX_MEMORY", "").empty())
    o.maxMemory = sizeOption("$PLUSH_MAX_MEMORY", envOr("PLUSH_MAX_MEMORY", ""));
  std::string restrictedEnv = envOr("PLUSH_RESTRICTED", "0");
  if (restrictedEnv != "0" && restrictedEnv != "1") usageError("$PLUSH_RESTRICTED takes 1 or 0, not '" + restrictedEnv + "'");
  if (restrictedEnv == "1") o.restricted = true;
  if (o.restricted && o.binaryChunks)
    usageError("--lua-test-suite-binary-chunks is only for the Lua test suite, never with --restricted");
  if (std::getenv("NO_COLOR") || !isatty(STDOUT_FILENO)) o.color = false;
  o.dialect = chooseDialect(o);
  return o;
}

// plush's data (stdlib *.lua, catalog.json, demo.json): $PLUSH_STDLIB; else, installed, PREFIX/share/plush
// beside PREFIX/bin/plush; else, in a checkout, the stdlib/ of a folder above the binary (build/plush).
std::string stdlibDir() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("PLUSH_STDLIB"); dir && *dir) return dir;
  fs::path bin = fs::read_symlink("/proc/self/exe").parent_path();
  fs::path installed = (bin / PLUSH_DATA_FROM_BIN).lexically_normal();
  if (fs::exists(installed / "catalog.json")) return installed.string();
  for (auto dir = bin; !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
    if (fs::exists(dir / "stdlib" / "catalog.json")) return (dir / "stdlib").string();
  }
  throw std::runtime_error("cannot find plush's data (catalog.json) in " + installed.string() +
                           " nor in a stdlib/ folder above " + bin.string() +
                           "; reinstall plush, or set PLUSH_STDLIB to the folder that holds it");
}

void setState(lua_State* L, const Options& o, const std::string& scriptName) {
  plush::host::pushRuntimeTable(L);
  lua_getfield(L, -1, "state");
  lua_pushstring(L, o.output.c_str());
  lua_setfield(L, -2, "output");
  lua_pushboolean(L, o.color);
  lua_setfield(L, -2, "color");
  lua_pushstring(L, o.tenant.now.c_str());
  lua_setfield(L, -2, "now");
  lua_pushstring(L, plush::host::durationText(o.timeout).c_str());
  lua_setfield(L, -2, "timeout");
  lua_pushboolean(L, o.mode == Options::Mode::Prompt);
  lua_setfield(L, -2, "prompt");
  if (!scriptName.empty()) {
    lua_pushstring(L, scriptName.c_str());
    lua_setfield(L, -2, "scriptFile");
  }
  lua_pop(L, 2);
}

// arg as lua.c sets it: arg[0] the script, arg[-1] .. arg[-n] what came before it (arg[-n] the
// program), arg[1] .. the script's arguments. At the prompt, arg[0] is the program.
void setArgs(lua_State* L, const Options& o, const char* program) {
  lua_createtable(L, static_cast<int>(o.args.size()), static_cast<int>(o.argsBefore.size()) + 1);
  if (o.argsBefore.empty()) {
    lua_pushstring(L, program);
    lua_rawseti(L, -2, 0);
  }
  for (size_t k = 0; k < o.argsBefore.size(); ++k) {
    lua_pushstring(L, o.argsBefore[k].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(k) - static_cast<lua_Integer>(o.argsBefore.size()) + 1);
  }
  for (size_t i = 0; i < o.args.size(); ++i) {
    lua_pushstring(L, o.args[i].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_setglobal(L, "arg");
}

bool readScript(const Options& o, std::string& text, std::string& name) {
  if (o.mode == Options::Mode::Text) {
    text = o.script;
    name = "-c";
    return true;
  }
  std::ostringstream buffer;
  if (o.mode == Options::Mode::Stdin) {
    buffer << std::cin.rdbuf();
    name = "stdin";
  } else {
    std::ifstream in(o.script, std::ios::binary);
    if (!in) {
      std::cerr << "plush: cannot read " << o.script << ": " << std::strerror(errno) << "\n";
      return false;
    }
    buffer << in.rdbuf();
    name = o.script;
  }
  text = buffer.str();  // a BOM and a #! first line are the translator's to skip
  return true;
}

int exitStatus(plush::host::RunStatus status, int errors) {
  using plush::host::RunStatus;
  if (status == RunStatus::Interrupted) return plush::host::signalExitStatus(plush::host::pendingSignal());
  if (status != RunStatus::Ok) return 2;
  return errors > 0 ? 1 : 0;
}

// Read after the script ran, whatever it did to the globals: raw reads of the runtime's own table.
std::map<std::string, int> errorCounts(lua_State* L) {
  std::map<std::string, int> counts;
  plush::host::pushRuntimeTable(L);
  lua_pushliteral(L, "state");
  lua_rawget(L, -2);
  if (lua_istable(L, -1)) {
    lua_pushliteral(L, "errorCounts");
    lua_rawget(L, -2);
    if (lua_istable(L, -1)) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TSTRING) counts[lua_tostring(L, -2)] = static_cast<int>(lua_tointeger(L, -1));
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  return counts;
}

// The end of a script run, kept whichever way it ends (the last line, or os.exit(n) in the middle):
// the --what-if summary, the --atomic commit or rollback, the transcript's end line.
struct ScriptRun {
  plush::host::LuaHost& host;
  plush::cmdlets::TenantContext& tenant;
  const Options& options;
  plush::host::Runner& runner;

  int finish(plush::host::RunStatus status, int requestedExit) {
    std::fflush(stdout);
    int errors = runner.errorsReported();
    int exit = requestedExit >= 0 ? requestedExit : exitStatus(status, errors);
    if (options.whatIf) tenant.endRunWhatIf(std::cout, errorCounts(host.state()), options.graphRequests);
    else if (options.atomic) {
      bool failed = errors > 0 || exit != 0 || status != plush::host::RunStatus::Ok;
      tenant.endRunAtomic(!failed);
      if (failed) {
        std::cerr << "plush: --atomic: the run did not complete cleanly, so nothing was changed\n";
        if (exit == 0) exit = 1;
      }
    }
    if (plush::host::pendingSignal() == plush::host::kStopTimeout && requestedExit < 0)
      std::cerr << "plush: stopped by --timeout " << plush::host::durationText(options.timeout)
                << "; any unfinished change was rolled back\n";
    if (!options.whatIf && !options.graphRequests.empty()) tenant.writeRunGraphRequests(options.graphRequests, std::cout);
    std::cout.flush();
    plush::host::endTranscript(host.state(), exit);
    return exit;
  }
};

// os.exit(code) in a script: end the run as its last line would, with the status the script asked for.
int scriptExit(lua_State* L) {
  auto* run = static_cast<ScriptRun*>(lua_touserdata(L, lua_upvalueindex(1)));
  int code = 0;
  if (lua_isboolean(L, 1)) code = lua_toboolean(L, 1) ? 0 : 1;
  else if (!lua_isnoneornil(L, 1)) code = static_cast<int>(luaL_checkinteger(L, 1));
  int exit = run->finish(plush::host::RunStatus::Ok, code);
  run->tenant.close();
  std::exit(exit);
}

// os.exit(code) and `exit` at the prompt: leave as Ctrl-D does, the transcript ended and the store closed.
struct PromptExit {
  plush::cmdlets::TenantContext& tenant;
};

int promptExit(lua_State* L) {
  auto* prompt = static_cast<PromptExit*>(lua_touserdata(L, lua_upvalueindex(1)));
  int code = 0;
  if (lua_isboolean(L, 1)) code = lua_toboolean(L, 1) ? 0 : 1;
  else if (!lua_isnoneornil(L, 1)) code = static_cast<int>(luaL_checkinteger(L, 1));
  std::cout.flush();
  std::fflush(stdout);
  plush::host::endTranscript(L, code);
  prompt->tenant.close();
  std::exit(code);
}

void installPromptExit(lua_State* L, PromptExit& prompt) {
  lua_getglobal(L, "os");
  lua_pushlightuserdata(L, &prompt);
  lua_pushcclosure(L, promptExit, 1);
  lua_setfield(L, -2, "exit");
  lua_pop(L, 1);
}

void installScriptExit(lua_State* L, ScriptRun& run) {
  lua_getglobal(L, "os");
  lua_pushlightuserdata(L, &run);
  lua_pushcclosure(L, scriptExit, 1);
  lua_setfield(L, -2, "exit");
  lua_pop(L, 1);
}

// --restricted: the current folder and the paths named on the command line (the script, --tenant,
// --log, --graph-requests, the script's arguments) are all a script may open; no programs, native
// code or debug library. The runtime is loaded first: it keeps what it needs (the PowerShell
// dialect's too, loaded now for that reason).
void restrict(plush::host::LuaHost& host, const Options& o) {
  plush::host::PathPolicy policy;
  std::error_code ec;
  policy.allowFolder(std::filesystem::current_path(ec));
  if (o.mode == Options::Mode::File) policy.allowNamed(o.script);
  for (const std::string& named : {o.namedStore, o.logFile, o.graphRequests}) policy.allowNamed(named);
  for (const std::string& arg : o.args) policy.allowNamed(arg);
  if (o.dialect == plush::host::Dialect::PowerShell) plush::shell::loadPowerShellRuntime(host.state());
  plush::host::restrictPaths(std::move(policy));
  plush::host::restrictLibraries(host.state());
}

// --max-memory, or the default of the mode: a script is capped, the prompt is not.
bool capMemory(plush::host::LuaHost& host, const Options& o) {
  size_t limit = o.maxMemory.value_or(o.mode == Options::Mode::Prompt ? 0 : plush::host::kDefaultScriptMemory);
  size_t used = host.memory().used();
  if (limit != 0 && limit < 2 * used) {
    std::cerr << "plush: --max-memory " << plush::host::sizeText(limit) << " is too small: plush itself holds "
              << plush::host::sizeText(used) << " before the script starts\n";
    return false;
  }
  host.memory().setLimit(limit);
  lua_getglobal(host.state(), "__plush");
  lua_getfield(host.state(), -1, "state");
  lua_pushstring(host.state(), plush::host::sizeText(limit).c_str());
  lua_setfield(host.state(), -2, "maxMemory");
  lua_pop(host.state(), 2);
  return true;
}

int runScript(plush::host::LuaHost& host, plush::cmdlets::TenantContext& tenant, const Options& o) {
  std::string text, name;
  if (!readScript(o, text, name)) return kExitUsage;
  setState(host.state(), o, o.mode == Options::Mode::File ? name : "");
  setArgs(host.state(), o, "plush");
  if (!o.logFile.empty() && !plush::host::startTranscript(host.state(), o.logFile, name, text)) return kExitUsage;
  plush::host::Runner runner(host, o.dialect);
  runner.arguments = o.args;
  ScriptRun run{host, tenant, o, runner};
  installScriptExit(host.state(), run);
  if (o.whatIf || o.atomic) tenant.beginRun();
  else if (!o.graphRequests.empty()) tenant.markRun();
  if (o.timeout > 0) plush::host::startTimeout(o.timeout);
  auto status = runner.run(text, name, false);
  return run.finish(status, -1);
}

}  // namespace

int main(int argc, char** argv) {
  // Everything plush writes (the store and its -wal/-shm, --log transcripts, exports, the history
  // file) holds directory data: private to this user whatever the umask, as ssh and gpg do.
  ::umask(077);
  Options options = parseOptions(argc, argv);
  try {
    plush::host::LuaHost host(options.binaryChunks ? plush::host::Chunks::BinaryForLuaTestSuite
                                                   : plush::host::Chunks::TextOnly);
    host.loadRuntime();
    std::string stdlib = stdlibDir();
    options.tenant.catalogPath = stdlib + "/catalog.json";
    options.tenant.demoPath = stdlib + "/demo.json";
    options.tenant.interrupted = [] { return plush::host::stopRequested(); };
    plush::cmdlets::TenantContext tenant(options.tenant);
    plush::cmdlets::registerAll(host.state(), tenant);
    host.loadStdlib(stdlib);
    if (options.restricted) restrict(host, options);
    plush::host::installSignalHandlers();
    if (!capMemory(host, options)) return kExitUsage;
    if (options.mode == Options::Mode::Prompt) {
      setState(host.state(), options, "");
      setArgs(host.state(), options, argc > 0 ? argv[0] : "plush");
      if (!options.logFile.empty() && !plush::host::startTranscript(host.state(), options.logFile, "prompt", ""))
        return kExitUsage;
      PromptExit promptExitState{tenant};
      installPromptExit(host.state(), promptExitState);
      int exit = plush::repl::runPrompt(host, tenant, options.dialect);
      plush::host::endTranscript(host.state(), exit);
      return exit;
    }
    int exit = runScript(host, tenant, options);
    // A script run ends as os.exit ends it (scriptExit): its output and transcript are written by
    // now, the store is closed here, and the Lua state is left to the system, which frees it at once
    // where lua_close would free every object one by one. std::exit flushes and closes the files a
    // script left open, as lua_close would.
    tenant.close();
    std::cout.flush();
    std::exit(exit);
  } catch (const std::exception& e) {
    std::cerr << "plush: " << e.what() << "\n";
    return 2;
  }
}
