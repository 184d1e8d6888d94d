-- Prints a tenant's licensing state as sorted lines (Lua dialect), so the corpus runner can diff before and after a script.
-- Object ids (random GUIDs) and the audit log are left out: a line states what an admin sees, not luck.

local lines = {}
local function add(...) lines[#lines + 1] = table.concat({...}, " ") end

-- One field value as one word: "-" for nothing, spaces as "_".
local function word(v)
  if v == nil then return "-" end
  return (tostring(v):gsub(" ", "_"))
end

-- A list as a sorted, comma-separated word (the order of plans or sources means nothing).
local function set(list)
  local items = {}
  for _, v in ipairs(list or {}) do items[#items + 1] = word(v) end
  table.sort(items)
  return #items > 0 and table.concat(items, ",") or "-"
end

local t = Get-Tenant
add("tenant", "default=" .. word(t.DefaultUsageLocation), "adhoc=" .. word(t.AllowAdHocSubscriptions))

for _, u in ipairs(Get-User) do
  local upn = u.UserPrincipalName
  add("user", upn, "name=" .. word(u.DisplayName), "dept=" .. word(u.Department), "location=" .. word(u.UsageLocation),
      "type=" .. word(u.UserType), "enabled=" .. word(u.AccountEnabled), "state=" .. word(u.State),
      "signin=" .. word(u.LastSignIn))
  for _, l in ipairs(Get-UserLicense $upn) do
    add("license", upn, l.SkuPartNumber, "by=" .. set(l.AssignedBy), "state=" .. word(l.State),
        "error=" .. word(l.Error), "disabled=" .. set(l.DisabledPlans))
  end
end

-- A soft-deleted user's assignments are Suspended; its licenses are listed by product.
for _, u in ipairs(Get-User -Deleted) do
  add("deleted", u.UserPrincipalName, "licenses=" .. set(u.Licenses))
end

for _, g in ipairs(Get-Group) do
  local name = word(g.DisplayName)
  add("group", name, "description=" .. word(g.Description))
  for _, m in ipairs(Get-GroupMember $g.DisplayName) do add("member", name, m.UserPrincipalName) end
  for _, l in ipairs(Get-GroupLicense $g.DisplayName) do
    add("grouplicense", name, l.SkuPartNumber, "disabled=" .. set(l.DisabledPlans))
  end
end

for _, s in ipairs(Get-Subscription) do
  add("subscription", s.Product, "quantity=" .. word(s.Quantity), "status=" .. word(s.Status), "source=" .. word(s.Source),
      "starts=" .. word(s.StartsOn), "expires=" .. word(s.ExpiresOn), "purchasedby=" .. word(s.PurchasedBy))
end

for _, l in ipairs(Get-License) do
  add("count", l.SkuPartNumber, "total=" .. word(l.Total), "assigned=" .. word(l.Assigned),
      "available=" .. word(l.Available), "expiring=" .. word(l.ExpiringSoon), "suspended=" .. word(l.Suspended))
end

table.sort(lines)
for _, line in ipairs(lines) do print(line) end
