-- Output cmdlets: Write-Output/Host/Warning/Error, Format-Table, Format-List, Out-String, Out-File, Out-Default.
local P = __plush

local function input() return {name = "InputObject", type = "object", pipeline = "value", position = 1, list = false} end

P.register {
  name = "Write-Output", aliases = {"echo"},
  synopsis = "Pass objects down the pipeline.",
  description = "Sends its arguments (or its input) on to the next command, or to the output when it is last; a list goes on item by item unless -NoEnumerate.",
  parameters = {{name = "InputObject", type = "object", position = 1, pipeline = "value", help = "What to send."},
                {name = "NoEnumerate", type = "switch", help = "Send a list on as one object."}},
  examples = {{code = "Write-Output 'done'", text = "Writes done."}},
  process = function(s, o)
    local v = o
    if v == nil then v = s.args.InputObject end
    if s.args.NoEnumerate then s.emit(v) else s.emitValue(v) end
  end,
}

-- PowerShell's console colours as ANSI SGR codes (foreground; background is 10 more).
local consoleColors = {
  Black = 30, DarkRed = 31, DarkGreen = 32, DarkYellow = 33, DarkBlue = 34, DarkMagenta = 35, DarkCyan = 36,
  Gray = 37, DarkGray = 90, Red = 91, Green = 92, Yellow = 93, Blue = 94, Magenta = 95, Cyan = 96, White = 97,
}
local colorNames = {"Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
                    "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"}

