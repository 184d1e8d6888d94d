-- Cmdlets of the PowerShell dialect that work on its own values: New-Object, Add-Member, Measure-Command, and the
-- module and sign-in commands of Microsoft's modules, accepted with one line since plush works on its own store.
local P = __plush
local R = P.ps

P.register {
  name = "New-Object",
  synopsis = "Make a PSCustomObject, a hashtable or one of the .NET collections scripts use.",
  description = "-TypeName PSObject (or PSCustomObject) with -Property @{...} makes an object with those properties; System.Collections.Generic.List[T], HashSet[T], Dictionary[K,V], System.Collections.ArrayList, Hashtable and System.Text.StringBuilder make those. Other .NET types and COM objects are not supported in plush.",
  parameters = {
    {name = "TypeName", type = "string", position = 1, mandatory = true},
    {name = "ArgumentList", aliases = {"Args"}, type = "object", position = 2, help = "What the type's constructor takes."},
    {name = "Property", type = "object", help = "A hashtable of properties to set."},
  },
  examples = {{code = "New-Object PSObject -Property @{ User = $upn; Removed = $sku }", text = "A report row."},
              {code = "$list = New-Object System.Collections.Generic.List[string]", text = "A list that grows with .Add()."}},
  process = function(s)
    local a = s.args
    s.emit(R.newObject(a.TypeName, a.ArgumentList, a.Property, nil))
  end,
}

P.register {
  name = "Add-Member",
  synopsis = "Add a property to an object.",
  description = "Adds -NotePropertyName/-NotePropertyValue (or -MemberType NoteProperty -Name -Value, or -NotePropertyMembers @{...}) to the input object, which keeps its other properties; an existing property is an error unless -Force. -PassThru passes the object on.",
  parameters = {
    {name = "InputObject", type = "object", pipeline = "value", mandatory = true},
    {name = "MemberType", aliases = {"Type"}, type = "string", position = 1, values = {"NoteProperty", "Property", "ScriptProperty", "AliasProperty"}},
    {name = "Name", type = "string", position = 2},
    {name = "Value", type = "object", position = 3},
    {name = "NotePropertyName", type = "string"},
    {name = "NotePropertyValue", type = "object"},
    {name = "NotePropertyMembers", type = "object"},
    {name = "Force", type = "switch"},
    {name = "PassThru", type = "switch"},
  },
  examples = {{code = "$row | Add-Member -NotePropertyName Reclaimed -NotePropertyValue $true", text = "One more column for the report."}},
  process = function(s, input)
    local a = s.args
    local o = input or a.InputObject
    if o == nil then return end
    local additions = {}
    if a.NotePropertyMembers ~= nil then
      for _, k in ipairs(R.keys(a.NotePropertyMembers)) do additions[#additions + 1] = {R.str(k), R.get(a.NotePropertyMembers, k)} end
    end
    local name = a.NotePropertyName or a.Name
    if name then
      local value = a.NotePropertyName and a.NotePropertyValue or a.Value
      if a.MemberType == "ScriptProperty" and type(value) == "function" then value = value(o) end
      additions[#additions + 1] = {name, value}
    end
    for _, add in ipairs(additions) do
      local ok, err = pcall(R.addProperty, o, add[1], add[2], a.Force)
      if not ok then s:error(P.torecord(err)) return end
    end
    if a.PassThru then s.emit(o) end
  end,
}

-- A property added to one object: its shape is copied, so other objects of its type keep theirs.
function R.addProperty(o, name, value, force)
  if R.isDictionary(o) then
    R.hset(o, name, value)
    return
  end
  if type(o) ~= "table" or getmetatable(o) == P.ListMeta then
    P.throw({Id = "CannotAddMember", Category = "InvalidOperation", Target = name,
             Message = "Cannot add a member to a " .. R.typeName(o) .. " in plush; make an object with [PSCustomObject]@{ } first."})
  end
  local mt = getmetatable(o)
  if mt and mt.__canon and mt.__canon[name:lower()] then
    if not force then
      P.throw({Id = "MemberAlreadyExists", Category = "InvalidOperation", Target = name,
               Message = "Cannot add a member with the name \"" .. name .. "\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."})
    end
    o[name] = value
    return
  end
  local names = {}
  for i, n in ipairs(P.properties(o)) do names[i] = n end
  names[#names + 1] = name
  local shape = P.shape(names, mt and mt.__type or "PSCustomObject")
  shape.__pstext = mt and mt.__pstext or R.objectText
  setmetatable(o, shape)
  rawset(o, name, value)
end

P.register {
  name = "Measure-Command",
  synopsis = "How long a script block takes to run.",
  description = "Runs -Expression once (its output is discarded) and passes on the time it took, as a TimeSpan (TotalMilliseconds, TotalSeconds, ...).",
  parameters = {{name = "Expression", type = "scriptblock", position = 1, mandatory = true},
                {name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "(Measure-Command { Get-User | Measure-Object }).TotalMilliseconds", text = "How long counting the users takes."}},
  process = function(s, input)
    local started = os.clock()
    local wall = os.time()
    s.args.Expression(input)
    local seconds = os.clock() - started
    if os.time() - wall > seconds + 1 then seconds = os.time() - wall end
    s.emit(R.timespan(seconds * 1000))
  end,
}

local function moduleNote(what)
  io.stdout:flush()
  io.stderr:write("plush: " .. what .. " is not needed: plush works on its own tenant store, and its cmdlets are built in.\n")
end

-- Import-Module of the Microsoft modules is the Graph cmdlets' (src/cmdlets/mg_directory.cpp).

for _, command in ipairs({"Connect-MsolService", "Connect-AzureAD", "Disconnect-MgGraph", "Connect-MgGraph"}) do
  if not P.command(command) then
    P.register {
      name = command,
      synopsis = "Accepted: plush works on its own tenant store, with no sign-in.",
      description = command .. " writes one line saying plush works on its own store and needs no sign-in; its parameters are accepted and ignored.",
      parameters = {{name = "Scopes", type = "string", list = true}, {name = "TenantId", type = "string"},
                    {name = "Credential", type = "object"}, {name = "ClientId", type = "string"}, {name = "NoWelcome", type = "switch"},
                    {name = "CertificateThumbprint", type = "string"}, {name = "Identity", type = "switch"},
                    {name = "Arguments", type = "object", list = true, position = 1, remaining = true}},
      examples = {{code = command, text = "One line on standard error."}},
      process = function() moduleNote(command) end,
    }
  end
end

P.register {
  name = "Set-StrictMode",
  synopsis = "Accepted; plush's PowerShell is not made stricter by it.",
  description = "Set-StrictMode -Version Latest and -Off are accepted so scripts run unchanged; plush writes one warning that it does not enforce strict mode (reading an unset variable still gives $null).",
  parameters = {{name = "Version", type = "string"}, {name = "Off", type = "switch"}},
  examples = {{code = "Set-StrictMode -Version Latest", text = "Accepted, with a warning."}},
  process = function(s)
    if not s.args.Off then P.warn("Set-StrictMode is accepted but not enforced by plush: an unset variable still reads as $null.") end
  end,
}

return R
