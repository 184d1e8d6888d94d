-- The other streams of a script: Write-Verbose, Write-Debug, Write-Information, Write-Progress, and Read-Host.
local P = __plush

local function message(s)
  local m = s.args.Message
  if m == nil then return "" end
  return P.str(m)
end

-- A tagged line on standard error, after what standard output holds so far.
local function writeTagged(tag, s)
  io.stdout:flush()
  io.stderr:write(P.paint(tag .. message(s), "verbose"), "\n")
end

P.register {
  name = "Write-Verbose",
  synopsis = "Write a line for someone following along, when verbose output is on.",
  description = "Writes 'VERBOSE: ' and the message to standard error when the command runs with -Verbose or $VerbosePreference is 'Continue' (in a function, -Verbose on the function turns it on); otherwise nothing.",
  parameters = {{name = "Message", aliases = {"Msg"}, type = "object", position = 1, mandatory = true, pipeline = "value"}},
  examples = {{code = "Write-Verbose \"Removing $sku from $upn\"", text = "Shown with -Verbose."}},
  process = function(s)
    if s.args.Verbose or P.state.verbosePreference then writeTagged("VERBOSE: ", s) end
  end,
}

P.register {
  name = "Write-Debug",
  synopsis = "Write a line for debugging, when debug output is on.",
  description = "Writes 'DEBUG: ' and the message to standard error when $DebugPreference is 'Continue'; otherwise nothing.",
  parameters = {{name = "Message", aliases = {"Msg"}, type = "object", position = 1, mandatory = true, pipeline = "value"}},
  examples = {{code = "Write-Debug \"state: $state\"", text = "Shown when $DebugPreference = 'Continue'."}},
  process = function(s)
    if P.state.debugPreference then writeTagged("DEBUG: ", s) end
  end,
}

P.register {
  name = "Write-Information",
  synopsis = "Write an informational message, when information output is on.",
  description = "Writes the message to standard output when the command runs with -InformationAction Continue or $InformationPreference is 'Continue'; otherwise nothing (PowerShell's default).",
  parameters = {{name = "MessageData", aliases = {"Message", "Msg"}, type = "object", position = 1, mandatory = true, pipeline = "value"},
                {name = "Tags", type = "string", list = true},
                {name = "InformationAction", aliases = {"infa"}, type = "actionpreference", values = {"Stop", "Continue", "SilentlyContinue", "Ignore"}}},
  examples = {{code = "Write-Information 'Nightly run done' -InformationAction Continue", text = "A line on standard output."}},
  process = function(s)
    local action = s.args.InformationAction
    if action == "Continue" or (action == nil and P.state.informationPreference) then
      io.write(P.str(s.args.MessageData), "\n")
    end
  end,
}

-- The progress line shared with long changing pipelines (format/progress_line.h): drawn only on a
-- terminal's standard error, once the work has run a moment, and cleared before other output.
local started = false
P.register {
  name = "Write-Progress",
  synopsis = "Show how far a long job has got, on one line of the terminal.",
  description = "Draws '-Activity -Status (N%)' on one line of standard error, redrawn in place, when standard error is a terminal and $ProgressPreference is not 'SilentlyContinue'. -Completed clears it. Nothing is written to files or pipes.",
  parameters = {
    {name = "Activity", type = "string", position = 1, help = "What is being done."},
    {name = "Status", type = "string", position = 2, help = "Where it has got to."},
    {name = "PercentComplete", type = "int", help = "0 to 100."},
    {name = "CurrentOperation", type = "string"},
    {name = "SecondsRemaining", type = "int"},
    {name = "Id", type = "int"}, {name = "ParentId", type = "int"},
    {name = "Completed", type = "switch", help = "Take the line away."},
  },
  examples = {{code = "Write-Progress -Activity 'Reclaiming' -Status \"$i of $n\" -PercentComplete ($i * 100 / $n)", text = "A progress line."}},
  process = function(s)
    local a = s.args
    if not P.progress_write or P.state.progressQuiet then return end
    if a.Completed then
      P.progress_clear()
      started = false
      return
    end
    if not started then
      P.progress_start()
      started = true
    end
    local status = a.Status or ""
    if a.CurrentOperation then status = status .. (status ~= "" and " " or "") .. a.CurrentOperation end
    local percent = a.PercentComplete and a.PercentComplete >= 0 and math.min(a.PercentComplete, 100) or nil
    local left = a.SecondsRemaining and a.SecondsRemaining >= 0 and a.SecondsRemaining or nil
    P.progress_write((a.Activity or "") .. (status ~= "" and ":" or ""), status, percent, left)
  end,
}

P.register {
  name = "Read-Host",
  synopsis = "Ask the person at the terminal for a line of input.",
  description = "Writes -Prompt and ': ' and returns the line typed. With no terminal to ask on (a scheduled job, input from a pipe or file) it is a terminating error (ReadHostNeedsTerminal): pass the value as a parameter instead.",
  parameters = {{name = "Prompt", type = "object", position = 1},
                {name = "AsSecureString", type = "switch", help = "Not shown as typed; plush returns the text."},
                {name = "MaskInput", type = "switch"}},
  examples = {{code = "$answer = Read-Host 'Remove these licenses? (y/n)'", text = "Ask before going on."}},
  process = function(s)
    local prompt = s.args.Prompt ~= nil and (P.str(s.args.Prompt) .. ": ") or ""
    if P.readHost then
      local line = P.readHost(prompt)
      if line ~= nil then s.emit(line) return end
    end
    if not (P.is_terminal and P.is_terminal(0)) then
      P.throw({Id = "ReadHostNeedsTerminal", Category = "InvalidOperation", Target = prompt,
               Message = "Read-Host needs a terminal to ask on, and standard input is not one (a scheduled job, a pipe or a file).",
               Recommendation = "Give the script the value as a parameter (param( ) at its top), e.g. plush job.ps1 -Days 90"})
    end
    io.write(prompt)
    io.stdout:flush()
    local line = io.stdin:read("l")
    s.emit(line or "")
  end,
}
