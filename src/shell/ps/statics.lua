-- Static members scripts use: [math]::Round, [string]::IsNullOrEmpty, [datetime]::Now, [guid]::NewGuid(),
-- [int]::MaxValue, [System.IO.Path]::Combine, [regex]::Escape, [List[object]]::new() ...
local P = __plush
local R = P.ps
local NULL, List = R.NULL, P.ListMeta
local str = R.str

local function num(v, pos) return R.cast("double", v, pos) end
local function same(x) return math.tointeger(x) or x end

-- [math]::Round(x[, digits]): to nearest, ties to even, as .NET does by default.
local function round(x, digits, mode, pos)
  local isInt = math.type(x) == "integer"
  if R.isDecimal(x) then x = R.decimalValue(x) end
  if isInt and not digits then return x end
  local d = digits and R.cast("int", digits, pos) or 0
  local away = mode and str(mode):lower():find("awayfromzero", 1, true)
  local scale = 10 ^ d
  local scaled = tonumber(string.format("%.15g", x * scale))
  local rounded
  if away then
    rounded = scaled >= 0 and math.floor(scaled + 0.5) or -math.floor(-scaled + 0.5)
  else
    rounded = R.roundHalfEven(scaled)
  end
  local result = rounded / scale
  if d == 0 then return result + 0.0 end
  return tonumber(string.format("%." .. d .. "f", result))
end

-- Fixed system files (/dev/urandom, /etc/hostname) are opened with io.open as it was when the runtime
-- loaded: --restricted checks the paths a script names, not these.
local openSystemFile = io.open

local function guidText()
  local bytes = {}
  local f = openSystemFile("/dev/urandom", "rb")
  local raw = f and f:read(16)
  if f then f:close() end
  for i = 1, 16 do bytes[i] = raw and raw:byte(i) or math.random(0, 255) end
  bytes[7] = (bytes[7] & 0x0F) | 0x40
  bytes[9] = (bytes[9] & 0x3F) | 0x80
  local hex = {}
  for i = 1, 16 do hex[i] = string.format("%02x", bytes[i]) end
  local h = table.concat(hex)
  return h:sub(1, 8) .. "-" .. h:sub(9, 12) .. "-" .. h:sub(13, 16) .. "-" .. h:sub(17, 20) .. "-" .. h:sub(21, 32)
end

-- [guid]: text with the .NET formats D (default), N, B, P.
local Guid = P.type("Guid", {"Guid"})
Guid.__psname = "Guid"
Guid.__psfullname = "System.Guid"
Guid.__scalar = true
Guid.__pstext = function(g) return g.text end
Guid.__tostring = Guid.__pstext
Guid.__equal_ps = function(a, b) return str(b):lower():gsub("[{}()]", "") == a.text end
Guid.__methods_ps = {
  tostring = function(g, pos, fmt)
    local f = fmt and str(fmt) or "D"
    if f == "N" or f == "n" then return (g.text:gsub("-", "")) end
    if f == "B" or f == "b" then return "{" .. g.text .. "}" end
    if f == "P" or f == "p" then return "(" .. g.text .. ")" end
    return g.text
  end,
}
Guid.__members_ps = {guid = function(g) return g.text end}
local function guid(text) return setmetatable({text = text:lower()}, Guid) end

R.casts.guid = function(v, pos)
  if getmetatable(v) == Guid then return v end
  local s = str(v):gsub("^[{(]", ""):gsub("[})]$", "")
  if s:match("^%x%x%x%x%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$") then return guid(s) end
  if s:match("^" .. string.rep("%x", 32) .. "$") then
    return guid(s:sub(1, 8) .. "-" .. s:sub(9, 12) .. "-" .. s:sub(13, 16) .. "-" .. s:sub(17, 20) .. "-" .. s:sub(21))
  end
  R.fail(pos, "InvalidCastParseTargetInvocation", string.format('Cannot convert value "%s" to type "System.Guid". Error: "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."', str(v)),
    "InvalidArgument", "exception:invalidcastexception")
