-- PowerShell's comparison operators with PowerShell's meaning: case-insensitive strings, wildcards, regex.
local P = __plush
local op = {}
P.op = op

local function lower(v)
  if type(v) == "string" then return v:lower() end
  return v
end

-- The right operand is converted to the left operand's type, as PowerShell does.
local function coerce(a, b)
  if type(a) == "number" and type(b) == "string" then return a, tonumber(b) end
  if type(a) == "string" and type(b) == "number" then return a, P.str(b) end
  if type(a) == "boolean" and type(b) ~= "boolean" then return a, P.truthy(b) end
  return a, b
end

local function equal(a, b)
  if a == b then return true end
  if a == nil or b == nil then return false end
  -- Lower-casing keeps a string's length: strings of different lengths differ without making
  -- two lower-case copies (the common case of a filter over many objects).
  if type(a) == "string" and type(b) == "string" and #a ~= #b then return false end
  a, b = coerce(a, b)
  return lower(a) == lower(b)
end

local function compare(a, b)
  a, b = coerce(a, b)
  if a == nil or b == nil then
    if a == nil and b == nil then return 0 end
    return a == nil and -1 or 1
  end
  if type(a) ~= type(b) then a, b = P.str(a), P.str(b) end
  a, b = lower(a), lower(b)
  if type(a) == "boolean" then a, b = a and 1 or 0, b and 1 or 0 end
  if a < b then return -1 elseif a > b then return 1 end
  return 0
end
P.compare = compare

-- A list on the left filters: `$list -eq 3` gives the items equal to 3.
local function lifted(test)
  return function(a, b)
    if P.islist(a) then
      local out = P.list()
      for i = 1, #a do
        if test(a[i], b) then out[#out + 1] = a[i] end
      end
      return out
    end
    return test(a, b)
  end
end

local wildcardCache = {}
local function wildcardPattern(w)
  local pat = wildcardCache[w]
  if pat then return pat end
  local out, i = {"^"}, 1
  while i <= #w do
    local c = w:sub(i, i)
    if c == "*" then out[#out + 1] = ".-"
    elseif c == "?" then out[#out + 1] = "."
    elseif c == "[" then
      local close = w:find("]", i + 1, true)
      if close then
        out[#out + 1] = "[" .. w:sub(i + 1, close - 1):gsub("%%", "%%%%") .. "]"
        i = close
      else
        out[#out + 1] = "%["
      end
    elseif c == "`" and i < #w then
      -- `x is x itself; a letter or digit must not become a Lua pattern class (%a, %d)
      i = i + 1
      local e = w:sub(i, i)
      out[#out + 1] = e:match("%w") and e or "%" .. e
    elseif c:match("%W") then out[#out + 1] = "%" .. c
    else out[#out + 1] = c end
    i = i + 1
  end
  out[#out + 1] = "$"
  pat = table.concat(out)
  wildcardCache[w] = pat
  return pat
end

-- A wildcard (about_Wildcards: * ? [abc] [a-z], ` escapes) as an anchored Lua pattern.
P.wildcardPattern = wildcardPattern

function P.like(s, w)
  if s == nil then return w == "" or w == "*" end
  return P.str(s):lower():find(wildcardPattern(P.str(w):lower())) ~= nil
end

op.eq = lifted(equal)
op.ne = lifted(function(a, b) return not equal(a, b) end)
op.gt = lifted(function(a, b) return compare(a, b) > 0 end)
op.ge = lifted(function(a, b) return compare(a, b) >= 0 end)
op.lt = lifted(function(a, b) return compare(a, b) < 0 end)
op.le = lifted(function(a, b) return compare(a, b) <= 0 end)
op.like = lifted(P.like)
op.notlike = lifted(function(a, b) return not P.like(a, b) end)
op.match = lifted(function(a, b) return P.regex(P.str(a), P.str(b), true) end)
op.notmatch = lifted(function(a, b) return not P.regex(P.str(a), P.str(b), true) end)
op.ceq = lifted(function(a, b) return a == b end)
op.cne = lifted(function(a, b) return a ~= b end)
op.clike = lifted(function(a, b) return P.str(a):find(wildcardPattern(P.str(b))) ~= nil end)
op.cmatch = lifted(function(a, b) return P.regex(P.str(a), P.str(b), false) end)
for _, name in ipairs({"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch"}) do
  op["i" .. name] = op[name]
end

local function contains(list, v)
  if type(list) ~= "table" then return equal(list, v) end
  for i = 1, #list do
    if equal(list[i], v) then return true end
  end
  return false
end
op.contains = contains
op.notcontains = function(list, v) return not contains(list, v) end
op["in"] = function(v, list) return contains(list, v) end
op.notin = function(v, list) return not contains(list, v) end
