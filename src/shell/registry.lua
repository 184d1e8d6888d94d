-- The cmdlet registry: declarations as data (name, parameters, help), shared by C++ and Lua cmdlets.
local P = __plush

local registry = {}      -- lower-case name or alias -> declaration
local ordered = {}       -- declarations in registration order
P.registry = registry

local commonParameters = {
  {name = "ErrorAction", aliases = {"EA"}, type = "actionpreference", common = true,
   values = {"Stop", "Continue", "SilentlyContinue", "Ignore"},
   help = "What to do on a non-terminating error: stop (raise it), continue (report it), stay silent (keep it in Error) or ignore it; also as PowerShell's numbers (0 SilentlyContinue, 1 Stop, 2 Continue, 4 Ignore)."},
  {name = "ErrorVariable", aliases = {"EV"}, type = "string", common = true,
   help = "Also store the errors this command reports, as a List, in the variable of this name (+NAME adds to it)."},
  {name = "WarningAction", aliases = {"WA"}, type = "actionpreference", common = true,
   values = {"Stop", "Continue", "SilentlyContinue", "Ignore"},
   help = "Show warnings (Continue), or not (SilentlyContinue, Ignore)."},
  {name = "Verbose", aliases = {"vb"}, type = "switch", common = true,
   help = "Write a line for each change made."},
  {name = "OutVariable", aliases = {"ov"}, type = "string", common = true,
   help = "Also store the output, as a List, in the global variable of this name."},
}
local changeParameters = {
  {name = "WhatIf", aliases = {"wi"}, type = "switch", common = true,
   help = "Run the change, show what it would do, and roll it back."},
  {name = "Confirm", aliases = {"cf"}, type = "switch", common = true,
   help = "Ask before each change."},
}

local identityTypes = {user = true, product = true, group = true, subscription = true}

local function normalizeParameter(p)
  p.aliases = p.aliases or {}
  p.lname = p.name:lower()
  p.type = p.type or "string"
  if p.null == nil and identityTypes[p.type] then p.null = "refuse" end  -- no identity means "all"
  if p.pipeline == "value" then p.byValue = true
  elseif p.pipeline == "property" then p.byProperty = true
  elseif p.pipeline == "both" then p.byValue, p.byProperty = true, true end
  if p.sets then
    local s = {}
    for _, name in ipairs(p.sets) do s[name] = true end
    p.setIndex = s
  end
  return p
end

local function addParameters(decl, list)
  for _, p in ipairs(list) do
    local copy = {}
    for k, v in pairs(p) do copy[k] = v end
    decl.parameters[#decl.parameters + 1] = normalizeParameter(copy)
  end
end

-- The parameter sets a declaration names; the implicit one when it names none.
local function collectSets(decl)
  local names, seen = {}, {}
  for _, p in ipairs(decl.parameters) do
    for _, s in ipairs(p.sets or {}) do
      if not seen[s] then seen[s] = true; names[#names + 1] = s end
    end
  end
  if #names == 0 then names[1] = "__AllParameterSets" end
  decl.sets = names
  decl.defaultSet = decl.defaultSet or names[1]
end

-- A declaration made ready for the binder (parameters normalized, common ones added), not registered.
function P.declare(decl)
  assert(type(decl.name) == "string", "a cmdlet needs a name")
  decl.verb, decl.noun = decl.name:match("^(%a+)%-(.+)$")
  decl.aliases = decl.aliases or {}
  decl.parameters = decl.parameters or {}
  decl.examples = decl.examples or {}
  for _, p in ipairs(decl.parameters) do normalizeParameter(p) end
  if decl.changesState then addParameters(decl, changeParameters) end
  addParameters(decl, commonParameters)
  decl.byName = {}
  for _, p in ipairs(decl.parameters) do
    decl.byName[p.lname] = p
    for _, a in ipairs(p.aliases) do decl.byName[a:lower()] = p end
  end
  collectSets(decl)
  return decl
end

-- A registered declaration is made ready (declared) on its first use, not at registration: start-up
-- registers every cmdlet and a run uses a few. Until then it holds its name and aliases, and the first
-- read of any other field completes it (the fill given to P.register: C++ cmdlets push their
-- declaration then; a Lua one gets back its parameters), declares it, and leaves a plain table.
local pending = {}  -- declaration -> its fill, until its first use

local undeclared = {__index = function(decl, key)
  setmetatable(decl, nil)
  local fill = pending[decl]
  pending[decl] = nil
  fill(decl)
  P.declare(decl)
  return decl[key]
end}

local function keepParameters(parameters)
  return function(decl) decl.parameters = parameters end
end

-- P.register(decl): a declaration in full; P.register(decl, fill): name and aliases, fill(decl) the rest.
function P.register(decl, fill)
  assert(type(decl.name) == "string", "a cmdlet needs a name")
  if rawget(decl, "byName") then  -- declared already
    fill = nil
  elseif not fill then
    fill = keepParameters(rawget(decl, "parameters"))
    decl.parameters = nil
  end
  local aliases = rawget(decl, "aliases") or {}
  if fill then
    pending[decl] = fill
    setmetatable(decl, undeclared)
  end
  if not registry[decl.name:lower()] then ordered[#ordered + 1] = decl end
  registry[decl.name:lower()] = decl
  for _, a in ipairs(aliases) do registry[a:lower()] = decl end
  return decl
end

function P.command(name)
  return registry[name:lower()]
end

function P.commands()
  return ordered
end

-- Is this name (as typed) a command or alias? The translator asks this for every Verb-Noun word.
function P.iscommand(name)
  return registry[name:lower()] ~= nil
end