end
R.typeTests.guid = function(v) return getmetatable(v) == Guid end

-- [regex]'pattern': .NET's Regex, case-sensitive unless told otherwise (unlike -match).
local Regex = P.type("Regex", {"Pattern", "Options"})
Regex.__psname = "Regex"
Regex.__psfullname = "System.Text.RegularExpressions.Regex"
Regex.__scalar = true
Regex.__pstext = function(r) return r.Pattern end
Regex.__tostring = Regex.__pstext
local function regex(pattern, options)
  local icase = options ~= nil and str(options):lower():find("ignorecase", 1, true) ~= nil
  return setmetatable({Pattern = str(pattern), Options = options and str(options) or "None", icase = icase}, Regex)
end
Regex.__methods_ps = {
  ismatch = function(r, pos, text) return R.regexTest(str(text), r.Pattern, r.icase, pos) end,
  match = function(r, pos, text) return R.matchObject(R.regexFind(str(text), r.Pattern, r.icase, pos), str(text)) end,
  matches = function(r, pos, text)
    local out = setmetatable({}, List)
    for i, m in ipairs(R.regexAll(str(text), r.Pattern, r.icase, pos)) do out[i] = R.matchObject(m, str(text)) end
    return out
  end,
  replace = function(r, pos, text, replacement)
    return R.regexReplace(str(text), r.Pattern, str(replacement), r.icase, pos)
  end,
  split = function(r, pos, text)
    return P.list(R.regexSplit(str(text), r.Pattern, r.icase, 0, pos))
  end,
  tostring = function(r) return r.Pattern end,
}
R.casts.regex = function(v) if getmetatable(v) == Regex then return v end return regex(v) end
R.typeTests.regex = function(v) return getmetatable(v) == Regex end

local function newCollection(kind, pos, arg)
  if kind == "list" or kind == "arraylist" or kind == "hashset" or kind == "queue" then
    local from = nil
    if arg ~= nil and (R.enumerable(arg)) then from = arg end
    return R.newList(kind, from)
  end
  if kind == "hashtable" or kind == "dictionary" then return R.hash(false) end
  if kind == "ordered" then return R.hash(true) end
  if kind == "stringbuilder" then return R.stringBuilder(arg) end
  if kind == "pscustomobject" then return R.pso(R.hash(false)) end
  if kind == "regex" then return nil end
  return nil
end
R.newCollection = newCollection

-- --restricted: a path the script may not use is refused at the call's place, naming the method.
local checkPath = P.check_path
local function allowed(pos, method, path)
  local text = str(path)
  local ok, refusal = pcall(checkPath, text, method)
  if not ok then R.fail(pos, refusal.Id, refusal.Message, refusal.Category) end
  return text
end

local function file(path)
  local f = io.open(str(path), "rb")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  return text
end

local function pathFail(pos, name, n, path)
  R.methodError(pos, name, n, "Could not find file '" .. str(path) .. "'.", "exception:filenotfoundexception")
end

