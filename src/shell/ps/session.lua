-- The PowerShell session: automatic and preference variables of the global scope, $Host, and where the
-- shared runtime's variables (-OutVariable, -ErrorVariable) and uncaptured hashtables go.
local P = __plush
local R = P.ps
local G = R.G

local function version()
  return R.hash(true, "PSVersion", "7.4.0", "PSEdition", "Core", "OS", "Linux", "Platform", "Unix",
                "PSCompatibleVersions", R.arr("1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"))
end

local UI = P.type("HostUI", {"RawUI"})
local RawUI = P.type("RawUI", {"WindowTitle", "ForegroundColor", "BackgroundColor", "WindowSize", "BufferSize"})
local Host = P.type("Host", {"Name", "Version", "InstanceId", "UI", "CurrentCulture"})
UI.__methods_ps = {
  writeline = function(ui, pos, text) R.flush() io.write(text ~= nil and R.str(text) or "", "\n") end,
  write = function(ui, pos, text) R.flush() io.write(R.str(text)) end,
  writewarningline = function(ui, pos, text) P.warn(R.str(text)) end,
  writeerrorline = function(ui, pos, text) io.stderr:write(R.str(text), "\n") end,
}

local defaults = {
  erroractionpreference = "Continue", warningpreference = "Continue", verbosepreference = "SilentlyContinue",
  debugpreference = "SilentlyContinue", informationpreference = "SilentlyContinue", progresspreference = "Continue",
  confirmpreference = "High", whatifpreference = false, lastexitcode = 0, nestedpromptlevel = 0,
  islinux = true, iswindows = false, ismacos = false, iscoreclr = true, psedition = "Core", shellid = "plush",
  psculture = "en-US", psuiculture = "en-US", formatenumerationlimit = 4, maximumhistorycount = 4096,
  home = os.getenv("HOME") or "", pwd = os.getenv("PWD") or ".", pshome = "/usr/lib/plush",
}
for k, v in pairs(defaults) do rawset(G, k, v) end
rawset(G, "psversiontable", version())
rawset(G, "host", setmetatable({Name = "plush", Version = "0.1.0", InstanceId = "00000000-0000-0000-0000-000000000000",
  CurrentCulture = "en-US", UI = setmetatable({RawUI = setmetatable({WindowTitle = "plush", ForegroundColor = "Gray",
  BackgroundColor = "Black"}, RawUI)}, UI)}, Host))
local pidFile = io.open("/proc/self/stat")
if pidFile then
  rawset(G, "pid", math.tointeger(tonumber(pidFile:read("n"))))
  pidFile:close()
end

-- -OutVariable NAME, -ErrorVariable NAME, Tee-Object -Variable NAME: $NAME in the caller's scope.
function P.setVariable(name, value) R.set(R.cur or G, name:lower(), value) end
function P.getVariable(name) return (R.cur or G)[name:lower()] end

-- Paths given to cmdlets may be written with backslashes, as in scripts written on Windows.
P.state.backslashPaths = true

-- Doubles as PowerShell writes them (15 significant digits), wherever the shared runtime makes text.
local shellText = P.str
function P.str(v)
  if math.type(v) == "float" then return R.doubleText(v) end
  return shellText(v)
end

-- Out-Default shows a hashtable as its entries, Name and Value, as PowerShell does.
local top = R.top
function R.top(v)
  if R.isDictionary(v) then
    top(R.entries(v))
    return
  end
  top(v)
end

return R
