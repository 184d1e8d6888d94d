-- DateTime and TimeSpan for the PowerShell dialect, over the shell's Date (UTC, as plush's clock):
-- members, methods, [datetime] parsing, date arithmetic ($a - $b is a TimeSpan), DayOfWeek.
local P = __plush
local R = P.ps
local str = R.str

local Date = P.type("Date")
Date.__psname = "DateTime"
Date.__psfullname = "System.DateTime"
Date.__methodsAsFields = true  -- the shell's Date answers its method names with functions

local function pad(n, width) return string.format("%0" .. width .. "d", n) end

-- As PowerShell converts a date to text (the invariant culture): 11/22/2026 09:05:07.
Date.__pstext = function(d)
  return pad(d.Month, 2) .. "/" .. pad(d.Day, 2) .. "/" .. pad(d.Year, 4) .. " " .. pad(d.Hour, 2) .. ":" .. pad(d.Minute, 2) .. ":" .. pad(d.Second, 2)
end

---------------------------------------------------------------------------------------------------
-- Enums (DayOfWeek, ...): show as their name, convert to their number, equal to either.

local Enum = P.type("Enum", {})
Enum.__scalar = true
Enum.__tostring = function(e) return e.name end
Enum.__pstext = function(e) return e.name end
Enum.__number = function(e) return e.value end
Enum.__equal_ps = function(a, b)
  if getmetatable(b) == Enum then return a.value == b.value end
  if type(b) == "string" then return a.name:lower() == b:lower() or tostring(a.value) == b end
  return a.value == tonumber(b)
end
Enum.__compare_ps = function(a, b)
  local y = getmetatable(b) == Enum and b.value or tonumber(b)
  if not y then return a.name:lower() < tostring(b):lower() and -1 or 1 end
  return a.value < y and -1 or (a.value > y and 1 or 0)
end
function R.enum(typeName, name, value)
  local e = setmetatable({name = name, value = value}, Enum)
  e.typeName = typeName
  return e
end

local dayNames = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
local monthNames = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"}

