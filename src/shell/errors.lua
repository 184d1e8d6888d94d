-- Error records: stable ids, non-terminating reporting to stderr and the Error list, terminating raise.
local P = __plush

local ErrorRecord = P.type("ErrorRecord", {"Id", "Category", "Target", "Message", "Recommendation", "Command", "Position", "TargetObject"})
ErrorRecord.__tostring = function(r)
  return (r.Id or "Error") .. ": " .. (r.Message or "")
end

-- The session's error list, newest first as PowerShell's $Error: the global Error, and the runtime's
-- own reference (P.errors), which a script that removes or replaces the global cannot take away.
local errors = P.list()
P.errors = errors
Error = errors

P.state = P.state or {}
P.state.errorsReported = 0
P.state.errorCounts = {}   -- error id -> how many were reported, for the --what-if summary
P.hook_error = function() end

function P.record(fields)
  if getmetatable(fields) == ErrorRecord then return fields end
  fields.Category = fields.Category or "NotSpecified"
  return setmetatable(fields, ErrorRecord)
end

function P.isrecord(v)
  return type(v) == "table" and getmetatable(v) == ErrorRecord
end

-- A terminating error: a Lua error whose value is the record, so pcall returns it.
function P.throw(fields)
  error(P.record(fields), 0)
end

-- Into the Error list, once: a record raised by -ErrorAction Stop is there even when pcall catches it,
-- and is not added again when it ends the run.
function P.remember(rec)
  if errors[1] == rec then return rec end
  table.insert(errors, 1, rec)
  if #errors > 256 then errors[#errors] = nil end
  return rec
end

local function textOf(rec)
  local lines = {}
  local head = rec.Command and (rec.Command .. ": ") or ""
  lines[1] = head .. (rec.Message or "") .. " (" .. (rec.Id or "Error") .. ")"
  if rec.Position then lines[#lines + 1] = "    at " .. rec.Position end
  if rec.Recommendation and rec.Recommendation ~= "" then
    lines[#lines + 1] = "    Recommendation: " .. rec.Recommendation
  end
  return table.concat(lines, "\n")
end

function P.formatError(rec)
  if P.state.output == "json" then
    return P.to_json(P.H("Id", rec.Id, "Category", rec.Category, "Target", rec.Target,
      "Message", rec.Message, "Recommendation", rec.Recommendation), true)
  end
  return P.paint(textOf(rec), "error")
end

-- Write a non-terminating error: stderr, the Error list, and the run's exit status.
function P.reportError(rec, quiet)
  rec = P.record(rec)
  P.remember(rec)
  if quiet then return end
  P.state.errorsReported = P.state.errorsReported + 1
  local id = rec.Id or "Error"
  P.state.errorCounts[id] = (P.state.errorCounts[id] or 0) + 1
  P.hook_error(rec)
  P.progress_clear()
  io.stdout:flush()  -- keep stdout and stderr in the order things happened
  io.stderr:write(P.formatError(rec), "\n")
end

function P.warn(text)
  P.progress_clear()
  io.stdout:flush()
  io.stderr:write(P.paint("WARNING: " .. text, "warning"), "\n")
end

-- Any Lua error value as a record: records stay, strings become ScriptError.
function P.torecord(err)
  if P.isrecord(err) then return err end
  return P.record({Id = "ScriptError", Category = "InvalidOperation", Message = P.str(err)})
end

-- The record of a stopped run: Ctrl-C or SIGTERM, --timeout, or the --max-memory cap.
function P.stopRecord(reason)
  if reason == "timeout" then
    return P.record({Id = "Timeout", Category = "OperationStopped",
                     Message = "The run was stopped: it ran longer than --timeout " .. (P.state.timeout or "") .. "."})
  elseif reason == "memory" then
    return P.record({Id = "OutOfMemory", Category = "LimitsExceeded",
                     Message = "The run was stopped: it needed more memory than --max-memory " ..
                       (P.state.maxMemory or "") .. " allows.",
                     Recommendation = "Stream instead of collecting (pipe Get-User into the next command rather than into a variable), or raise --max-memory"})
  end
  return P.record({Id = "PipelineStopped", Category = "OperationStopped", Message = "The run was stopped by a signal."})
end

-- Called by the interrupt hook (host/interrupt.cpp) while a stop is pending.
function P.interrupted(reason)
  error(P.stopRecord(reason), 0)
end
