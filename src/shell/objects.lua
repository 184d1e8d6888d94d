-- Object model of the shell: typed objects with case-insensitive properties, the List value, display strings.
local P = __plush

local types = {}

-- PowerShell's Count and Length of one object that has no such property: 1, and for a hashtable
-- its number of keys.
local sizeNames = {count = true, length = true}

local function canonicalIndex(mt)
  local canon = mt.__canon
  return function(t, k)
    if type(k) ~= "string" then return nil end
    local lower = k:lower()
    local c = canon[k] or canon[lower]
    if c then
      if c ~= k then return rawget(t, c) end
      return nil
    end
    if sizeNames[lower] then return mt.__type == "Hashtable" and #mt.__props or 1 end
    return nil
  end
end

local function canonicalNewIndex(mt)
  local canon = mt.__canon
  return function(t, k, v)
    if type(k) == "string" then
      local c = canon[k:lower()]
      if c then rawset(t, c, v) return end
    end
    rawset(t, k, v)
  end
end

local function newShape(typeName)
  local mt = {__type = typeName, __props = {}, __canon = {}}
  mt.__index = canonicalIndex(mt)
  mt.__newindex = canonicalNewIndex(mt)
  return mt
end

local function addProperty(mt, name)
  local lower = name:lower()
  if mt.__canon[lower] then return end
  mt.__canon[lower] = name
  mt.__props[#mt.__props + 1] = name
end

-- A named type shared by every object of it (User, Product, ...); props gives the property order.
function P.type(name, props)
  local mt = types[name]
  if not mt then
    mt = newShape(name)
    types[name] = mt
  end
  for _, p in ipairs(props or {}) do addProperty(mt, p) end
  return mt
end

-- A one-off shape for generic objects (a CSV row, a Select-Object result): PowerShell's PSCustomObject.
function P.shape(props, typeName)
  local mt = newShape(typeName or "PSCustomObject")
  for _, p in ipairs(props) do addProperty(mt, p) end
  return mt
end

-- An object of a named type; fields the type does not list yet join it (sorted, so the order is stable).
function P.object(typeName, fields)
  local mt = P.type(typeName)
  local extra = {}
  for k in pairs(fields) do
    if type(k) == "string" and not mt.__canon[k:lower()] then extra[#extra + 1] = k end
  end
  table.sort(extra)
  for _, k in ipairs(extra) do addProperty(mt, k) end
  return setmetatable(fields, mt)
end

-- The property that names an object of a type when it sits in a cell: {POWER_BI_PRO, ...}.
P.displayKeys = {
  User = "UserPrincipalName", Product = "SkuPartNumber", ServicePlan = "Name", Group = "DisplayName",
  Subscription = "Id", License = "SkuPartNumber", UserLicense = "SkuPartNumber",
  GroupLicense = "SkuPartNumber", LicenseError = "User", AdminRole = "Name", Tenant = "Name",
  CommandInfo = "Name", GroupInfo = "Name",
}

function P.typename(v)
  local t = type(v)
  if t == "table" then
    local mt = getmetatable(v)
    if mt and mt.__type then return mt.__type end
    return "table"
  end
  if t == "string" then return "String" end
  if t == "number" then return math.type(v) == "integer" and "Int" or "Double" end
  if t == "boolean" then return "Boolean" end
  if t == "function" then return "ScriptBlock" end
  return t
end

-- The ordered property names of an object; plain Lua tables list their string keys sorted.
function P.properties(v)
  local mt = getmetatable(v)
  if mt and mt.__props then return mt.__props end
  local keys = {}
  for k in pairs(v) do
    if type(k) == "string" then keys[#keys + 1] = k end
  end
  table.sort(keys)
  return keys
end

-- A property of a value: nil when the value has none. (Not `type(o) == "table" and o[k] or nil`,
-- which turns false into nil: `Where-Object AccountEnabled -eq $false` would match nothing.)
function P.field(o, name)
  if type(o) == "table" then return o[name] end
  return nil
end

function P.isobject(v)
  if type(v) ~= "table" then return false end
  local mt = getmetatable(v)
  return not (mt and mt.__type == "List") and (mt ~= nil or next(v) == nil or rawget(v, 1) == nil)
end

-- The List: what every pipeline value is. Reading a property enumerates it over the items.
local List = {__type = "List"}
P.ListMeta = List
-- A member of one item: a property value, or a method (a string's, or a function field) bound
-- to the item so that list:method() calls it on the item.
local function memberOf(list, item, k)
  local v
  if type(item) == "table" then v = item[k]
  elseif type(item) == "string" then v = string[k] end
  if type(v) ~= "function" then return v end
  return function(first, ...)
    if rawequal(first, list) then return v(item, ...) end
    return v(first, ...)
  end
end

-- Count and Length of a List are its size, as of a PowerShell array; a List of one item stands for
-- the item, so its own Count (a group's, a measurement's) or a string's Length wins.
local function sizeOf(t, n, k)
  if n ~= 1 then return n end
  local item = t[1]
  if type(item) == "table" then
    local v = item[k]
    if v ~= nil then return v end
  elseif type(item) == "string" and k:lower() == "length" then
    return utf8.len(item) or #item
  end
  return 1
end

-- Reading a member of a List reads it on its only item, or on every item into a new List.
List.__index = function(t, k)
  if type(k) ~= "string" then return nil end
  local n = #t
  if sizeNames[k:lower()] then return sizeOf(t, n, k) end
  if n == 0 then return nil end
  if n == 1 then return memberOf(t, t[1], k) end
  local first = memberOf(t, t[1], k)
  if type(first) == "function" then
    return function(self, ...)
      local out = setmetatable({}, List)
      for i = 1, n do
        local item = t[i]
        local m = memberOf(t, item, k)
        if m then out[#out + 1] = m(t, ...) end
      end
      return out
    end
  end
  local out, m = setmetatable({}, List), 0
  for i = 1, n do
    local item = t[i]
    local v = nil
    if type(item) == "table" then v = item[k] end  -- not `and ... or nil`, which would drop false
    if v ~= nil then m = m + 1; out[m] = v end
  end
  return out
end
List.__tostring = function(t)
  local parts = {}
  for i = 1, #t do parts[i] = P.str(t[i]) end
  return table.concat(parts, " ")
end

-- A one-item List stands for its item in comparisons and joins: (Get-Date) < (Get-Date 2027-01-01).
local function single(v)
  if type(v) == "table" and getmetatable(v) == List then
    if #v ~= 1 then error("a List of " .. #v .. " items cannot be compared; pick one with [i]", 3) end
    return v[1]
  end
  return v
end
List.__lt = function(a, b) return single(a) < single(b) end
List.__le = function(a, b) return single(a) <= single(b) end
List.__concat = function(a, b) return P.str(a) .. P.str(b) end

function P.islist(v)
  return type(v) == "table" and getmetatable(v) == List
end

-- A List whose items are made when first read: `local users = Get-User` keeps the users as compact
-- rows (cmdlets/user_rows.cpp) until one is read, so a million users hold a fraction of their
-- objects' memory. It is a List in all a script sees: getmetatable gives List; `#`, indexing, ipairs,
-- the table library and member enumeration read through it; an item once made is kept (the same
-- object on every read, with what was set on it). What needs the plain table (a write, pairs, the
-- raw functions and C code that reads it raw: host/raw_functions.cpp) settles it first: every item
-- is made, in order, into the table, which then has List itself as its metatable.
local lazyMark = {}  -- the metatable of a lazy List's metatable: how C code tells one quickly

function P.lazyList(n, make)
  local t, made, mt, left = {}, {}, {}, n
  for k, v in next, List do mt[k] = v end
  mt.__metatable = List
  local function settle()
    if made == nil then return end
    local items = made
    made = nil
    P.set_metatable(t, List)
    for i = 1, n do
      local o = items[i]
      if o == nil then o = make(i) end
      rawset(t, i, o)
    end
    make = nil  -- the rows go with it
  end
  mt.__index = function(_, k)
    if type(k) ~= "number" then return List.__index(t, k) end
    local i = math.tointeger(k)
    if not i or i < 1 or i > n then return nil end
    local o = made[i]
    if o == nil then
      o = make(i)
      made[i] = o
      left = left - 1
      if left == 0 then make = nil end  -- every item made: the rows go
    end
    return o
  end
  mt.__newindex = function(_, k, v)
    if k == nil then error("index is nil", 2) end  -- at the script's line, as the plain table's
    if k ~= k then error("index is NaN", 2) end
    settle()
    t[k] = v
  end
  mt.__len = function() return n end
  mt.__pairs = function()
    settle()
    return next, t, nil
  end
  mt[P.settleKey] = settle
  setmetatable(mt, lazyMark)
  P.set_metatable(t, mt)
  return t
end

-- What goes down a pipeline item by item: a List, or a plain Lua sequence ({"a", "b"}).
function P.issequence(v)
  return type(v) == "table" and (getmetatable(v) == List or (getmetatable(v) == nil and v[1] ~= nil))
end

function P.list(t)
  return setmetatable(t or {}, List)
end

-- `a,b,c` in command arguments; nils are dropped as PowerShell drops them from arrays.
function P.L(...)
  local out, m = setmetatable({}, List), 0
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v ~= nil then m = m + 1; out[m] = v end
  end
  return out
end

-- `@(x)`: PowerShell's array subexpression. One value that is a list gives its items (so
-- `@($users).Count` is the number of users); anything else is `a, b, c` as P.L makes it.
function P.A(...)
  local first = ...
  if select("#", ...) == 1 and P.issequence(first) then
    local out = setmetatable({}, List)
    for i = 1, #first do out[i] = first[i] end
    return out
  end
  return P.L(...)
end

-- `@{ Key = value; ... }`: an object whose properties are the keys in the order written.
function P.H(...)
  local keys, fields = {}, {}
  for i = 1, select("#", ...), 2 do
    local k, v = select(i, ...)
    k = P.str(k)
    keys[#keys + 1] = k
    fields[k] = v
  end
  return setmetatable(fields, P.shape(keys, "Hashtable"))
end

-- Text of a value in an interpolated string: lists join with spaces, as in PowerShell.
function P.str(v)
  local t = type(v)
  if v == nil then return "" end
  if t == "string" then return v end
  if t == "boolean" then return v and "True" or "False" end
  if t == "number" then
    if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 1e15 then
      return string.format("%d", v)
    end
    return tostring(v)
  end
  if t == "table" then
    local mt = getmetatable(v)
    if mt and mt.__tostring then return tostring(v) end
    if mt and mt.__type then return P.objectText(v, mt) end
    local parts = {}
    for i = 1, #v do parts[i] = P.str(v[i]) end
    return table.concat(parts, " ")
  end
  if t == "function" then return "{ScriptBlock}" end
  return tostring(v)
end

-- An object as text: its naming property, else PowerShell's @{Name=value; ...}.
function P.objectText(v, mt)
  local key = P.displayKeys[mt.__type]
  if key and v[key] ~= nil then return P.str(v[key]) end
  local parts = {}
  for _, name in ipairs(P.properties(v)) do parts[#parts + 1] = name .. "=" .. P.cell(v[name]) end
  return "@{" .. table.concat(parts, "; ") .. "}"
end

-- Text of a value in a table cell or list view: sequences show as {a, b}.
function P.cell(v)
  if type(v) == "table" and (P.islist(v) or (getmetatable(v) == nil and rawget(v, 1) ~= nil)) then
    local parts = {}
    for i = 1, #v do parts[i] = P.cell(v[i]) end
    return "{" .. table.concat(parts, ", ") .. "}"
  end
  return P.str(v)
end

-- PowerShell truthiness: 0, "", $null, $false and empty lists are false.
function P.truthy(v)
  if v == nil or v == false or v == 0 or v == "" then return false end
  if type(v) == "table" and P.islist(v) then
    if #v == 0 then return false end
    if #v == 1 then return P.truthy(v[1]) end
  end
  return true
end
