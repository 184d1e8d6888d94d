-- Errors in the PowerShell dialect: runtime failures as error records at the .ps1 line and column, throw,
-- try/catch/finally with .NET exception types, trap, and the members of $_ in a catch block.
local P = __plush
local R = P.ps
local debug = debug  -- as loaded: --restricted takes the global away from scripts
local str = R.str

-- "file:line:column" of a position the compiler passed (line * 2^32 + column * 2^16 + width).
local function positionText(pos)
  local chunk
  for level = 3, 40 do
    local info = debug.getinfo(level, "S")
    if not info then break end
    if info.source:sub(1, 1) == "@" and R.isChunk(info.source) then
      chunk = info.source:sub(2)
      break
    end
  end
  if not pos then
    return R.where(3)
  end
  local line = pos // 4294967296
  local column = pos // 65536 % 65536
  return (chunk or "?") .. ":" .. line .. ":" .. column, pos % 65536
end

local knownChunks = {}
local noteChunk = R.noteChunk
function R.noteChunk(name)
  knownChunks["@" .. name] = true
  noteChunk(name)
end
function R.isChunk(source) return knownChunks[source] == true end

-- A terminating runtime error: an error record with its place and the .NET exception it stands for.
function R.fail(pos, id, message, category, exceptionType)
  local where, width = positionText(pos)
  P.throw({Id = id, Category = category or "InvalidOperation", Message = message, Position = where, Width = width,
           ExceptionType = exceptionType})
end

-- throw value / throw (rethrow $_ in a catch).
function R.throw(value, pos, rethrow)
  if rethrow and P.isrecord(value) then error(value, 0) end
  if P.isrecord(value) then error(value, 0) end
  local where, width = positionText(pos)
  if value == nil or value == R.NULL then
    P.throw({Id = "ScriptHalted", Category = "OperationStopped", Message = "ScriptHalted", Position = where, Width = width,
             ExceptionType = "exception:runtimeexception"})
  end
  local message = str(value)
  local mt = type(value) == "table" and getmetatable(value)
  if mt and mt.__exception then message = value.Message end
  P.throw({Id = type(value) == "string" and value or message, DisplayId = "RuntimeException", Category = "OperationStopped", Message = message,
           TargetObject = value, Target = type(value) == "string" and value or nil, Position = where, Width = width,
           ExceptionType = mt and mt.__exception and value.TypeName or "exception:runtimeexception", Thrown = true})
end

---------------------------------------------------------------------------------------------------
-- Which .NET exception a record stands for, most specific first, for catch [Type] and trap [Type].

local bases = {
  dividebyzeroexception = {"arithmeticexception"}, overflowexception = {"arithmeticexception"},
  arithmeticexception = {"systemexception"},
  argumentnullexception = {"argumentexception"}, argumentoutofrangeexception = {"argumentexception"},
  psargumentexception = {"argumentexception"}, argumentexception = {"systemexception"},
  invalidcastexception = {"systemexception"}, psinvalidcastexception = {"invalidcastexception"},
  formatexception = {"systemexception"}, notsupportedexception = {"systemexception"},
  invalidoperationexception = {"systemexception"}, psinvalidoperationexception = {"invalidoperationexception"},
  filenotfoundexception = {"ioexception"}, directorynotfoundexception = {"ioexception"}, ioexception = {"systemexception"},
  unauthorizedaccessexception = {"systemexception"}, indexoutofrangeexception = {"systemexception"},
  nullreferenceexception = {"systemexception"}, timeoutexception = {"systemexception"},
  commandnotfoundexception = {"runtimeexception"}, parameterbindingexception = {"runtimeexception"},
  itemnotfoundexception = {"sessionstateexception"}, sessionstateexception = {"runtimeexception"},
  methodinvocationexception = {"methodexception"}, methodexception = {"runtimeexception"},
  actionpreferencestopexception = {"runtimeexception"}, validationmetadataexception = {"metadataexception"},
  metadataexception = {"runtimeexception"}, pipelinestoppedexception = {"runtimeexception"},
  propertynotfoundexception = {"extendedtypesystemexception"}, extendedtypesystemexception = {"runtimeexception"},
  runtimeexception = {"systemexception"}, systemexception = {"exception"},
  httpresponseexception = {"httprequestexception"}, httprequestexception = {"exception"}, webexception = {"invalidoperationexception"},
  keynotfoundexception = {"systemexception"},
}

