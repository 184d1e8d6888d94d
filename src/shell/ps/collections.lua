-- PowerShell's collections: arrays (with $null elements), indexing and slicing, hashtables (case-insensitive
-- keys, [ordered]), [PSCustomObject], and the .NET collections scripts create (List[T], ArrayList, HashSet).
local P = __plush
local R = P.ps
local NULL, List = R.NULL, P.ListMeta
local str = R.str

local function isList(v) return getmetatable(v) == List end

-- What kind of collection a List is, when it is more than an array: "list", "arraylist", "hashset", "groups".
R.kinds = setmetatable({}, {__mode = "k"})
local kinds = R.kinds

function R.newList(kind, from)
  local out = setmetatable({}, List)
  if from ~= nil then
    local n = 0
    for _, x in R.each(from) do
      n = n + 1
      out[n] = x == nil and NULL or x
    end
  end
  if kind then kinds[out] = kind end
  return out
end

---------------------------------------------------------------------------------------------------
-- Arrays

-- a, b, c: nil elements are kept as $null.
function R.arr(...)
  local n = select("#", ...)
  local out = setmetatable({}, List)
  for i = 1, n do
    local v = select(i, ...)
    out[i] = v == nil and NULL or v
  end
  return out
end

-- @(value): always an array; an array stays the same elements.
function R.toarr(v)
  if v == nil then return setmetatable({}, List) end
  if isList(v) then
    local out = setmetatable({}, List)
    for i = 1, #v do out[i] = v[i] end
    return out
  end
  if R.enumerable(v) then return R.newList(nil, v) end
  return setmetatable({v}, List)
end

-- ,value: an array of one.
function R.wrap(v) return setmetatable({v == nil and NULL or v}, List) end

-- $a, $b = value: the first values one each, the rest together.
function R.spread(n, v)
  local items = isList(v) and v or (v == nil and {} or {v})
  local out = {}
  for i = 1, n - 1 do
    local x = items[i]
    if x == NULL then x = nil end
    out[i] = x
  end
  local rest = #items - (n - 1)
  if rest <= 0 then
    out[n] = nil
  elseif rest == 1 then
    local x = items[n]
    if x == NULL then x = nil end
    out[n] = x
  else
    local tail = setmetatable({}, List)
    for i = n, #items do tail[#tail + 1] = items[i] end
    out[n] = tail
  end
  return table.unpack(out, 1, n)
end

local function element(list, i)
  local n = #list
  if i < 0 then i = n + i end
  if i < 0 or i >= n then return nil end
  local v = list[i + 1]
  if v == NULL then return nil end
  return v
end

local function indexError(pos, message)
  R.fail(pos, "IndexOutOfRange", message, "InvalidOperation", "exception:indexoutofrangeexception")
end

local function indexNumber(idx, pos)
  if math.type(idx) == "integer" then return idx end
  return R.cast("int", idx, pos)
end

