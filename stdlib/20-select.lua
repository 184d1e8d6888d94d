-- Select-Object: choose properties (also calculated ones), expand one, or take the first, last or unique objects.
local P = __plush

-- A property spec: a name, a wildcard, or @{Name=...; Expression={...}} (keys as PowerShell reads them: n, l, e, ...).
local function compileProperties(s, specs)
  local out = {}
  for _, spec in ipairs(specs or {}) do
    if type(spec) == "table" then
      local h = P.hashtableKeys(s, spec, {"Name", "Label", "Expression"})
      local get = P.expressionOf(s, h.Expression)
      local name = h.Name ~= nil and P.str(h.Name) or (type(h.Expression) == "string" and h.Expression) or "Expression"
      out[#out + 1] = {name = name, get = get}
    else
      out[#out + 1] = {name = P.str(spec), wildcard = P.str(spec):find("[%*%?]") ~= nil}
    end
  end
  return out
end

local function expandWildcards(compiled, o)
  local names, getters = {}, {}
  for _, c in ipairs(compiled) do
    if c.wildcard then
      for _, prop in ipairs(P.properties(o)) do
        if P.like(prop, c.name) then names[#names + 1] = prop; getters[#getters + 1] = false end
      end
    else
      names[#names + 1] = c.name
      getters[#getters + 1] = c.get or false
    end
  end
  return names, getters
end

local function project(s, o)
  if not s.shapeNames then
    s.shapeNames, s.getters = expandWildcards(s.compiled, o)
    s.shape = P.shape(s.shapeNames, "Selected." .. P.typename(o))
  end
  local fields = {}
  for i, name in ipairs(s.shapeNames) do
    local get = s.getters[i]
    if get then fields[name] = get(o)
    elseif type(o) == "table" then fields[name] = o[name] end
  end
  return setmetatable(fields, s.shape)
end

local function transform(s, o)
  if s.args.ExpandProperty then
    local v = P.field(o, s.args.ExpandProperty)
    if v == nil then
      s:error({Id = "PropertyNotFound", Category = "InvalidArgument", Target = s.args.ExpandProperty,
        Message = "Property '" .. s.args.ExpandProperty .. "' cannot be found on " .. P.typename(o) .. "."})
    end
    return v, true
  end
  if #s.compiled > 0 then return project(s, o), false end
  return o, false
end

local function send(s, v, expand)
  if expand then return s.emitValue(v) end
  return s.emit(v)
end

local function uniqueKey(v)
  if type(v) ~= "table" then return P.str(v):lower() end
  local parts = {}
  for i, name in ipairs(P.properties(v)) do parts[i] = P.str(v[name]):lower() end
  return table.concat(parts, "\0")
end

P.register {
  name = "Select-Object", aliases = {"select"},
  synopsis = "Choose properties of objects, or the first, last or unique ones.",
  description = "Streams: -First stops the commands before it once it has what it needs. -Property takes names, wildcards and calculated properties @{Name='N'; Expression={ ... }}. -ExpandProperty passes on the value of one property.",
  parameters = {
    {name = "Property", type = "object", list = true, position = 1,
     help = "Properties to keep: names, wildcards, @{Name=...; Expression={...}} (keys may be shortened: @{n='Free'; e={...}})."},
    {name = "ExpandProperty", type = "string", help = "Pass on this property's value instead of the object."},
    {name = "First", type = "int", help = "Only the first N objects."},
    {name = "Last", type = "int", help = "Only the last N objects."},
    {name = "Skip", type = "int", help = "Skip the first N objects."},
    {name = "Unique", type = "switch", help = "Drop objects equal to one already passed (text compares case-insensitively)."},
    {name = "InputObject", type = "object", pipeline = "value"},
  },
  examples = {
    {code = "Get-User | Select-Object -First 3", text = "The first three users; stops reading the store after them."},
    {code = "Get-User | Select-Object UserPrincipalName, @{Name='Count'; Expression={ #$_.Licenses }}", text = "A calculated property."},
    {code = "Get-License | Select-Object -ExpandProperty SkuPartNumber", text = "Just the part numbers, as strings."},
  },
  begin = function(s)
    s.compiled = compileProperties(s, s.args.Property)
    s.seen, s.skipped, s.passed, s.tail = {}, 0, 0, {}
  end,
  -- -Unique compares what would be passed on (the selected properties), as PowerShell does.
  process = function(s, o)
    if o == nil then return end
    local a = s.args
    if a.Skip and s.skipped < a.Skip then s.skipped = s.skipped + 1 return end
    if a.First and s.passed >= a.First then s:stopUpstream() return end
    local v, expand = transform(s, o)
    if a.Unique then
      local key = uniqueKey(v)
      if s.seen[key] then return end
      s.seen[key] = true
    end
    if a.Last then
      s.tail[#s.tail + 1] = {v, expand}
      if #s.tail > a.Last then table.remove(s.tail, 1) end
      return
    end
    s.passed = s.passed + 1
    send(s, v, expand)
    if a.First and s.passed >= a.First then s:stopUpstream() end
  end,
  finish = function(s)
    for _, t in ipairs(s.tail) do
      if not send(s, t[1], t[2]) then return end
    end
  end,
}
