-- PowerShell's values and conversions: numbers (Int32/Int64, Double, Decimal), chars, text of any value,
-- casts ([int] rounds half to even), -is and -as.
local P = __plush
local R = P.ps
local NULL, List = R.NULL, P.ListMeta

-- Decimals (decimal.lua) are tables of this type.
local Decimal = R.DecimalMeta

---------------------------------------------------------------------------------------------------
-- Char: a boxed one-character string, so [char]65, 'Hello'[1] and [int][char]'A' behave as in .NET.

local Char = P.type("Char", {})
Char.__scalar = true
Char.__tostring = function(c) return c.c end
Char.__eq = function(a, b) return a.c == b.c end
Char.__lt = function(a, b) return a.c < b.c end
Char.__le = function(a, b) return a.c <= b.c end
R.CharMeta = Char

local charCache = {}
function R.char(text)
  local c = charCache[text]
  if not c then
    c = setmetatable({c = text}, Char)
    charCache[text] = c
  end
  return c
end

function R.isChar(v) return getmetatable(v) == Char end

function R.charCode(c) return utf8.codepoint(c.c) end

---------------------------------------------------------------------------------------------------
-- Numbers from text, as PowerShell reads them: blanks around, 0x hex, 1e3, 10L, 1kb; "" is 0.

local multipliers = {kb = 1024, mb = 1024 ^ 2, gb = 1024 ^ 3, tb = 1024 ^ 4, pb = 1024 ^ 5}

function R.parseNumber(text)
  local s = text:match("^%s*(.-)%s*$"):lower()
  if s == "" then return 0 end
  local mult = 1
  local suffix = s:sub(-2)
  if multipliers[suffix] and #s > 2 then
    mult = multipliers[suffix]
    s = s:sub(1, -3)
  end
  local sign = ""
  if s:sub(1, 1) == "-" or s:sub(1, 1) == "+" then
    sign = s:sub(1, 1)
    s = s:sub(2)
  end
  local last = s:sub(-1)
  if (last == "l" or last == "d") and #s > 1 and not s:match("^0x") then s = s:sub(1, -2) end
  local n
  if s:match("^0x%x+$") then
    n = math.tointeger(tonumber(s:sub(3), 16))
    if n and #s <= 10 and n >= 0x80000000 and n <= 0xFFFFFFFF then n = n - 0x100000000 end
  elseif s:match("^%d+$") then
    n = math.tointeger(tonumber(s)) or tonumber(s)
  elseif s:match("^%d*%.?%d*e?[+-]?%d*$") and s:match("%d") then
    n = tonumber(s)
  end
  if n == nil then return nil end
  if sign == "-" then n = -n end
  if mult ~= 1 then
    local product = n * mult
    n = math.tointeger(product) or product
  end
  return n
end

local function convertError(v, typeName, pos, why)
  R.fail(pos, "InvalidCastFromStringToInteger",
    string.format('Cannot convert value "%s" to type "%s". Error: "%s"', R.str(v), typeName,
      why or "Input string was not in a correct format."), "InvalidArgument", "exception:invalidcastexception")
end

-- A value as a number for arithmetic: numbers stay, text is parsed, $true is 1, $null 0.
function R.tonumber(v, pos, typeName)
  local t = type(v)
  if t == "number" then return v end
  if v == nil or v == NULL then return 0 end
  if t == "boolean" then return v and 1 or 0 end
  if t == "string" then
    local n = R.parseNumber(v)
    if n == nil then convertError(v, typeName or "System.Int32", pos) end
    return n
  end
  local mt = getmetatable(v)
  if mt == Decimal then return v end
  if mt == Char then return R.charCode(v) end
  if mt == List and #v == 1 then return R.tonumber(v[1], pos, typeName) end
  if mt and mt.__number then return mt.__number(v) end
  R.fail(pos, "InvalidCastToNumber",
    string.format('Cannot convert the "%s" value of type "%s" to type "%s".', R.str(v), R.typeName(v), typeName or "System.Int32"),
    "InvalidArgument", "exception:invalidcastexception")
end

---------------------------------------------------------------------------------------------------
-- Type names, as GetType().Name and the messages give them.

function R.typeName(v)
  local t = type(v)
  if v == nil or v == NULL then return "null" end
  if t == "string" then return "String" end
  if t == "boolean" then return "Boolean" end
  if t == "number" then
    if math.type(v) == "integer" then
      return (v >= -2147483648 and v <= 2147483647) and "Int32" or "Int64"
    end
    return "Double"
  end
  if t == "function" then return "ScriptBlock" end
  local mt = getmetatable(v)
  if mt == List then return "Object[]" end
  if mt and mt.__psname then return mt.__psname end
  return P.typename(v)
end