local statics = {
  math = {
    pi = math.pi, e = math.exp(1),
    round = function(pos, x, d, mode)
      if d ~= nil and mode == nil and type(d) == "string" then d, mode = nil, d end
      return round(R.tonumber(x, pos, "System.Double"), d, mode, pos)
    end,
    floor = function(pos, x) local v = R.tonumber(x, pos) if math.type(v) == "integer" then return v end return math.floor(num(v)) + 0.0 end,
    ceiling = function(pos, x) local v = R.tonumber(x, pos) if math.type(v) == "integer" then return v end return math.ceil(num(v)) + 0.0 end,
    truncate = function(pos, x) local v = num(x, pos) return (v >= 0 and math.floor(v) or -math.floor(-v)) + 0.0 end,
    abs = function(pos, x) local v = R.tonumber(x, pos) if R.isDecimal(v) then return R.decimalAbs(v) end return math.abs(v) end,
    max = function(pos, a, b) local x, y = R.tonumber(a, pos), R.tonumber(b, pos) if R.compareScalar(x, y) >= 0 then return x end return y end,
    min = function(pos, a, b) local x, y = R.tonumber(a, pos), R.tonumber(b, pos) if R.compareScalar(x, y) <= 0 then return x end return y end,
    pow = function(pos, a, b) return num(a, pos) ^ num(b, pos) end,
    sqrt = function(pos, a) return math.sqrt(num(a, pos)) end,
    log = function(pos, a, b) if b then return math.log(num(a, pos), num(b, pos)) end return math.log(num(a, pos)) end,
    log10 = function(pos, a) return math.log(num(a, pos), 10) end,
    exp = function(pos, a) return math.exp(num(a, pos)) end,
    sign = function(pos, a) local v = num(a, pos) return v > 0 and 1 or (v < 0 and -1 or 0) end,
  },
  string = {
    empty = "",
    isnullorempty = function(pos, s) return s == nil or s == NULL or str(s) == "" end,
    isnullorwhitespace = function(pos, s) return s == nil or s == NULL or str(s):match("^%s*$") ~= nil end,
    join = function(pos, sep, ...)
      local n = select("#", ...)
      local items = n == 1 and (...) or R.arr(...)
      return R.join(items, sep)
    end,
    concat = function(pos, ...)
      local parts = {}
      for i = 1, select("#", ...) do
        local v = select(i, ...)
        parts[i] = getmetatable(v) == List and R.join(v, "") or str(v)
      end
      return table.concat(parts)
    end,
    format = function(pos, fmt, ...)
      local n = select("#", ...)
      local args = n == 1 and getmetatable((...)) == List and (...) or R.arr(...)
      return R.fmt(fmt, args, pos)
    end,
    equals = function(pos, a, b) return str(a) == str(b) end,
    compare = function(pos, a, b, ignore) return R.compareScalar(str(a), str(b), not R.T(ignore), pos) end,
  },
  datetime = {
    now = function() return P.now() end,
    today = function() local d = P.now() return P.date(d.Epoch - d.Epoch % 86400) end,
    utcnow = function() return P.now() end,
    minvalue = function() return P.date(-62135596800) end,
    maxvalue = function() return P.date(253402300799) end,
    parse = function(pos, s) return R.cast("datetime", str(s), pos) end,
    parseexact = function(pos, s, fmt) return R.parseExact(str(s), str(fmt), pos) end,
    daysinmonth = function(pos, y, m) return R.daysInMonth(R.cast("int", y, pos), R.cast("int", m, pos)) end,
    isleapyear = function(pos, y) y = R.cast("int", y, pos) return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) end,
    specifykind = function(pos, d) return d end,
  },
  timespan = {
    zero = function() return R.timespan(0) end,
    fromdays = function(pos, n) return R.timespan(num(n, pos) * 86400000) end,
    fromhours = function(pos, n) return R.timespan(num(n, pos) * 3600000) end,
    fromminutes = function(pos, n) return R.timespan(num(n, pos) * 60000) end,
    fromseconds = function(pos, n) return R.timespan(num(n, pos) * 1000) end,
    frommilliseconds = function(pos, n) return R.timespan(num(n, pos)) end,
    parse = function(pos, s) return R.cast("timespan", str(s), pos) end,
  },
  guid = {
    newguid = function() return guid(guidText()) end,
    empty = function() return guid("00000000-0000-0000-0000-000000000000") end,
    parse = function(pos, s) return R.cast("guid", s, pos) end,
  },
  char = {
    isdigit = function(pos, c) return str(c):match("^%d$") ~= nil end,
    isletter = function(pos, c) return str(c):match("^%a$") ~= nil end,
    isletterordigit = function(pos, c) return str(c):match("^%w$") ~= nil end,
    isupper = function(pos, c) return str(c):match("^%u$") ~= nil end,
    islower = function(pos, c) return str(c):match("^%l$") ~= nil end,
    iswhitespace = function(pos, c) return str(c):match("^%s$") ~= nil end,
    toupper = function(pos, c) return R.char(str(c):upper()) end,
    tolower = function(pos, c) return R.char(str(c):lower()) end,
  },
  environment = {
    newline = "\n",
    machinename = function() local f = openSystemFile("/etc/hostname") local h = f and f:read("l") if f then f:close() end return h or "localhost" end,
    username = function() return os.getenv("USER") or os.getenv("LOGNAME") or "" end,
    currentdirectory = function() return os.getenv("PWD") or "." end,
    processorcount = function() return 1 end,
    getenvironmentvariable = function(pos, name) return R.env(str(name)) end,
    setenvironmentvariable = function(pos, name, value) R.setenv(str(name), value) end,
    exit = function(pos, code) R.exit(code) end,
  },
  path = {
    directoryseparatorchar = R.char("/"), pathseparator = R.char(":"),
    combine = function(pos, ...)
      local out = ""
      for i = 1, select("#", ...) do
        local part = str((select(i, ...)))
        if part:sub(1, 1) == "/" or out == "" then out = part
        elseif part ~= "" then out = out:gsub("/$", "") .. "/" .. part end
      end
      return out
    end,
    getfilename = function(pos, p) return (str(p):match("([^/]*)$")) end,
    getfilenamewithoutextension = function(pos, p) local name = str(p):match("([^/]*)$") return (name:gsub("%.[^.]*$", "")) end,
    getextension = function(pos, p) local name = str(p):match("([^/]*)$") return name:match("(%.[^.]*)$") or "" end,
    getdirectoryname = function(pos, p) return str(p):match("^(.*)/[^/]*$") or "" end,
    gettemppath = function() return (os.getenv("TMPDIR") or "/tmp") .. "/" end,
    changeextension = function(pos, p, ext)
      local base = str(p):gsub("%.[^./]*$", "")
      if ext == nil then return base end
      local e = str(ext)
      return base .. (e:sub(1, 1) == "." and e or "." .. e)
    end,
    ispathrooted = function(pos, p) return str(p):sub(1, 1) == "/" end,
    getfullpath = function(pos, p)
      local s = str(p)
      if s:sub(1, 1) == "/" then return s end
      return (os.getenv("PWD") or ".") .. "/" .. s:gsub("^%./", "")
    end,
  },
  file = {
    exists = function(pos, p) local f = io.open(allowed(pos, "[System.IO.File]::Exists", p), "rb") if f then f:close() return true end return false end,
    readalltext = function(pos, p) local t = file(allowed(pos, "[System.IO.File]::ReadAllText", p)) if not t then pathFail(pos, "ReadAllText", 1, p) end return (t:gsub("^\239\187\191", "")) end,
    readalllines = function(pos, p)
      local t = file(allowed(pos, "[System.IO.File]::ReadAllLines", p))
      if not t then pathFail(pos, "ReadAllLines", 1, p) end
      local out = setmetatable({}, List)
      for line in (t:gsub("^\239\187\191", "") .. "\n"):gmatch("(.-)\r?\n") do out[#out + 1] = line end
      if out[#out] == "" then out[#out] = nil end
      return out
    end,
    writealltext = function(pos, p, text)
      local f, err = io.open(allowed(pos, "[System.IO.File]::WriteAllText", p), "wb")
      if not f then R.methodError(pos, "WriteAllText", 2, tostring(err), "exception:ioexception") end
      f:write(str(text))
      f:close()
    end,
    appendalltext = function(pos, p, text)
      local f, err = io.open(allowed(pos, "[System.IO.File]::AppendAllText", p), "ab")
      if not f then R.methodError(pos, "AppendAllText", 2, tostring(err), "exception:ioexception") end
      f:write(str(text))
      f:close()
    end,
    writealllines = function(pos, p, lines)
      local f, err = io.open(allowed(pos, "[System.IO.File]::WriteAllLines", p), "wb")
      if not f then R.methodError(pos, "WriteAllLines", 2, tostring(err), "exception:ioexception") end
      for _, line in R.each(lines) do f:write(str(line), "\n") end
      f:close()
    end,
  },
  directory = {
    exists = function(pos, p) local d = allowed(pos, "[System.IO.Directory]::Exists", p) return os.rename(d, d) and true or false end,
  },
  convert = {
    toint32 = function(pos, v, base)
      if base ~= nil then return math.tointeger(tonumber(str(v), R.cast("int", base, pos))) end
      return R.cast("int", v, pos)
    end,
    toint64 = function(pos, v) return R.cast("long", v, pos) end,
    todouble = function(pos, v) return R.cast("double", v, pos) end,
    toboolean = function(pos, v)
      if type(v) == "string" then
        local l = v:lower()
        if l == "true" then return true end
        if l == "false" then return false end
        R.methodError(pos, "ToBoolean", 1, "String '" .. v .. "' was not recognized as a valid Boolean.", "exception:formatexception")
      end
      return R.T(v)
    end,
    tostring = function(pos, v, base)
      if base ~= nil then
        local n, b = R.cast("long", v, pos), R.cast("int", base, pos)
        if b == 16 then return string.format("%x", n) end
        if b == 2 then
          local bits = {}
          repeat bits[#bits + 1] = tostring(n % 2); n = n // 2 until n == 0
          return string.reverse(table.concat(bits))
        end
      end
      return str(v)
    end,
    todatetime = function(pos, v) return R.cast("datetime", v, pos) end,
  },
  regex = {
    escape = function(pos, s) return R.regexEscape(str(s)) end,
    ismatch = function(pos, s, p, options) return R.regexTest(str(s), str(p), options ~= nil and str(options):lower():find("ignorecase", 1, true) ~= nil, pos) end,
    match = function(pos, s, p, options) return regex(p, options).__methods_ps and Regex.__methods_ps.match(regex(p, options), pos, s) end,
    matches = function(pos, s, p, options) return Regex.__methods_ps.matches(regex(p, options), pos, s) end,
    replace = function(pos, s, p, r, options) return Regex.__methods_ps.replace(regex(p, options), pos, s, r) end,
    split = function(pos, s, p, options) return Regex.__methods_ps.split(regex(p, options), pos, s) end,
  },
  array = {
    indexof = function(pos, a, x) return R.call(a, "IndexOf", pos, x) end,
    reverse = function(pos, a)
      local n = #a
      for i = 1, n // 2 do a[i], a[n - i + 1] = a[n - i + 1], a[i] end
    end,
    sort = function(pos, a) R.call(R.newList("list"), "Sort", pos) table.sort(a, function(x, y) return R.compareScalar(x, y, false, pos) < 0 end) end,
    empty = function() return setmetatable({}, List) end,
  },
}

-- The numeric types' limits and Parse.
local limits = {int = {-2147483648, 2147483647}, long = {math.mininteger, math.maxinteger}, short = {-32768, 32767},
                byte = {0, 255}, uint = {0, 4294967295}, double = {-1.7976931348623157e308, 1.7976931348623157e308},
                float = {-3.4028234663852886e38, 3.4028234663852886e38}}
for kind, range in pairs(limits) do
  statics[kind] = {
    minvalue = range[1], maxvalue = range[2],
    parse = function(pos, s) return R.cast(kind, str(s), pos) end,
  }
end
statics.double.nan = 0 / 0
statics.double.positiveinfinity = math.huge
statics.double.negativeinfinity = -math.huge
statics.decimal = {parse = function(pos, s) return R.cast("decimal", str(s), pos) end, zero = R.decimal(0, 0), one = R.decimal(1, 0),
                   minusone = R.decimal(-1, 0), maxvalue = R.decimalMax, minvalue = R.decimalMin}
statics.bool = {parse = function(pos, s) return statics.convert.toboolean(pos, str(s)) end, truestring = "True", falsestring = "False"}

local function noMember(kind, name, pos)
  R.fail(pos, "NotSupportedInPlush", "The static member [" .. kind .. "]::" .. name .. " is not supported in plush.", "NotImplemented", "exception:runtimeexception")
end

-- [type]::Property
function R.st(kind, name, pos)
  local members = statics[kind]
  local v = members and members[str(name):lower()]
  if v == nil then noMember(kind, name, pos) end
  if type(v) == "function" then return v(pos) end
  return v
end

-- [type]::Method(args), including [type]::new(args)
function R.sc(kind, name, pos, ...)
  local lname = str(name):lower()
  if lname == "new" then
    local made = newCollection(kind, pos, ...)
    if made ~= nil then return made end
    if kind == "regex" then return regex(...) end
    if kind == "datetime" then
      local y, m, d, hh, mm, ss = ...
      return R.dateFromParts(R.cast("int", y, pos), R.cast("int", m, pos), R.cast("int", d, pos), hh and R.cast("int", hh, pos), mm and R.cast("int", mm, pos), ss and R.cast("int", ss, pos))
    end
    if kind == "timespan" then
      local a, b, c, d = ...
      local n = select("#", ...)
      if n == 3 then return R.timespan(((R.cast("int", a) * 60 + R.cast("int", b)) * 60 + R.cast("int", c)) * 1000) end
      if n == 4 then return R.timespan((((R.cast("int", a) * 24 + R.cast("int", b)) * 60 + R.cast("int", c)) * 60 + R.cast("int", d)) * 1000) end
    end
    if kind == "guid" then return R.cast("guid", ..., pos) end
    noMember(kind, "new()", pos)
  end
  local members = statics[kind]
  local f = members and members[lname]
  if type(f) ~= "function" then noMember(kind, name .. "()", pos) end
  return f(pos, ...)
end

-- New-Object TypeName [args]: the types a script builds this way.
function R.newObject(typeName, args, properties, pos)
  local name = str(typeName):lower():gsub("^system%.", "")
  local canonical = ({psobject = "pscustomobject", pscustomobject = "pscustomobject", ["management.automation.psobject"] = "pscustomobject",
                      ["collections.arraylist"] = "arraylist", ["collections.hashtable"] = "hashtable", hashtable = "hashtable",
                      ["text.stringbuilder"] = "stringbuilder", ["collections.specialized.ordereddictionary"] = "ordered",
                      object = "pscustomobject"})[name]
  if not canonical then
    if name:match("^collections%.generic%.list%[") or name:match("^collections%.generic%.list`1") then canonical = "list"
    elseif name:match("^collections%.generic%.hashset%[") then canonical = "hashset"
    elseif name:match("^collections%.generic%.dictionary%[") then canonical = "dictionary"
    elseif name:match("^collections%.generic%.queue%[") then canonical = "queue"
    elseif name == "datetime" then canonical = "datetime"
    elseif name == "guid" then canonical = "guid"
    end
  end
  if canonical == "pscustomobject" then
    if properties ~= nil then return R.objectFromHash(properties) end
    return R.pso(R.hash(false))
  end
  if not canonical then
    R.fail(pos, "NotSupportedInPlush", "New-Object " .. str(typeName) .. " is not supported in plush: it builds PSCustomObject, hashtables and the generic collections (List, HashSet, Dictionary), not arbitrary .NET types.",
      "NotImplemented", "exception:runtimeexception")
  end
  local list = args
  if list ~= nil and getmetatable(list) ~= List then list = {list} end
  local made = R.sc(canonical, "new", pos, table.unpack(list or {}))
  if properties ~= nil and R.isDictionary(properties) then
    for _, k in ipairs(R.keys(properties)) do R.setm(made, k, R.get(properties, k), pos) end
  end
  return made
end

return R
