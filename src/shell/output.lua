-- Out-Default: objects as a table or a list by their type's view, strings as lines, JSON Lines or CSV for machines.
local P = __plush

-- Default columns per type: what an admin wants to see first. Other properties show in Format-List.
P.views = {
  Product = {"SkuPartNumber", "DisplayName", "AppliesTo", "SkuId"},
  License = {"Product", "SkuPartNumber", "Total", "Assigned", "Available", "ExpiringSoon", "Suspended"},
  Subscription = {"Id", "Product", "Quantity", "Status", "Source", "ExpiresOn"},
  User = {"UserPrincipalName", "DisplayName", "Department", "UsageLocation", "Licenses"},
  UserLicense = {"User", "SkuPartNumber", "AssignedBy", "State", "Error", "DisabledPlans"},
  Group = {"DisplayName", "MemberCount", "Licenses", "Description"},
  GroupLicense = {"Group", "SkuPartNumber", "Active", "Errors", "DisabledPlans"},
  LicenseError = {"User", "SkuPartNumber", "AssignedBy", "Error", "Message"},
  AuditEntry = {"Time", "Actor", "Action", "Target", "Detail"},
  AdminRole = {"Name", "Members"},
  TenantCapacity = {"Kind", "Month", "Unit", "Total", "Consumed", "Available", "PercentUsed", "Projected", "ProjectedPercent"},
  Bot = {"Name", "Owner", "Environment", "CreatedOn", "OwnerLicensed"},
  BotUsage = {"Bot", "Month", "BilledSessions", "Days", "UsageThrough", "PercentOfTenant", "Owner"},
}

local colors = {header = "\27[1;32m", error = "\27[31m", warning = "\27[33m", verbose = "\27[36m"}

function P.paint(text, kind)
  if not P.state.color or not colors[kind] then return text end
  return colors[kind] .. text .. "\27[0m"
end

local function columnsOf(v)
  local mt = getmetatable(v)
  local view = mt and P.views[mt.__type]
  return view or P.properties(v)
end

local function isScalar(v)
  local t = type(v)
  local mt = getmetatable(v)
  return t ~= "table" or P.isrecord(v) or (mt ~= nil and mt.__scalar == true)
end

local function rightAligned(objects, column)
  for _, o in ipairs(objects) do
    local v = o[column]
    if v ~= nil then return type(v) == "number" end
  end
  return false
end

function P.renderTableOf(objects, columns)
  local headers, align, rows = {}, {}, {}
  for i, c in ipairs(columns) do
    headers[i] = c
    align[i] = rightAligned(objects, c)
  end
  for r, o in ipairs(objects) do
    local row = {}
    for i, c in ipairs(columns) do row[i] = P.cell(o[c]) end
    rows[r] = row
  end
  return P.render_table(headers, align, rows, P.state.color, P.terminal_width())
end

function P.renderListOf(object, columns)
  local pairsList = {}
  for i, c in ipairs(columns or P.properties(object)) do
    pairsList[i] = {c, P.cell(object[c])}
  end
  return P.render_list(pairsList, P.state.color, P.terminal_width())
end

local function writeGroup(objects)
  if #objects == 0 then return end
  if #objects == 1 then
    io.write(P.renderListOf(objects[1]))
  else
    io.write(P.renderTableOf(objects, columnsOf(objects[1])))
  end
end

-- Table output: consecutive objects of one type form one table; a lone object shows as a list.
local function textSink()
  local group, groupType = {}, nil
  local function flush()
    writeGroup(group)
    group, groupType = {}, nil
  end
  local function push(o)
    if isScalar(o) then
      flush()
      io.write(P.str(o), "\n")
      return
    end
    local t = P.typename(o)
    if groupType and t ~= groupType then flush() end
    groupType = t
    group[#group + 1] = o
  end
  return push, flush
end

local function jsonSink()
  return function(o) io.write(P.to_json(o, true), "\n") end, function() end
end

local function csvSink()
  local columns
  local function push(o)
    if isScalar(o) then io.write(P.csv_line({P.str(o)})) return end
    if not columns then
      columns = columnsOf(o)
      io.write(P.csv_line(columns))
    end
    local row = {}
    for i, c in ipairs(columns) do row[i] = P.csv_cell(o[c]) end  -- lists as JSON arrays, as Export-Csv
    io.write(P.csv_line(row))
  end
  return push, function() end
end

-- --output list: every object as a list of all its properties, strings as lines.
local function listSink()
  return function(o)
    if isScalar(o) then io.write(P.str(o), "\n") else io.write(P.renderListOf(o)) end
  end, function() end
end

local sinks = {table = textSink, list = listSink, json = jsonSink, csv = csvSink}

function P.outDefaultSink()
  return (sinks[P.state.output or "table"] or textSink)()
end

-- Print values typed at the prompt or returned by a script, as Out-Default would.
function P.outDefault(...)
  local push, flush = P.outDefaultSink()
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if P.islist(v) then
      for j = 1, #v do push(v[j]) end
    elseif v ~= nil then
      push(v)
    end
  end
  flush()
end
