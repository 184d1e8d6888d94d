-- PowerShell's operators: arithmetic by the left operand's type, comparisons that filter arrays,
-- -like, -match ($Matches), -replace, -split, -join, -f, ranges, bitwise operators.
local P = __plush
local R = P.ps
local NULL, List = R.NULL, P.ListMeta
local str, tonum, isDecimal, decimal = R.str, R.tonumber, R.isDecimal, R.decimal

local function isList(v) return getmetatable(v) == List end
local INT32_MIN, INT32_MAX = -2147483648, 2147483647
local function int32(n) return n >= INT32_MIN and n <= INT32_MAX end

local function opError(pos, op, a)
  R.fail(pos, "MethodNotFound",
    string.format("Method invocation failed because [%s] does not contain a method named '%s'.", R.fullTypeName(a), op),
    "InvalidOperation", "exception:runtimeexception")
end

---------------------------------------------------------------------------------------------------
-- Arithmetic. An Int32 result that leaves Int32's range becomes a Double, as in PowerShell; Int64
-- likewise past Int64's; a Decimal keeps its scale; a Double makes the result a Double.

local function addNumbers(a, b, pos)
  if isDecimal(a) or isDecimal(b) then
    if math.type(a) == "float" or math.type(b) == "float" then
      return (isDecimal(a) and R.decimalValue(a) or a) + (isDecimal(b) and R.decimalValue(b) or b)
    end
    return R.decimalAdd(a, b, pos)
  end
  if math.type(a) == "integer" and math.type(b) == "integer" then
    local r = a + b
    if int32(a) and int32(b) then
      if int32(r) then return r end
      return r + 0.0
    end
    if (a >= 0) == (b >= 0) and (r >= 0) ~= (a >= 0) then return (a + 0.0) + b end
    return r
  end
  return a + b
end