local binderIds = {ParameterNotFound = 1, AmbiguousParameter = 1, MissingArgument = 1, ParameterBoundTwice = 1,
                   ParameterSetNotResolved = 1, PositionalParameterNotFound = 1, MissingMandatoryParameter = 1,
                   InputObjectNotBound = 1, ParameterArgumentValidationError = 1}

local function exceptionOf(rec)
  local t = rawget(rec, "ExceptionType")
  if t then return t:sub(11) end
  local id = rec.Id
  if id == "UnknownCommand" or id == "CommandNotFound" then return "commandnotfoundexception" end
  if binderIds[id] or (id == "InvalidArgument" and rec.Command) then return "parameterbindingexception" end
  if id == "PipelineStopped" then return "pipelinestoppedexception" end
  local category = rec.Category
  if category == "ObjectNotFound" then return "itemnotfoundexception" end
  if category == "InvalidArgument" then return "psargumentexception" end
  if category == "PermissionDenied" then return "unauthorizedaccessexception" end
  if rec.Command then return "actionpreferencestopexception" end
  return "runtimeexception"
end

local function chain(name)
  local out, seen = {}, {}
  local function walk(n)
    if seen[n] then return end
    seen[n] = true
    out[#out + 1] = n
    for _, b in ipairs(bases[n] or {}) do walk(b) end
  end
  walk(name)
  -- a cmdlet's error raised by -ErrorAction Stop is also the ActionPreferenceStopException PowerShell raises
  if not seen.runtimeexception then walk("runtimeexception") end
  return out
end

function R.isException(rec, kind)
  if not P.isrecord(rec) then return false end
  local want = kind:sub(11)
  for _, n in ipairs(chain(exceptionOf(rec))) do
    if n == want then return true end
  end
  return false
end

local uncatchable = {PipelineStopped = true, OutOfMemory = true, Timeout = true, TimedOut = true}

local function asRecord(err)
  if P.isrecord(err) then return err end
  local message = tostring(err):gsub("^[^:]*:%d+: ", "")
  return P.record({Id = "RuntimeException", Category = "InvalidOperation", Message = message, ExceptionType = "exception:runtimeexception"})
end

local function matches(types, rec)
  if #types == 0 then return true end
  for _, t in ipairs(types) do
    if t:sub(1, 8) ~= "foreign:" and R.isException(rec, t) then return true end
  end
  return false
end

-- try { } catch [T] { } finally { }: a body's break/continue/return signal is passed back to the caller.
function R.try(S, body, catches, finally)
  local ok, signal = pcall(body)
  local failure
  if not ok then
    local rec = asRecord(signal)
    if uncatchable[rec.Id] then
      failure = signal
    else
      local handler
      for _, c in ipairs(catches) do
        if matches(c[1], rec) then handler = c[2] break end
      end
      if handler then
        P.remember(rec)
        R.cur = S
        local ok2, signal2 = pcall(handler, rec)
        if ok2 then signal = signal2 else failure = signal2 end
      else
        failure = signal
      end
    end
  end
  if finally then
    local fsignal = finally()
    if fsignal ~= nil and failure == nil then signal = fsignal end
  end
  if failure ~= nil then error(failure, 0) end
  return signal
end

-- A statement guarded by the traps of its body: the trap runs, then the next statement; `break` in
-- the trap ends the body with the error; `continue` goes on without writing it.
function R.trapped(S, traps, statement)
  local ok, signal = pcall(statement)
  if ok then return signal end
  local rec = asRecord(signal)
  if uncatchable[rec.Id] then error(signal, 0) end
  -- a trap for the error's type wins over a trap for every error, wherever it is written
  local handler
  for _, t in ipairs(traps) do
    if #t[1] > 0 and matches(t[1], rec) then handler = t[2] break end
  end
  if not handler then
    for _, t in ipairs(traps) do
      if #t[1] == 0 then handler = t[2] break end
    end
  end
  if not handler then error(signal, 0) end
  P.remember(rec)
  R.cur = S
  local result = handler(rec)
  if result == "trapbreak" then error(rec, 0) end
  if result ~= "trapcontinue" then
    R.flush()
    P.reportError(rec)
  end
  return nil
end

---------------------------------------------------------------------------------------------------
-- $_ in a catch block: .Exception.Message, .FullyQualifiedErrorId, .CategoryInfo.Category,
-- .TargetObject, .InvocationInfo, .ToString(), and plush's own .Id and .Recommendation.

local Exception = P.type("Exception", {"Message", "InnerException", "HResult"})
Exception.__exception = true
Exception.__scalar = true
Exception.__pstext = function(e) return e.Message end
Exception.__tostring = Exception.__pstext

local function exceptionObject(rec)
  local name = exceptionOf(rec)
  local e = setmetatable({Message = rec.Message or "", TypeName = "exception:" .. name}, Exception)
  return e
end

local exceptionNames = {
  runtimeexception = "System.Management.Automation.RuntimeException",
  actionpreferencestopexception = "System.Management.Automation.ActionPreferenceStopException",
  commandnotfoundexception = "System.Management.Automation.CommandNotFoundException",
  parameterbindingexception = "System.Management.Automation.ParameterBindingException",
  itemnotfoundexception = "System.Management.Automation.ItemNotFoundException",
  psargumentexception = "System.Management.Automation.PSArgumentException",
  methodinvocationexception = "System.Management.Automation.MethodInvocationException",
  pipelinestoppedexception = "System.Management.Automation.PipelineStoppedException",
}
Exception.__methods_ps = {
  gettype = function(e)
    local short = e.TypeName:sub(11)
    local full = exceptionNames[short]
    if not full then
      for k, v in pairs({dividebyzeroexception = "DivideByZeroException", argumentexception = "ArgumentException",
                         invalidcastexception = "InvalidCastException", formatexception = "FormatException",
                         filenotfoundexception = "IO.FileNotFoundException", ioexception = "IO.IOException",
                         unauthorizedaccessexception = "UnauthorizedAccessException", notsupportedexception = "NotSupportedException",
                         indexoutofrangeexception = "IndexOutOfRangeException", argumentoutofrangeexception = "ArgumentOutOfRangeException",
                         invalidoperationexception = "InvalidOperationException"}) do
        if k == short then full = "System." .. v end
      end
    end
    full = full or "System.Exception"
    return setmetatable({Name = full:match("([^.]+)$"), FullName = full}, P.type("TypeInfo"))
  end,
  tostring = function(e) return e.Message end,
  getbaseexception = function(e) return e end,
}

local Category = P.type("ErrorCategoryInfo", {"Category", "Activity", "Reason", "TargetName", "TargetType"})
Category.__pstext = function(c)
  return string.format("%s: (%s:%s) [%s], %s", c.Category, c.TargetName or "", c.TargetType or "", c.Activity or "", c.Reason or "")
end
local Invocation = P.type("InvocationInfo", {"ScriptName", "ScriptLineNumber", "OffsetInLine", "Line", "PositionMessage", "MyCommand"})

local function lineOf(position)
  if not position then return nil end
  local file, line, column = tostring(position):match("^(.*):(%d+):(%d+)$")
  if not file then file, line = tostring(position):match("^(.*):(%d+)$") end
  return file, tonumber(line), tonumber(column)
end

local ErrorRecord = P.type("ErrorRecord")
ErrorRecord.__psname = "ErrorRecord"
ErrorRecord.__psfullname = "System.Management.Automation.ErrorRecord"
ErrorRecord.__pstext = function(r) return r.Message or "" end
ErrorRecord.__members_ps = {
  exception = exceptionObject,
  fullyqualifiederrorid = function(r) return r.Id end,
  categoryinfo = function(r)
    return setmetatable({Category = r.Category, Activity = r.Command or "", Reason = exceptionOf(r), TargetName = str(r.Target),
                         TargetType = r.Target ~= nil and R.typeName(r.Target) or ""}, Category)
  end,
  targetobject = function(r)
    local t = rawget(r, "TargetObject")
    if t ~= nil then return t end
    return r.Target
  end,
  invocationinfo = function(r)
    local file, line, column = lineOf(r.Position)
    return setmetatable({ScriptName = file, ScriptLineNumber = line or 0, OffsetInLine = column or 0, Line = nil,
                         PositionMessage = r.Position and ("At " .. r.Position) or "", MyCommand = r.Command}, Invocation)
  end,
  scriptstacktrace = function(r)
    local file, line = lineOf(r.Position)
    return file and string.format("at <ScriptBlock>, %s: line %d", file, line) or ""
  end,
  errordetails = function() return nil end,
  pipelineiterationinfo = function() return P.list() end,
}
ErrorRecord.__methods_ps = {
  tostring = function(r) return r.Message or "" end,
}

return R
