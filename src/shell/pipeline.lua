-- The streaming pipeline: begin, process one object at a time, end; stop upstream; common parameters.
local P = __plush

local Stage = {}
Stage.__index = Stage

-- Errors of the store itself name the store as their target; in a bulk run the log must also say
-- which input object's change was not made.
local storeErrors = {StoreBusy = true, StoreError = true, StoreReadOnly = true, Interrupted = true}

-- Report a non-terminating error as this stage's -ErrorAction says.
function Stage:error(rec)
  rec = P.record(rec)
  if storeErrors[rec.Id] and self.current ~= nil and not rec.TargetObject then
    rec.TargetObject = P.cell(self.current)
    rec.Message = (rec.Message or "") .. " Input object: " .. rec.TargetObject .. "."
  end
  rec.Command = rec.Command or self.cmd.name
  rec.Position = rec.Position or self.position
  local action = self.errorAction
  if self.errorVariable then self.errorVariable[#self.errorVariable + 1] = rec end
  if action == "Stop" then P.throw(P.remember(rec)) end
  if action == "Ignore" then return end
  P.reportError(rec, action == "SilentlyContinue")
end

-- A terminating error, whatever -ErrorAction says: nothing after it could work (the store went away).
function Stage:fail(rec)
  rec = P.record(rec)
  rec.Command = rec.Command or self.cmd.name
  rec.Position = rec.Position or self.position
  P.throw(P.remember(rec))
end

-- A variable the common parameters set (-OutVariable, -ErrorVariable): a global of the Lua dialect;
-- the PowerShell dialect puts it in the caller's scope.
function P.setVariable(name, value)
  _G[name] = value
end

-- Ask every earlier stage to stop producing (Select-Object -First has what it needs).
function Stage:stopUpstream()
  local s = self.previous
  while s do
    s.stopped = true
    s = s.previous
  end
end

function Stage:verbose(text)
  if self.args.Verbose then
    P.progress_clear()
    io.stderr:write(P.paint("VERBOSE: " .. text, "verbose"), "\n")
  end
end

local function callerPosition()
  local info = debug.getinfo(3, "Sl")
  if not info or info.currentline < 0 then return nil end
  local src = info.source:sub(1, 1) == "@" and info.source:sub(2) or info.short_src
  return src .. ":" .. info.currentline
end

local function argsOf(bound)
  local args = {}
  for p, v in pairs(bound) do args[p.name] = v end
  return args
end

local function newStage(c, index, position)
  local cmd = P.command(c.n)
  if not cmd then
    P.throw({Id = "UnknownCommand", Category = "ObjectNotFound", Target = c.n,
             Message = "The term '" .. c.n .. "' is not a known command.", Recommendation = "Get-Command"})
  end
  local where = position and (position .. ":" .. (c.c or 1)) or nil
  local ok, bound, set = pcall(P.bindStatic, cmd, c, index > 1, position)
  if not ok then
    if P.isrecord(bound) then
      local column = rawget(bound, "Column")
      bound.Column = nil
      if position and column then where = position .. ":" .. column end
      bound.Position = bound.Position or where
    end
    error(bound, 0)
  end
  local s = setmetatable({cmd = cmd, args = argsOf(bound), set = set, index = index, position = where}, Stage)
  s.errorAction = s.args.ErrorAction or P.state.errorAction or "Continue"
  if cmd.changesState and s.args.WhatIf == nil and P.state.whatIfPreference then s.args.WhatIf = true end
  if index > 1 then
    s.byValue, s.byProperty = P.pipelineParameters(cmd, bound, set)
  end
  return s
end

-- The name an admin knows a target by: a user's UPN, a product's SkuPartNumber, a list's names.
local function targetName(v)
  if type(v) ~= "table" then return P.str(v) end
  if P.issequence(v) then
    local names = {}
    for i = 1, #v do names[i] = targetName(v[i]) end
    return table.concat(names, ", ")
  end
  return P.str(v.UserPrincipalName or v.DisplayName or v.SkuPartNumber or v.Id or P.typename(v))
end

-- What a change acts on, for the -Confirm question: the input's name, else the first argument.
local function targetText(s, input)
  if input ~= nil then return targetName(input) end
  for _, p in ipairs(s.cmd.parameters) do
    local v = s.args[p.name]
    if v ~= nil and not p.common then return targetName(v) end
  end
  return ""
end

-- -Confirm: ask before each change; Yes to All and No to All hold for the rest of the pipeline.
local function confirmed(s, input)
  if s.confirmAll then return true end
  if s.denyAll then return false end
  local question = string.format('Are you sure you want to perform this action?\nPerforming "%s" on target "%s".',
    s.cmd.name, targetText(s, input))
  local answer = P.confirm and P.confirm(question)
  if not answer then
    P.warn(s.cmd.name .. ": -Confirm needs a terminal to ask on; nothing was changed.")
    s.denyAll = true
    return false
  end
  if answer == "a" then s.confirmAll = true return true end
  if answer == "l" then s.denyAll = true return false end
  return answer == "y"
end

local function processFunction(s)
  local process = s.cmd.process
  if not process or not (s.cmd.changesState and s.args.Confirm) then return process end
  return function(stage, input)
    if confirmed(s, input) then process(stage, input) end
  end
end

-- The per-object entry of a stage: bind the object to pipeline parameters, then process it.
local function inputFunction(s)
  local cmd, process = s.cmd, s.process
  local byValue, byProperty = s.byValue or {}, s.byProperty or {}
  local pipelineNames = {}
  for _, p in ipairs(byValue) do pipelineNames[#pipelineNames + 1] = p.name end
  for _, p in ipairs(byProperty) do pipelineNames[#pipelineNames + 1] = p.name end
  local function notBound(input, why)
    s:error({Id = "InputObjectNotBound", Category = "InvalidArgument", Target = P.str(input),
             Message = string.format("The input object '%s' cannot be bound to any parameter of %s%s.", P.cell(input), cmd.name, why),
             Recommendation = "Get-Help " .. cmd.name})
  end
  if #pipelineNames == 0 then
    if s.index == 1 then
      return function(input) if process then process(s, input) end end
    end
    return function(input) notBound(input, ": it takes no pipeline input") end
  end
  -- One parameter that takes any object as it is (InputObject of the generic cmdlets): what the
  -- binder would do, without its per-object calls, which cost as much as the stage's own work.
  local only = byValue[1]
  if #byValue == 1 and #byProperty == 0 and only.type == "object" and not only.list and not only.values then
    local name = only.name
    return function(input)
      s.args[name] = input
      s.current = input
      if process then process(s, input) end
    end
  end
  return function(input)
    local args = s.args
    for i = 1, #pipelineNames do args[pipelineNames[i]] = nil end
    if not P.bindInput(cmd, byValue, byProperty, input, args) then
      notBound(input, "")
      return
    end
    s.current = input
    if process then process(s, input) end
  end
end

-- A changing pipeline that runs a while shows a progress line on the terminal (stderr; host's
-- progress_tick decides when): the objects its first changing stage took, their rate, the changes
-- and errors so far, and an estimate when the first stage knows how many objects it sends (Get-User
-- sets `expected`): "N of M" when the changing stage reads straight from it, else from how far it is.
-- Not for --output json or csv, whose stderr carries records. Returns the stage and a wrapper for
-- its input.
local function progressWatch(stages)
  local output = P.state.output
  if output == "json" or output == "csv" or P.progressWatching then return nil end  -- the outermost pipeline's
  local target
  for _, s in ipairs(stages) do
    if s.cmd.changesState then target = s break end
  end
  if not target or target.index == 1 then return nil end
  local source, errorsBefore = stages[1], P.state.errorsReported
  local changesBefore = P.changes_made and P.changes_made()
  local tick, name, done = P.progress_tick, target.cmd.name, 0
  P.progress_start()
  P.progressWatching = true
  local sent = 0
  local function countSent()  -- once the stages are wired: the first stage's emit then exists
    local emit = source.emit
    source.emit = function(o)
      sent = sent + 1
      return emit(o)
    end
  end
  return target, function(input)
    return function(o)
      input(o)
      done = done + 1
      local total = target.index == 2 and source.expected or nil
      local changes = changesBefore and P.changes_made() - changesBefore
      P.progressShown = tick(name, done, total, changes, P.state.errorsReported - errorsBefore, sent, source.expected)
    end
  end, countSent
end

local function wire(stages, sink, watched, watch)
  for i = #stages, 1, -1 do
    local s = stages[i]
    local nextInput = i == #stages and sink or stages[i + 1].input
    local keep = s.outVariable
    s.emit = function(o)
      if s.stopped then return false end
      if o ~= nil then
        if keep then keep[#keep + 1] = o end
        nextInput(o)
      end
      return not s.stopped
    end
    -- What a script block returned: Lists and plain Lua sequences unroll into their items, nil
    -- passes nothing.
    s.emitValue = function(v)
      if P.issequence(v) then
        for i = 1, #v do
          if not s.emit(v[i]) then return false end
        end
        return not s.stopped
      end
      return s.emit(v)
    end
    s.process = processFunction(s)
    s.input = inputFunction(s)
    if s == watched then s.input = watch(s.input) end
  end
end

local function listSink()
  local out, n = P.list(), 0
  return out, function(o) n = n + 1; out[n] = o end
end

-- -WhatIf: the stage runs for real inside a transaction that is then rolled back, and what it
-- changed (its audit rows) is shown: an exact answer, not a guess.
local function startWhatIf(stages)
  for _, s in ipairs(stages) do
    if s.cmd.changesState and s.args.WhatIf and P.whatif_begin then s.whatIfMark = P.whatif_begin() end
  end
end

local function endWhatIf(stages)
  for i = #stages, 1, -1 do
    local s = stages[i]
    if s.whatIfMark then
      local changes = P.whatif_end(s.whatIfMark)
      s.whatIfMark = nil
      if #changes == 0 then io.write("What if: ", s.cmd.name, " would change nothing.\n") end
      for _, line in ipairs(changes) do io.write("What if: ", line, "\n") end
    end
  end
end

local function runStages(stages)
  startWhatIf(stages)
  for _, s in ipairs(stages) do
    if s.cmd.begin then s.cmd.begin(s) end
  end
  -- The first stage has no pipeline input; `-InputObject x` stands for it (processed once, whole).
  local first = stages[1]
  if first.process then first.process(first, first.args.InputObject) end
  for _, s in ipairs(stages) do
    if s.cmd.finish and not (s.stopped and s.cmd.finishWhenStopped == false) then s.cmd.finish(s) end
  end
end

-- -OutVariable NAME and -ErrorVariable NAME: the stage's own output or errors, as a List, in the
-- variable NAME (set when the pipeline ends; +NAME adds to what the variable holds).
local function startOutVariables(stages)
  for _, s in ipairs(stages) do
    if s.args.OutVariable then s.outVariable = P.list() end
    if s.args.ErrorVariable then s.errorVariable = P.list() end
  end
end

local function setVariable(name, list)
  local add = name:sub(1, 1) == "+"
  if add then
    name = name:sub(2)
    local old = P.getVariable and P.getVariable(name) or _G[name]
    if P.islist(old) then
      local joined = P.list()
      for i = 1, #old do joined[i] = old[i] end
      for i = 1, #list do joined[#joined + 1] = list[i] end
      list = joined
    end
  end
  P.setVariable(name, list)
end

local function setOutVariables(stages)
  for _, s in ipairs(stages) do
    if s.outVariable then setVariable(s.args.OutVariable, s.outVariable) end
    if s.errorVariable then setVariable(s.args.ErrorVariable, s.errorVariable) end
  end
end

-- The stage whose script block is running (ForEach-Object): statement pipelines inside the block
-- send their output down that stage's pipeline, as in PowerShell, not to the screen.
local blockOutput = nil

function P.runBlock(s, block, ...)
  local outer = blockOutput
  blockOutput = s.emitValue
  local ok, result = pcall(block, ...)
  blockOutput = outer
  if not ok then error(result, 0) end
  return result
end

-- The end of the pipeline: Out-Default for a statement, a List for a value.
local function makeSink(toOutput)
  if type(toOutput) == "function" then return toOutput, function() end end
  if toOutput and blockOutput then return blockOutput, function() end end
  if toOutput then
    local show, flush = P.outDefaultSink()
    return show, function() flush() end
  end
  local result, append = listSink()
  return append, function() return result end
end

-- Where-Object right after a read of the store (Get-User): a block that only compares $_'s properties
-- with constants comes marked by the translator (P.pushable; lang/pushed_test.h), and the read puts
-- into its query what of that test gives the block's own answer (cmdlets/pushed_where.cpp).
-- Where-Object still runs the block on every object read, so the output is the same; users that
-- cannot pass are never read into objects. Not when the read's own output is kept (-OutVariable).
local pushableTests = setmetatable({}, {__mode = "k"})

function P.pushable(block, test)
  pushableTests[block] = test
  return block
end

local storeReads = {["Get-User"] = true}

local function pushWhere(stages)
  local read, where = stages[1], stages[2]
  if not where or where.cmd.name ~= "Where-Object" or not storeReads[read.cmd.name] then return end
  local block = where.args.FilterScript
  local test = block and pushableTests[block]
  if not test or read.args.OutVariable then return end
  read.args.PushedTest = test
  if where.args.Verbose and not read.args.Verbose then
    read.verbose = function(_, text) where:verbose(text) end
  end
end

-- Run a pipeline from `position` ("file:line"). As a statement its output goes to Out-Default (or to
-- the function given as toOutput); as a value it returns a List.
function P.pipeAt(position, toOutput, ...)
  local n = select("#", ...)
  for i = 1, n do
    local c = select(i, ...)
    if P.asksHelp(c) then  -- `Get-User | Set-UserLicense -?`: that help, and nothing runs
      P.showHelp(c.n)
      if not toOutput then return P.list() end
      return
    end
  end
  local stages = {}
  for i = 1, n do
    stages[i] = newStage(select(i, ...), i, position)
    stages[i].previous = stages[i - 1]
  end
  pushWhere(stages)
  -- A lone command whose whole output is the value (`local users = Get-User`) may hand it over as
  -- one List (Get-User's keeps compact rows until an item is read: cmdlets/user_rows.h).
  local only = n == 1 and stages[1]
  if only and not toOutput and not only.args.OutVariable then only.outputIsValue = true end
  local sink, finish = makeSink(toOutput)
  local changes = false
  for _, s in ipairs(stages) do changes = changes or s.cmd.changesState end
  local watched, watch, countSent
  if changes then
    watched, watch, countSent = progressWatch(stages)
    if watched then
      local show = sink
      sink = function(o)
        if P.progressShown then P.progress_clear() P.progressShown = false end
        show(o)
      end
    end
  end
  startOutVariables(stages)
  wire(stages, sink, watched, watch)
  if countSent then countSent() end
  P.hook_pipeline_start(stages)
  local ok, err = (changes and P.batched or pcall)(runStages, stages)
  if watched then P.progressEnd() end
  endWhatIf(stages)
  setOutVariables(stages)
  local result = finish()
  if only and only.outputList then result = only.outputList end
  if not ok then error(err, 0) end
  if not toOutput then return result end
end

-- The progress line ends with its pipeline; when a stop (Ctrl-C, SIGTERM, --timeout) cuts the
-- pipeline short, no Lua runs after it, so the runner ends the line as it takes the stop.
function P.progressEnd()
  P.progress_clear()
  P.progressShown, P.progressWatching = false, false
end

function P.pipe(toOutput, ...)
  return P.pipeAt(callerPosition(), toOutput, ...)
end

P.hook_pipeline_start = function() end
