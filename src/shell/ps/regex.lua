-- The one door from the PowerShell dialect to the regular-expression engine (__plush.regex_*, PCRE2):
-- -match, -replace, -split, switch -regex, [regex], Select-String all come through here.
local P = __plush
local R = P.ps
local List = P.ListMeta

local function engine(name)
  local f = P[name]
  if not f then
    R.fail(nil, "NotSupportedInPlush", "This use of regular expressions needs plush's PCRE2 engine (" .. name .. "), which this build lacks.", "NotImplemented")
  end
  return f
end

-- .NET reads a '-' right after a class escape inside [...] as itself ([\w-.] is a word character, '-'
-- or '.'); PCRE2 calls it an invalid range, so such a '-' is escaped before the pattern reaches it.
local function dotnetPattern(pattern)
  local out, i, n, inClass, classStart = {}, 1, #pattern, false, 0
  local afterClassEscape = false
  while i <= n do
    local c = pattern:sub(i, i)
    local piece, escape = c, false
    if c == "\\" then
      piece, escape = pattern:sub(i, i + 1), true
      local letter = pattern:sub(i + 1, i + 1)
      if (letter == "p" or letter == "P") and pattern:sub(i + 2, i + 2) == "{" then
        local close = pattern:find("}", i + 3, true)
        if close then piece = pattern:sub(i, close) end
      end
      if inClass then afterClassEscape = letter:find("^[wWdDsSpP]$") ~= nil end
    elseif inClass then
      if c == "-" and afterClassEscape and pattern:sub(i + 1, i + 1) ~= "]" then out[#out + 1] = "\\" end
      if c == "]" and i > classStart then inClass = false end
      afterClassEscape = false
    elseif c == "[" then
      inClass = true
      classStart = i + 1
      if pattern:sub(i + 1, i + 1) == "^" then classStart = i + 2 end
    end
    if not escape and not inClass then afterClassEscape = false end
    out[#out + 1] = piece
    i = i + #piece
  end
  return table.concat(out)
end

local translated = {}
local translatedCount = 0
local function pcrePattern(pattern)
  if not pattern:find("[", 1, true) then return pattern end
  local t = translated[pattern]
  if t == nil then
    if translatedCount > 1000 then translated, translatedCount = {}, 0 end
    t = dotnetPattern(pattern)
    translated[pattern], translatedCount = t, translatedCount + 1
  end
  return t
end
R.pcrePattern = pcrePattern

function R.regexTest(text, pattern, icase, pos)
  return P.regex(text, pcrePattern(pattern), icase)
end

-- The first match (a table: [0] whole, [1..n] groups, [name] named groups, start, stop) or nil.
function R.regexFind(text, pattern, icase, pos, init)
  return engine("regex_match")(text, pcrePattern(pattern), icase, init)
end

function R.regexAll(text, pattern, icase, pos)
  return engine("regex_matches")(text, pcrePattern(pattern), icase)
end

function R.regexReplace(text, pattern, replacement, icase, pos)
  return engine("regex_replace")(text, pcrePattern(pattern), replacement, icase)
end

function R.regexSplit(text, pattern, icase, max, pos)
  local pieces = engine("regex_split")(text, pcrePattern(pattern), icase, max and max > 0 and max or nil)
  local out = {}
  for i = 1, #pieces do out[i] = pieces[i] end
  return out
end

function R.regexEscape(text) return engine("regex_escape")(text) end

-- $Matches: a hashtable of the groups by number and by name.
function R.matchesTable(m)
  local args = {}
  local n = 0
  for i = 0, #m do
    if m[i] ~= nil then
      args[#args + 1] = i
      args[#args + 1] = m[i]
      n = i
    end
  end
  local names = {}
  for k, v in pairs(m) do
    if type(k) == "string" and k ~= "start" and k ~= "stop" then names[#names + 1] = k end
  end
  table.sort(names)
  for _, k in ipairs(names) do
    args[#args + 1] = k
    args[#args + 1] = m[k]
  end
  return R.hash(false, table.unpack(args))
end

-- A .NET Match object: Value, Index, Length, Success, Groups (by number and name).
local Match = P.type("Match", {"Groups", "Success", "Name", "Captures", "Index", "Length", "Value"})
Match.__psname = "Match"
Match.__psfullname = "System.Text.RegularExpressions.Match"
Match.__pstext = function(m) return m.Value end
local Group = P.type("Group", {"Success", "Name", "Index", "Length", "Value"})
Group.__pstext = function(g) return g.Value end

function R.matchObject(m, text)
  if not m then
    return setmetatable({Success = false, Value = "", Index = 0, Length = 0, Groups = setmetatable({}, List)}, Match)
  end
  local groups = setmetatable({}, List)
  for i = 0, #m do
    local v = m[i]
    groups[i + 1] = setmetatable({Success = v ~= nil, Name = tostring(i), Value = v or "", Length = v and #v or 0, Index = 0}, Group)
  end
  for k, v in pairs(m) do
    if type(k) == "string" and k ~= "start" and k ~= "stop" then
      groups[#groups + 1] = setmetatable({Success = true, Name = k, Value = v, Length = #v, Index = 0}, Group)
    end
  end
  return setmetatable({Success = true, Value = m[0], Index = m.start - 1, Length = m.stop - m.start + 1,
                       Groups = groups}, Match)
end

return R
