-- Comparing, copying and searching what flows down a pipeline: Compare-Object, Tee-Object, Select-String, Get-Random.
local P = __plush

local function keyOf(v, props)
  if not props or #props == 0 then return P.str(v):lower() end
  local parts = {}
  for i, p in ipairs(props) do parts[i] = P.str(type(v) == "table" and v[p] or nil):lower() end
  return table.concat(parts, "\0")
end

local function items(v)
  if v == nil then return {} end
  if P.issequence(v) then return v end
  return {v}
end

P.type("PSCompareResult", {"InputObject", "SideIndicator"})
P.views.PSCompareResult = {"InputObject", "SideIndicator"}

local function result(v, side, props, passThru)
  if passThru then return v end
  if props and #props > 0 then
    local names, fields = {}, {}
    for i, p in ipairs(props) do names[i] = p; fields[p] = type(v) == "table" and v[p] or nil end
    names[#names + 1] = "SideIndicator"
    fields.SideIndicator = side
    return setmetatable(fields, P.shape(names, "PSCompareResult"))
  end
  return P.object("PSCompareResult", {InputObject = v, SideIndicator = side})
end

P.register {
  name = "Compare-Object", aliases = {"compare", "diff"},
  synopsis = "What two sets of objects have that the other lacks.",
  description = "Compares -ReferenceObject and -DifferenceObject (text without case, or by -Property): each object only in the difference set comes out with SideIndicator =>, each only in the reference set with <=; -IncludeEqual adds those in both (==), -ExcludeDifferent leaves out the others. -PassThru passes the objects themselves.",
  parameters = {
    {name = "ReferenceObject", type = "object", position = 1, mandatory = true, help = "The first set."},
    {name = "DifferenceObject", type = "object", position = 2, mandatory = true, pipeline = "value", help = "The set compared with it."},
    {name = "Property", type = "string", list = true, help = "Compare these properties rather than the objects' text."},
    {name = "IncludeEqual", type = "switch"}, {name = "ExcludeDifferent", type = "switch"}, {name = "PassThru", type = "switch"},
    {name = "CaseSensitive", type = "switch"},
  },
  examples = {{code = "Compare-Object (Get-Content before.txt) (Get-Content after.txt)", text = "Lines added (=>) and removed (<=)."}},
  begin = function(s) s.difference = {} end,
  process = function(s, input)
    for _, v in ipairs(items(s.args.DifferenceObject)) do s.difference[#s.difference + 1] = v end
  end,
  finish = function(s)
    local a, props = s.args, s.args.Property
    local function key(v)
      local k = keyOf(v, props)
      if a.CaseSensitive then k = props and k or P.str(v) end
      return k
    end
    local reference, seen = {}, {}
    for _, v in ipairs(items(a.ReferenceObject)) do
      local k = key(v)
      reference[k] = (reference[k] or 0) + 1
    end
    local unmatched = {}
    for _, v in ipairs(s.difference) do
      local k = key(v)
      if (reference[k] or 0) > 0 then
        reference[k] = reference[k] - 1
        seen[k] = (seen[k] or 0) + 1
        if a.IncludeEqual and not s.emit(result(v, "==", props, a.PassThru)) then return end
      elseif not a.ExcludeDifferent then
        unmatched[#unmatched + 1] = v
      end
    end
    for _, v in ipairs(unmatched) do
      if not s.emit(result(v, "=>", props, a.PassThru)) then return end
    end
    if a.ExcludeDifferent then return end
    local used = {}
    for _, v in ipairs(items(a.ReferenceObject)) do
      local k = key(v)
      used[k] = (used[k] or 0) + 1
      if used[k] > (seen[k] or 0) then
        if not s.emit(result(v, "<=", props, a.PassThru)) then return end
      end
    end
  end,
}

P.register {
  name = "Tee-Object", aliases = {"tee"},
  synopsis = "Pass objects on and also save them to a file or a variable.",
  description = "Every input object goes on down the pipeline unchanged; they are also written to -FilePath (as Out-File writes them; -Append adds) or, when the pipeline ends, stored in the variable -Variable.",
  parameters = {
    {name = "FilePath", aliases = {"Path"}, type = "string", position = 1, sets = {"File"}, complete = "path"},
    {name = "Append", type = "switch", sets = {"File"}},
    {name = "Variable", type = "string", sets = {"Variable"}, help = "The name of the variable, without $."},
    {name = "InputObject", type = "object", pipeline = "value"},
  },
  defaultSet = "File",
  examples = {{code = "Get-LicenseError | Tee-Object -FilePath errors.txt | Measure-Object", text = "Count the errors and keep them in a file."},
              {code = "Get-User -Unlicensed | Tee-Object -Variable unlicensed | Select-Object -First 5", text = "Keep them all in $unlicensed."}},
  begin = function(s) s.kept = P.list() end,
  process = function(s, o)
    if o == nil then return end
    s.kept[#s.kept + 1] = o
    s.emit(o)
  end,
  finish = function(s)
    local a = s.args
    if a.Variable then
      P.setVariable(a.Variable, s.kept)
      return
    end
    if not a.FilePath then return end
    -- the file gets what Out-File would write
    local stages = {{n = "Write-Output", c = 1, k = 1, s.kept}, {n = "Out-File", c = 1, k = a.Append and 2 or 1, a.FilePath, P.P("Append", 1)}}
    local ok, err = pcall(P.pipe, false, stages[1], stages[2])
    if not ok then s:error(P.torecord(err)) end
  end,
}

P.type("MatchInfo", {"LineNumber", "Line", "Filename", "Path", "Pattern", "Matches"})
P.views.MatchInfo = {"LineNumber", "Line", "Filename"}
local MatchInfo = P.type("MatchInfo")
MatchInfo.__tostring = function(m)
  if m.Path and m.Path ~= "InputStream" then return m.Path .. ":" .. m.LineNumber .. ":" .. m.Line end
  return m.Line
end
MatchInfo.__scalar = true

local function matcher(a)
  local patterns = items(a.Pattern)
  local icase = not a.CaseSensitive
  return function(line)
    for _, p in ipairs(patterns) do
      local pattern = P.str(p)
      local hit
      if a.SimpleMatch then
        hit = icase and line:lower():find(pattern:lower(), 1, true) or (not icase and line:find(pattern, 1, true))
      else
        hit = P.regex(line, pattern, icase)
      end
      if hit then return pattern end
    end
    return nil
  end
end

P.register {
  name = "Select-String", aliases = {"sls"},
  synopsis = "Find text in files or in the input, by regular expression.",
  description = "For each input line (or each line of the files -Path names) that matches -Pattern (a .NET-style regular expression, without case unless -CaseSensitive; -SimpleMatch for plain text) passes on a MatchInfo: Line, LineNumber, Filename, Path. -NotMatch passes the lines that do not match; -AllMatches fills Matches with every match in the line.",
  parameters = {
    {name = "Pattern", type = "string", list = true, position = 1, mandatory = true},
    {name = "Path", type = "string", list = true, position = 2, complete = "path", sets = {"File"}},
    {name = "InputObject", type = "object", pipeline = "value", sets = {"Object"}},
    {name = "SimpleMatch", type = "switch"}, {name = "CaseSensitive", type = "switch"}, {name = "NotMatch", type = "switch"},
    {name = "AllMatches", type = "switch"}, {name = "Quiet", type = "switch", help = "Just True or False: did anything match?"},
  },
  defaultSet = "Object",
  examples = {{code = "Select-String -Path run.log -Pattern 'CountViolation'", text = "The log lines about CountViolation."},
              {code = "Get-Content users.txt | Select-String '@contoso\\.com$'", text = "Lines ending in the domain."}},
  begin = function(s) s.test, s.any = matcher(s.args), false end,
  process = function(s, o)
    local a = s.args
    local function consider(line, number, path)
      local pattern = s.test(line)
      if (pattern ~= nil) == (a.NotMatch == true) then return true end
      s.any = true
      if a.Quiet then return true end
      local matches = P.list()
      if pattern and not a.SimpleMatch and P.regex_matches then
        local all = P.regex_matches(line, pattern, not a.CaseSensitive)
        for i = 1, (a.AllMatches and #all or math.min(#all, 1)) do matches[#matches + 1] = all[i][0] end
      end
      return s.emit(P.object("MatchInfo", {LineNumber = number, Line = line, Path = path or "InputStream",
        Filename = path and (path:match("([^/]*)$")) or "InputStream", Pattern = pattern or P.str(items(a.Pattern)[1]), Matches = matches}))
    end
    if a.Path then
      for _, path in ipairs(items(a.Path)) do
        local f, why = io.open(P.str(path), "rb")
        if not f then
          s:error({Id = "PathNotFound", Category = "ObjectNotFound", Target = P.str(path), Message = "Cannot read " .. tostring(why)})
        else
          local n = 0
          for line in f:lines() do
            n = n + 1
            if not consider((line:gsub("\r$", "")), n, P.str(path)) then break end
          end
          f:close()
        end
      end
      return
    end
    if o == nil then o = a.InputObject end
    if o == nil then return end
    s.lines = (s.lines or 0) + 1
    consider(P.str(o), s.lines, nil)
  end,
  finish = function(s)
    if s.args.Quiet then s.emit(s.any) end
  end,
}

local seeded = false
P.register {
  name = "Get-Random", aliases = {"random"},
  synopsis = "A random number, or random objects from the input.",
  description = "Without input: a whole number from -Minimum (default 0) up to but not including -Maximum (default 2,147,483,647); a -Minimum or -Maximum with a fraction gives a fraction. With -InputObject (or pipeline input): -Count of the objects (default 1), picked without repeats. -SetSeed makes the sequence repeatable.",
  parameters = {
    {name = "Maximum", type = "number", position = 1, sets = {"Range"}},
    {name = "Minimum", type = "number", sets = {"Range"}},
    {name = "InputObject", type = "object", list = true, position = 1, pipeline = "value", sets = {"Items"}},
    {name = "Count", type = "int", sets = {"Items"}},
    {name = "SetSeed", type = "int"},
  },
  defaultSet = "Range",
  examples = {{code = "Get-Random -Minimum 1 -Maximum 7", text = "A die."},
              {code = "Get-User -Department Sales | Get-Random -Count 3", text = "Three users picked at random."}},
  begin = function(s)
    if s.args.SetSeed then math.randomseed(s.args.SetSeed) seeded = true
    elseif not seeded then math.randomseed(os.time(), os.clock() * 1000000) seeded = true end
    s.items = {}
  end,
  process = function(s, o)
    if s.set == "Items" then
      if o ~= nil then s.items[#s.items + 1] = o
      else for _, v in ipairs(s.args.InputObject or {}) do s.items[#s.items + 1] = v end end
    end
  end,
  finish = function(s)
    local a = s.args
    if s.set == "Items" then
      local count = math.min(a.Count or 1, #s.items)
      for i = 1, count do
        local j = math.random(i, #s.items)
        s.items[i], s.items[j] = s.items[j], s.items[i]
        if not s.emit(s.items[i]) then return end
      end
      return
    end
    local lo, hi = a.Minimum or 0, a.Maximum or 2147483647
    if lo >= hi then
      s:error({Id = "MinGreaterThanOrEqualMax", Category = "InvalidArgument", Target = tostring(lo),
               Message = string.format("The Minimum value (%s) cannot be greater than or equal to the Maximum value (%s).", P.str(lo), P.str(hi))})
      return
    end
    if math.type(lo) == "integer" and math.type(hi) == "integer" then s.emit(math.random(lo, hi - 1))
    else s.emit(lo + math.random() * (hi - lo)) end
  end,
}