local function mulNumbers(a, b, pos)
  if isDecimal(a) or isDecimal(b) then
    if math.type(a) == "float" or math.type(b) == "float" then
      return (isDecimal(a) and R.decimalValue(a) or a) * (isDecimal(b) and R.decimalValue(b) or b)
    end
    return R.decimalMul(a, b, pos)
  end
  if math.type(a) == "integer" and math.type(b) == "integer" then
    local r = a * b
    local f = (a + 0.0) * b
    if int32(a) and int32(b) then
      if int32(r) and r == f then return r end
      return f
    end
    if math.abs(f) >= 2 ^ 63 or (a ~= 0 and r // a ~= b) then return f end
    return r
  end
  return a * b
end

local function negate(n)
  if isDecimal(n) then return R.decimalNegate(n) end
  if math.type(n) == "integer" and n == math.mininteger then return -(n + 0.0) end
  return -n
end

-- Copy of an array with more elements appended (arrays are fixed: + makes a new one).
local function concatArrays(a, b)
  local out, n = setmetatable({}, List), 0
  for i = 1, #a do n = n + 1; out[n] = a[i] end
  if isList(b) or R.enumerable(b) then
    for _, x in R.each(b) do
      n = n + 1
      out[n] = x == nil and NULL or x
    end
  else
    n = n + 1
    out[n] = b == nil and NULL or b
  end
  return out
end

function R.add(a, b, pos)
  if a == NULL then a = nil end
  if b == NULL then b = nil end
  if a == nil then
    if b == nil then return nil end
    if type(b) == "number" or isDecimal(b) or type(b) == "string" or isList(b) or R.isDictionary(b) then return b end
    return b
  end
  local t = type(a)
  if t == "number" or t == "boolean" or isDecimal(a) or R.isChar(a) and type(b) ~= "string" then
    local x = t == "boolean" and (a and 1 or 0) or tonum(a, pos)
    if b == nil then return x end
    return addNumbers(x, tonum(b, pos, R.typeName(x) == "Double" and "System.Double" or "System.Int32"), pos)
  end
  if t == "string" or R.isChar(a) then return str(a) .. str(b) end
  if isList(a) then return concatArrays(a, b) end
  local mt = getmetatable(a)
  if mt and mt.__add_ps then return mt.__add_ps(a, b, pos) end
  if R.isDictionary(a) then
    if b == nil then return R.hashCopy(a) end
    if not R.isDictionary(b) then
      R.fail(pos, "AddHashTableToNonHashTable", "A hash table can only be added to another hash table.", "InvalidOperation", "exception:runtimeexception")
    end
    return R.hashMerge(a, b, pos)
  end
  opError(pos, "op_Addition", a)
end

function R.sub(a, b, pos)
  if a == NULL then a = nil end
  if b == NULL then b = nil end
  local mt = type(a) == "table" and getmetatable(a)
  if mt and mt.__sub_ps then return mt.__sub_ps(a, b, pos) end
  if isList(a) or R.isDictionary(a) then opError(pos, "op_Subtraction", a) end
  local x = tonum(a, pos)
  if b == nil then return x end
  if type(b) == "table" and not isDecimal(b) and not R.isChar(b) and not isList(b) then
    local bm = getmetatable(b)
    if not (bm and bm.__number) then opError(pos, "op_Subtraction", a) end
  end
  return addNumbers(x, negate(tonum(b, pos)), pos)
end

function R.mul(a, b, pos)
  if a == NULL then a = nil end
  if b == NULL then b = nil end
  if a == nil then return nil end
  if type(a) == "string" then
    local n = R.cast("int", b, pos)
    if n < 0 then R.fail(pos, "ArgumentOutOfRange", "The count to repeat a string must not be negative.", "InvalidArgument", "exception:argumentoutofrangeexception") end
    return string.rep(a, n)
  end
  if isList(a) then
    local n = R.cast("int", b, pos)
    local out, k = setmetatable({}, List), 0
    for _ = 1, n do
      for i = 1, #a do k = k + 1; out[k] = a[i] end
    end
    return out
  end
  if R.isDictionary(a) then opError(pos, "op_Multiply", a) end
  return mulNumbers(tonum(a, pos), tonum(b, pos), pos)
end

local function divideByZero(pos)
  R.fail(pos, "RuntimeException", "Attempted to divide by zero.", "NotSpecified", "exception:dividebyzeroexception")
end

function R.div(a, b, pos)
  if a == NULL then a = nil end
  if b == NULL then b = nil end
  if isList(a) or R.isDictionary(a) or type(a) == "table" and not isDecimal(a) and not R.isChar(a) then
    local mt = getmetatable(a)
    if not (mt and mt.__number) then opError(pos, "op_Division", a) end
  end
  local x, y = tonum(a, pos), tonum(b, pos)
  if isDecimal(x) or isDecimal(y) then
    if math.type(x) == "float" or math.type(y) == "float" then
      local fx, fy = isDecimal(x) and R.decimalValue(x) or x, isDecimal(y) and R.decimalValue(y) or y
      return fx / fy
    end
    if R.decimalIsZero(R.toDecimal(y)) then divideByZero(pos) end
    return R.decimalDiv(x, y, pos)
  end
  if math.type(x) == "integer" and math.type(y) == "integer" then
    if y == 0 then divideByZero(pos) end
    if x % y == 0 then
      local q = x // y
      if int32(x) and int32(y) and not int32(q) then return q + 0.0 end
      return q
    end
    return x / y
  end
  if y == 0 and math.type(y) == "integer" then divideByZero(pos) end
  return x / y
end

function R.mod(a, b, pos)
  local x, y = tonum(a, pos), tonum(b, pos)
  if isDecimal(x) or isDecimal(y) then
    if R.decimalIsZero(R.toDecimal(y)) then divideByZero(pos) end
    return R.decimalMod(x, y)
  end
  if math.type(x) == "integer" and math.type(y) == "integer" then
    if y == 0 then divideByZero(pos) end
    return math.fmod(x, y)
  end
  return math.fmod(x, y)
end

function R.neg(v, pos)
  local n = tonum(v, pos)
  return negate(n)
end

function R.plus(v, pos) return tonum(v, pos) end

local function toInt(v, pos)
  local n = tonum(v, pos)
  if isDecimal(n) then n = R.decimalValue(n) end
  if math.type(n) == "float" then n = math.tointeger(R.roundHalfEven(n)) or 0 end
  return n
end
function R.band(a, b, pos) return toInt(a, pos) & toInt(b, pos) end
function R.bor(a, b, pos) return toInt(a, pos) | toInt(b, pos) end
function R.bxor(a, b, pos) return toInt(a, pos) ~ toInt(b, pos) end
function R.bnot(a, pos)
  local n = toInt(a, pos)
  local r = ~n
  return r
end
function R.shl(a, b, pos) return toInt(a, pos) << toInt(b, pos) end
function R.shr(a, b, pos)
  local n, k = toInt(a, pos), toInt(b, pos)
  if n >= 0 then return n >> k end
  return -((-n - 1) >> k) - 1
end

function R.xor(a, b) return R.T(a) ~= R.T(b) end

---------------------------------------------------------------------------------------------------
-- Comparisons. The right operand is converted to the left operand's type; strings compare without
-- case unless the operator starts with c. A left-hand array filters: the elements for which the
-- comparison holds.

local lower = string.lower

-- Two numbers compared exactly when they are decimals or a decimal and a whole number (doubles
-- would lose the digits past 15); nil when either is neither.
local function exactDecimalCompare(a, b)
  local da, db = isDecimal(a), isDecimal(b)
  if not (da or db) then return nil end
  if (da or math.type(a) == "integer") and (db or math.type(b) == "integer") then return R.decimalCompare(a, b) end
  return nil
end

local function asNumber(v)
  if type(v) == "number" then return v end
  if type(v) == "boolean" then return v and 1 or 0 end
  if type(v) == "string" then return R.parseNumber(v) end
  if isDecimal(v) then return R.decimalValue(v) end
  if R.isChar(v) then return R.charCode(v) end
  local mt = type(v) == "table" and getmetatable(v)
  if mt and mt.__number then return mt.__number(v) end
  return nil
end

-- A culture-style ordering of two strings: letters first without case; lower case before upper
-- when only case differs (case-sensitive operators).
local function compareText(a, b, caseSensitive)
  local la, lb = lower(a), lower(b)
  if la ~= lb then return la < lb and -1 or 1 end
  if not caseSensitive or a == b then return 0 end
  for i = 1, #a do
    local x, y = a:sub(i, i), b:sub(i, i)
    if x ~= y then return x == lower(x) and -1 or 1 end
  end
  return 0
end

-- plush's objects give times as ISO 8601 text (LastSignIn, ExpiresOn) where Microsoft Graph gives a
-- DateTime: text compared with a date is read as a date when it is one, so `$_.LastSignIn -lt
-- (Get-Date).AddDays(-90)` compares times, not text.
local DateMeta = P.type("Date")
local function asDateText(a, b)
  if type(a) == "string" and getmetatable(b) == DateMeta then return R.parseDateTime(a) end
  return nil
end

local function equalScalar(a, b, cs)
  if a == NULL then a = nil end
  if b == NULL then b = nil end
  if a == nil or b == nil then return a == nil and b == nil end
  local t = type(a)
  local date = asDateText(a, b)
  if date then return date.Epoch == b.Epoch end
  if t == "string" then
    local s = type(b) == "string" and b or str(b)
    if #a ~= #s and not cs then return false end
    if cs then return a == s end
    return a == s or lower(a) == lower(s)
  end
  if t == "number" or isDecimal(a) then
    local exact = exactDecimalCompare(a, b)
    if exact then return exact == 0 end
    local x = isDecimal(a) and R.decimalValue(a) or a
    local y = asNumber(b)
    if y == nil then return false end
    return x == y
  end
  if t == "boolean" then return a == R.T(b) end
  local mt = getmetatable(a)
  if mt == R.CharMeta then
    if R.isChar(b) then return cs and a.c == b.c or lower(a.c) == lower(b.c) end
    if type(b) == "string" then return cs and a.c == b or lower(a.c) == lower(b) end
    local n = asNumber(b)
    return n ~= nil and R.charCode(a) == n
  end
  if mt and mt.__equal_ps then return mt.__equal_ps(a, b) end
  return rawequal(a, b)
end
R.equalScalar = equalScalar

-- -1, 0, 1; nil when the two cannot be ordered (text that is no number against a number).
local function compareScalar(a, b, cs, pos)
  if a == NULL then a = nil end
  if b == NULL then b = nil end
  if a == nil or b == nil then
    if a == nil and b == nil then return 0 end
    return a == nil and -1 or 1
  end
  local t = type(a)
  local date = asDateText(a, b)
  if date then return date.Epoch < b.Epoch and -1 or (date.Epoch > b.Epoch and 1 or 0) end
  if t == "string" then return compareText(a, type(b) == "string" and b or str(b), cs) end
  if t == "number" or isDecimal(a) or t == "boolean" then
    local exact = exactDecimalCompare(a, b)
    if exact then return exact end
    local x = asNumber(a)
    local y = asNumber(b)
    if y == nil then
      R.fail(pos, "ComparisonFailure", string.format('Could not compare "%s" to "%s". Error: "Cannot convert value "%s" to type "%s"."',
        str(a), str(b), str(b), R.fullTypeName(a)), "InvalidOperation", "exception:runtimeexception")
    end
    if x < y then return -1 elseif x > y then return 1 end
    return 0
  end
  local mt = getmetatable(a)
  if mt and mt.__compare_ps then return mt.__compare_ps(a, b, pos) end
  if R.isChar(a) then return compareText(a.c, str(b), cs) end
  return compareText(str(a), str(b), cs)
end
R.compareScalar = compareScalar

-- A binary comparison as PowerShell applies it: element-wise filtering over a left-hand array.
local function lifted(test)
  return function(a, b, pos)
    if isList(a) then
      local out, n = setmetatable({}, List), 0
      for i = 1, #a do
        local x = a[i]
        if test(x, b, pos) then n = n + 1; out[n] = x end
      end
      return out
    end
    return test(a, b, pos)
  end
end

R.eq = lifted(function(a, b) return equalScalar(a, b, false) end)
R.ne = lifted(function(a, b) return not equalScalar(a, b, false) end)
R.ceq = lifted(function(a, b) return equalScalar(a, b, true) end)
R.cne = lifted(function(a, b) return not equalScalar(a, b, true) end)
R.gt = lifted(function(a, b, pos) return compareScalar(a, b, false, pos) > 0 end)
R.ge = lifted(function(a, b, pos) return compareScalar(a, b, false, pos) >= 0 end)
R.lt = lifted(function(a, b, pos) return compareScalar(a, b, false, pos) < 0 end)
R.le = lifted(function(a, b, pos) return compareScalar(a, b, false, pos) <= 0 end)
R.cgt = lifted(function(a, b, pos) return compareScalar(a, b, true, pos) > 0 end)
R.cge = lifted(function(a, b, pos) return compareScalar(a, b, true, pos) >= 0 end)
R.clt = lifted(function(a, b, pos) return compareScalar(a, b, true, pos) < 0 end)
R.cle = lifted(function(a, b, pos) return compareScalar(a, b, true, pos) <= 0 end)

-- Wildcards: the shared runtime's pattern (about_Wildcards), anchored at both ends.
local wildcardPattern = P.wildcardPattern

function R.likeText(s, w, cs)
  if cs then return s:find(wildcardPattern(w)) ~= nil end
  return lower(s):find(wildcardPattern(lower(w))) ~= nil
end

R.like = lifted(function(a, b) return R.likeText(str(a), str(b), false) end)
R.notlike = lifted(function(a, b) return not R.likeText(str(a), str(b), false) end)
R.clike = lifted(function(a, b) return R.likeText(str(a), str(b), true) end)
R.cnotlike = lifted(function(a, b) return not R.likeText(str(a), str(b), true) end)

-- -match: sets $Matches in the scope when the left side is one value and it matched.
local function matcher(cs, negate)
  return function(S, a, b, pos)
    local pattern = str(b)
    if isList(a) then
      local out, n = setmetatable({}, List), 0
      for i = 1, #a do
        local x = a[i]
        local hit = R.regexTest(str(x), pattern, not cs, pos)
        if hit ~= negate then n = n + 1; out[n] = x end
      end
      return out
    end
    local m = R.regexFind(str(a), pattern, not cs, pos)
    if m then R.set(S, "matches", R.matchesTable(m)) end
    return (m ~= nil) ~= negate
  end
end
R.match = matcher(false, false)
R.notmatch = matcher(false, true)
R.cmatch = matcher(true, false)
R.cnotmatch = matcher(true, true)

local function contains(list, v, cs)
  for _, x in R.each(list) do
    if equalScalar(x, v, cs) then return true end
  end
  return false
end
function R.contains(a, b) return contains(a, b, false) end
function R.notcontains(a, b) return not contains(a, b, false) end
function R.ccontains(a, b) return contains(a, b, true) end
function R.cnotcontains(a, b) return not contains(a, b, true) end
function R.isin(a, b) return contains(b, a, false) end
function R.notin(a, b) return not contains(b, a, false) end
function R.cin(a, b) return contains(b, a, true) end
function R.cnotin(a, b) return not contains(b, a, true) end

---------------------------------------------------------------------------------------------------
-- -replace, -split, -join

local function replaceOne(text, pattern, replacement, icase, pos)
  if type(replacement) == "function" then
    local out, at = {}, 1
    for _, m in ipairs(R.regexAll(text, pattern, icase, pos)) do
      out[#out + 1] = text:sub(at, m.start - 1)
      out[#out + 1] = str(R.cap(R.toarr(replacement(R.matchObject(m, text)))))
      at = m.stop + 1
    end
    out[#out + 1] = text:sub(at)
    return table.concat(out)
  end
  return R.regexReplace(text, pattern, str(replacement), icase, pos)
end

local function replacer(cs)
  return function(a, b, pos)
    local pattern, replacement = b, ""
    if isList(b) then
      if #b > 2 then
        R.fail(pos, "BadReplaceArgument", "The -replace operator allows only two elements to follow it, not " .. #b .. ".", "InvalidOperation", "exception:runtimeexception")
      end
      pattern, replacement = b[1], b[2]
      if replacement == NULL then replacement = nil end
    end
    pattern = str(pattern)
    if replacement == nil then replacement = "" end
    if isList(a) then
      local out = setmetatable({}, List)
      for i = 1, #a do out[i] = replaceOne(str(a[i]), pattern, replacement, not cs, pos) end
      return out
    end
    return replaceOne(str(a), pattern, replacement, not cs, pos)
  end
end
R.replace = replacer(false)
R.creplace = replacer(true)

local function splitText(text, delimiter, max, options, cs, pos)
  local out = {}
  if type(delimiter) == "function" then
    local piece = {}
    for _, code in utf8.codes(text) do
      local ch = utf8.char(code)
      if R.T(delimiter(ch)) then
        out[#out + 1] = table.concat(piece)
        piece = {}
        if max > 0 and #out == max - 1 then break end
      else
        piece[#piece + 1] = ch
      end
    end
    out[#out + 1] = table.concat(piece)
    return out
  end
  local pattern = str(delimiter)
  local opts = lower(options or "")
  if opts:find("simplematch", 1, true) then pattern = R.regexEscape(pattern) end
  local icase = not cs and not opts:find("^%s*casesensitive")
  if opts:find("explicitcapture", 1, true) then pattern = "(?n)" .. pattern end
  if opts:find("multiline", 1, true) then pattern = "(?m)" .. pattern end
  if opts:find("singleline", 1, true) then pattern = "(?s)" .. pattern end
  if max < 0 then
    -- from the right: the last |max|-1 pieces split off, the rest left whole
    local parts = R.regexSplit(text, pattern, icase, 0, pos)
    local keep = -max
    if #parts <= keep then return parts end
    local matches = R.regexAll(text, pattern, icase, pos)
    local cut = matches[#matches - keep + 2]
    local head = text:sub(1, cut.start - 1)
    out[1] = head
    local tail = R.regexSplit(text:sub(cut.start), pattern, icase, 0, pos)
    for i = 2, #tail do out[#out + 1] = tail[i] end
    return out
  end
  return R.regexSplit(text, pattern, icase, max, pos)
end

local function splitter(cs)
  return function(a, b, pos)
    local delimiter, max, options = b, 0, nil
    if isList(b) then
      delimiter = b[1]
      max = b[2] ~= nil and R.cast("int", b[2], pos) or 0
      options = b[3] ~= nil and str(b[3]) or nil
    end
    local out, n = setmetatable({}, List), 0
    for _, x in R.each(a) do
      for _, piece in ipairs(splitText(str(x), delimiter, max, options, cs, pos)) do
        n = n + 1
        out[n] = piece
      end
    end
    return out
  end
end
R.split = splitter(false)
R.csplit = splitter(true)

-- -split text: on runs of white space, without empty pieces at the ends.
function R.split1(v)
  local out, n = setmetatable({}, List), 0
  for _, x in R.each(v) do
    for word in str(x):gmatch("%S+") do
      n = n + 1
      out[n] = word
    end
  end
  return out
end

function R.join(a, b)
  local sep = str(b)
  local parts = {}
  for i, x in R.each(a) do parts[#parts + 1] = str(x) end
  return table.concat(parts, sep)
end

function R.join1(v) return R.join(v, "") end

---------------------------------------------------------------------------------------------------
-- Ranges: 1..10, 5..1, 'a'..'e'; the ends convert to integers.

function R.range(a, b, pos)
  local function endpoint(v)
    if type(v) == "string" and utf8.len(v) == 1 and not v:match("%d") then return utf8.codepoint(v), true end
    if R.isChar(v) then return R.charCode(v), true end
    return R.cast("int", v, pos), false
  end
  local x, xc = endpoint(a)
  local y, yc = endpoint(b)
  local chars = xc and yc
  local out, n = setmetatable({}, List), 0
  local step = x <= y and 1 or -1
  if math.abs(y - x) > 50000000 then
    R.fail(pos, "RangeTooLarge", "The range " .. x .. ".." .. y .. " is too large (more than 50,000,000 items).", "InvalidArgument", "exception:argumentoutofrangeexception")
  end
  for i = x, y, step do
    n = n + 1
    out[n] = chars and R.char(utf8.char(i)) or i
  end
  return out
end

---------------------------------------------------------------------------------------------------
-- -f: .NET composite formatting, {index[,alignment][:format]}, {{ and }} for braces.

local function formatValue(v, fmt, pos)
  if v == nil or v == NULL then return "" end
  if fmt == nil then
    if type(v) == "number" then return P.dotnet_number(v, "") end
    return str(v)
  end
  if type(v) == "number" then
    local text, why = P.dotnet_number(v, fmt)
    if not text then R.fail(pos, "FormatError", "Error formatting a string: " .. tostring(why), "InvalidArgument", "exception:formatexception") end
    return text
  end
  if isDecimal(v) then
    local text = P.dotnet_number(R.decimalValue(v), fmt)
    return text or str(v)
  end
  local mt = type(v) == "table" and getmetatable(v)
  if mt and mt.__format_ps then return mt.__format_ps(v, fmt, pos) end
  return str(v)
end
R.formatValue = formatValue

function R.fmt(format, args, pos)
  local list = isList(args) and args or {args}
  local count = isList(args) and #args or 1
  local f = str(format)
  local out, i = {}, 1
  local function bad(message)
    R.fail(pos, "FormatError", "Error formatting a string: " .. message, "InvalidArgument", "exception:formatexception")
  end
  while i <= #f do
    local c = f:sub(i, i)
    if c == "{" then
      if f:sub(i + 1, i + 1) == "{" then
        out[#out + 1] = "{"
        i = i + 2
      else
        local close = f:find("}", i, true)
        if not close then bad("Input string was not in a correct format.") end
        local item = f:sub(i + 1, close - 1)
        local index, rest = item:match("^%s*(%d+)%s*(.*)$")
        if not index then bad("Input string was not in a correct format.") end
        index = tonumber(index)
        local align, fmt = nil, nil
        local colon = rest:find(":", 1, true)
        if colon then
          fmt = rest:sub(colon + 1)
          rest = rest:sub(1, colon - 1)
        end
        if rest:match("^,") then align = tonumber(rest:match("^,%s*(-?%d+)%s*$")) end
        if index >= count then bad("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.") end
        local v = list[index + 1]
        local text = formatValue(v, fmt, pos)
        if align then
          local width = utf8.len(text) or #text
          local pad = math.abs(align) - width
          if pad > 0 then
            if align > 0 then text = string.rep(" ", pad) .. text else text = text .. string.rep(" ", pad) end
          end
        end
        out[#out + 1] = text
        i = close + 1
      end
    elseif c == "}" then
      if f:sub(i + 1, i + 1) == "}" then i = i + 2 else bad("Input string was not in a correct format.") end
      out[#out + 1] = "}"
    else
      local nxt = f:find("[{}]", i)
      local stop = nxt and nxt - 1 or #f
      out[#out + 1] = f:sub(i, stop)
      i = stop + 1
    end
  end
  return table.concat(out)
end

-- "text $x $(expr)": the parts joined as PowerShell converts each to text.
function R.cat(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = str((select(i, ...))) end
  return table.concat(parts)
end


-- A switch clause's value against the item ($_): as text, case-insensitively unless -CaseSensitive;
-- with -Wildcard as a wildcard, with -Regex as a regular expression (which sets $Matches).
local kRegex, kWildcard, kCaseSensitive = 1, 2, 8
function R.swmatch(S, item, condition, flags)
  local text, cond = str(item), str(condition)
  local cs = flags & kCaseSensitive ~= 0
  if flags & kRegex ~= 0 then
    local m = R.regexFind(text, cond, not cs)
    if m then R.set(S, "matches", R.matchesTable(m)) end
    return m ~= nil
  end
  if flags & kWildcard ~= 0 then return R.likeText(text, cond, cs) end
  if cs then return text == cond end
  return text == cond or lower(text) == lower(cond)
end

return R
