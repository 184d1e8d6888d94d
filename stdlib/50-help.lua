-- Get-Command, Get-Help and Get-Member: generated from the cmdlet declarations and the objects themselves.
local P = __plush

P.type("CommandInfo", {"Name", "Verb", "Noun", "Aliases", "Synopsis"})
P.views.CommandInfo = {"Name", "Aliases", "Synopsis"}

P.register {
  name = "Get-Command", aliases = {"gcm"},
  synopsis = "List the commands plush knows.",
  description = "Lists every cmdlet (tenant cmdlets and generic ones) with its aliases and synopsis; filter by -Name (wildcards), -Verb or -Noun.",
  parameters = {
    {name = "Name", type = "string", position = 1, help = "A name or wildcard pattern."},
    {name = "Verb", type = "string", help = "Only commands with this verb (wildcards allowed)."},
    {name = "Noun", type = "string", help = "Only commands with this noun (wildcards allowed)."},
  },
  examples = {{code = "Get-Command -Noun *License*", text = "Every license command."},
              {code = "Get-Command -Verb Set", text = "Every command that changes something."}},
  process = function(s)
    local a = s.args
    local list = {}
    for _, c in ipairs(P.commands()) do list[#list + 1] = c end
    table.sort(list, function(x, y) return x.name:lower() < y.name:lower() end)
    for _, c in ipairs(list) do
      local keep = (not a.Name or P.like(c.name, a.Name)) and (not a.Verb or P.like(c.verb or "", a.Verb))
                   and (not a.Noun or P.like(c.noun or "", a.Noun))
      if keep then
        s.emit(P.object("CommandInfo", {Name = c.name, Verb = c.verb, Noun = c.noun,
          Aliases = table.concat(c.aliases, ", "), Synopsis = c.synopsis}))
      end
    end
  end,
}

local function typeText(p)
  local t = p.type == "switch" and "" or (" <" .. (p.typeLabel or p.type) .. (p.list and "[]" or "") .. ">")
  if p.values then t = " {" .. table.concat(p.values, " | ") .. "}" end
  return t
end

local function syntaxLine(cmd, set)
  local parts = {cmd.name}
  local params, order = {}, {}
  for i, p in ipairs(cmd.parameters) do
    if not p.common and (p.setIndex == nil or p.setIndex[set]) then params[#params + 1] = p; order[p] = i end
  end
  -- Positional first, then mandatory, then as declared: the order PowerShell's help uses.
  table.sort(params, function(a, b)
    local pa, pb = a.position or 1000, b.position or 1000
    if pa ~= pb then return pa < pb end
    local ma, mb = a.mandatory and 0 or 1, b.mandatory and 0 or 1
    if ma ~= mb then return ma < mb end
    return order[a] < order[b]
  end)
  for _, p in ipairs(params) do
    local name = "-" .. p.name
    if p.position then name = "[" .. name .. "]" end
    local text = name .. typeText(p)
    if not p.mandatory then text = "[" .. text .. "]" end
    parts[#parts + 1] = text
  end
  parts[#parts + 1] = "[<CommonParameters>]"
  return table.concat(parts, " ")
end

local function pipelineText(p)
  if p.byValue and p.byProperty then return "true (ByValue, ByPropertyName)" end
  if p.byValue then return "true (ByValue)" end
  if p.byProperty then return "true (ByPropertyName)" end
  return "false"
end

local function parameterSection(cmd)
  local out = {}
  for _, p in ipairs(cmd.parameters) do
    if not p.common then
      out[#out + 1] = "    -" .. p.name .. typeText(p)
      if p.help then out[#out + 1] = "        " .. p.help end
      out[#out + 1] = string.format("        Required? %s  Position? %s  Pipeline input? %s%s",
        p.mandatory and "true" or "false", p.position and tostring(p.position) or "named", pipelineText(p),
        #p.aliases > 0 and ("  Aliases: " .. table.concat(p.aliases, ", ")) or "")
      out[#out + 1] = ""
    end
  end
  return table.concat(out, "\n")
end

local function examplesSection(cmd)
  local out = {}
  for i, e in ipairs(cmd.examples) do
    out[#out + 1] = string.format("    -------- Example %d --------", i)
    out[#out + 1] = "    PS> " .. e.code
    if e.text then out[#out + 1] = "    " .. e.text end
    out[#out + 1] = ""
  end
  return table.concat(out, "\n")
end

-- Edit distance between two short names, case-insensitive (for "did you mean").
local function distance(a, b)
  a, b = a:lower(), b:lower()
  local previous = {}
  for j = 0, #b do previous[j] = j end
  for i = 1, #a do
    local current = {[0] = i}
    for j = 1, #b do
      local cost = a:sub(i, i) == b:sub(j, j) and 0 or 1
      current[j] = math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    end
    previous = current
  end
  return previous[#b]
end

-- The command whose name is nearest to a mistyped one, if any is near enough to be meant.
local function closestCommand(name)
  local best, bestDistance = nil, math.max(2, #name // 4) + 1
  for _, c in ipairs(P.commands()) do
    local d = distance(name, c.name)
    if d < bestDistance then best, bestDistance = c.name, d end
  end
  return best
end

function P.helpText(cmd, examplesOnly)
  if examplesOnly then
    return "NAME\n    " .. cmd.name .. "\n\nEXAMPLES\n" .. examplesSection(cmd)
  end
  local syntax = {}
  for _, set in ipairs(cmd.sets) do syntax[#syntax + 1] = "    " .. syntaxLine(cmd, set) end
  local sections = {
    "NAME\n    " .. cmd.name,
    "SYNOPSIS\n    " .. (cmd.synopsis or ""),
    "SYNTAX\n" .. table.concat(syntax, "\n\n"),
    "DESCRIPTION\n    " .. (cmd.description or cmd.synopsis or ""),
    "PARAMETERS\n" .. parameterSection(cmd) ..
      "\n    <CommonParameters>\n        -ErrorAction, -Verbose, -OutVariable" .. (cmd.changesState and ", -WhatIf, -Confirm" or ""),
  }
  if #cmd.aliases > 0 then sections[#sections + 1] = "ALIASES\n    " .. table.concat(cmd.aliases, ", ") end
  if #cmd.examples > 0 then sections[#sections + 1] = "EXAMPLES\n" .. examplesSection(cmd) end
  return table.concat(sections, "\n\n")
end

-- What Get-Help passes on: shown as the help text, with the parts as properties ((Get-Help X).Synopsis).
local HelpInfo = P.type("HelpInfo", {"Name", "Synopsis", "Description", "Examples"})
HelpInfo.__scalar = true
HelpInfo.__tostring = function(h) return h.Text end
function P.helpInfo(cmd, text)
  local examples = P.list()
  for i, e in ipairs(cmd.examples) do examples[i] = e.code end
  return setmetatable({Name = cmd.name, Synopsis = cmd.synopsis, Description = cmd.description, Examples = examples, Text = text}, HelpInfo)
end

P.register {
  name = "Get-Help", aliases = {"help", "man"},
  synopsis = "Show how to use a command.",
  description = "Shows the synopsis, the syntax of each parameter set, each parameter with its type and whether it takes pipeline input, the description and examples, all generated from the command's declaration.",
  parameters = {
    {name = "Name", type = "string", position = 1, help = "The command (or alias)."},
    {name = "Examples", type = "switch", help = "Only the examples."},
    {name = "Full", type = "switch", aliases = {"Detailed"}, help = "Everything (what Get-Help shows anyway; accepted as in PowerShell)."},
  },
  examples = {{code = "Get-Help Set-UserLicense", text = "Everything about Set-UserLicense."},
              {code = "Get-Help Set-UserLicense -Examples", text = "Just its examples."}},
  process = function(s)
    local name = s.args.Name
    if not name then
      s.emit("plush: Lua with PowerShell-style commands for license administration.\n" ..
             "Get-Command lists the commands; Get-Help NAME explains one; Get-Help NAME -Examples shows examples.")
      return
    end
    local cmd = P.command(name)
    if not cmd then
      local near = closestCommand(name)
      s:error({Id = "CommandNotFound", Category = "ObjectNotFound", Target = name,
               Message = "No command is named '" .. name .. "'." .. (near and (" Did you mean " .. near .. "?") or ""),
               Recommendation = near and ("Get-Help " .. near) or "Get-Command"})
      return
    end
    s.emit(P.helpInfo(cmd, P.helpText(cmd, s.args.Examples)))
  end,
}

P.type("MemberInfo", {"TypeName", "Name", "MemberType", "Definition"})
P.views.MemberInfo = {"TypeName", "Name", "MemberType", "Definition"}

P.register {
  name = "Get-Member", aliases = {"gm"},
  synopsis = "List the properties of the objects given.",
  description = "For each distinct type in its input, lists its properties with the type of their value in the first object.",
  parameters = {{name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "Get-User | Get-Member", text = "What a User has."}},
  begin = function(s) s.seen = {} end,
  process = function(s, o)
    if o == nil then return end
    local t = P.typename(o)
    if s.seen[t] then return end
    s.seen[t] = true
    if type(o) ~= "table" then
      s.emit(P.object("MemberInfo", {TypeName = t, Name = "(value)", MemberType = "Value", Definition = t}))
      return
    end
    for _, name in ipairs(P.properties(o)) do
      s.emit(P.object("MemberInfo", {TypeName = t, Name = name, MemberType = "Property",
        Definition = (o[name] == nil and "Object" or P.typename(o[name])) .. " " .. name}))
    end
  end,
}