function R.fullTypeName(v)
  local short = R.typeName(v)
  local mt = type(v) == "table" and getmetatable(v)
  if mt and mt.__psfullname then return mt.__psfullname end
  local system = {String = 1, Boolean = 1, Int32 = 1, Int64 = 1, Double = 1, Decimal = 1, Char = 1, DateTime = 1,
                  TimeSpan = 1, Guid = 1, ["Object[]"] = 1}
  if system[short] then return "System." .. short end
  if short == "ScriptBlock" then return "System.Management.Automation.ScriptBlock" end
  return short
end

---------------------------------------------------------------------------------------------------
-- Text of any value: what "$v" and [string]$v give.

local function doubleText(d)
  if d ~= d then return "NaN" end
  if d == math.huge then return "Infinity" end
  if d == -math.huge then return "-Infinity" end
  return P.dotnet_number(d, "G15")
end
R.doubleText = doubleText

local function str(v)
  local t = type(v)
  if t == "string" then return v end
  if v == nil or v == NULL then return "" end
  if t == "boolean" then return v and "True" or "False" end
  if t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return doubleText(v)
  end
  if t == "function" then return R.blockText(v) end
  local mt = getmetatable(v)
  if mt == List then
    local sep = R.ofs
    sep = sep == nil and " " or str(sep)
    local parts = {}
    for i = 1, #v do
      local x = v[i]
      parts[i] = getmetatable(x) == List and "System.Object[]" or str(x)
    end
    return table.concat(parts, sep)
  end
  if mt and mt.__pstext then return mt.__pstext(v) end
  if mt and mt.__tostring then return tostring(v) end
  return P.str(v)
end
R.str = str

---------------------------------------------------------------------------------------------------
-- Casts.

local function roundHalfEven(x)
  local f = math.floor(x)
  local diff = x - f
  if diff > 0.5 then return f + 1 end
  if diff < 0.5 then return f end
  return f % 2 == 0 and f or f + 1
end
R.roundHalfEven = roundHalfEven

local integerRanges = {
  int = {-2147483648, 2147483647, "System.Int32"}, long = {math.mininteger, math.maxinteger, "System.Int64"},
  short = {-32768, 32767, "System.Int16"}, byte = {0, 255, "System.Byte"}, sbyte = {-128, 127, "System.SByte"},
  uint = {0, 4294967295, "System.UInt32"}, ushort = {0, 65535, "System.UInt16"}, ulong = {0, math.maxinteger, "System.UInt64"},
}

local function toInteger(v, kind, pos)
  local range = integerRanges[kind]
  local n = getmetatable(v) == Decimal and v or R.tonumber(v, pos, range[3])
  if getmetatable(n) == Decimal then
    n = R.decimalToInteger(n)
    if n == nil then convertError(v, range[3], pos, "Value was either too large or too small for " .. range[3]:sub(8) .. ".") end
  end
  if math.type(n) == "float" then
    if n ~= n or n == math.huge or n == -math.huge then convertError(v, range[3], pos, "Value was either too large or too small for " .. range[3]:sub(8) .. ".") end
    n = roundHalfEven(n)
    if n >= 2 ^ 63 or n < -2 ^ 63 then convertError(v, range[3], pos, "Value was either too large or too small for " .. range[3]:sub(8) .. ".") end
    n = math.tointeger(n)
  end
  if n < range[1] or n > range[2] then
    convertError(v, range[3], pos, "Value was either too large or too small for " .. range[3]:sub(8) .. ".")
  end
  return n
end

local function toDouble(v, pos)
  if getmetatable(v) == Decimal then return R.decimalValue(v) end
  local n = R.tonumber(v, pos, "System.Double")
  if getmetatable(n) == Decimal then return R.decimalValue(n) end
  return n + 0.0
end

local function toDecimal(v, pos)
  if type(v) == "string" then
    local d = R.parseDecimal(v, pos)
    if not d then convertError(v, "System.Decimal", pos) end
    return d
  end
  return R.toDecimal(R.tonumber(v, pos, "System.Decimal"), pos)
end

local function toChar(v, pos)
  if getmetatable(v) == Char then return v end
  if type(v) == "string" then
    if utf8.len(v) == 1 then return R.char(v) end
    R.fail(pos, "InvalidCastParseTargetInvocation", string.format('Cannot convert value "%s" to type "System.Char". Error: "String must be exactly one character long."', v),
      "InvalidArgument", "exception:invalidcastexception")
  end
  local n = toInteger(v, "int", pos)
  return R.char(utf8.char(n))
end

local function elements(v)
  if v == nil then return {} end
  if getmetatable(v) == List then return v end
  if R.enumerable(v) then return R.items(v) end
  return {v}
end

