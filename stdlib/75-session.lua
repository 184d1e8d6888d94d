-- The session's own commands: exit, Clear-Host (cls), Get-History (history), and `CMD -?` for a command's help.
local P = __plush

-- `exit [n]` in the Lua dialect: a script ends as its last line would, with status n; without n, with
-- the status the run has so far (0, or 1 when errors were reported). At the prompt it leaves plush (0).
function P.exit(code)
  if code == nil then code = (not P.state.prompt and P.state.errorsReported > 0) and 1 or 0 end
  local n = math.tointeger(tonumber(code))
  if not n then error("exit takes a whole number, not '" .. P.str(code) .. "'", 2) end
  os.exit(n)
end

-- `Get-User -?`: the command's help instead of running the pipeline, as PowerShell does.
function P.showHelp(name)
  local cmd = P.command(name)
  if cmd then io.write(P.helpText(cmd), "\n") end
end

P.register {
  name = "Clear-Host", aliases = {"cls", "clear"},
  synopsis = "Clear the terminal.",
  description = "Clears the screen and its scrollback when standard output is a terminal; writes nothing otherwise (a script's output stays clean). Ctrl-L does the same at the prompt.",
  parameters = {},
  examples = {{code = "cls", text = "A clean screen."}},
  process = function()
    if P.is_terminal() then io.write("\27[H\27[2J\27[3J") io.flush() end
  end,
}

P.type("HistoryInfo", {"Id", "CommandLine", "ExecutionStatus", "StartExecutionTime"})
P.views.HistoryInfo = {"Id", "CommandLine"}
P.state.history = P.state.history or {}

-- The prompt records each statement it ran (a script has no history of its own).
function P.addHistory(text, status, startedEpoch)
  local h = P.state.history
  h[#h + 1] = P.object("HistoryInfo", {Id = #h + 1, CommandLine = text, ExecutionStatus = status,
                                        StartExecutionTime = startedEpoch and P.date(startedEpoch) or nil})
end

P.register {
  name = "Get-History", aliases = {"history", "h", "ghy"},
  synopsis = "List the statements run at this prompt.",
  description = "Passes on one HistoryInfo (Id, CommandLine, ExecutionStatus, StartExecutionTime) per statement run in this session, oldest first, as PowerShell does. -Count N gives the last N; -Id the ones with those numbers. The prompt's Up arrow and Ctrl-R also reach earlier sessions (the history file); a script has no history.",
  parameters = {
    {name = "Id", type = "int", list = true, position = 1, help = "The statements with these numbers."},
    {name = "Count", type = "int", position = 2, help = "Only the last N."},
  },
  examples = {{code = "history", text = "What was run at this prompt."},
              {code = "Get-History -Count 5", text = "The last five statements."},
              {code = "history | Select-Object -ExpandProperty CommandLine | Set-Content session.plush", text = "The session as a script."}},
  process = function(s)
    local h, a = P.state.history, s.args
    local first = 1
    if a.Count then first = math.max(1, #h - a.Count + 1) end
    local wanted
    if a.Id then
      wanted = {}
      for _, id in ipairs(a.Id) do wanted[id] = true end
    end
    for i = first, #h do
      if not wanted or wanted[h[i].Id] then
        if not s.emit(h[i]) then return end
      end
    end
  end,
}
