-- System.Decimal: a sign, a 96-bit mantissa kept as decimal digits, and a scale (0 to 28 digits after
-- the point), so 1.30D keeps its zero, 1D / 3 has 28 threes and [decimal]::MaxValue is exact.
local P = __plush
local R = P.ps

local Decimal = P.type("Decimal", {})
Decimal.__scalar = true
R.DecimalMeta = Decimal

local MAX_SCALE = 28
local MAX_MANTISSA = "79228162514264337593543950335"  -- 2^96 - 1

---------------------------------------------------------------------------------------------------
-- Unsigned whole numbers as digit strings without leading zeros ("0" for zero).

local function trim(d)
  local t = d:gsub("^0+", "")
  return t == "" and "0" or t
end

local function cmpDigits(a, b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  if a == b then return 0 end
  return a < b and -1 or 1
end

local function addDigits(a, b)
  local out, carry, i, j = {}, 0, #a, #b
  while i > 0 or j > 0 or carry > 0 do
    local s = carry + (i > 0 and a:byte(i) - 48 or 0) + (j > 0 and b:byte(j) - 48 or 0)
    out[#out + 1] = string.char(48 + s % 10)
    carry = s // 10
    i, j = i - 1, j - 1
  end
  return trim(string.reverse(table.concat(out)))
end

-- a - b, with a >= b.
local function subDigits(a, b)
  local out, borrow, i, j = {}, 0, #a, #b
  while i > 0 do
    local s = (a:byte(i) - 48) - borrow - (j > 0 and b:byte(j) - 48 or 0)
    borrow = 0
    if s < 0 then s, borrow = s + 10, 1 end
    out[#out + 1] = string.char(48 + s)
    i, j = i - 1, j - 1
  end
  return trim(string.reverse(table.concat(out)))
end

local function mulDigits(a, b)
  if a == "0" or b == "0" then return "0" end
  local acc = {}
  for i = #a, 1, -1 do
    local x = a:byte(i) - 48
    if x ~= 0 then
      for j = #b, 1, -1 do
        local k = (#a - i) + (#b - j) + 1
        acc[k] = (acc[k] or 0) + x * (b:byte(j) - 48)
      end
    end
  end
  local out, carry = {}, 0
  for k = 1, #a + #b do
    local s = (acc[k] or 0) + carry
    out[k] = string.char(48 + s % 10)
    carry = s // 10
  end
  return trim(string.reverse(table.concat(out)))
end

-- Quotient and remainder of a / b (b not zero), one digit at a time.
local function divDigits(a, b)
  local q, r = {}, "0"
  for i = 1, #a do
    r = trim(r .. a:sub(i, i))
    local digit = 0
    while cmpDigits(r, b) >= 0 do
      r = subDigits(r, b)
      digit = digit + 1
    end
    q[i] = string.char(48 + digit)
  end
  return trim(table.concat(q)), r
end

local function shift(d, n)  -- d * 10^n
  if d == "0" or n == 0 then return d end
  return d .. string.rep("0", n)
end

-- d / 10^n rounded half to even, as .NET rounds decimal results.
local function roundDigits(d, n)
  if n <= 0 then return d end
  if n > #d then
    return "0"
  end
  local keep, dropped = trim(d:sub(1, #d - n)), d:sub(#d - n + 1)
  local half = "5" .. string.rep("0", n - 1)
  local c = cmpDigits(trim(dropped), trim(half))
  if c > 0 or (c == 0 and (keep:byte(#keep) - 48) % 2 == 1) then keep = addDigits(keep, "1") end
  return keep
end

---------------------------------------------------------------------------------------------------
-- Decimals

local function overflow(pos)
  R.fail(pos, "Overflow", "Value was either too large or too small for a Decimal.", "InvalidOperation", "exception:overflowexception")
end

-- A decimal from its parts; too many digits after the point are rounded away, too large a value fails.
local function make(negative, digits, scale, pos)
  if scale > MAX_SCALE then
    digits, scale = roundDigits(digits, scale - MAX_SCALE), MAX_SCALE
  end
  while cmpDigits(digits, MAX_MANTISSA) > 0 do
    if scale == 0 then overflow(pos) end
    digits, scale = roundDigits(digits, 1), scale - 1
  end
  return setmetatable({neg = negative and digits ~= "0", d = digits, s = scale}, Decimal)
end
R.makeDecimal = make

-- R.decimal(mantissa, scale): from a Lua integer mantissa, as the compiler writes literals.
function R.decimal(m, s)
  local text = string.format("%d", m)
  local negative = text:sub(1, 1) == "-"
  return make(negative, negative and text:sub(2) or text, s)
end

function R.isDecimal(v) return getmetatable(v) == Decimal end

Decimal.__tostring = function(d)
  local digits, s = d.d, d.s
  if s > 0 then
    if #digits <= s then digits = string.rep("0", s - #digits + 1) .. digits end
    digits = digits:sub(1, #digits - s) .. "." .. digits:sub(#digits - s + 1)
  end
  return (d.neg and "-" or "") .. digits
end

-- The nearest double.
function R.decimalValue(d) return tonumber(tostring(d)) + 0.0 end

-- A decimal from text ("1.10" keeps its two digits, 1e3 is read too); nil when the text is no number.
function R.parseDecimal(text, pos)
  local sign, int, frac, exp = text:match("^%s*([+-]?)(%d*)%.?(%d*)([eE]?[+-]?%d*)%s*$")
  if not sign or (int == "" and frac == "") then return nil end
  local digits, scale = trim((int ~= "" and int or "0") .. frac), #frac
  if exp ~= "" then
    local e = tonumber(exp:sub(2))
    if not e then return nil end
    scale = scale - e
    if scale < 0 then digits, scale = shift(digits, -scale), 0 end
  end
  return make(sign == "-", digits, scale, pos)
end

-- A number as a decimal: integers exactly, doubles by their 15 significant digits.
function R.toDecimal(n, pos)
  if getmetatable(n) == Decimal then return n end
  if math.type(n) == "integer" then return R.decimal(n, 0) end
  if n ~= n or n == math.huge or n == -math.huge then overflow(pos) end
  return R.parseDecimal(string.format("%.15g", n), pos) or overflow(pos)
end

-- Both mantissas at one scale (the larger).
local function aligned(a, b)
  local s = math.max(a.s, b.s)
  return shift(a.d, s - a.s), shift(b.d, s - b.s), s
end

local function signedAdd(an, ad, bn, bd)
  if an == bn then return an, addDigits(ad, bd) end
  local c = cmpDigits(ad, bd)
  if c == 0 then return false, "0" end
  if c > 0 then return an, subDigits(ad, bd) end
  return bn, subDigits(bd, ad)
end

function R.decimalAdd(a, b, pos)
  a, b = R.toDecimal(a, pos), R.toDecimal(b, pos)
  local x, y, s = aligned(a, b)
  local negative, digits = signedAdd(a.neg, x, b.neg, y)
  return make(negative, digits, s, pos)
end

function R.decimalNegate(a) return make(not a.neg, a.d, a.s) end

function R.decimalMul(a, b, pos)
  a, b = R.toDecimal(a, pos), R.toDecimal(b, pos)
  return make(a.neg ~= b.neg, mulDigits(a.d, b.d), a.s + b.s, pos)
end

-- a / b (b not zero): exact when it can be, else as many digits as a decimal holds, the last rounded.
function R.decimalDiv(a, b, pos)
  a, b = R.toDecimal(a, pos), R.toDecimal(b, pos)
  local n, s = a.d, a.s - b.s
  if s < 0 then n, s = shift(n, -s), 0 end
  local q, r = divDigits(n, b.d)
  while r ~= "0" and s < MAX_SCALE do
    local wider = shift(q, 1)
    if cmpDigits(wider, MAX_MANTISSA) > 0 then break end
    local digit
    digit, r = divDigits(shift(r, 1), b.d)
    q, s = addDigits(wider, digit), s + 1
  end
  if r ~= "0" then
    local c = cmpDigits(mulDigits(r, "2"), b.d)
    if c > 0 or (c == 0 and (q:byte(#q) - 48) % 2 == 1) then q = addDigits(q, "1") end
  end
  return make(a.neg ~= b.neg, q, s, pos)
end

-- a % b (b not zero): the remainder of the truncated quotient, with a's sign.
function R.decimalMod(a, b)
  a, b = R.toDecimal(a), R.toDecimal(b)
  local x, y, s = aligned(a, b)
  local _, r = divDigits(x, y)
  return make(a.neg, r, s)
end

function R.decimalIsZero(a) return a.d == "0" end

-- -1, 0 or 1.
function R.decimalCompare(a, b)
  a, b = R.toDecimal(a), R.toDecimal(b)
  if a.neg ~= b.neg then return a.neg and -1 or 1 end
  local x, y = aligned(a, b)
  local c = cmpDigits(x, y)
  return a.neg and -c or c
end

function R.decimalAbs(a) return make(false, a.d, a.s) end

-- The whole number nearest a decimal (half to even), or nil beyond Int64.
function R.decimalToInteger(a)
  local whole = roundDigits(a.d, a.s)
  local text = (a.neg and "-" or "") .. whole
  local n = math.tointeger(tonumber(text))
  if n == nil or string.format("%d", n) ~= text then return nil end
  return n
end

R.decimalMax = make(false, MAX_MANTISSA, 0)
R.decimalMin = make(true, MAX_MANTISSA, 0)

return R
