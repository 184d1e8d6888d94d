-- The parameter binder: named, then positional within the possible parameter sets, then pipeline input.
local P = __plush
local checkPath = P.check_path  -- kept here: a script that replaces the field cannot turn the check off

local ParamMarker = {}
ParamMarker.__index = ParamMarker

-- `-Name` and `-Name:value` as the translator writes them.
function P.P(name, column, ...)
  return setmetatable({name = name, column = column, hasValue = select("#", ...) > 0, value = (...)}, ParamMarker)
end

local function isMarker(v)
  return type(v) == "table" and getmetatable(v) == ParamMarker
end

-- `CMD -?`: the command's help is asked for, instead of running it.
function P.asksHelp(c)
  for i = 1, c.k or #c do
    local a = c[i]
    if isMarker(a) and a.name == "?" then return true end
  end
  return false
end
P.isparameter = isMarker

-- The column of the parameter being bound, so an error about it points at it rather than the command.
local bindingColumn
local bindingLine  -- "file:line" of the statement being bound, for warnings

local function bindError(cmd, id, message, extra)
  local rec = {Id = id, Category = "InvalidArgument", Command = cmd.name, Message = message,
               Target = extra and extra.target, Recommendation = extra and extra.fix, Column = bindingColumn}
  rec.Recommendation = rec.Recommendation or ("Get-Help " .. cmd.name)
  P.throw(rec)
end

