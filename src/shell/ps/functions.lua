-- PowerShell functions as commands: a function declares itself through the registry like any cmdlet (the
-- binder, Get-Help, Get-Command and Tab read that declaration), runs begin/process/end in a scope of its
-- own whose parent is the caller's, and writes down the pipeline. Also a script's own param( ).
local P = __plush
local R = P.ps
local NULL, List = R.NULL, P.ListMeta
local str = R.str

local function validationError(name, message, value)
  P.throw({Id = "ParameterArgumentValidationError", Category = "InvalidData", Target = str(value),
           Message = string.format("Cannot validate argument on parameter '%s'. %s", name, message),
           ExceptionType = "exception:parameterbindingexception"})
end

-- [ValidateSet()] [ValidateRange()] [ValidateNotNullOrEmpty()] ... on one bound value.
local function validate(p, v)
  if v == nil then
    if p.notNull or p.notEmpty then
      validationError(p.name, "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", v)
    end
    return
  end
  if p.notEmpty and (v == "" or (getmetatable(v) == List and #v == 0)) then
    validationError(p.name, "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", v)
  end
  for _, x in R.each(v) do
    if p.validSet then
      local ok = false
      for _, allowed in ipairs(p.validSet) do
        if R.equalScalar(str(x), allowed, false) then ok = true break end
      end
      if not ok then
        validationError(p.name, string.format('The argument "%s" does not belong to the set "%s" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.',
          str(x), table.concat(p.validSet, ",")), x)
      end
    end
    if p.range then
      local lo, hi = p.range[1], p.range[2]
      if R.compareScalar(x, lo) < 0 then
        validationError(p.name, string.format("The %s argument is less than the minimum allowed range of %s. Supply an argument that is greater than or equal to %s and then try the command again.", str(x), str(lo), str(lo)), x)
      end
      if R.compareScalar(x, hi) > 0 then
        validationError(p.name, string.format("The %s argument is greater than the maximum allowed range of %s. Supply an argument that is less than or equal to %s and then try the command again.", str(x), str(hi), str(hi)), x)
      end
    end
    if p.pattern and not R.regexTest(str(x), str(p.pattern[1]), true) then
      validationError(p.name, string.format('The argument "%s" does not match the "%s" pattern. Supply an argument that matches "%s" and try the command again.', str(x), str(p.pattern[1]), str(p.pattern[1])), x)
    end
    if p.length then
      local n = utf8.len(str(x)) or 0
      if n < p.length[1] or n > p.length[2] then
        validationError(p.name, string.format("The character length (%d) of the argument is outside the allowed range %s..%s.", n, str(p.length[1]), str(p.length[2])), x)
      end
    end
    if p.validate and not R.T(p.validate(x)) then
      validationError(p.name, string.format('The "%s" validation script for the argument with value "%s" did not return a result of True. Determine why the validation script failed, and then try the command again.',
        R.blockText(p.validate), str(x)), x)
    end
  end
  if p.count then
    local n = getmetatable(v) == List and #v or 1
    if n < p.count[1] or n > p.count[2] then
      validationError(p.name, string.format("The parameter requires at least %s value(s) and no more than %s value(s) - %d value(s) were provided.", str(p.count[1]), str(p.count[2]), n), v)
    end
  end
end

-- The declaration the registry takes, from the compiler's parameter specs.
local function declareParameters(spec)
  local params, anyPipeline = {}, false
  for _, p in ipairs(spec.params) do
    -- The binder takes any value; the parameter's type converts it as PowerShell does ([string] joins
    -- an array, [int] rounds), in bindParameters.
    local decl = {name = p.name, type = p.type == "switch" and "switch" or "object", typeLabel = p.typeName,
                  position = p.position, mandatory = p.mandatory,
                  pipeline = p.pipeline, aliases = p.aliases, sets = p.sets, remaining = p.remaining,
                  help = (spec.parameterHelp and spec.parameterHelp[p.name:lower()]) or p.help}
    if p.values then
      decl.values, decl.keepCase = {}, true
      for i, v in ipairs(p.values) do decl.values[i] = str(v) end
    end
    if p.pipeline then anyPipeline = true end
    params[#params + 1] = decl
  end
  if spec.simple then
    params[#params + 1] = {name = "__Arguments", type = "object", list = true, remaining = true, position = 1000, hidden = true, common = true}
  end
  if not anyPipeline then
    params[#params + 1] = {name = "__Input", type = "object", pipeline = "value", hidden = true, common = true}
  end
  return params
end

local function specsByName(spec)
  local byName = {}
  for _, p in ipairs(spec.params) do
    byName[p.name] = p
    if p.values then
      p.validSet = {}
      for i, v in ipairs(p.values) do p.validSet[i] = str(v) end
    end
  end
  return byName
end

-- Bind what the binder put in s.args into the function's scope: defaults, conversions, validation.
local function bindParameters(spec, scope, args, pipelineOnly)
  for _, p in ipairs(spec.params) do
    if not pipelineOnly or p.pipeline then
      local v = args[p.name]
      local given = v ~= nil
      if not given and p.type == "switch" then v = false end
      if not given and p.default and not pipelineOnly then v = p.default(scope) end
      local castTo = p.typeName
      if v ~= nil and castTo and castTo ~= "object" and castTo ~= "psobject" and castTo ~= "switch" then v = R.cast(castTo, v) end
      if p.typeName == "switch" or p.type == "switch" then v = R.switch(R.T(v)) end
      if given or not pipelineOnly then validate(p, (p.type == "switch") and nil or v) end
      R.set(scope, p.name:lower(), v)
    end
  end
end

local function boundParameters(spec, args)
  local h = R.hash(false)
  for _, p in ipairs(spec.params) do
    if args[p.name] ~= nil then R.hset(h, p.name, p.type == "switch" and R.switch(R.T(args[p.name])) or args[p.name]) end
  end
  for _, common in ipairs({"Verbose", "WhatIf", "Confirm", "ErrorAction", "OutVariable"}) do
    if args[common] ~= nil then R.hset(h, common, args[common]) end
  end
  return h
end

---------------------------------------------------------------------------------------------------
-- $PSCmdlet of an advanced function: ShouldProcess, WriteError, ThrowTerminatingError, ...

local Cmdlet = P.type("PSScriptCmdlet", {"ParameterSetName", "MyInvocation"})
Cmdlet.__methods_ps = {
  shouldprocess = function(c, pos, target, action)
    local s = c.stage
    local what = action ~= nil and str(action) or s.cmd.name
    local targetText = target ~= nil and str(target) or ""
    if s.args.WhatIf or P.state.whatIfPreference then
      R.flush()
      io.write(string.format('What if: Performing the operation "%s" on target "%s".\n', what, targetText))
      return false
    end
    if s.args.Confirm then
      local answer = P.confirm and P.confirm(string.format('Are you sure you want to perform this action?\nPerforming the operation "%s" on target "%s".', what, targetText))
      return answer == "y" or answer == "a"
    end
    return true
  end,
  shouldcontinue = function(c, pos, query, caption)
    local answer = P.confirm and P.confirm(str(query))
    return answer == "y" or answer == "a"
  end,
  writeerror = function(c, pos, rec) c.stage:error(P.isrecord(rec) and rec or {Id = "WriteError", Message = str(rec)}) end,
  throwterminatingerror = function(c, pos, rec) error(P.isrecord(rec) and rec or P.record({Id = "ScriptError", Message = str(rec)}), 0) end,
  writeverbose = function(c, pos, text) c.stage:verbose(str(text)) end,
  writewarning = function(c, pos, text) P.warn(str(text)) end,
  writeobject = function(c, pos, v) R.unroll(c.stage.emit, v) end,
}

local Invocation = P.type("FunctionInvocation", {"MyCommand", "InvocationName", "BoundParameters", "ScriptName", "PipelineLength", "PipelinePosition"})
local CommandInfo = P.type("FunctionInfo", {"Name", "CommandType"})

---------------------------------------------------------------------------------------------------

local function outputTo(s)
  local emit = s.emit
  return function(v) R.unroll(emit, v) end
end

-- function Name { ... }: declared as a command, through the same registry as every cmdlet.
function R.fn(S, spec)
  local byName = specsByName(spec)
  local decl = {
    name = spec.name, synopsis = spec.synopsis or (spec.name .. " (a function of this script)"),
    description = spec.description, examples = spec.examples or {}, changesState = spec.changesState,
    parameters = declareParameters(spec), psFunction = true,
  }
  local function args(s)
    local rest = s.args.__Arguments
    local out = setmetatable({}, List)
    if rest then for i = 1, #rest do out[i] = rest[i] end end
    return out
  end
  decl.begin = function(s)
    local scope = R.scope(R.cur or R.G)
    s.scope, s.psArgs, s.inputs = scope, args(s), spec.usesInput and setmetatable({}, List) or nil
    s.O = outputTo(s)
    bindParameters(spec, scope, s.args, false)
    rawset(scope, "psboundparameters", boundParameters(spec, s.args))
    rawset(scope, "myinvocation", setmetatable({MyCommand = setmetatable({Name = spec.name, CommandType = "Function"}, CommandInfo),
      InvocationName = spec.name, BoundParameters = scope.psboundparameters}, Invocation))
    if not spec.simple then rawset(scope, "pscmdlet", setmetatable({stage = s, ParameterSetName = s.set}, Cmdlet)) end
    if s.args.Verbose then rawset(scope, "verbosepreference", "Continue") end
    if s.args.ErrorAction then rawset(scope, "erroractionpreference", s.args.ErrorAction) end
    if s.args.WhatIf then rawset(scope, "whatifpreference", true) end
    if spec.b then spec.b(scope, s.O, nil, s.psArgs, nil) end
  end
  decl.process = function(s, input)
    local scope = s.scope
    s.sawInput = true
    if s.inputs and input ~= nil then s.inputs[#s.inputs + 1] = input end
    if spec.p then
      if s.index > 1 then bindParameters(spec, scope, s.args, true) end
      spec.p(scope, s.O, input, s.psArgs, nil)
    elseif s.index > 1 then
      bindParameters(spec, scope, s.args, true)
    end
  end
  decl.finish = function(s)
    if spec.e then spec.e(s.scope, s.O, nil, s.psArgs, s.inputs or setmetatable({}, List)) end
  end
  P.register(decl)
  P.state.psFunctions = P.state.psFunctions or {}
  P.state.psFunctions[spec.name:lower()] = byName
end

-- param( ) of a script block run with & { }: positional arguments and -Name value pairs.
function R.bindBlock(S, params, ...)
  local named, positional = {}, {}
  local n = select("#", ...)
  local i = 1
  while i <= n do
    local a = select(i, ...)
    if type(a) == "table" and a.name and a.column and getmetatable(a) ~= List and P.isparameter and P.isparameter(a) then
      local value = a.value
      if not a.hasValue then
        i = i + 1
        value = select(i, ...)
      end
      named[a.name:lower()] = value
    else
      positional[#positional + 1] = a
    end
    i = i + 1
  end
  local k = 0
  for _, p in ipairs(params) do
    local v = named[p.name:lower()]
    if v == nil then
      k = k + 1
      v = positional[k]
    end
    if v == nil and p.default then v = p.default(S) end
    local castTo = p.typeName
    if v ~= nil and castTo and castTo ~= "object" and castTo ~= "psobject" then v = R.cast(castTo, v) end
    R.set(S, p.name:lower(), v)
  end
end

---------------------------------------------------------------------------------------------------
-- A .ps1 script's param( ): its command-line arguments bound by the binder; a usage error exits 64.
-- -WhatIf, -Verbose and -Confirm the script does not declare set the preference variables.

function R.scriptParams(S, spec, ...)
  local decl = {name = P.state.scriptFile or "script", parameters = declareParameters(spec), changesState = spec.changesState}
  P.declare(decl)
  local c, k = {n = decl.name, c = 1}, 0
  local rest = setmetatable({}, List)
  for _, a in ipairs(arg or {}) do
    local name, colon, value = a:match("^%-([%a_][%w_]*)(:?)(.*)$")
    local lname = name and name:lower()
    -- -WhatIf sets $WhatIfPreference, whether the script declares SupportsShouldProcess or not
    if lname == "whatif" and colon == "" then rawset(S, "whatifpreference", true)
    elseif lname == "confirm" and colon == "" then rawset(S, "confirmpreference", "Low")
    elseif lname == "verbose" then rawset(R.G, "verbosepreference", "Continue")
    elseif lname == "debug" then rawset(R.G, "debugpreference", "Continue")
    elseif name then
      k = k + 1
      c[k] = colon == ":" and P.P(name, 1, value) or P.P(name, 1)
    else
      k = k + 1
      c[k] = a
    end
  end
  c.k = k
  -- a usage error: what was wrong, the parameters the script takes, exit 64
  local function usage(err)
    local rec = P.torecord(err)
    io.stderr:write(string.format("%s: %s (%s)\n", decl.name, rec.Message or tostring(rec), rec.Id or "Usage"))
    local names = {}
    for _, p in ipairs(decl.parameters) do
      if not p.common then
        local text = "-" .. p.name .. (p.type == "switch" and "" or (" <" .. (p.typeLabel or "object") .. ">"))
        names[#names + 1] = p.mandatory and text or "[" .. text .. "]"
      end
    end
    io.stderr:write("usage: plush " .. decl.name .. " " .. table.concat(names, " ") .. "\n")
    os.exit(64)
  end
  local ok, bound = pcall(P.bindStatic, decl, c, false, nil)
  if not ok then usage(bound) end
  local values = {}
  for p, v in pairs(bound) do values[p.name] = v end
  local okBind, err = pcall(bindParameters, spec, S, values, false)
  if not okBind then usage(err) end
  rawset(S, "psboundparameters", boundParameters(spec, values))
  if values.__Arguments then
    for i, v in ipairs(values.__Arguments) do rest[i] = v end
  end
  return rest
end

return R