-- Lists (and lists in lists) are written item by item, joined by the separator, as PowerShell does.
local function hostText(v, separator, parts)
  if P.issequence(v) then
    for i = 1, #v do hostText(v[i], separator, parts) end
  elseif v ~= nil then
    parts[#parts + 1] = P.str(v)
  end
  return parts
end

P.register {
  name = "Write-Host",
  synopsis = "Write text to the terminal, not to the pipeline.",
  description = "Writes its arguments (or each input object), joined by -Separator (a space), to standard output at once; lists are written item by item. " ..
    "-ForegroundColor and -BackgroundColor take PowerShell's console colours and colour the text only when standard output is a terminal " ..
    "(never with --no-color or NO_COLOR). -NoNewline leaves the line open. Nothing goes down the pipeline.",
  parameters = {{name = "Object", type = "object", position = 1, pipeline = "value", remaining = true,
                 help = "What to write; several arguments are written one after the other."},
                {name = "NoNewline", type = "switch", help = "Do not end the line."},
                {name = "Separator", type = "string", help = "Written between the items (a space)."},
                {name = "ForegroundColor", type = "string", values = colorNames, help = "The text's colour."},
                {name = "BackgroundColor", type = "string", values = colorNames, help = "The colour behind the text."}},
  examples = {{code = 'Write-Host "Reclaimed $n licenses"', text = "A line for the person watching."},
              {code = 'Write-Host "Failed:" $upn -ForegroundColor Red', text = "Two arguments, in red on a terminal."},
              {code = "Write-Host 'a', 'b', 'c' -Separator ', '", text = "a, b, c"}},
  process = function(s, o)
    local a = s.args
    local v = o
    if v == nil then v = a.Object end
    local text = table.concat(hostText(v, a.Separator, {}), a.Separator or " ")
    if P.state.color and (a.ForegroundColor or a.BackgroundColor) and text ~= "" then
      local codes = {}
      if a.ForegroundColor then codes[#codes + 1] = consoleColors[a.ForegroundColor] end
      if a.BackgroundColor then codes[#codes + 1] = consoleColors[a.BackgroundColor] + 10 end
      text = "\27[" .. table.concat(codes, ";") .. "m" .. text .. "\27[0m"
    end
    io.write(text, a.NoNewline and "" or "\n")
  end,
}

P.register {
  name = "Write-Warning",
  synopsis = "Write a warning to standard error.",
  description = "Writes 'WARNING: ' and the message to standard error; it is not an error and does not change the exit status.",
  parameters = {{name = "Message", type = "string", position = 1, mandatory = true, pipeline = "value"}},
  examples = {{code = "Write-Warning 'Only 3 POWER_BI_PRO licenses left'", text = "A warning line."}},
  process = function(s) P.warn(s.args.Message) end,
}

P.register {
  name = "Write-Error",
  synopsis = "Report a non-terminating error.",
  description = "Writes an error record to standard error and the Error list; the run goes on, and exits with status 1. With -ErrorAction Stop it stops the script instead.",
  parameters = {
    {name = "Message", type = "string", position = 1, mandatory = true, pipeline = "value"},
    {name = "ErrorId", type = "string", help = "The stable id of the error (default WriteError)."},
    {name = "Category", type = "string"},
    {name = "TargetObject", type = "object"},
    {name = "RecommendedAction", type = "string"},
  },
  examples = {{code = "Write-Error 'No license left' -ErrorId LicenseShortage", text = "A custom error id."}},
  process = function(s)
    local a = s.args
    s:error({Id = a.ErrorId or "WriteError", Category = a.Category or "NotSpecified",
             Target = a.TargetObject and P.str(a.TargetObject), Message = a.Message,
             Recommendation = a.RecommendedAction})
  end,
}

-- What shows as a line of text: scalars, and objects that stand for text (a date, Get-Help's help)
-- unless the command was asked for their properties.
local function isText(o, s)
  if type(o) ~= "table" then return true end
  if s and s.args.Property and #s.args.Property > 0 then return false end
  local mt = getmetatable(o)
  return mt ~= nil and mt.__scalar == true
end

local function collectingFormatter(render)
  return {
    begin = function(s) s.items = {} end,
    process = function(s, o) if o ~= nil then s.items[#s.items + 1] = o end end,
    finish = function(s)
      if #s.items > 0 then s.emit(render(s, s.items)) end
    end,
  }
end

local function propertyNames(s, first)
  local props = s.args.Property
  if not props or #props == 0 then return nil end
  local names = {}
  for _, p in ipairs(props) do
    if P.str(p):find("[%*%?]") and type(first) == "table" then
      for _, name in ipairs(P.properties(first)) do
        if P.like(name, p) then names[#names + 1] = name end
      end
    else
      names[#names + 1] = P.str(p)
    end
  end
  return names
end

-- Formatted text is a string: it prints as lines, and Out-File or a variable can take it.
local function renderTable(s, items)
  local out, group, groupType = {}, {}, nil
  local function flush()
    if #group > 0 then
      local columns = propertyNames(s, group[1]) or (P.views[P.typename(group[1])] or P.properties(group[1]))
      out[#out + 1] = P.renderTableOf(group, columns)
    end
    group = {}
  end
  for _, o in ipairs(items) do
    if isText(o, s) then flush(); out[#out + 1] = P.str(o) .. "\n"
    else
      if groupType and P.typename(o) ~= groupType then flush() end
      groupType = P.typename(o)
      group[#group + 1] = o
    end
  end
  flush()
  return (table.concat(out):gsub("\n$", ""))
end

local function renderList(s, items)
  local out = {}
  for _, o in ipairs(items) do
    if isText(o, s) then out[#out + 1] = P.str(o) .. "\n"
    else out[#out + 1] = P.renderListOf(o, propertyNames(s, o)) end
  end
  return (table.concat(out):gsub("\n$", ""))
end

local tableFormatter = collectingFormatter(renderTable)
P.register {
  name = "Format-Table", aliases = {"ft"},
  synopsis = "Show objects as a table.",
  description = "Collects its input (a table needs every row to size its columns), then writes the table as text. Columns are aligned by display width: CJK and emoji take two cells. Cells are cut with … to fit the terminal.",
  parameters = {{name = "Property", type = "object", list = true, position = 1, help = "Columns to show (names or wildcards)."},
                {name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "Get-User | Format-Table UserPrincipalName, UsageLocation", text = "Two columns."}},
  begin = tableFormatter.begin, process = tableFormatter.process, finish = tableFormatter.finish,
}

local listFormatter = collectingFormatter(renderList)
P.register {
  name = "Format-List", aliases = {"fl"},
  synopsis = "Show each object as a list of its properties.",
  description = "Writes each object's properties as 'Name : Value' lines; by default every property, not just the table view's columns.",
  parameters = {{name = "Property", type = "object", list = true, position = 1, help = "Properties to show (names or wildcards)."},
                {name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "Get-User alice@contoso.com | Format-List", text = "Everything about one user."}},
  begin = listFormatter.begin, process = listFormatter.process, finish = listFormatter.finish,
}

local stringFormatter = collectingFormatter(function(s, items)
  if #items == 1 and not isText(items[1], s) then return P.renderListOf(items[1]):gsub("\n$", "") end
  return renderTable(s, items)
end)
P.register {
  name = "Out-String",
  synopsis = "Turn objects into the text Out-Default would show.",
  description = "Collects its input and passes on one string: the table or list the prompt would have shown.",
  parameters = {{name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "$text = Get-License | Out-String", text = "The license table as a string."}},
  begin = stringFormatter.begin, process = stringFormatter.process, finish = stringFormatter.finish,
}

P.register {
  name = "Out-File",
  synopsis = "Write objects to a file as the prompt shows them.",
  description = "Writes strings as lines and objects as the table or list Out-Default shows, to -FilePath (UTF-8). -Append adds to the end.",
  parameters = {{name = "FilePath", aliases = {"Path"}, type = "string", position = 1, mandatory = true, complete = "path"},
                {name = "Append", type = "switch"},
                {name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "Get-License | Out-File licenses.txt", text = "The license table in a file."}},
  changesState = false,
  begin = function(s) s.items = {} end,
  process = function(s, o) if o ~= nil then s.items[#s.items + 1] = o end end,
  finish = function(s)
    local f, err = io.open(s.args.FilePath, s.args.Append and "a" or "w")
    if not f then
      s:error({Id = "FileOpenFailure", Category = "OpenError", Target = s.args.FilePath, Message = "Cannot write " .. P.str(err)})
      return
    end
    local text = #s.items == 1 and type(s.items[1]) == "table" and P.renderListOf(s.items[1]) or renderTable(s, s.items)
    f:write(text)
    if text:sub(-1) ~= "\n" and #text > 0 then f:write("\n") end
    f:close()
  end,
}

P.register {
  name = "Out-Default",
  synopsis = "Show objects as the prompt does (the end of every statement).",
  description = "Several objects of one type become a table of that type's default columns, one object a list, strings and numbers lines. --output json or csv change it for machines.",
  parameters = {{name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "Get-License | Out-Default", text = "The same as Get-License alone."}},
  begin = function(s) s.push, s.flush = P.outDefaultSink() end,
  process = function(s, o) if o ~= nil then s.push(o) end end,
  finish = function(s) s.flush() end,
}

P.register {
  name = "Out-Null",
  synopsis = "Discard the input.",
  description = "Runs the commands before it for their effect and shows nothing.",
  parameters = {{name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "New-User -UserPrincipalName ann@contoso.com -DisplayName Ann | Out-Null", text = "Create quietly."}},
  process = function() end,
}
