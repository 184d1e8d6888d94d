-- Generic cmdlets over objects: Where-Object, ForEach-Object, Select-Object, Sort-Object, Group-Object, Measure-Object.
local P = __plush

local function input(extra)
  local p = {name = "InputObject", type = "object", pipeline = "value", help = "The objects to work on, from the pipeline."}
  for k, v in pairs(extra or {}) do p[k] = v end
  return p
end

local comparisons = {"EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch", "Contains", "In"}

local whereParameters = {
  {name = "FilterScript", type = "scriptblock", position = 1, mandatory = true, sets = {"ScriptBlock"},
   help = "A block run for each object ($_); the object passes when it returns a true value."},
  {name = "Property", type = "string", position = 1, mandatory = true, sets = {"Compare"},
   help = "The property to compare."},
  {name = "Value", type = "object", position = 2, sets = {"Compare"}, help = "The value to compare with."},
  input(),
}
for _, c in ipairs(comparisons) do
  whereParameters[#whereParameters + 1] = {name = c, type = "switch", sets = {"Compare"},
    help = "Compare with -" .. c:lower() .. "."}
end

local function comparisonOf(args)
  for _, c in ipairs(comparisons) do
    if args[c] then return P.op[c:lower()] end
  end
  return function(v) return P.truthy(v) end
end

P.register {
  name = "Where-Object", aliases = {"where", "?"},
  synopsis = "Keep the objects for which a condition holds.",
  description = "Passes on each input object for which the script block returns a true value, or whose property compares as asked. It streams: each object goes on as soon as it is tested. Right after Get-User, a block that only compares $_'s properties with constants (-eq -ne -gt -ge -lt -le -like -notlike, $null, -and -or -not) also runs in the store's query, so users that cannot pass are never read; the block still tests each user read, so the result is the same. -Verbose says what went into the query.",
  parameters = whereParameters, defaultSet = "ScriptBlock",
  examples = {
    {code = "Get-User | Where-Object { $_.UsageLocation -eq $null }", text = "Users without a usage location."},
    {code = "Get-License | Where-Object Available -LT 5", text = "Products with fewer than five free licenses."},
    {code = "Get-User | Where-Object { $_.Department -eq 'Sales' -and $_.UsageLocation -ne 'US' } -Verbose",
     text = "Sales outside the US, found by the store's query (the VERBOSE line shows it)."},
  },
  begin = function(s)
    local a = s.args
    if a.FilterScript then
      local f = a.FilterScript
      s.test = function(o) return P.truthy(f(o)) end
    else
      local compare, name, value = comparisonOf(a), a.Property, a.Value
      s.test = function(o) return P.truthy(compare(P.field(o, name), value)) end
    end
  end,
  process = function(s, o)
    if o ~= nil and s.test(o) then s.emit(o) end
  end,
}

P.register {
  name = "ForEach-Object", aliases = {"foreach", "%"},
  synopsis = "Run a script block for each object, or read one member of each.",
  description = "Runs -Process for each input object ($_) and passes on what it returns and what the commands inside it write. -Begin and -End run once. -MemberName passes on a property of each object.",
  parameters = {
    {name = "Process", type = "scriptblock", position = 1, mandatory = true, sets = {"Block"}, help = "Run for each object."},
    {name = "Begin", type = "scriptblock", sets = {"Block"}, help = "Run once before the first object."},
    {name = "End", type = "scriptblock", sets = {"Block"}, help = "Run once after the last object."},
    {name = "MemberName", type = "string", position = 1, mandatory = true, sets = {"Member"}, help = "The property to read."},
    input(),
  },
  defaultSet = "Block",
  examples = {{code = "Get-User -Department Sales | ForEach-Object { $_.UserPrincipalName }", text = "The UPNs of Sales."},
              {code = "Get-User | % DisplayName", text = "Every display name."}},
  begin = function(s)
    if s.args.Begin then s.emitValue(P.runBlock(s, s.args.Begin)) end
  end,
  process = function(s, o)
    if o == nil then return end
    if s.args.MemberName then s.emitValue(o[s.args.MemberName]) return end
    s.emitValue(P.runBlock(s, s.args.Process, o))
  end,
  finish = function(s)
    if s.args.End then s.emitValue(P.runBlock(s, s.args.End)) end
  end,
}