-- $v[i], $v[i, j], $v[1..3], $h['key']
function R.ix(obj, idx, pos)
  if obj == NULL then obj = nil end
  if idx == NULL then idx = nil end
  if obj == nil then
    R.fail(pos, "NullArray", "Cannot index into a null array.", "InvalidOperation", "exception:runtimeexception")
  end
  if R.isDictionary(obj) then
    if isList(idx) then
      local out = setmetatable({}, List)
      for i = 1, #idx do out[i] = R.get(obj, idx[i]) or NULL end
      return out
    end
    return R.get(obj, idx)
  end
  local list
  local t = type(obj)
  if isList(obj) then list = obj
  elseif t == "string" then
    local chars = {}
    for _, code in utf8.codes(obj) do chars[#chars + 1] = R.char(utf8.char(code)) end
    list = chars
  elseif t == "table" and getmetatable(obj) == nil and rawget(obj, 1) ~= nil then list = obj
  else
    local mt = getmetatable(obj)
    if mt and mt.__index_ps then return mt.__index_ps(obj, idx, pos) end
    list = {obj}
  end
  if isList(idx) then
    local out, n = setmetatable({}, List), 0
    for i = 1, #idx do
      local x = idx[i]
      if x ~= NULL then
        local v = element(list, indexNumber(x, pos))
        if v ~= nil then n = n + 1; out[n] = v end
      end
    end
    return out
  end
  if type(idx) == "string" and kinds[obj] == "groups" then
    for i = 1, #obj do
      if obj[i].Name == idx then return obj[i] end
    end
    return nil
  end
  if idx == nil then return nil end
  return element(list, indexNumber(idx, pos))
end

function R.setix(obj, idx, v, pos)
  if obj == NULL then obj = nil end
  if obj == nil then
    R.fail(pos, "NullArray", "Cannot index into a null array.", "InvalidOperation", "exception:runtimeexception")
  end
  if R.isDictionary(obj) then
    R.hset(obj, idx, v)
    return
  end
  if isList(obj) then
    local i = indexNumber(idx, pos)
    local n = #obj
    if i < 0 then i = n + i end
    if i < 0 or i >= n then indexError(pos, "Index was outside the bounds of the array.") end
    obj[i + 1] = v == nil and NULL or v
    return
  end
  R.fail(pos, "CannotIndex", "Unable to index into an object of type " .. R.fullTypeName(obj) .. ".", "InvalidOperation", "exception:runtimeexception")
end

---------------------------------------------------------------------------------------------------
-- Hashtables. Values live in the table under each key's first spelling; the metatable keeps the
-- keys in order and their lower-case forms, so cmdlets can read h.Name whatever the case.

local hashMetas = setmetatable({}, {__mode = "k"})

local function keyOf(k)
  if k == NULL then return nil end
  if R.isChar(k) then return k.c end
  return k
end

local function newHash(ordered)
  local mt = {__type = ordered and "OrderedDictionary" or "Hashtable", __keys = {}, __props = {}, __canon = {},
              __ordered = ordered, __psname = ordered and "OrderedDictionary" or "Hashtable",
              __psfullname = ordered and "System.Collections.Specialized.OrderedDictionary" or "System.Collections.Hashtable"}
  mt.__index = function(t, k)
    if type(k) == "string" then
      local c = mt.__canon[k:lower()]
      if c ~= nil and c ~= k then return rawget(t, c) end
    end
    return nil
  end
  mt.__pstext = function() return mt.__psfullname end
  mt.__enumerate = nil
  local h = setmetatable({}, mt)
  hashMetas[h] = mt
  return h
end

function R.isDictionary(v) return type(v) == "table" and hashMetas[v] ~= nil end

-- The spelling a key is stored under, or nil when the hashtable lacks it.
local function storedKey(h, k)
  local mt = hashMetas[h]
  k = keyOf(k)
  if type(k) == "string" then return mt.__canon[k:lower()] end
  if k == nil then return nil end
  for _, key in ipairs(mt.__keys) do
    if key == k then return key end
  end
  return nil
end

function R.hasKey(h, k) return storedKey(h, k) ~= nil end

function R.get(h, k)
  local key = storedKey(h, k)
  if key == nil then return nil end
  return rawget(h, key)
end

function R.hset(h, k, v)
  local mt = hashMetas[h]
  k = keyOf(k)
  if k == nil then R.fail(nil, "NullKey", "A hashtable key cannot be $null.", "InvalidArgument", "exception:argumentnullexception") end
  local key = storedKey(h, k)
  if key == nil then
    key = k
    mt.__keys[#mt.__keys + 1] = k
    if type(k) == "string" then mt.__canon[k:lower()] = k end
    if type(k) == "string" or type(k) == "number" then mt.__props[#mt.__props + 1] = type(k) == "string" and k or str(k) end
  end
  rawset(h, key, v)
end

function R.hremove(h, k)
  local mt = hashMetas[h]
  local key = storedKey(h, k)
  if key == nil then return end
  rawset(h, key, nil)
  for i, x in ipairs(mt.__keys) do
    if x == key then table.remove(mt.__keys, i) break end
  end
  if type(key) == "string" then mt.__canon[key:lower()] = nil end
  local name = type(key) == "string" and key or str(key)
  for i, x in ipairs(mt.__props) do
    if x == name then table.remove(mt.__props, i) break end
  end
end

function R.keys(h)
  local out = setmetatable({}, List)
  for i, k in ipairs(hashMetas[h].__keys) do out[i] = k end
  return out
end

function R.values(h)
  local out = setmetatable({}, List)
  for i, k in ipairs(hashMetas[h].__keys) do
    local v = rawget(h, k)
    out[i] = v == nil and NULL or v
  end
  return out
end

function R.hcount(h) return #hashMetas[h].__keys end
function R.isOrdered(h) return hashMetas[h].__ordered end

-- @{ k = v; ... } and [ordered]@{ ... }; a key written twice is an error, as in PowerShell.
function R.hash(ordered, ...)
  local h = newHash(ordered)
  for i = 1, select("#", ...), 2 do
    local k, v = select(i, ...)
    if storedKey(h, k) ~= nil then
      R.fail(nil, "DuplicateKeyInHashLiteral", "Duplicate keys '" .. str(k) .. "' are not allowed in hash literals.", "InvalidOperation", "exception:runtimeexception")
    end
    R.hset(h, k, v)
  end
  return h
end

function R.hashCopy(h, ordered)
  if ordered == nil then ordered = R.isOrdered(h) end
  local out = newHash(ordered)
  for _, k in ipairs(hashMetas[h].__keys) do R.hset(out, k, rawget(h, k)) end
  return out
end

function R.hashMerge(a, b, pos)
  local out = R.hashCopy(a)
  for _, k in ipairs(hashMetas[b].__keys) do
    if storedKey(out, k) ~= nil then
      R.fail(pos, "ItemAlreadyAdded", string.format("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'", str(k), str(k)),
        "InvalidOperation", "exception:argumentexception")
    end
    R.hset(out, k, rawget(b, k))
  end
  return out
end

-- A hashtable's entries ($h.GetEnumerator(), and what the output shows): Key/Name and Value.
local Entry = P.type("DictionaryEntry", {"Name", "Value"})
Entry.__psname = "DictionaryEntry"
P.views.DictionaryEntry = {"Name", "Value"}
function R.entries(h)
  local out = setmetatable({}, List)
  for i, k in ipairs(hashMetas[h].__keys) do
    out[i] = setmetatable({Name = k, Key = k, Value = rawget(h, k)}, Entry)
  end
  return out
end

---------------------------------------------------------------------------------------------------
-- [PSCustomObject]@{ ... }: an object with the hashtable's keys as properties, in order. Objects
-- with the same keys share one shape.

local shapes = {}
function R.pso(h)
  local names = {}
  for i, k in ipairs(hashMetas[h].__keys) do names[i] = str(k) end
  local signature = table.concat(names, "\0")
  local shape = shapes[signature]
  if not shape then
    shape = P.shape(names, "PSCustomObject")
    shape.__pstext = R.objectText
    shapes[signature] = shape
  end
  local fields = {}
  for i, k in ipairs(hashMetas[h].__keys) do fields[names[i]] = rawget(h, k) end
  return setmetatable(fields, shape)
end

-- "@{Name=Ann; Dept=Sales}": how PowerShell writes a custom object as text.
function R.objectText(o)
  local parts = {}
  for _, name in ipairs(P.properties(o)) do
    parts[#parts + 1] = name .. "=" .. str(o[name])
  end
  return "@{" .. table.concat(parts, "; ") .. "}"
end

-- New-Object PSObject -Property @{...}: the hashtable's entries as properties.
function R.objectFromHash(h)
  if h == nil then return R.pso(R.hash(false)) end
  return R.pso(h)
end

---------------------------------------------------------------------------------------------------
-- StringBuilder

local Builder = P.type("StringBuilder", {"Length"})
Builder.__psname = "StringBuilder"
Builder.__psfullname = "System.Text.StringBuilder"
Builder.__pstext = function(b) return table.concat(b.parts) end
Builder.__scalar = true
Builder.__tostring = Builder.__pstext
function R.stringBuilder(initial)
  return setmetatable({parts = {initial and str(initial) or nil}}, Builder)
end
R.BuilderMeta = Builder

return R