local function weekday(d) return (d.Epoch // 86400 + 4) % 7 end  -- 1970-01-01 was a Thursday

local function daysInMonth(y, m)
  local days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
  if m == 2 and (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then return 29 end
  return days[m]
end
R.daysInMonth = daysInMonth

local function fromParts(y, m, d, hh, mm, ss)
  local iso = string.format("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh or 0, mm or 0, ss or 0)
  return P.parseDate(iso)
end
R.dateFromParts = fromParts

---------------------------------------------------------------------------------------------------
-- TimeSpan: milliseconds, shown as [-][d.]hh:mm:ss[.fffffff].

local Span = P.type("TimeSpan", {"Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays",
                                 "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds"})
Span.__psname = "TimeSpan"
Span.__psfullname = "System.TimeSpan"
Span.__scalar = true
R.SpanMeta = Span

function R.timespan(ms)
  return setmetatable({ms = ms}, Span)
end

local function spanText(s)
  local ms = s.ms
  local sign = ms < 0 and "-" or ""
  ms = math.abs(ms)
  local whole = math.floor(ms / 1000)
  local frac = ms - whole * 1000
  local days = whole // 86400
  local rest = whole % 86400
  local text = sign .. (days > 0 and (days .. ".") or "") .. pad(rest // 3600, 2) .. ":" .. pad(rest % 3600 // 60, 2) .. ":" .. pad(rest % 60, 2)
  if frac > 0 then text = text .. "." .. pad(math.floor(frac * 10000 + 0.5), 7) end
  return text
end
Span.__tostring = spanText
Span.__pstext = spanText
Span.__number = function(s) return math.tointeger(s.ms * 10000) or s.ms * 10000 end

local function truncate(x) return x >= 0 and math.floor(x) or -math.floor(-x) end
local function integral(x) return math.tointeger(x) or x end

Span.__members_ps = {
  days = function(s) return truncate(s.ms / 86400000) end,
  hours = function(s) return truncate(math.abs(s.ms) / 3600000) % 24 * (s.ms < 0 and -1 or 1) end,
  minutes = function(s) return truncate(math.abs(s.ms) / 60000) % 60 * (s.ms < 0 and -1 or 1) end,
  seconds = function(s) return truncate(math.abs(s.ms) / 1000) % 60 * (s.ms < 0 and -1 or 1) end,
  milliseconds = function(s) return truncate(math.abs(s.ms)) % 1000 * (s.ms < 0 and -1 or 1) end,
  ticks = function(s) return integral(s.ms * 10000) end,
  totaldays = function(s) return s.ms / 86400000 end,
  totalhours = function(s) return s.ms / 3600000 end,
  totalminutes = function(s) return s.ms / 60000 end,
  totalseconds = function(s) return s.ms / 1000 end,
  totalmilliseconds = function(s) return s.ms + 0.0 end,
}

local function asSpan(v, pos)
  if getmetatable(v) == Span then return v end
  return R.cast("timespan", v, pos)
end

Span.__equal_ps = function(a, b) return getmetatable(b) == Span and a.ms == b.ms end
Span.__compare_ps = function(a, b, pos)
  local y = asSpan(b, pos).ms
  return a.ms < y and -1 or (a.ms > y and 1 or 0)
end
Span.__add_ps = function(a, b, pos)
  if getmetatable(b) == Date then return R.dateAddMs(b, a.ms) end
  return R.timespan(a.ms + asSpan(b, pos).ms)
end
Span.__sub_ps = function(a, b, pos) return R.timespan(a.ms - asSpan(b, pos).ms) end

-- "d.hh:mm:ss", "hh:mm:ss", "hh:mm", "d", with an optional fraction; nil when it is none of them.
function R.parseTimeSpan(text)
  local s = text:match("^%s*(.-)%s*$")
  local sign = 1
  if s:sub(1, 1) == "-" then sign = -1; s = s:sub(2) end
  local d, h, m, sec, frac = s:match("^(%d+)%.(%d+):(%d+):?(%d*)%.?(%d*)$")
  if not d then
    d = "0"
    h, m, sec, frac = s:match("^(%d+):(%d+):?(%d*)%.?(%d*)$")
  end
  if not h then
    local days = s:match("^(%d+)$")
    if days then return R.timespan(sign * tonumber(days) * 86400000) end
    return nil
  end
  local ms = ((tonumber(d) * 24 + tonumber(h)) * 60 + tonumber(m)) * 60000 + (tonumber(sec) or 0) * 1000
  if frac and frac ~= "" then ms = ms + tonumber("0." .. frac) * 1000 end
  return R.timespan(sign * ms)
end

R.casts.timespan = function(v, pos)
  if getmetatable(v) == Span then return v end
  if v == nil then return R.timespan(0) end
  if type(v) == "string" then
    local s = R.parseTimeSpan(v)
    if s then return s end
    R.fail(pos, "InvalidCastParseTargetInvocation", string.format('Cannot convert value "%s" to type "System.TimeSpan". Error: "String \'%s\' was not recognized as a valid TimeSpan."', v, v),
      "InvalidArgument", "exception:invalidcastexception")
  end
  local ticks = R.cast("long", v, pos)
  return R.timespan(ticks / 10000)
end
R.typeTests.timespan = function(v) return getmetatable(v) == Span end

---------------------------------------------------------------------------------------------------
-- DateTime

function R.dateAddMs(d, ms)
  return P.date(d.Epoch + math.floor(ms / 1000 + 0.0000001))
end

local function addMonths(d, n)
  local total = d.Year * 12 + (d.Month - 1) + math.tointeger(R.cast("int", n))
  local y, m = total // 12, total % 12 + 1
  local day = math.min(d.Day, daysInMonth(y, m))
  return fromParts(y, m, day, d.Hour, d.Minute, d.Second)
end

local function midnight(d) return P.date(d.Epoch - d.Epoch % 86400) end

local function asDate(v, pos)
  if getmetatable(v) == Date then return v end
  return R.cast("datetime", v, pos)
end

Date.__members_ps = {
  dayofweek = function(d) local w = weekday(d) return R.enum("DayOfWeek", dayNames[w + 1], w) end,
  dayofyear = function(d) return (d.Epoch - fromParts(d.Year, 1, 1).Epoch) // 86400 + 1 end,
  date = midnight,
  timeofday = function(d) return R.timespan((d.Epoch % 86400) * 1000) end,
  millisecond = function() return 0 end,
  ticks = function(d) return (d.Epoch + 62135596800) * 10000000 end,
  kind = function() return R.enum("DateTimeKind", "Utc", 1) end,
}

Date.__equal_ps = function(a, b)
  local ok, other = pcall(asDate, b)
  return ok and other ~= nil and a.Epoch == other.Epoch
end
Date.__compare_ps = function(a, b, pos)
  local other = asDate(b, pos)
  return a.Epoch < other.Epoch and -1 or (a.Epoch > other.Epoch and 1 or 0)
end
Date.__add_ps = function(a, b, pos) return R.dateAddMs(a, asSpan(b, pos).ms) end
Date.__sub_ps = function(a, b, pos)
  if getmetatable(b) == Span then return R.dateAddMs(a, -b.ms) end
  local other = asDate(b, pos)
  return R.timespan((a.Epoch - other.Epoch) * 1000)
end
Date.__format_ps = function(d, fmt, pos)
  local text, why = P.formatDate(d, fmt)
  if not text then R.fail(pos, "FormatError", tostring(why), "InvalidArgument", "exception:formatexception") end
  return text
end

local function toString(d, pos, fmt)
  if fmt == nil then return Date.__pstext(d) end
  return Date.__format_ps(d, str(fmt), pos)
end

Date.__methods_ps = {
  adddays = function(d, pos, n) return R.dateAddMs(d, R.cast("double", n, pos) * 86400000) end,
  addhours = function(d, pos, n) return R.dateAddMs(d, R.cast("double", n, pos) * 3600000) end,
  addminutes = function(d, pos, n) return R.dateAddMs(d, R.cast("double", n, pos) * 60000) end,
  addseconds = function(d, pos, n) return R.dateAddMs(d, R.cast("double", n, pos) * 1000) end,
  addmilliseconds = function(d, pos, n) return R.dateAddMs(d, R.cast("double", n, pos)) end,
  addticks = function(d, pos, n) return R.dateAddMs(d, R.cast("long", n, pos) / 10000) end,
  addmonths = function(d, pos, n) return addMonths(d, n) end,
  addyears = function(d, pos, n) return addMonths(d, R.cast("int", n, pos) * 12) end,
  add = function(d, pos, s) return R.dateAddMs(d, asSpan(s, pos).ms) end,
  subtract = function(d, pos, x) return Date.__sub_ps(d, x, pos) end,
  tostring = toString,
  touniversaltime = function(d) return d end,
  tolocaltime = function(d) return d end,
  toshortdatestring = function(d) return d.Month .. "/" .. d.Day .. "/" .. d.Year end,
  tolongdatestring = function(d, pos) return Date.__format_ps(d, "dddd, MMMM d, yyyy", pos) end,
  toshorttimestring = function(d, pos) return Date.__format_ps(d, "h:mm tt", pos) end,
  tolongtimestring = function(d, pos) return Date.__format_ps(d, "h:mm:ss tt", pos) end,
  tofiletime = function(d) return (d.Epoch + 11644473600) * 10000000 end,
  compareto = function(d, pos, other) return Date.__compare_ps(d, other, pos) end,
  equals = function(d, pos, other) return Date.__equal_ps(d, other) end,
  isdaylightsavingtime = function() return false end,
}

Span.__methods_ps = {
  add = function(s, pos, x) return R.timespan(s.ms + asSpan(x, pos).ms) end,
  subtract = function(s, pos, x) return R.timespan(s.ms - asSpan(x, pos).ms) end,
  negate = function(s) return R.timespan(-s.ms) end,
  duration = function(s) return R.timespan(math.abs(s.ms)) end,
  tostring = function(s, pos, fmt)
    if fmt == nil then return spanText(s) end
    local f = str(fmt)
    if f == "c" or f == "g" or f == "G" then return spanText(s) end
    -- custom: d h hh m mm s ss and \ escapes
    local total = math.floor(math.abs(s.ms) / 1000)
    local values = {d = total // 86400, h = total % 86400 // 3600, m = total % 3600 // 60, s = total % 60}
    local out, i = {}, 1
    while i <= #f do
      local c = f:sub(i, i)
      if c == "\\" then out[#out + 1] = f:sub(i + 1, i + 1); i = i + 2
      elseif c == "'" then
        local close = f:find("'", i + 1, true) or #f + 1
        out[#out + 1] = f:sub(i + 1, close - 1)
        i = close + 1
      elseif values[c] then
        local j = i
        while f:sub(j + 1, j + 1) == c do j = j + 1 end
        out[#out + 1] = pad(values[c], j - i + 1)
        i = j + 1
      else
        out[#out + 1] = c
        i = i + 1
      end
    end
    return table.concat(out)
  end,
  compareto = function(s, pos, other) return Span.__compare_ps(s, other, pos) end,
  equals = function(s, pos, other) return Span.__equal_ps(s, other) end,
}

---------------------------------------------------------------------------------------------------
-- [datetime]'text': ISO 8601, US month/day/year, "1 Jan 1970", "November 22, 2026", with an
-- optional time (and AM/PM); an offset or Z converts to UTC.

local function monthNumber(word)
  local w = word:lower()
  for i, name in ipairs(monthNames) do
    if name == w or name:sub(1, 3) == w or (w == "sept" and i == 9) then return i end
  end
  return nil
end

local function parseTime(rest)
  rest = rest:match("^%s*(.-)%s*$")
  if rest == "" then return 0, 0, 0, 0 end
  local hh, mm, ss, ampm, offset
  hh, mm, ss, rest = rest:match("^[T ]?(%d%d?):(%d%d):?(%d?%d?)(.*)$")
  if not hh then return nil end
  rest = rest:gsub("^%.%d+", "")
  ampm = rest:match("^%s*([AaPp][Mm])")
  if ampm then rest = rest:gsub("^%s*[AaPp][Mm]", "") end
  hh, mm, ss = tonumber(hh), tonumber(mm), tonumber(ss) or 0
  if ampm then
    local pm = ampm:lower() == "pm"
    if hh == 12 then hh = pm and 12 or 0 elseif pm then hh = hh + 12 end
  end
  rest = rest:match("^%s*(.-)%s*$")
  local shift = 0
  if rest == "Z" or rest == "z" or rest == "" then offset = 0
  else
    local sign, oh, om = rest:match("^([+-])(%d%d):?(%d%d)$")
    if not sign then return nil end
    shift = (tonumber(oh) * 60 + tonumber(om)) * 60 * (sign == "+" and -1 or 1)
    offset = shift
  end
  if hh > 23 or mm > 59 or ss > 59 then return nil end
  return hh, mm, ss, offset
end

function R.parseDateTime(text)
  local s = text:match("^%s*(.-)%s*$")
  s = s:gsub("^%a+day,%s*", "")  -- a leading day name (Sunday, ...)
  local y, m, d, rest
  y, m, d, rest = s:match("^(%d%d%d%d)[-/](%d%d?)[-/](%d%d?)(.*)$")
  if not y then
    m, d, y, rest = s:match("^(%d%d?)/(%d%d?)/(%d%d%d%d)(.*)$")
  end
  if not y then
    local dd, month, yy, r = s:match("^(%d%d?)[%s%-]+(%a+)[%s%-,]+(%d%d%d%d)(.*)$")
    if dd and monthNumber(month) then d, m, y, rest = dd, monthNumber(month), yy, r end
  end
  if not y then
    local month, dd, yy, r = s:match("^(%a+)%.?%s+(%d%d?),?%s+(%d%d%d%d)(.*)$")
    if month and monthNumber(month) then d, m, y, rest = dd, monthNumber(month), yy, r end
  end
  if not y then
    local yy, mo, dd, r = s:match("^(%d%d%d%d)(%d%d)(%d%d)(.*)$")
    if yy and r:match("^T") then y, m, d, rest = yy, mo, dd, r end
  end
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > daysInMonth(y, m) then return nil end
  local hh, mm, ss, shift = parseTime(rest or "")
  if not hh then return nil end
  local date = fromParts(y, m, d, hh, mm, ss)
  if shift and shift ~= 0 then date = P.date(date.Epoch + shift) end
  return date
end

local function badDate(v, pos)
  R.fail(pos, "InvalidCastParseTargetInvocation",
    string.format('Cannot convert value "%s" to type "System.DateTime". Error: "String \'%s\' was not recognized as a valid DateTime."', str(v), str(v)),
    "InvalidArgument", "exception:invalidcastexception")
end

R.casts.datetime = function(v, pos)
  if getmetatable(v) == Date then return v end
  if v == nil then return P.date(-62135596800) end
  if type(v) == "string" then
    local d = R.parseDateTime(v)
    if not d then badDate(v, pos) end
    return d
  end
  if math.type(v) == "integer" then return P.date(v // 10000000 - 62135596800) end
  badDate(v, pos)
end
R.typeTests.datetime = function(v) return getmetatable(v) == Date end

-- [datetime]::ParseExact(text, format): the numeric fields of a .NET format (yyyy MM dd HH mm ss).
function R.parseExact(text, format, pos)
  local fields, pattern = {}, {"^"}
  local i = 1
  while i <= #format do
    local c = format:sub(i, i)
    local j = i
    while format:sub(j + 1, j + 1) == c do j = j + 1 end
    local run = format:sub(i, j)
    local key = ({yyyy = "y", MM = "M", M = "M", dd = "d", d = "d", HH = "H", H = "H", hh = "H", mm = "m", ss = "s"})[run]
    if key then
      fields[#fields + 1] = key
      pattern[#pattern + 1] = #run == 1 and "(%d%d?)" or "(" .. string.rep("%d", #run) .. ")"
      i = j + 1
    else
      pattern[#pattern + 1] = c:match("%w") and c or "%" .. c
      i = i + 1
    end
  end
  pattern[#pattern + 1] = "$"
  local values = {text:match(table.concat(pattern))}
  if #values ~= #fields or #fields == 0 then badDate(text, pos) end
  local got = {y = 1, M = 1, d = 1, H = 0, m = 0, s = 0}
  for k, f in ipairs(fields) do got[f] = tonumber(values[k]) end
  return fromParts(got.y, got.M, got.d, got.H, got.m, got.s)
end

return R