-- A calculated property's hashtable read as PowerShell reads it: each key may be any unambiguous
-- prefix of a key the cmdlet takes, in any case (@{e={...}; d=$true}); Label is another name for Name.
-- Returns the values by full key name. A key it does not take, or a key given twice, stops the command.
function P.hashtableKeys(s, spec, allowed)
  local out, given = {}, {}
  local function refuse(message)
    P.throw({Id = "InvalidHashtableKey", Category = "InvalidArgument", Command = s.cmd.name, Target = P.str(spec), Position = s.position,
             Message = message .. " " .. s.cmd.name .. " takes the keys " .. table.concat(allowed, ", ") .. ".",
             Recommendation = "Get-Help " .. s.cmd.name .. " -Examples"})
  end
  for _, key in ipairs(P.properties(spec)) do
    local lower, hits = key:lower(), {}
    for _, name in ipairs(allowed) do
      if name:lower() == lower then hits = {name} break end
      if lower ~= "" and name:lower():sub(1, #lower) == lower then hits[#hits + 1] = name end
    end
    if #hits == 0 then refuse(string.format("The hashtable key '%s' is not valid.", key)) end
    if #hits > 1 then refuse(string.format("The hashtable key '%s' is ambiguous: %s.", key, table.concat(hits, " or "))) end
    local name = hits[1] == "Label" and "Name" or hits[1]
    if given[name] then refuse(string.format("The hashtable keys '%s' and '%s' are the same key.", given[name], key)) end
    given[name] = key
    out[name] = spec[key]
  end
  return out
end

-- An Expression as a function of the object: a script block, or the name of a property.
function P.expressionOf(s, expression)
  if type(expression) == "function" then return expression end
  if type(expression) == "string" then return function(o) return P.field(o, expression) end end
  P.throw({Id = "InvalidHashtableKey", Category = "InvalidArgument", Command = s.cmd.name, Position = s.position,
           Message = "A calculated property needs an Expression: a script block or a property name.",
           Recommendation = "@{Expression={ $_.Total - $_.Assigned }}"})
end

-- Sort and group keys: property names, script blocks, or @{Expression=...; Ascending=...; Descending=...},
-- each with its own direction when its hashtable says one (else -Descending's).
local function sortKeys(s, props, directions)
  local keys = {}
  for i, p in ipairs(props or {}) do
    if type(p) == "function" then
      keys[i] = {get = p}
    elseif type(p) == "table" and not P.islist(p) then
      local h = P.hashtableKeys(s, p, directions and {"Expression", "Ascending", "Descending"} or {"Expression"})
      local key = {get = P.expressionOf(s, h.Expression)}
      if h.Descending ~= nil or h.Ascending ~= nil then
        local down = h.Descending ~= nil and P.truthy(h.Descending) or (h.Ascending ~= nil and not P.truthy(h.Ascending))
        if h.Descending ~= nil and h.Ascending ~= nil and P.truthy(h.Descending) == P.truthy(h.Ascending) then
          P.throw({Id = "InvalidHashtableKey", Category = "InvalidArgument", Command = s.cmd.name, Position = s.position,
                   Message = "Ascending and Descending in one sort key contradict each other.",
                   Recommendation = "@{Expression=...; Descending=$true}"})
        end
        key.descending = down
      end
      keys[i] = key
    else
      keys[i] = {get = function(o) return P.field(o, p) end}
    end
  end
  if #keys == 0 then keys[1] = {get = function(o) return o end} end
  return keys
end

P.register {
  name = "Sort-Object", aliases = {"sort"},
  synopsis = "Sort objects by one or more properties.",
  description = "Collects its input (it must), then passes it on sorted. Strings compare case-insensitively, as in PowerShell. The sort is stable.",
  parameters = {
    {name = "Property", type = "object", list = true, position = 1,
     help = "Properties, script blocks or @{Expression=...; Descending=$true} to sort by, in order; hashtable keys may be shortened (@{e=...; d=$true})."},
    {name = "Descending", type = "switch", help = "Largest first."},
    {name = "Unique", type = "switch", help = "Drop objects whose keys equal the previous one's."},
    input(),
  },
  examples = {{code = "Get-License | Sort-Object Available", text = "Products by free licenses, fewest first."},
              {code = "Get-License | Sort-Object @{e={ $_.Total - $_.Assigned }; d=$true}, SkuPartNumber", text = "Most free first, then by name."}},
  begin = function(s)
    s.items = {}
    s.keys = sortKeys(s, s.args.Property, true)
  end,
  process = function(s, o) if o ~= nil then s.items[#s.items + 1] = o end end,
  finish = function(s)
    local keys, desc = s.keys, s.args.Descending
    local decorated = {}
    for i, o in ipairs(s.items) do
      local k = {}
      for j, key in ipairs(keys) do k[j] = key.get(o) end
      decorated[i] = {o = o, k = k, i = i}
    end
    table.sort(decorated, function(a, b)
      for j = 1, #keys do
        local c = P.compare(a.k[j], b.k[j])
        if c ~= 0 then
          local down = keys[j].descending
          if down == nil then down = desc end
          if down then return c > 0 end
          return c < 0
        end
      end
      return a.i < b.i
    end)
    local previous
    for _, d in ipairs(decorated) do
      local same = false
      if s.args.Unique and previous then
        same = true
        for j = 1, #keys do
          if P.compare(d.k[j], previous.k[j]) ~= 0 then same = false break end
        end
      end
      if not (s.args.Unique and same) then
        if not s.emit(d.o) then return end
      end
      previous = d
    end
  end,
}

local function groupName(values)
  local parts = {}
  for i, v in ipairs(values) do parts[i] = P.str(v) end
  return table.concat(parts, ", ")
end

P.register {
  name = "Group-Object", aliases = {"group"},
  synopsis = "Group objects that share property values.",
  description = "Collects its input, then passes on one group per distinct value: Count, Name and Group (the objects). Names compare case-insensitively.",
  parameters = {
    {name = "Property", type = "object", list = true, position = 1, help = "Properties or script blocks to group by."},
    {name = "NoElement", type = "switch", help = "Leave out the Group property."},
    input(),
  },
  examples = {{code = "Get-User | Group-Object Department", text = "Users per department."}},
  begin = function(s)
    s.groups, s.order = {}, {}
    s.keys = sortKeys(s, s.args.Property, false)
  end,
  process = function(s, o)
    if o == nil then return end
    local values = {}
    for j, key in ipairs(s.keys) do values[j] = key.get(o) end
    local name = groupName(values)
    local key = name:lower()
    local g = s.groups[key]
    if not g then
      g = P.object("GroupInfo", {Count = 0, Name = name, Values = P.list(values), Group = P.list()})
      s.groups[key] = g
      s.order[#s.order + 1] = g
    end
    g.Count = g.Count + 1
    g.Group[#g.Group + 1] = o
  end,
  finish = function(s)
    for _, g in ipairs(s.order) do
      if s.args.NoElement then g = P.object("GroupInfoNoElement", {Count = g.Count, Name = g.Name, Values = g.Values}) end
      if not s.emit(g) then return end
    end
  end,
}
P.type("GroupInfo", {"Count", "Name", "Group"})
P.views.GroupInfo = {"Count", "Name", "Group"}
P.type("GroupInfoNoElement", {"Count", "Name"})
P.views.GroupInfoNoElement = {"Count", "Name"}

P.register {
  name = "Measure-Object", aliases = {"measure"},
  synopsis = "Count objects and sum, average or find the extremes of a property.",
  description = "Counts its input without keeping it; with -Property, also -Sum, -Average, -Minimum and -Maximum of that property.",
  parameters = {
    {name = "Property", type = "string", position = 1, help = "The numeric property to measure."},
    {name = "Sum", type = "switch"}, {name = "Average", type = "switch"},
    {name = "Minimum", type = "switch"}, {name = "Maximum", type = "switch"},
    input(),
  },
  examples = {{code = "Get-User -Unlicensed | Measure-Object", text = "How many users hold no license."},
              {code = "Get-License | Measure-Object Assigned -Sum", text = "Licenses assigned in all."}},
  begin = function(s) s.count, s.sum, s.min, s.max, s.numbers = 0, 0, nil, nil, 0 end,
  process = function(s, o)
    if o == nil then return end
    local v = o
    if s.args.Property then
      v = P.field(o, s.args.Property)
      if v == nil then return end
    end
    s.count = s.count + 1
    local n = tonumber(v)
    if n then
      s.numbers = s.numbers + 1
      s.sum = s.sum + n
      if not s.min or n < s.min then s.min = n end
      if not s.max or n > s.max then s.max = n end
    end
  end,
  finish = function(s)
    local a = s.args
    local result = P.object("MeasureInfo", {Count = s.count, Property = a.Property})
    if a.Sum then result.Sum = s.sum end
    if a.Average then result.Average = s.numbers > 0 and s.sum / s.numbers or nil end
    if a.Minimum then result.Minimum = s.min end
    if a.Maximum then result.Maximum = s.max end
    s.emit(result)
  end,
}
P.type("MeasureInfo", {"Count", "Average", "Sum", "Maximum", "Minimum", "Property"})
