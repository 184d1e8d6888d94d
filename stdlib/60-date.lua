-- Get-Date: the session clock (--now) as a Date object, and date arithmetic for scripts.
local P = __plush

local Date = P.type("Date", {"Iso", "Year", "Month", "Day", "Hour", "Minute", "Second"})
P.views.Date = {"Iso"}
Date.__tostring = function(d) return d.Iso end
Date.__scalar = true  -- shows as its ISO text, not as a list of fields
-- A Date compares with another Date or with ISO text (`(Get-Date) < $u.LastSignIn`); a value
-- that is no date is an error that says so, not Lua's "compare number with nil".
local function epochOf(v)
  local d = P.toDate(v)
  if not d then error(string.format("cannot compare a Date with '%s': not a date (ISO 8601, such as 2026-12-31)", tostring(v)), 0) end
  return d.Epoch
end
Date.__lt = function(a, b) return epochOf(a) < epochOf(b) end
Date.__le = function(a, b) return epochOf(a) <= epochOf(b) end
Date.__eq = function(a, b) return a.Epoch == b.Epoch end

-- Days from the civil date, UTC, without the C library's local time zone.
local function daysFromCivil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civilFromDays(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp + (mp < 10 and 3 or -9)
  return m <= 2 and y + 1 or y, m, d
end

function P.date(epoch)
  epoch = math.floor(epoch)
  local days, secs = epoch // 86400, epoch % 86400
  local y, m, d = civilFromDays(days)
  local hh, mm, ss = secs // 3600, secs % 3600 // 60, secs % 60
  return setmetatable({Epoch = epoch, Year = y, Month = m, Day = d, Hour = hh, Minute = mm, Second = ss,
    Iso = string.format("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mm, ss)}, Date)
end

function P.parseDate(text)
  local iso = P.isoDate(text)
  if not iso then return nil end
  local y, m, d = iso:match("^(%d+)%-(%d+)%-(%d+)")
  local hh, mm, ss = iso:match("T(%d%d):(%d%d):?(%d?%d?)")
  local epoch = daysFromCivil(tonumber(y), tonumber(m), tonumber(d)) * 86400
  if hh then epoch = epoch + tonumber(hh) * 3600 + tonumber(mm) * 60 + (tonumber(ss) or 0) end
  return P.date(epoch)
end

-- A strftime format given where .NET's is taken (-Format, ToString): .NET would read %Y-%m-%d as
-- "Y", minutes and days and answer something else without a word, so it is refused instead.
local function looksLikeStrftime(fmt)
  local unquoted = fmt:gsub("'[^']*'", ""):gsub('"[^"]*"', "")
  return unquoted:find("%", 1, true) ~= nil and not unquoted:match("^%%[dMyhHmsfFtzKg]$")
end

-- The date as .NET's DateTime.ToString(fmt) writes it (en-US); nil and the reason when the format is refused.
function P.formatDate(d, fmt)
  if looksLikeStrftime(fmt) then
    return nil, string.format("'%s' is a strftime format; -Format and ToString take .NET formats such as yyyy-MM-dd HH:mm", fmt),
      "Get-Date -UFormat '" .. fmt .. "'"
  end
  return P.dotnet_date(d.Epoch, fmt)
end

-- strftime (-UFormat), in UTC like the clock.
function P.formatDateU(d, fmt)
  local ok, text = pcall(os.date, "!" .. fmt, d.Epoch)
  if ok then return text end
  return nil, string.format("'%s' is not a strftime format: %s", fmt, tostring(text):gsub("^.-: ", ""))
end

local methods = {
  AddDays = function(self, n) return P.date(self.Epoch + n * 86400) end,
  AddHours = function(self, n) return P.date(self.Epoch + n * 3600) end,
  ToString = function(self, fmt)
    if fmt == nil then return self.Iso end
    local text, why = P.formatDate(self, P.str(fmt))
    if not text then error(why, 2) end
    return text
  end,
  DaysUntil = function(self, other)
    local days = (P.toDate(other).Epoch - self.Epoch) / 86400
    return math.tointeger(days) or days
  end,
}
local methodNames = {}
for name in pairs(methods) do methodNames[name:lower()] = name end

-- Methods work as PowerShell writes them, (Get-Date).AddDays(30), and as Lua does, d:AddDays(30).
function Date.__index(d, k)
  if type(k) ~= "string" then return nil end
  local method = methods[methodNames[k:lower()] or ""]
  if method then
    return function(first, ...)
      if rawequal(first, d) then return method(d, ...) end
      return method(d, first, ...)
    end
  end
  local c = Date.__canon[k:lower()]
  if c then return rawget(d, c) end
  return nil
end

function P.toDate(v)
  if type(v) == "table" and v.Epoch then return v end
  return P.parseDate(v)
end

function P.now()
  local clock = P.state.now
  if clock and clock ~= "" then
    local d = P.parseDate(clock)
    if d then return d end
  end
  return P.date(P.clock_seconds())
end

P.register {
  name = "Get-Date",
  synopsis = "The session's clock as a date, or a date you name.",
  description = "Without -Date, the clock: --now, else $PLUSH_NOW, else the system clock (UTC). Dates have Iso, Year, Month, Day and methods AddDays(n), ToString(fmt). " ..
    "-Format gives text as .NET formats a date in the en-US culture, as PowerShell does: custom patterns (yyyy-MM-dd HH:mm, dddd, MMM, hh:mm tt, 'text') " ..
    "and the standard letters d D f F g G M o r s t T u U Y. -UFormat takes strftime instead (%Y-%m-%d). A strftime format given to -Format is refused, not misread.",
  parameters = {{name = "Date", type = "date", position = 1, help = "A date to parse (ISO 8601)."},
                {name = "Format", type = "string", sets = {"Format"}, help = ".NET format, e.g. yyyy-MM-dd, yyyyMMdd-HHmm, o, s, u, D."},
                {name = "UFormat", type = "string", sets = {"UFormat"}, help = "strftime format, e.g. %Y-%m-%d."},
                {name = "AddDays", type = "number", help = "Days to add."}},
  examples = {{code = "(Get-Date).AddDays(30)", text = "Thirty days from the session's clock."},
              {code = "Get-Date -Format yyyy-MM-dd", text = "Today as text."},
              {code = "Get-License | Export-Csv \"licenses-$(Get-Date -Format yyyyMMdd).csv\"", text = "A dated file name."},
              {code = "Get-Date -UFormat %Y-%m-%d", text = "The same with strftime."}},
  process = function(s)
    local a = s.args
    local d = a.Date and P.parseDate(a.Date) or P.now()
    if a.AddDays then d = d:AddDays(a.AddDays) end
    if not (a.Format or a.UFormat) then s.emit(d) return end
    local text, why, fix
    if a.Format then text, why, fix = P.formatDate(d, a.Format) else text, why = P.formatDateU(d, a.UFormat) end
    if not text then
      s:error({Id = "InvalidFormat", Category = "InvalidArgument", Target = a.Format or a.UFormat, Message = why,
               Recommendation = fix})
      return
    end
    s.emit(text)
  end,
}