local function parameterNames(cmd)
  local names = {}
  for _, p in ipairs(cmd.parameters) do
    if not p.common then names[#names + 1] = "-" .. p.name end
  end
  return table.concat(names, ", ")
end

local warnedPrefixes = {}

-- The parameters a typed name may mean: an exact name or alias alone, else every name or alias it
-- is a prefix of.
local function candidates(cmd, typed)
  local key = typed:lower()
  local exact = cmd.byName[key]
  if exact then return {exact}, true end
  local found, names = {}, {}
  for _, p in ipairs(cmd.parameters) do
    local hit = p.lname:sub(1, #key) == key
    for _, a in ipairs(p.aliases) do
      if a:lower():sub(1, #key) == key then hit = true end
    end
    if hit and not found[p] then
      found[p] = true
      names[#names + 1] = p
    end
  end
  return names, false
end

-- Why a typed name names no single parameter: id, message and fix; nothing when it does.
local function parameterProblem(cmd, typed)
  local names = candidates(cmd, typed)
  if #names == 1 then return nil end
  if #names == 0 then
    return "ParameterNotFound",
      string.format("A parameter cannot be found that matches parameter name '%s'. %s takes: %s.", typed, cmd.name, parameterNames(cmd))
  end
  local list = {}
  for i, p in ipairs(names) do list[i] = "-" .. p.name end
  return "AmbiguousParameter",
    string.format("Parameter name '%s' is ambiguous. Possible matches include: %s.", typed, table.concat(list, " ")),
    "Write the parameter's full name, e.g. " .. list[1]
end

-- For the translator, before anything runs: (id, message) when `-typed` cannot be given to the command.
function P.parameterProblem(commandName, typed)
  local cmd = P.command(commandName)
  if cmd then return parameterProblem(cmd, typed) end
end

-- An exact name or alias wins; else a unique prefix of a name or alias; else an error listing candidates.
local function findParameter(cmd, typed)
  local names, exact = candidates(cmd, typed)
  if #names == 1 then
    local p = names[1]
    local key = typed:lower()
    if not exact and P.state.scriptFile then
      local once = cmd.name .. "\0" .. key
      if not warnedPrefixes[once] then
        warnedPrefixes[once] = true
        local at = bindingLine and bindingColumn and (bindingLine .. ":" .. bindingColumn .. ": ") or ""
        P.warn(string.format("%s%s: '-%s' is short for '-%s'; write the full name in scripts, since a parameter added later could make it ambiguous.",
          at, cmd.name, typed, p.name))
      end
    end
    return p
  end
  local id, message, fix = parameterProblem(cmd, typed)
  bindError(cmd, id, message, {target = typed, fix = fix})
end

local function typeLabel(p)
  local t = p.typeLabel or p.type
  if p.list then t = t .. "[]" end
  return t
end

local function isoDate(s)
  if type(s) ~= "string" then return nil end
  local y, m, d, rest = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)(.*)$")
  if not y then return nil end
  m, d = tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > 31 then return nil end
  if rest == "" then return s end
  if rest:match("^[T ]%d%d:%d%d:?%d?%d?%.?%d*Z?$") or rest:match("^[T ]%d%d:%d%d:?%d?%d?%.?%d*[+-]%d%d:?%d%d$") then
    return s:sub(1, 10) .. "T" .. rest:sub(2)
  end
  return nil
end
P.isoDate = isoDate

local identityKeys = {
  user = {"UserPrincipalName", "Id"},
  product = {"SkuPartNumber", "SkuId"},
  group = {"Id", "DisplayName"},
  subscription = {"Id"},
}

local coercers = {}
function coercers.string(v) if type(v) == "string" then return v end
  if type(v) == "number" or type(v) == "boolean" then return P.str(v) end
  if type(v) == "table" and getmetatable(v) and getmetatable(v).__tostring then return tostring(v) end
end
function coercers.number(v) return tonumber(v) end
function coercers.int(v) local n = tonumber(v); if n and n == math.floor(n) then return math.tointeger(n) end end
function coercers.switch(v) if type(v) == "boolean" then return v end end
function coercers.bool(v)
  if type(v) == "boolean" then return v end
  if type(v) == "number" then return v ~= 0 end
  if type(v) == "string" then
    local l = v:lower()
    if l == "true" or l == "$true" or l == "1" or l == "yes" then return true end
    if l == "false" or l == "$false" or l == "0" or l == "no" then return false end
  end
end
function coercers.date(v)
  if type(v) == "table" and v.Iso then return v.Iso end
  return isoDate(v)
end
function coercers.scriptblock(v) if type(v) == "function" then return v end end
function coercers.object(v) return v end
function coercers.hashtable(v) if type(v) == "table" then return v end end
-- -ErrorAction and -WarningAction: a name, or PowerShell's ActionPreference number (-ea 0).
local actionNumbers = {[0] = "SilentlyContinue", [1] = "Stop", [2] = "Continue", [4] = "Ignore"}
function coercers.actionpreference(v)
  local n = tonumber(v)
  if n and actionNumbers[n] then return actionNumbers[n] end
  if type(v) == "string" then return v end
end
local function identity(kind)
  return function(v)
    if type(v) == "string" then return v end
    if type(v) == "table" then
      for _, k in ipairs(identityKeys[kind]) do
        local id = v[k]
        if type(id) == "string" and id ~= "" then return id end
      end
    end
  end
end
for kind in pairs(identityKeys) do coercers[kind] = identity(kind) end

local function coerceOne(cmd, p, v)
  if v == nil then return nil end
  local convert = coercers[p.type] or coercers.object
  local out = convert(v)
  -- PowerShell scripts write .\file and folder\file; on Linux the backslash separates folders there too
  if p.complete == "path" and P.state.backslashPaths and type(out) == "string" then out = out:gsub("\\", "/") end
  -- --restricted: a path outside the allowed folders is refused here, naming the command (a no-op otherwise)
  if p.complete == "path" and not p.pathText and type(out) == "string" then checkPath(out, cmd.name) end
  if out == nil then
    bindError(cmd, "InvalidArgument",
      string.format("Cannot bind parameter '%s': cannot convert %s '%s' to %s.", p.name, P.typename(v), P.str(v), typeLabel(p)),
      {target = p.name})
  end
  if p.values then
    local l = type(out) == "string" and out:lower()
    for _, allowed in ipairs(p.values) do
      if allowed:lower() == l then return p.keepCase and out or allowed end
    end
    bindError(cmd, "InvalidArgument",
      string.format("Cannot bind parameter '%s': '%s' is not one of %s.", p.name, P.str(out), table.concat(p.values, ", ")),
      {target = p.name})
  end
  return out
end

function P.coerce(cmd, p, v)
  if p.list then
    local items = P.list()
    if type(v) == "table" and (P.islist(v) or (getmetatable(v) == nil and rawget(v, 1) ~= nil)) then
      for i = 1, #v do items[#items + 1] = coerceOne(cmd, p, v[i]) end
    elseif v ~= nil then
      items[1] = coerceOne(cmd, p, v)
    end
    return items
  end
  if P.islist(v) and p.type ~= "object" then
    if #v == 1 then v = v[1] else
      bindError(cmd, "InvalidArgument",
        string.format("Cannot bind parameter '%s': it takes one %s, not a list of %d.", p.name, p.type, #v), {target = p.name})
    end
  end
  return coerceOne(cmd, p, v)
end

-- Binds a value written in the text. $null or '' there (SPEC: nothing silently wrong): where leaving
-- the parameter out would select everything, it is refused, as PowerShell refuses null for a
-- parameter that does not allow it; where it means "has none" (p.null == "none") it binds ''.
local function bindWritten(cmd, p, v)
  if not p.null or (v ~= nil and v ~= "") then return P.coerce(cmd, p, v) end
  if p.null == "none" then return "" end
  bindError(cmd, v == nil and "ParameterArgumentValidationErrorNullNotAllowed" or "ParameterArgumentValidationErrorEmptyStringNotAllowed",
    string.format("Cannot bind argument to parameter '%s' because it is %s.", p.name, v == nil and "null" or "an empty string"),
    {target = p.name, fix = string.format("Give -%s a value, or leave it out of the %s command", p.name, cmd.name)})
end

local function inSet(p, set)
  return p.setIndex == nil or p.setIndex[set]
end

-- Narrow the still possible parameter sets to those containing p.
local function narrow(sets, p)
  if not p.setIndex then return sets end
  local out = {}
  for _, s in ipairs(sets) do
    if p.setIndex[s] then out[#out + 1] = s end
  end
  return out
end

local function positionalCandidates(cmd, bound, sets)
  local list = {}
  for _, p in ipairs(cmd.parameters) do
    if p.position and bound[p] == nil then
      for _, s in ipairs(sets) do
        if inSet(p, s) then list[#list + 1] = p break end
      end
    end
  end
  table.sort(list, function(a, b) return a.position < b.position end)
  return list
end

local function bindNamed(cmd, c, bound, sets)
  local positional, np = {}, 0
  local i, k = 1, c.k or #c
  while i <= k do
    local a = c[i]
    if isMarker(a) then
      bindingColumn = a.column
      local p = findParameter(cmd, a.name)
      local v
      if a.hasValue then v = a.value
      elseif p.type == "switch" then v = true
      else
        if i + 1 > k or isMarker(c[i + 1]) then
          bindError(cmd, "MissingArgument",
            string.format("Missing an argument for parameter '%s'. Specify a parameter of type '%s' and try again.", p.name, typeLabel(p)),
            {target = p.name})
        end
        i = i + 1
        v = c[i]
      end
      if bound[p] ~= nil then
        bindError(cmd, "ParameterBoundTwice",
          string.format("Cannot bind parameter '%s' because it is specified more than once.", p.name), {target = p.name})
      end
      bound[p] = bindWritten(cmd, p, v)
      sets = narrow(sets, p)
      if #sets == 0 then
        bindError(cmd, "ParameterSetNotResolved",
          string.format("Parameter set cannot be resolved: '-%s' cannot be used together with the other parameters given.", p.name),
          {target = p.name})
      end
      bindingColumn = nil
    else
      np = np + 1
      positional[np] = a
    end
    i = i + 1
  end
  return positional, np, sets
end

-- Would v convert to p's type? Used to choose between parameters of other sets at one position.
local function converts(p, v)
  local convert = coercers[p.type] or coercers.object
  if p.list and type(v) == "table" and (P.islist(v) or (getmetatable(v) == nil and rawget(v, 1) ~= nil)) then
    for i = 1, #v do
      if convert(v[i]) == nil then return false end
    end
    return true
  end
  return convert(v) ~= nil
end

-- Of the parameters at the lowest free position (one per parameter set), the first whose type
-- takes the value: `ForEach-Object Name` binds -MemberName, `ForEach-Object { }` binds -Process.
local function bestPositional(candidates, v)
  local first = candidates[1]
  if not first then return nil end
  for _, p in ipairs(candidates) do
    if p.position ~= first.position then break end
    if converts(p, v) then return p end
  end
  return first
end

local function bindPositional(cmd, positional, np, bound, sets)
  for j = 1, np do
    local candidates = positionalCandidates(cmd, bound, sets)
    local p = bestPositional(candidates, positional[j])
    -- ValueFromRemainingArguments: this parameter takes every value left
    if p and p.remaining then
      local rest = P.list()
      for k = j, np do rest[#rest + 1] = positional[k] end
      bound[p] = rest
      return narrow(sets, p)
    end
    if not p then
      bindError(cmd, "PositionalParameterNotFound",
        string.format("A positional parameter cannot be found that accepts argument '%s'.", P.str(positional[j])),
        {target = P.str(positional[j])})
    end
    if p.remaining and j < np then
      -- PowerShell's ValueFromRemainingArguments: this and every later positional value, as one List.
      local rest = P.list()
      for r = j, np do rest[#rest + 1] = positional[r] end
      bound[p] = bindWritten(cmd, p, rest)
      return narrow(sets, p)
    end
    bound[p] = bindWritten(cmd, p, positional[j])
    sets = narrow(sets, p)
  end
  return sets
end

local function missingMandatory(cmd, bound, set, fromPipeline)
  for _, p in ipairs(cmd.parameters) do
    if p.mandatory and bound[p] == nil and inSet(p, set) and not (fromPipeline and (p.byValue or p.byProperty)) then
      return p
    end
  end
end

local function chooseSet(cmd, bound, sets, fromPipeline)
  local complete = {}
  for _, s in ipairs(sets) do
    if not missingMandatory(cmd, bound, s, fromPipeline) then complete[#complete + 1] = s end
  end
  if #complete == 1 then return complete[1] end
  if #complete > 1 then
    for _, s in ipairs(complete) do
      if s == cmd.defaultSet then return s end
    end
    if #sets == #cmd.sets then return complete[1] end
    bindError(cmd, "ParameterSetNotResolved",
      "Parameter set cannot be resolved using the specified named parameters; possible sets: " .. table.concat(complete, ", ") .. ".")
  end
  local set = sets[1]
  for _, s in ipairs(sets) do if s == cmd.defaultSet then set = s end end
  local p = missingMandatory(cmd, bound, set, fromPipeline)
  local answer = P.state.promptForMandatory and P.state.promptForMandatory(cmd, p)
  if answer ~= nil then
    bound[p] = P.coerce(cmd, p, answer)
    return chooseSet(cmd, bound, sets, fromPipeline)
  end
  bindError(cmd, "MissingMandatoryParameter",
    string.format("Cannot run %s: the mandatory parameter -%s (%s) is missing.", cmd.name, p.name, typeLabel(p)),
    {target = p.name, fix = string.format("%s -%s <%s>", cmd.name, p.name, typeLabel(p))})
end

-- Bind the arguments written in the text. Returns the bound table keyed by parameter and the set.
function P.bindStatic(cmd, c, fromPipeline, line)
  bindingColumn, bindingLine = nil, line
  local bound = {}
  local positional, np, sets = bindNamed(cmd, c, bound, cmd.sets)
  sets = bindPositional(cmd, positional, np, bound, sets)
  local set = chooseSet(cmd, bound, sets, fromPipeline)
  return bound, set
end

-- Parameters that take pipeline input in the chosen set, by value first, then by property name.
function P.pipelineParameters(cmd, bound, set)
  local byValue, byProperty = {}, {}
  for _, p in ipairs(cmd.parameters) do
    if bound[p] == nil and inSet(p, set) then
      if p.byValue then byValue[#byValue + 1] = p end
      if p.byProperty then byProperty[#byProperty + 1] = p end
    end
  end
  return byValue, byProperty
end

local function acceptsByValue(p, input)
  if p.type == "object" or p.type == "scriptblock" then return p.type == "object" or type(input) == "function" end
  local want = identityKeys[p.type] and p.type
  if want then
    if type(input) == "string" then return true end
    return P.typename(input):lower() == want
  end
  return coercers[p.type] and coercers[p.type](input) ~= nil
end

-- Bind one pipeline object into args (a table keyed by parameter name). True when it bound.
function P.bindInput(cmd, byValue, byProperty, input, args)
  for _, p in ipairs(byValue) do
    if acceptsByValue(p, input) then
      args[p.name] = P.coerce(cmd, p, input)
      return true
    end
  end
  local any = false
  if type(input) == "table" then
    for _, p in ipairs(byProperty) do
      local v = input[p.name]
      if v == nil then
        for _, a in ipairs(p.aliases) do
          v = input[a]
          if v ~= nil then break end
        end
      end
      if v ~= nil then
        args[p.name] = P.coerce(cmd, p, v)
        any = true
      end
    end
  end
  return any
end