local function typedArray(kind, convert)
  return function(v, pos)
    if v == nil then return nil end
    local out = setmetatable({}, List)
    if kind == "char" and type(v) == "string" then
      for _, code in utf8.codes(v) do out[#out + 1] = R.char(utf8.char(code)) end
      return out
    end
    for i, x in ipairs(elements(v)) do
      if x == NULL then x = nil end
      out[i] = convert(x, pos)
      if out[i] == nil then out[i] = NULL end
    end
    return out
  end
end

local casts = {}
R.casts = casts
for kind in pairs(integerRanges) do casts[kind] = function(v, pos) return toInteger(v, kind, pos) end end
casts.double = toDouble
casts.float = toDouble
casts.decimal = toDecimal
casts.string = function(v) return str(v) end
casts.bool = function(v) return R.T(v) end
casts.char = toChar
casts.object = function(v) return v end
casts.psobject = casts.object
casts.pscustomobject = function(v) return v end
casts.array = function(v)
  if v == nil then return nil end
  if getmetatable(v) == List then return v end
  return setmetatable({v}, List)
end
casts.void = function() return nil end
casts.scriptblock = function(v, pos)
  if type(v) == "function" then return v end
  R.fail(pos, "NotSupportedInPlush", "Converting text to a script block ([scriptblock]) is not supported in plush: scripts load as text, once.", "NotImplemented")
end
casts.switch = function(v) return R.switch(R.T(v)) end
for _, kind in ipairs({"string", "int", "long", "double", "bool", "char", "decimal", "byte", "datetime", "guid",
                       "hashtable", "pscustomobject", "psobject"}) do
  casts[kind .. "[]"] = function(v, pos) return typedArray(kind, casts[kind])(v, pos) end
end

-- [type]value; the position names the place when the conversion fails.
function R.cast(kind, v, pos)
  if v == NULL then v = nil end
  local f = casts[kind]
  if not f then
    R.fail(pos, "NotSupportedInPlush", "Converting to [" .. kind .. "] is not supported in plush.", "NotImplemented")
  end
  return f(v, pos)
end

-- $v -as [type]: the converted value, or $null when it does not convert.
function R.as(v, kind)
  if type(kind) == "table" and kind.canonical then kind = kind.canonical end
  local ok, result = pcall(R.cast, kind, v, nil)
  if ok then return result end
  return nil
end

---------------------------------------------------------------------------------------------------
-- -is [type]

local tests = {}
R.typeTests = tests
tests.int = function(v) return math.type(v) == "integer" and v >= -2147483648 and v <= 2147483647 end
tests.long = function(v) return math.type(v) == "integer" end
tests.short = function(v) return math.type(v) == "integer" and v >= -32768 and v <= 32767 end
tests.byte = function(v) return math.type(v) == "integer" and v >= 0 and v <= 255 end
tests.double = function(v) return math.type(v) == "float" end
tests.float = tests.double
tests.decimal = function(v) return getmetatable(v) == Decimal end
tests.string = function(v) return type(v) == "string" end
tests.char = function(v) return getmetatable(v) == Char end
tests.bool = function(v) return type(v) == "boolean" end
tests.object = function(v) return v ~= nil and v ~= NULL end
tests.psobject = tests.object
tests.array = function(v) return getmetatable(v) == List end
tests.scriptblock = function(v) return type(v) == "function" end
tests.hashtable = function(v) return R.isDictionary(v) and not R.isOrdered(v) end
tests.ordered = function(v) return R.isDictionary(v) and R.isOrdered(v) end
tests.pscustomobject = function(v)
  local name = type(v) == "table" and getmetatable(v) ~= List and P.typename(v)
  return name == "PSCustomObject" or (type(name) == "string" and name:sub(1, 9) == "Selected.")
end
for _, kind in ipairs({"list", "arraylist", "hashset", "queue"}) do
  tests[kind] = function(v) return getmetatable(v) == List and R.kinds[v] == kind end
  casts[kind] = function(v) return R.newList(kind, v) end
end
for _, kind in ipairs({"string", "int", "long", "double", "bool", "char", "decimal", "datetime", "guid", "hashtable", "pscustomobject"}) do
  tests[kind .. "[]"] = function(v) return getmetatable(v) == List end
end

function R.is(v, kind)
  if v == NULL then v = nil end
  if type(kind) == "table" and kind.canonical then kind = kind.canonical end
  local test = tests[kind]
  if test then return test(v) == true end
  if type(kind) == "string" and kind:sub(1, 10) == "exception:" then return R.isException(v, kind) end
  return false
end

-- [type] as a value: its name, for -is, -as and display.
local TypeValue = P.type("RuntimeType", {"Name", "FullName"})
TypeValue.__psname = "RuntimeType"
TypeValue.__scalar = true
TypeValue.__tostring = function(t) return t.FullName end
function R.type(canonical)
  local names = {int = "System.Int32", long = "System.Int64", double = "System.Double", string = "System.String",
                 bool = "System.Boolean", datetime = "System.DateTime", hashtable = "System.Collections.Hashtable",
                 array = "System.Object[]", pscustomobject = "System.Management.Automation.PSCustomObject",
                 decimal = "System.Decimal", char = "System.Char", timespan = "System.TimeSpan", guid = "System.Guid",
                 object = "System.Object"}
  local full = names[canonical] or canonical
  return setmetatable({canonical = canonical, Name = full:match("([^.]+)$"), FullName = full}, TypeValue)
end

return R
