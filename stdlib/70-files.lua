-- File cmdlets admins use in scripts: Get-Content, Set-Content, Add-Content, Test-Path; and Start-Sleep.
local P = __plush

local function hasWildcard(path) return path:find("[%*%?%[]") ~= nil end

local function notFound(s, path)
  s:error({Id = "PathNotFound", Category = "ObjectNotFound", Target = path,
           Message = "Cannot find path '" .. path .. "' because it does not exist.",
           Recommendation = "Test-Path '" .. path .. "'"})
end

-- The files a -Path names: itself, or what its wildcards match (none is an error, as in PowerShell).
local function filesOf(s, path)
  if not hasWildcard(path) then
    local kind = P.file_kind(path)
    if kind == nil then notFound(s, path) return {} end
    if kind == "directory" then
      s:error({Id = "PathIsFolder", Category = "InvalidArgument", Target = path,
               Message = "'" .. path .. "' is a folder; Get-Content reads files."})
      return {}
    end
    return {path}
  end
  local found = {}
  for _, p in ipairs(P.glob(path)) do
    if P.file_kind(p) == "file" then found[#found + 1] = p end
  end
  if #found == 0 then notFound(s, path) end
  return found
end

-- Each line of a file without its line break (LF or CRLF; a UTF-8 BOM dropped), until each returns false.
local function eachLine(s, path, each)
  local f, err = io.open(path, "rb")
  if not f then
    s:error({Id = "ReadError", Category = "ReadError", Target = path, Message = "Cannot read " .. P.str(err)})
    return
  end
  local first = true
  for line in f:lines("L") do
    if first then line, first = line:gsub("^\239\187\191", ""), false end
    if each((line:gsub("\r?\n$", ""))) == false then break end
  end
  f:close()
end

local function readWhole(s, path)
  local f, err = io.open(path, "rb")
  if not f then
    s:error({Id = "ReadError", Category = "ReadError", Target = path, Message = "Cannot read " .. P.str(err)})
    return nil
  end
  local text = f:read("a")
  f:close()
  return (text:gsub("^\239\187\191", ""))
end

local pathParameter = {name = "Path", aliases = {"FullName"}, type = "string", list = true, position = 1, mandatory = true,
                       pipeline = "both", complete = "path", null = "refuse", help = "The file, or a wildcard pattern (*.csv)."}

P.register {
  name = "Get-Content", aliases = {"gc"},
  synopsis = "Read a text file line by line.",
  description = "Passes on each line of the file as a string, without its line break (LF or CRLF; a UTF-8 BOM is dropped), streaming: " ..
    "-TotalCount N stops reading after N lines, as does a Select-Object -First after it. -Tail N gives the last N lines, -Raw the whole " ..
    "text as one string. -Path takes wildcards. A missing file is PathNotFound.",
  parameters = {
    pathParameter,
    {name = "Raw", type = "switch", help = "The whole file as one string, line breaks kept."},
    {name = "TotalCount", aliases = {"First", "Head"}, type = "int", help = "Only the first N lines."},
    {name = "Tail", aliases = {"Last"}, type = "int", help = "Only the last N lines."},
  },
  examples = {{code = "Get-Content users.txt | ForEach-Object { Set-UserLicense $_ -Add POWER_BI_PRO }", text = "One user per line."},
              {code = "Get-Content users.txt -TotalCount 5", text = "The first five lines."},
              {code = "Get-Content export.json -Raw | ConvertFrom-Json", text = "A JSON file as one text."}},
  process = function(s)
    local a = s.args
    for _, pattern in ipairs(a.Path) do
      for _, path in ipairs(filesOf(s, pattern)) do
        if a.Raw then
          local text = readWhole(s, path)
          if text and text ~= "" and not s.emit(text) then return end
        elseif a.Tail then
          local last = {}
          eachLine(s, path, function(line)
            last[#last + 1] = line
            if #last > a.Tail then table.remove(last, 1) end
          end)
          for _, line in ipairs(last) do
            if not s.emit(line) then return end
          end
        else
          local n, stop = 0, false
          eachLine(s, path, function(line)
            if a.TotalCount and n >= a.TotalCount then return false end
            n = n + 1
            if not s.emit(line) then stop = true return false end
          end)
          if stop then return end
        end
      end
    end
  end,
}

-- Set-Content and Add-Content: each value (lists item by item) becomes a line of the file.
local function contentWriter(mode)
  return {
    begin = function(s)
      local path = s.args.Path
      local f, err = io.open(path, mode)
      if not f then
        s:error({Id = "FileOpenFailure", Category = "OpenError", Target = path, Message = "Cannot write " .. P.str(err)})
        return
      end
      s.file = f
    end,
    process = function(s)
      if not s.file then return end
      local function write(v)
        if P.issequence(v) then
          for i = 1, #v do write(v[i]) end
        elseif v ~= nil then
          s.file:write(P.str(v), s.args.NoNewline and "" or "\n")
        end
      end
      write(s.args.Value)
    end,
    finish = function(s)
      if s.file then s.file:close() end
    end,
  }
end

local function contentCmdlet(name, alias, mode, synopsis, description, example)
  local w = contentWriter(mode)
  P.register {
    name = name, aliases = {alias},
    synopsis = synopsis,
    description = description .. " Strings are written as they are, other values as they show in a table cell; a list is written " ..
      "item by item. -NoNewline writes the values one after the other without line breaks. The file is UTF-8.",
    parameters = {
      {name = "Path", aliases = {"FilePath"}, type = "string", position = 1, mandatory = true, complete = "path", null = "refuse",
       help = "The file."},
      {name = "Value", type = "object", position = 2, mandatory = true, pipeline = "value", help = "What to write: a value, a list, or the pipeline's objects."},
      {name = "NoNewline", type = "switch", help = "No line break after each value."},
    },
    examples = example,
    begin = w.begin, process = w.process, finish = w.finish,
  }
end

contentCmdlet("Set-Content", "sc", "wb", "Write values to a text file, replacing what it held.",
  "Creates or empties the file, then writes each value on a line of its own.",
  {{code = "Get-User -Unlicensed | ForEach-Object UserPrincipalName | Set-Content unlicensed.txt", text = "One UPN a line."},
   {code = "Set-Content status.txt 'done'", text = "One line."}})

contentCmdlet("Add-Content", "ac", "ab", "Add values to the end of a text file.",
  "Appends each value on a line of its own, creating the file when it does not exist.",
  {{code = "Add-Content run.log \"$(Get-Date -Format s) reclaimed $n\"", text = "A line at the end of a log."}})

P.register {
  name = "Test-Path",
  synopsis = "Tell whether a file or folder exists.",
  description = "Passes on $true or $false for each path: whether something is there (-PathType Any), a folder (Container) or a file " ..
    "(Leaf). A wildcard pattern is true when anything matches.",
  parameters = {
    {name = "Path", aliases = {"FullName"}, type = "string", list = true, position = 1, mandatory = true, pipeline = "both",
     complete = "path", null = "refuse", help = "The path, or a wildcard pattern."},
    {name = "PathType", aliases = {"Type"}, type = "string", values = {"Any", "Container", "Leaf"}, help = "What must be there (Any)."},
  },
  examples = {{code = "if Test-Path users.csv then Import-Csv users.csv | Set-UserLicense -Add AAD_PREMIUM end", text = "Only when the file is there."},
              {code = "Test-Path /srv/plush -PathType Container", text = "Is it a folder?"}},
  process = function(s)
    local want = s.args.PathType or "Any"
    for _, path in ipairs(s.args.Path) do
      local paths = hasWildcard(path) and P.glob(path) or {path}
      local found = false
      for _, p in ipairs(paths) do
        local kind = P.file_kind(p)
        if kind and (want == "Any" or (want == "Container") == (kind == "directory")) then found = true break end
      end
      s.emit(found)
    end
  end,
}

P.register {
  name = "Start-Sleep", aliases = {"sleep"},
  synopsis = "Wait for some seconds or milliseconds.",
  description = "Waits, then returns; Ctrl-C and SIGTERM (and --timeout) stop the wait and the script at once, as they stop a running command.",
  parameters = {
    {name = "Seconds", aliases = {"s"}, type = "number", position = 1, mandatory = true, sets = {"Seconds"}, help = "How long, in seconds (fractions allowed)."},
    {name = "Milliseconds", aliases = {"ms"}, type = "number", mandatory = true, sets = {"Milliseconds"}, help = "How long, in milliseconds."},
  },
  defaultSet = "Seconds",
  examples = {{code = "Start-Sleep -Seconds 30", text = "Wait half a minute between two checks."},
              {code = "Start-Sleep -Milliseconds 250", text = "A short pause."}},
  process = function(s)
    local a = s.args
    local seconds = a.Seconds or a.Milliseconds / 1000
    if seconds < 0 then
      s:error({Id = "InvalidArgument", Category = "InvalidArgument", Target = P.str(seconds),
               Message = "Start-Sleep cannot wait a negative time (" .. P.str(seconds) .. ")."})
      return
    end
    P.sleep(seconds)
  end,
}
