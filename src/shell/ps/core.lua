-- The PowerShell dialect's runtime core: scopes, truthiness, the output stream, capture, iteration, pipelines.
local P = __plush
local R = P.ps or {}
local debug = debug  -- as loaded: --restricted takes the global away from scripts
P.ps = R

-- $null inside an array: Lua sequences cannot hold nil, so arrays hold this stand-in; every read
-- of an element gives nil back.
local NULL = setmetatable({}, {__type = "Null", __scalar = true, __tostring = function() return "" end})
R.NULL = NULL
local islist, List = P.islist, P.ListMeta

---------------------------------------------------------------------------------------------------
-- Scopes (about_Scopes): a scope is a table of lower-case variable names; a name it lacks is read
-- from its parent, the scope of the caller (a function sees its caller's variables); assigning
-- creates the variable in the current scope. A variable set to $null hides the parent's.

local PARENT, NILS, PRIVATE = {}, {}, {}
local Scope = {}
-- A name the scope lacks: its own $private: variables, then each parent in turn (whose private
-- variables it cannot see), stopping at a scope where the variable was set to $null.
Scope.__index = function(t, k)
  local private = rawget(t, PRIVATE)
  if private then
    local v = private[k]
    if v ~= nil then return v end
  end
  local nils = rawget(t, NILS)
  if nils and nils[k] then return nil end
  local p = rawget(t, PARENT)
  while p do
    local v = rawget(p, k)
    if v ~= nil then return v end
    local n = rawget(p, NILS)
    if n and n[k] then return nil end
    p = rawget(p, PARENT)
  end
  return nil
end

function R.scope(parent)
  return setmetatable({[PARENT] = parent}, Scope)
end

function R.parentOf(S) return rawget(S, PARENT) end

-- $name = value in scope S; a $null value is remembered so the parent's variable stays hidden.
function R.set(S, k, v)
  if v == nil then
    rawset(S, k, nil)
    local nils = rawget(S, NILS)
    if not nils then
      nils = {}
      rawset(S, NILS, nils)
    end
    nils[k] = true
  else
    rawset(S, k, v)
  end
end

-- $private:name = value: seen in this scope only, not by the scopes it calls.
function R.setPrivate(S, k, v)
  local private = rawget(S, PRIVATE)
  if not private then
    private = {}
    rawset(S, PRIVATE, private)
  end
  rawset(S, k, nil)
  private[k] = v
end

-- The variable as scope S itself holds it ($local:x, and what `$x += 1` and `$x++` start from:
-- PowerShell's compound assignments read the current scope's variable only).
function R.lget(S, k)
  local private = rawget(S, PRIVATE)
  if private and private[k] ~= nil then return private[k] end
  return rawget(S, k)
end

-- $x++ / ++$x as a value: the old (or the new) value; the variable changes in the current scope.
function R.inc(S, k, delta, post, pos)
  local old = R.lget(S, k)
  local new = R.add(old, delta, pos)
  R.set(S, k, new)
  if post then return old end
  return new
end

-- Does scope S itself (not a parent) hold the variable? ($local:, Test-Path variable:)
function R.hasLocal(S, k)
  local nils = rawget(S, NILS)
  return rawget(S, k) ~= nil or (nils ~= nil and nils[k] == true)
end

-- & { }: the block runs in a new child scope; a block called by a cmdlet runs in its own.
R.cs = false
function R.child(S)
  R.cs = false
  return R.scope(S)
end

-- The session's global scope, with the automatic and preference variables.
R.G = R.G or R.scope(nil)
local G = R.G

---------------------------------------------------------------------------------------------------
-- Truthiness (LanguagePrimitives.IsTrue): $null, $false, 0, '' and an empty array are false; an
-- array of one is its element; any other object is true.

local function T(v)
  if v == nil or v == false or v == NULL then return false end
  if v == true then return true end
  local t = type(v)
  if t == "number" then return v ~= 0 end
  if t == "string" then return v ~= "" end
  if t == "table" then
    local mt = getmetatable(v)
    if mt == List then
      local n = #v
      if n == 0 then return false end
      if n == 1 then return T(v[1]) end
      return true
    end
    if mt and mt.__truth then return mt.__truth(v) end
  end
  return true
end
R.T = T

---------------------------------------------------------------------------------------------------
-- The output stream. Every uncaptured value goes to the output function O of the body it is in;
-- arrays unroll into their elements. A captured pipeline gives nothing ($null), one object, or an
-- array of them (PowerShell's rule).

-- Write v to the function emit, unrolled (one level: an array inside an array is one object).
local function unroll(emit, v)
  if v == nil or v == NULL then return end
  if getmetatable(v) == List then
    for i = 1, #v do
      local x = v[i]
      if x ~= NULL then emit(x) end
    end
    return
  end
  emit(v)
end
R.unroll = unroll

function R.cap(v)
  if getmetatable(v) == List then
    local n = #v
    if n == 0 then return nil end
    if n == 1 then
      local x = v[1]
      if x == NULL then return nil end
      return x
    end
  end
  return v
end

-- A collector: O writes into a List; RES gives what was written, captured.
function R.collector()
  local out, n = setmetatable({}, List), 0
  local function add(x)
    n = n + 1
    out[n] = x
  end
  local function O(v)
    if v == nil or v == NULL then return end
    if getmetatable(v) == List then
      for i = 1, #v do
        local x = v[i]
        if x ~= NULL then add(x) end
      end
      return
    end
    add(v)
  end
  return O, function() return R.cap(out) end, out
end

-- What the statements of fn(O) write, as a List (the value of @( ) and $( )).
function R.collect(fn)
  local O, _, out = R.collector()
  fn(O)
  return out
end

function R.discard() end
function R.void() end

-- The top level of a script or prompt line: Out-Default, one group per top-level statement.
local push, flushSink
-- Out-Default shows an array inside the output as its elements, as PowerShell's formatter does.
local function show(x)
  if getmetatable(x) == List then
    for i = 1, #x do
      local y = x[i]
      if y ~= NULL then show(y) end
    end
    return
  end
  push(x)
end

function R.top(v)
  if v == nil or v == NULL then return end
  if not push then push, flushSink = P.outDefaultSink() end
  unroll(show, v)
end

function R.flush()
  if flushSink then
    local f = flushSink
    push, flushSink = nil, nil
    f()
  end
end

---------------------------------------------------------------------------------------------------
-- Iteration: foreach ($x in $v) and switch ($v) enumerate arrays, Lists and the enumerable
-- collections; $null gives no iteration; anything else (a string, a hashtable) is one item.

local function listIterator(list)
  local n = #list
  return function(_, i)
    i = i + 1
    if i > n then return nil end
    local v = list[i]
    if v == NULL then v = nil end
    return i, v
  end, list, 0
end

local function once(v)
  return function(_, i)
    if i == 0 then return 1, v end
    return nil
  end, nil, 0
end

local function none() return nil end

function R.each(v)
  if v == nil then return none, nil, 0 end
  local t = type(v)
  if t == "table" then
    local mt = getmetatable(v)
    if mt == List then return listIterator(v) end
    if mt == nil and rawget(v, 1) ~= nil then return listIterator(v) end
    if mt and mt.__enumerate then return listIterator(mt.__enumerate(v)) end
  end
  return once(v)
end

-- The elements of v as a List, for operators that enumerate (a scalar is one element).
function R.items(v)
  if v == nil then return setmetatable({}, List) end
  if getmetatable(v) == List then return v end
  local mt = getmetatable(v)
  if type(v) == "table" and mt and mt.__enumerate then return mt.__enumerate(v) end
  if type(v) == "table" and mt == nil and rawget(v, 1) ~= nil then return setmetatable(v, List) end
  return setmetatable({v}, List)
end

-- Is v enumerated by the pipeline and by operators (an array, a List, a collection)?
function R.enumerable(v)
  if type(v) ~= "table" then return false end
  local mt = getmetatable(v)
  return mt == List or (mt ~= nil and mt.__enumerate ~= nil) or (mt == nil and rawget(v, 1) ~= nil)
end

---------------------------------------------------------------------------------------------------
-- Pipelines: the shared __plush.pipe, with the scope's preferences applied.

local actions = {stop = "Stop", continue = "Continue", silentlycontinue = "SilentlyContinue", ignore = "Ignore",
                 inquire = "Inquire", suspend = "Ignore", ["0"] = "SilentlyContinue", ["1"] = "Stop",
                 ["2"] = "Continue", ["3"] = "Inquire", ["4"] = "Ignore"}
function R.action(v)
  if v == nil then return nil end
  return actions[tostring(v):lower()]
end

R.ok = true
local chunkNames = {}
function R.noteChunk(name) chunkNames["@" .. name] = name end

-- "file:line" of the PowerShell code that called the runtime `level` frames up.
function R.where(level)
  local info = debug.getinfo(level + 1, "Sl")
  if not info or info.currentline < 0 then return nil end
  local src = info.source:sub(1, 1) == "@" and info.source:sub(2) or info.short_src
  return src .. ":" .. info.currentline
end

function R.pipe(S, sink, ...)
  R.cur = S
  local st = P.state
  st.errorAction = R.action(S.erroractionpreference) or "Continue"
  st.whatIfPreference = T(S.whatifpreference)
  st.verbosePreference = R.action(S.verbosepreference) == "Continue"
  st.debugPreference = R.action(S.debugpreference) == "Continue"
  st.informationPreference = R.action(S.informationpreference) == "Continue"
  st.warningAction = R.action(S.warningpreference) or "Continue"
  local before = st.errorsReported
  R.ok = false
  local where = R.where(2)
  local ok, result = pcall(P.pipeAt, where, sink or false, ...)
  if not ok then
    -- a terminating error a cmdlet raised: at the pipeline's place, so it is shown with a caret
    if P.isrecord(result) and rawget(result, "Position") == nil and where then
      local first = ...
      result.Position = where .. ":" .. (type(first) == "table" and first.c or 1)
    end
    error(result, 0)
  end
  R.ok = st.errorsReported == before
  return result
end

-- $OFS = value: how arrays join when they become text.
function R.setOFS(S, v)
  R.set(S, "ofs", v)
  R.ofs = v
end

-- 2> $null: the stage reports its errors silently (they still reach $Error).
function R.quiet(stage)
  for i = 1, stage.k do
    local a = stage[i]
    if type(a) == "table" and a.name and P.command(stage.n) then
      local p = P.command(stage.n).byName[a.name:lower()]
      if p and p.name == "ErrorAction" then return stage end
    end
  end
  stage.k = stage.k + 1
  stage[stage.k] = P.P("ErrorAction", stage.c, "SilentlyContinue")
  return stage
end

local Splat = {}
function R.splat(v, column) return setmetatable({value = v, column = column}, Splat) end

-- A stage whose arguments are splatted: @hashtable gives -Key value pairs, @array positional values.
function R.stage(name, column, ...)
  local t, k = {n = name, c = column}, 0
  for i = 1, select("#", ...) do
    local a = select(i, ...)
    if getmetatable(a) == Splat then
      local v = a.value
      if R.isDictionary(v) then
        for _, key in ipairs(R.keys(v)) do
          k = k + 1
          t[k] = P.P(P.str(key), a.column, R.get(v, key))
        end
      elseif v ~= nil then
        for _, x in R.each(v) do
          k = k + 1
          t[k] = x
        end
      end
    else
      k = k + 1
      t[k] = a
    end
  end
  t.k = k
  return t
end

-- & target args / . target args: a script block, or a command named by a string.
function R.invoke(S, dot, target, column, ...)
  if type(target) == "function" then
    R.cur = S
    R.cs = not dot
    local ok, result = pcall(target, nil, ...)
    R.cs = false
    if not ok then error(result, 0) end
    return result
  end
  local name = target
  if type(target) == "table" and target.Name then name = target.Name end
  if type(name) ~= "string" then
    R.fail(nil, "BadExpression", "The expression after '&' must be a script block or the name of a command, not " .. R.typeName(target) .. ".")
  end
  return R.cap(R.pipe(S, false, R.stage(name, column, ...)))
end

---------------------------------------------------------------------------------------------------
-- The chunk: scopes of a script (or the prompt's global scope), $args, exit, the environment.

local scriptScope
function R.begin(prompt, chunk)
  R.noteChunk(chunk)
  if prompt then return G, G, R.top end
  scriptScope = R.scope(G)
  local file = P.state.scriptFile
  if file then
    local full = file
    if file:sub(1, 1) ~= "/" then
      local pwd = os.getenv("PWD")
      if pwd then full = pwd .. "/" .. file:gsub("^%./", "") end
    end
    rawset(scriptScope, "pscommandpath", full)
    rawset(scriptScope, "psscriptroot", (full:match("^(.*)/[^/]*$") or "."))
  end
  return scriptScope, scriptScope, R.top
end

-- $args of the script: its command-line arguments.
function R.args()
  local out = setmetatable({}, List)
  if arg then
    for i = 1, #arg do out[i] = arg[i] end
  end
  return out
end

function R.exit(code)
  R.flush()
  local n = tonumber(code) or 0
  os.exit(math.tointeger(n) or math.floor(n))
end

local environment = {}
function R.env(name)
  local set = environment[name:upper()]
  if set ~= nil then
    if set == false then return nil end
    return set
  end
  return os.getenv(name)
end

function R.setenv(name, v)
  if v == nil or v == "" then environment[name:upper()] = false
  else environment[name:upper()] = P.str(v) end
end

return R
