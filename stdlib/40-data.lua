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

-- A refused text, named by the line and column (in characters) where the reader stopped.
local function jsonError(s, message, line, col)
  s:error({Id = "InvalidJson", Category = "InvalidData", Target = string.format("line %d, column %d", line, col),
           Message = string.format("The JSON is not valid at line %d, column %d: %s", line, col, message)})
end

P.register {
  name = "ConvertFrom-Json",
  synopsis = "Turn JSON text into objects.",
  description = "Parses its input (all the strings it receives, joined) as JSON. An array passes on each element (with -NoEnumerate, the array as one List); objects keep their property order. A null inside an array is kept: such an array's field n holds its length, since # stops at a trailing nil, and ConvertTo-Json writes all n items back. Refused as InvalidJson, naming the line and column: bad syntax, nesting deeper than 1024 levels, a key given twice or differing from another only in case (property names are case-insensitive, as in PowerShell 7), a raw NUL byte, a number beyond the range of a double. Integers beyond 64 bits become doubles.",
  parameters = {
    {name = "InputObject", type = "string", pipeline = "value", position = 1, mandatory = true},
    {name = "NoEnumerate", type = "switch", help = "Pass an array on as one List instead of item by item."},
  },
  examples = {{code = "Get-Content users.json | ConvertFrom-Json", text = "Objects from a file."},
              {code = "$page = Get-Content users.json | ConvertFrom-Json -NoEnumerate", text = "A whole array as one List."}},
  begin = function(s) s.parts = {} end,
  process = function(s) s.parts[#s.parts + 1] = s.args.InputObject end,
  finish = function(s)
    local text = table.concat(s.parts, "\n")
    local value, message, line, col = P.from_json(text)
    if message then return jsonError(s, message, line, col) end
    if s.args.NoEnumerate then s.emit(value) else s.emitValue(value) end
  end,
}

-- CSV ------------------------------------------------------------------------------------------

local function headerOf(o)
  return P.views.__csv and P.views.__csv[P.typename(o)] or P.properties(o)
end

-- A list in a cell is written as a JSON array (["Direct","Sales E3"]): unlike joining with a
-- separator, it splits back exactly whatever the items hold (ConvertFrom-Json $row.AssignedBy).
function P.csv_cell(v)
  if P.issequence(v) or (P.islist(v) and #v == 0) then return P.to_json(v, true) end
  return P.str(v)
end

-- -Delimiter as PowerShell's [char]: one character, and not one that CSV itself uses.
local function delimiterOf(s)
  local d = s.args.Delimiter
  if d == nil then return "," end
  local bad = #d ~= 1 and "must be exactly one character" or d == '"' and "cannot be the quote character"
    or (d == "\r" or d == "\n") and "cannot be a line break"
  if bad then
    P.throw({Id = "InvalidArgument", Category = "InvalidArgument", Target = "Delimiter",
             Message = string.format("Cannot bind parameter 'Delimiter': '%s' %s.", d, bad),
             Recommendation = s.cmd.name .. " -Delimiter ';'"})
  end
  return d
end

local quoteValues = {"Always", "AsNeeded", "Never"}
local writerParameters = {
  {name = "Delimiter", type = "string", help = "The character between fields (default ','); one character, not a quote."},
  {name = "UseQuotes", type = "string", values = quoteValues,
   help = "Always (the default, as PowerShell 7), AsNeeded (fields with the delimiter, quotes, line breaks, edge spaces), or Never."},
  {name = "QuoteFields", aliases = {"QF"}, type = "string", list = true,
   help = "Quote these columns always; the others only where a value needs it."},
  {name = "NoHeader", type = "switch", help = "No header line: rows only."},
  {name = "NoTypeInformation", aliases = {"NTI"}, type = "switch", help = "Accepted for PowerShell scripts; plush never writes #TYPE lines (as PowerShell 7)."},
}

local function withWriterParameters(list)
  for _, p in ipairs(writerParameters) do list[#list + 1] = p end
  return list
end

-- Writes each object as a line (a header from the first object's properties first, unless
-- -NoHeader or `columns` already given). -UseQuotes Never refuses a value it cannot write faithfully.
local function quotedFields(s)
  if not s.args.QuoteFields then return nil end
  local set = {}
  for _, name in ipairs(s.args.QuoteFields) do set[name:lower()] = true end
  return set
end

-- One line; with -QuoteFields each field is quoted as its column says.
local function lineOf(fields, columns, delimiter, quoting, quoteSet)
  if not quoteSet then return P.csv_line(fields, delimiter, quoting) end
  local parts = {}
  for i, v in ipairs(fields) do
    parts[i] = P.csv_line({v}, delimiter, quoteSet[columns[i]:lower()] and "Always" or "AsNeeded"):sub(1, -2)
  end
  return table.concat(parts, delimiter) .. "\n"
end

local function csvWriter(s, write, columns)
  local delimiter, quoting, quoteSet = delimiterOf(s), s.args.UseQuotes or "Always", quotedFields(s)
  s.columns = columns
  return function(o)
    if not s.columns then
      s.columns = headerOf(o)
      if not s.args.NoHeader then write(lineOf(s.columns, s.columns, delimiter, quoting, quoteSet)) end
    end
    local row = {}
    for i, c in ipairs(s.columns) do
      row[i] = P.csv_cell(P.field(o, c))  -- P.field keeps false (not `and o[c] or nil`)
      if quoting == "Never" and P.csv_needs_quotes(row[i], delimiter) and row[i] ~= "" then
        s:error({Id = "InvalidArgument", Category = "InvalidData", Target = c,
                 Message = string.format("-UseQuotes Never cannot write the %s value %q: it holds the delimiter, a quote, a line break or edge spaces; the object was not written.", c, row[i]),
                 Recommendation = s.cmd.name .. " -UseQuotes AsNeeded"})
        return
      end
    end
    write(lineOf(row, s.columns, delimiter, quoting, quoteSet))
  end
end

P.register {
  name = "ConvertTo-Csv",
  synopsis = "Turn objects into CSV lines.",
  description = "Streams: passes on a header line from the first object's properties, then one RFC 4180 line per object. As PowerShell 7: every field in quotes unless -UseQuotes AsNeeded or Never; later objects' extra properties are left out, missing ones empty. A list in a cell is written as a JSON array ([\"a\",\"b\"]), so ConvertFrom-Json splits it back exactly.",
  parameters = withWriterParameters({{name = "InputObject", type = "object", pipeline = "value", position = 1}}),
  examples = {{code = "Get-License | ConvertTo-Csv", text = "The license table as CSV text."},
              {code = "Get-User | ConvertTo-Csv -Delimiter ';' -UseQuotes AsNeeded", text = "Semicolons, quotes only where needed."}},
  begin = function(s) s.write = csvWriter(s, function(line) s.emit((line:gsub("\r?\n$", ""))) end) end,
  process = function(s, o) if o ~= nil then s.write(o) end end,
}

local function cannotWrite(path, message)
  P.throw({Id = "FileOpenFailure", Category = "OpenError", Target = path, Message = "Cannot write " .. P.str(message)})
end

-- -Append to a file with rows: its header decides the columns. An object whose properties are
-- not those columns is refused (the file is left as it was) unless -Force, which writes the
-- file's columns only, the missing ones empty.
local function appendColumns(s, o, header)
  if s.args.Force then return header end
  local have, inFile, missing, extra = {}, {}, {}, {}
  for _, p in ipairs(headerOf(o)) do have[p:lower()] = true end
  for _, c in ipairs(header) do
    inFile[c:lower()] = true
    if not have[c:lower()] then missing[#missing + 1] = c end
  end
  for _, p in ipairs(headerOf(o)) do if not inFile[p:lower()] then extra[#extra + 1] = p end end
  if #missing == 0 and #extra == 0 then return header end
  local why = #missing > 0 and ("the appended object does not have a property for the column " .. table.concat(missing, ", "))
    or ("the appended object has properties the file has no column for: " .. table.concat(extra, ", "))
  P.throw({Id = "CannotAppendCsvWithMismatchedPropertyNames", Category = "InvalidData", Target = s.args.Path,
           Message = string.format("Cannot append CSV content to %s: %s. Nothing was written.", s.args.Path, why),
           Recommendation = string.format("Export-Csv %s -Append -Force  (writes only the file's columns: %s)",
             s.args.Path, table.concat(header, ", "))})
end

local function existingHeader(s, delimiter)
  local header, failure = P.csv_header(s.args.Path, delimiter)
  if not header then
    P.throw({Id = "InvalidCsv", Category = "InvalidData", Target = s.args.Path .. ":" .. failure.line,
             Message = string.format("Cannot append to %s: its line %d: %s", s.args.Path, failure.line, failure.message),
             Recommendation = failure.fix})
  end
  return #header > 0 and header or nil
end

local function endsWithLineBreak(path)
  local f = io.open(path, "rb")
  if not f then return true end
  local size = f:seek("end")
  if size == 0 then f:close() return true end
  f:seek("set", size - 1)
  local last = f:read(1)
  f:close()
  return last == "\n"
end

P.register {
  name = "Export-Csv",
  synopsis = "Write objects to a CSV file.",
  description = "Streams each object to the file as an RFC 4180 line (UTF-8, no BOM), with a header from the first object's properties; quoting and -Delimiter as ConvertTo-Csv. -Append adds rows under the file's own header, with no second header; an object with other properties is refused unless -Force, which writes the file's columns only (as PowerShell 7; plush also refuses an object with extra properties rather than drop them). Lists in a cell are JSON arrays.",
  parameters = withWriterParameters({
                {name = "Path", aliases = {"FilePath", "LiteralPath", "PSPath", "LP"}, type = "string", position = 1, mandatory = true, complete = "path"},
                {name = "Encoding", type = "string", values = {"utf8", "utf8NoBOM", "utf8BOM"},
                 help = "utf8 and utf8NoBOM (the default, as PowerShell 7) write no byte order mark; utf8BOM writes one (Excel reads such a file as UTF-8)."},
                {name = "Append", type = "switch", help = "Add rows to an existing file, under its header."},
                {name = "Force", type = "switch", help = "With -Append: write the file's columns even when the objects have others."},
                {name = "NoClobber", type = "switch", help = "Refuse to replace an existing file."},
                {name = "InputObject", type = "object", pipeline = "value"}}),
  examples = {{code = "Get-User -Unlicensed | Export-Csv unlicensed.csv", text = "Unlicensed users to a file."},
              {code = "Get-License | Export-Csv licenses.csv -Append", text = "Another day's figures under the same header."}},
  begin = function(s)
    local path, delimiter = s.args.Path, delimiterOf(s)
    if s.args.NoClobber and not s.args.Append and io.open(path, "rb") then
      P.throw({Id = "FileExists", Category = "ResourceExists", Target = path,
               Message = "The file " .. path .. " already exists; -NoClobber keeps it.", Recommendation = "Export-Csv " .. path .. " -Append"})
    end
    s.header = s.args.Append and existingHeader(s, delimiter) or nil
  end,
  process = function(s, o)
    if o == nil then return end
    if not s.file then
      local columns = s.header and appendColumns(s, o, s.header)
      local lead = s.header and not endsWithLineBreak(s.args.Path) and "\n" or ""
      local f, err = io.open(s.args.Path, s.args.Append and "ab" or "wb")
      if not f then cannotWrite(s.args.Path, err) end
      f:write(lead)
      if s.args.Encoding == "utf8BOM" and not s.header then f:write("\239\187\191") end
      s.file = f
      s.write = csvWriter(s, function(line) f:write(line) end, columns)
    end
    s.write(o)
  end,
  finish = function(s)
    if s.file then s.file:close()
    elseif not s.args.Append then  -- no objects: an empty file, as PowerShell writes
      local f, err = io.open(s.args.Path, "wb")
      if not f then cannotWrite(s.args.Path, err) end
      f:close()
    end
  end,
}

local csvFixes = "Fix the quoting on that line; a field with commas, quotes or newlines must be in double quotes, with \"\" for a quote."

local function csvFailure(s, source, failure)
  local where = failure.line > 0 and (source .. ":" .. failure.line) or source
  local column = failure.column > 0 and string.format(" (column %d)", failure.column) or ""
  s:error({Id = failure.id, Category = failure.id == "FileNotFound" and "ObjectNotFound" or "InvalidData", Target = where,
           Message = failure.id == "FileNotFound" and ("Cannot read " .. failure.message)
             or string.format("%s: %s%s", where, failure.message, column),
           Recommendation = failure.fix ~= "" and failure.fix or (failure.id == "InvalidCsv" and csvFixes or nil)})
end

-- The rows of a checked reader as objects named by its header. A ragged row is read as PowerShell
-- reads it (missing values empty, extra ones left out) and named under -Verbose.
local function rowsFrom(s, reader, info, source)
  for _, w in ipairs(info.warnings) do P.warn(s.cmd.name .. ": " .. source .. ": " .. w) end
  local header, failure = reader()
  if failure then return csvFailure(s, source, failure) end
  if not header then return end
  local shape, width = P.shape(header, "CsvRow"), #header
  while true do
    local fields, line = reader()  -- line: where the row starts, or the failure of a file changed since the check
    if not fields then
      if line then csvFailure(s, source, line) end
      return
    end
    if #fields ~= width then
      s:verbose(string.format("%s:%d: %d values where the header names %d columns (%s)", source, line, #fields, width,
        #fields < width and "the missing ones are empty" or "the extra ones are left out"))
    end
    local row = {}
    for i, name in ipairs(header) do row[name] = fields[i] or "" end
    if not s.emit(setmetatable(row, shape)) then return end
  end
end

P.register {
  name = "Import-Csv",
  synopsis = "Read objects from a CSV file.",
  description = "Streams one object per row, named by the header row. Follows RFC 4180: quoted fields with commas, quotes (\"\") and newlines, CRLF or LF. UTF-8 with or without a BOM, or UTF-16 with a BOM; any other encoding is refused at its first line that is not UTF-8. As PowerShell: a #TYPE first line is skipped, a blank header name becomes H<n> (with a warning), a name given twice is refused. The whole file is checked before the first row goes down the pipeline, so a malformed file changes nothing (InvalidCsv naming the line); memory stays that of one row. Ragged rows are named under -Verbose.",
  parameters = {{name = "Path", aliases = {"FilePath", "LiteralPath", "PSPath", "LP"}, type = "string", position = 1, mandatory = true, pipeline = "property", complete = "path"},
                {name = "Delimiter", type = "string", help = "The character between fields (default ',')."}},
  examples = {{code = "Import-Csv users.csv | Set-UserLicense -Add POWER_BI_PRO", text = "Rows with a UserPrincipalName column bind to -User."},
              {code = "Import-Csv export.csv -Delimiter ';'", text = "A semicolon-separated file (Excel in many locales)."}},
  process = function(s)
    local reader, info = P.csv_reader(s.args.Path, delimiterOf(s))
    if not reader then return csvFailure(s, s.args.Path, info) end
    rowsFrom(s, reader, info, s.args.Path)
  end,
}

P.register {
  name = "ConvertFrom-Csv",
  synopsis = "Read objects from CSV text.",
  description = "Like Import-Csv, over strings from the pipeline (joined by newlines): checked whole before the first object goes on.",
  parameters = {{name = "InputObject", type = "string", pipeline = "value", position = 1, mandatory = true},
                {name = "Delimiter", type = "string", help = "The character between fields (default ',')."}},
  examples = {{code = "'Name,Count', 'a,1' | ConvertFrom-Csv", text = "One object with Name and Count."}},
  begin = function(s) s.parts = {} end,
  process = function(s) s.parts[#s.parts + 1] = s.args.InputObject end,
  finish = function(s)
    local reader, info = P.csv_text_reader(table.concat(s.parts, "\n"), delimiterOf(s))
    if not reader then return csvFailure(s, "input", info) end
    rowsFrom(s, reader, info, "input")
  end,
}
