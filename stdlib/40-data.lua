-- Data conversion cmdlets: ConvertTo/From-Json, ConvertTo/From-Csv, Export-Csv, Import-Csv.
local P = __plush

local function collect(s, o) if o ~= nil then s.items[#s.items + 1] = o end end
local function startCollect(s) s.items = {} end

-- Graph-shaped JSON for tenant objects, when their type knows how (P.graphView[type]).
P.graphView = P.graphView or {}
local function forJson(o)
  local view = type(o) == "table" and P.graphView[P.typename(o)]
  if view then return view(o) end
  return o
end

P.register {
  name = "ConvertTo-Json",
  synopsis = "Turn objects into JSON text.",
  description = "Collects its input and passes on one JSON string: an array when there are several objects (or -AsArray), else the object. Users, products, licenses and groups are written as Microsoft Graph writes them (user: assignedLicenses with inherited licenses, licenseAssignmentStates, signInActivity, deletedDateTime; subscribedSku: id, accountId, skuId, prepaidUnits, consumedUnits, servicePlans, subscriptionIds; group: assignedLicenses, members), so Import-Tenant -Format graph reads them back.",
  parameters = {
    {name = "InputObject", type = "object", pipeline = "value", position = 1},
    {name = "Compress", type = "switch", help = "One line, no indentation."},
    {name = "AsArray", type = "switch", help = "Always an array, even for one object."},
    {name = "Depth", type = "int", help = "Accepted for PowerShell scripts; plush always writes the whole object."},
  },
  examples = {{code = "Get-User alice@contoso.com | ConvertTo-Json", text = "A user with Graph's field names."},
              {code = "Get-Product | ConvertTo-Json | Out-File skus.json", text = "The subscribed products as Graph's subscribedSkus."}},
  begin = startCollect, process = collect,
  finish = function(s)
    local items = s.items
    if #items == 0 and s.args.InputObject ~= nil then items = {s.args.InputObject} end
    local value
    if #items == 1 and not s.args.AsArray then value = forJson(items[1])
    else
      value = P.list()
      for i, o in ipairs(items) do value[i] = forJson(o) end
    end
    s.emit(P.to_json(value, s.args.Compress))
  end,
}

-- The parser's message without its own prefix, placed at the line and column of the byte it stopped at.
local function jsonError(s, text, message, offset)
  local line, col = 1, 1
  for i = 1, (offset or 1) - 1 do
    if text:sub(i, i) == "\n" then line, col = line + 1, 1 else col = col + 1 end
  end
  message = message:gsub("^%[json%.exception[^%]]*%]%s*", ""):gsub("^parse error at line %d+, column %d+:%s*", "")
  s:error({Id = "InvalidJson", Category = "InvalidData", Target = string.format("line %d, column %d", line, col),
           Message = string.format("The JSON is not valid at line %d, column %d: %s", line, col, message)})
end

P.register {
  name = "ConvertFrom-Json",
  synopsis = "Turn JSON text into objects.",
  description = "Parses its input (all the strings it receives, joined) as JSON. An array passes on each element; objects keep their property order. Bad JSON is an InvalidJson error naming the line and column.",
  parameters = {{name = "InputObject", type = "string", pipeline = "value", position = 1, mandatory = true}},
  examples = {{code = "Get-Content users.json | ConvertFrom-Json", text = "Objects from a file."}},
  begin = function(s) s.parts = {} end,
  process = function(s) s.parts[#s.parts + 1] = s.args.InputObject end,
  finish = function(s)
    local text = table.concat(s.parts, "\n")
    local value, message, offset = P.from_json(text)
    if message then return jsonError(s, text, message, offset) end
    s.emitValue(value)
  end,
}

local function headerOf(o)
  return P.views.__csv and P.views.__csv[P.typename(o)] or P.properties(o)
end

local function csvWriter(s, write)
  return function(o)
    if not s.columns then
      s.columns = headerOf(o)
      write(P.csv_line(s.columns))
    end
    local row = {}
    for i, c in ipairs(s.columns) do row[i] = P.str(type(o) == "table" and o[c] or nil) end
    write(P.csv_line(row))
  end
end

P.register {
  name = "ConvertTo-Csv",
  synopsis = "Turn objects into CSV lines.",
  description = "Streams: passes on a header line from the first object's properties, then one RFC 4180 line per object.",
  parameters = {{name = "InputObject", type = "object", pipeline = "value", position = 1}},
  examples = {{code = "Get-License | ConvertTo-Csv", text = "The license table as CSV text."}},
  begin = function(s) s.write = csvWriter(s, function(line) s.emit((line:gsub("\r?\n$", ""))) end) end,
  process = function(s, o) if o ~= nil then s.write(o) end end,
}

P.register {
  name = "Export-Csv",
  synopsis = "Write objects to a CSV file.",
  description = "Streams each object to the file as an RFC 4180 line (UTF-8, no BOM), with a header from the first object's properties. -Append adds rows to an existing file.",
  parameters = {{name = "Path", aliases = {"FilePath"}, type = "string", position = 1, mandatory = true, complete = "path"},
                {name = "Append", type = "switch"},
                {name = "NoTypeInformation", aliases = {"NTI"}, type = "switch", help = "Accepted for PowerShell scripts; plush never writes type lines."},
                {name = "InputObject", type = "object", pipeline = "value"}},
  examples = {{code = "Get-User -Unlicensed | Export-Csv unlicensed.csv", text = "Unlicensed users to a file."}},
  begin = function(s)
    local f, err = io.open(s.args.Path, s.args.Append and "a" or "w")
    if not f then P.throw({Id = "FileOpenFailure", Category = "OpenError", Target = s.args.Path, Message = "Cannot write " .. P.str(err)}) end
    s.file = f
    s.write = csvWriter(s, function(line) f:write(line) end)
  end,
  process = function(s, o) if o ~= nil then s.write(o) end end,
  finish = function(s) s.file:close() end,
}

local function rowsFrom(s, reader, source)
  local header
  while true do
    local fields, err, line = reader()
    if err then
      s:error({Id = "InvalidCsv", Category = "InvalidData", Target = source .. ":" .. line,
               Message = string.format("%s:%d: %s", source, line, err),
               Recommendation = "Fix the quoting on that line; a field with commas, quotes or newlines must be in double quotes, with \"\" for a quote."})
      return
    end
    if not fields then return end
    if not header then
      header = fields
      s.shape = P.shape(header, "CsvRow")
    else
      local row = {}
      for i, name in ipairs(header) do row[name] = fields[i] or "" end
      if not s.emit(setmetatable(row, s.shape)) then return end
    end
  end
end

P.register {
  name = "Import-Csv",
  synopsis = "Read objects from a CSV file.",
  description = "Streams one object per row, named by the header row. Follows RFC 4180: quoted fields with commas, quotes (\"\") and newlines, CRLF or LF, UTF-8 with or without a BOM. A malformed file is an InvalidCsv error naming the line.",
  parameters = {{name = "Path", aliases = {"FilePath"}, type = "string", position = 1, mandatory = true, pipeline = "property", complete = "path"},
                {name = "Delimiter", type = "string"}},
  examples = {{code = "Import-Csv users.csv | Set-UserLicense -Add POWER_BI_PRO", text = "Rows with a UserPrincipalName column bind to -User."}},
  process = function(s)
    local reader, err = P.csv_reader(s.args.Path, s.args.Delimiter)
    if not reader then
      s:error({Id = "FileNotFound", Category = "ObjectNotFound", Target = s.args.Path, Message = "Cannot read " .. P.str(err)})
      return
    end
    rowsFrom(s, reader, s.args.Path)
  end,
}

P.register {
  name = "ConvertFrom-Csv",
  synopsis = "Read objects from CSV text.",
  description = "Like Import-Csv, over strings from the pipeline (joined by newlines).",
  parameters = {{name = "InputObject", type = "string", pipeline = "value", position = 1, mandatory = true},
                {name = "Delimiter", type = "string"}},
  examples = {{code = "'Name,Count', 'a,1' | ConvertFrom-Csv", text = "One object with Name and Count."}},
  begin = function(s) s.parts = {} end,
  process = function(s) s.parts[#s.parts + 1] = s.args.InputObject end,
  finish = function(s)
    rowsFrom(s, P.csv_text_reader(table.concat(s.parts, "\n"), s.args.Delimiter), "input")
  end,
}
