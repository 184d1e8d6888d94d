-- Members and methods as PowerShell scripts use them: properties of any value (Count and Length on anything,
-- member enumeration over arrays), the methods of strings, numbers, arrays, collections and hashtables.
local P = __plush
local R = P.ps
local NULL, List = R.NULL, P.ListMeta
local str, kinds, lower = R.str, R.kinds, string.lower

local function isList(v) return getmetatable(v) == List end

local function argCount(pos, name, got, ...)
  local allowed = {...}
  for _, n in ipairs(allowed) do
    if n == got then return end
  end
  R.fail(pos, "MethodCountCouldNotFindBest",
    string.format('Cannot find an overload for "%s" and the argument count: "%d".', name, got), "InvalidOperation", "exception:methodexception")
end

-- A .NET method's exception, as PowerShell reports it: Exception calling "X" with "n" argument(s): "...".
local function methodError(pos, name, n, message, exceptionType)
  R.fail(pos, "MethodInvocationException",
    string.format('Exception calling "%s" with "%d" argument(s): "%s"', name, n, message), "NotSpecified",
    exceptionType or "exception:methodinvocationexception")
end
R.methodError = methodError

---------------------------------------------------------------------------------------------------
-- Properties

local psobjectView

local function listMember(list, name, lname)
  local kind = kinds[list]
  if lname == "count" or ((lname == "length" or lname == "longlength") and kind == nil) then return #list end
  if kind == "arraylist" and lname == "capacity" then return #list end
  if lname == "rank" and kind == nil then return 1 end
  if lname == "syncroot" then return list end
  if lname == "isfixedsize" then return kind == nil end
  if lname == "isreadonly" then return false end
  local out, n = setmetatable({}, List), 0
  for i = 1, #list do
    local x = list[i]
    if x ~= NULL then
      local v = R.m(x, name)
      if v ~= nil then
        if isList(v) then
          for j = 1, #v do n = n + 1; out[n] = v[j] end
        else
          n = n + 1
          out[n] = v
        end
      end
    end
  end
  if n == 0 then return nil end
  if n == 1 then return out[1] end
  return out
end

local function dictionaryMember(h, name, lname)
  if R.hasKey(h, name) then return R.get(h, name) end
  if lname == "count" then return R.hcount(h) end
  if lname == "keys" then return R.keys(h) end
  if lname == "values" then return R.values(h) end
  if lname == "isreadonly" or lname == "isfixedsize" or lname == "issynchronized" then return false end
  if lname == "psobject" then return psobjectView(h) end
  return nil
end

-- $obj.Name: a property, a hashtable key, Count and Length of anything; $null for what is missing.
function R.m(obj, name)
  if type(name) ~= "string" then name = str(name) end
  local t = type(obj)
  if t == "table" then
    local mt = getmetatable(obj)
    if mt == List then return listMember(obj, name, lower(name)) end
    if obj == NULL then
      local l = lower(name)
      return (l == "count" or l == "length") and 0 or nil
    end
    local v = rawget(obj, name)
    if v ~= nil then return v end
    local lname = lower(name)
    if R.isDictionary(obj) then return dictionaryMember(obj, name, lname) end
    local special = mt and mt.__members_ps
    if special then
      local f = special[lname]
      if f then return f(obj) end
    end
    if mt and mt.__canon then
      v = obj[name]
      if v ~= nil and not (mt.__methodsAsFields and type(v) == "function") then return v end
    elseif mt == nil then
      v = obj[name]
      if v ~= nil then return v end
    end
    if lname == "count" or lname == "length" then return 1 end
    if lname == "psobject" then return psobjectView(obj) end
    return nil
  end
  if obj == nil then
    local l = lower(name)
    return (l == "count" or l == "length") and 0 or nil
  end
  local lname = lower(name)
  if t == "string" then
    if lname == "length" then return utf8.len(obj) or #obj end
    if lname == "count" then return 1 end
    return nil
  end
  if lname == "count" or lname == "length" then return 1 end
  return nil
end

-- $obj.Name = value
function R.setm(obj, name, v, pos)
  if type(name) ~= "string" then name = str(name) end
  if obj == NULL then obj = nil end
  if R.isDictionary(obj) then
    R.hset(obj, name, v)
    return
  end
  local mt = type(obj) == "table" and getmetatable(obj)
  if mt and mt ~= List and mt.__canon and mt.__canon[lower(name)] then
    obj[name] = v
    return
  end
  if mt and mt.__set_ps and mt.__set_ps(obj, name, v) then return end
  R.fail(pos, "PropertyNotFound",
    string.format("The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name),
    "InvalidOperation", "exception:runtimeexception")
end

---------------------------------------------------------------------------------------------------
-- $obj.PSObject: its properties as PowerShell lists them.

local NoteProperty = P.type("PSNoteProperty", {"Name", "MemberType", "Value", "TypeNameOfValue", "IsSettable"})
P.views.PSNoteProperty = {"MemberType", "IsSettable", "IsGettable", "Value", "TypeNameOfValue", "Name"}
local PSObjectView = P.type("PSObject", {"Properties", "TypeNames", "BaseObject"})

psobjectView = function(obj)
  local props = setmetatable({}, List)
  kinds[props] = "properties"
  local names = R.isDictionary(obj) and {"Count", "Keys", "Values"} or P.properties(obj)
  for i, n in ipairs(names) do
    local v = R.isDictionary(obj) and R.m(obj, n) or obj[n]
    props[i] = setmetatable({Name = n, MemberType = "NoteProperty", Value = v, TypeNameOfValue = "System." .. R.typeName(v), IsSettable = true}, NoteProperty)
  end
  return setmetatable({Properties = props, TypeNames = P.list({R.fullTypeName(obj), "System.Object"}), BaseObject = obj}, PSObjectView)
end

---------------------------------------------------------------------------------------------------
-- Methods by type: each takes (self, pos, args...).

local function chars(s)
  local out = {}
  for _, c in utf8.codes(s) do out[#out + 1] = utf8.char(c) end
  return out
end

local function trimSet(pos, ...)
  local set = {}
  for i = 1, select("#", ...) do
    local a = select(i, ...)
    if isList(a) then
      for j = 1, #a do for _, c in ipairs(chars(str(a[j]))) do set[c] = true end end
    else
      for _, c in ipairs(chars(str(a))) do set[c] = true end
    end
  end
  return set
end

local whitespace = {[" "] = true, ["\t"] = true, ["\n"] = true, ["\r"] = true, ["\v"] = true, ["\f"] = true, ["\u{A0}"] = true}

local function trim(s, set, left, right)
  local cs = chars(s)
  local i, j = 1, #cs
  if left then while i <= j and set[cs[i]] do i = i + 1 end end
  if right then while j >= i and set[cs[j]] do j = j - 1 end end
  return table.concat(cs, "", i, j)
end

local function ignoreCase(option)
  if option == nil then return false end
  if option == true then return true end
  return tostring(str(option)):lower():find("ignorecase", 1, true) ~= nil
end

local function findPlain(s, needle, init)
  return s:find(needle, init, true)
end

-- Character index (0-based) of a byte position, and back, for text with multi-byte characters.
local function charIndex(s, byte)
  return utf8.len(s, 1, byte - 1) or (byte - 1)
end
local function byteOf(s, index)
  if index <= 0 then return 1 end
  return utf8.offset(s, index + 1) or (#s + 1)
end

local stringMethods = {
  toupper = function(s) return s:upper() end,
  tolower = function(s) return s:lower() end,
  toupperinvariant = function(s) return s:upper() end,
  tolowerinvariant = function(s) return s:lower() end,
  trim = function(s, pos, ...)
    local set = select("#", ...) > 0 and trimSet(pos, ...) or whitespace
    return trim(s, set, true, true)
  end,
  trimstart = function(s, pos, ...)
    local set = select("#", ...) > 0 and trimSet(pos, ...) or whitespace
    return trim(s, set, true, false)
  end,
  trimend = function(s, pos, ...)
    local set = select("#", ...) > 0 and trimSet(pos, ...) or whitespace
    return trim(s, set, false, true)
  end,
  split = function(s, pos, sep, count, options)
    local separators = {}
    local removeEmpty = false
    if math.type(count) ~= "integer" and count ~= nil and not (type(count) == "number") then
      options, count = count, nil
    end
    if options ~= nil and str(options):lower():find("removeemptyentries", 1, true) then removeEmpty = true end
    if sep == nil then
      separators = {" ", "\t", "\n", "\r"}
    elseif isList(sep) then
      for i = 1, #sep do separators[#separators + 1] = str(sep[i]) end
    else
      separators[1] = str(sep)
    end
    local out = setmetatable({}, List)
    local max = count and R.cast("int", count, pos) or math.huge
    local at = 1
    while #out < max - 1 do
      local best, bestEnd
      for _, x in ipairs(separators) do
        if x ~= "" then
          local a, b = findPlain(s, x, at)
          if a and (not best or a < best) then best, bestEnd = a, b end
        end
      end
      if not best then break end
      local piece = s:sub(at, best - 1)
      if not (removeEmpty and piece == "") then out[#out + 1] = piece end
      at = bestEnd + 1
    end
    local last = s:sub(at)
    if not (removeEmpty and last == "") then out[#out + 1] = last end
    return out
  end,
  replace = function(s, pos, old, new)
    old = str(old)
    if old == "" then methodError(pos, "Replace", 2, "String cannot be of zero length. (Parameter 'oldValue')", "exception:argumentexception") end
    new = new == nil and "" or str(new)
    local out, at = {}, 1
    while true do
      local a, b = s:find(old, at, true)
      if not a then break end
      out[#out + 1] = s:sub(at, a - 1)
      out[#out + 1] = new
      at = b + 1
    end
    out[#out + 1] = s:sub(at)
    return table.concat(out)
  end,
  contains = function(s, pos, x, option)
    if ignoreCase(option) then return lower(s):find(lower(str(x)), 1, true) ~= nil end
    return s:find(str(x), 1, true) ~= nil
  end,
  startswith = function(s, pos, x, option)
    x = str(x)
    if ignoreCase(option) then return lower(s):sub(1, #x) == lower(x) end
    return s:sub(1, #x) == x
  end,
  endswith = function(s, pos, x, option)
    x = str(x)
    if x == "" then return true end
    if ignoreCase(option) then return lower(s):sub(-#x) == lower(x) end
    return s:sub(-#x) == x
  end,
  substring = function(s, pos, start, length)
    local cs = chars(s)
    local i = R.cast("int", start, pos)
    if i < 0 or i > #cs then
      methodError(pos, "Substring", length == nil and 1 or 2, "startIndex cannot be larger than length of string. (Parameter 'startIndex')", "exception:argumentoutofrangeexception")
    end
    local n = length == nil and (#cs - i) or R.cast("int", length, pos)
    if n < 0 or i + n > #cs then
      methodError(pos, "Substring", 2, "Index and length must refer to a location within the string. (Parameter 'length')", "exception:argumentoutofrangeexception")
    end
    return table.concat(cs, "", i + 1, i + n)
  end,
  indexof = function(s, pos, x, start, option)
    local needle = str(x)
    local from = start and byteOf(s, R.cast("int", start, pos)) or 1
    local hay = s
    if ignoreCase(option) then hay, needle = lower(s), lower(needle) end
    local a = hay:find(needle, from, true)
    return a and charIndex(s, a) or -1
  end,
  lastindexof = function(s, pos, x)
    local needle = str(x)
    local last = -1
    local at = 1
    while true do
      local a = s:find(needle, at, true)
      if not a then break end
      last = charIndex(s, a)
      at = a + 1
    end
    return last
  end,
  indexofany = function(s, pos, set)
    local wanted = trimSet(pos, set)
    for i, c in ipairs(chars(s)) do if wanted[c] then return i - 1 end end
    return -1
  end,
  padleft = function(s, pos, width, c)
    local n = R.cast("int", width, pos) - (utf8.len(s) or #s)
    if n <= 0 then return s end
    return string.rep(c ~= nil and str(c) or " ", n) .. s
  end,
  padright = function(s, pos, width, c)
    local n = R.cast("int", width, pos) - (utf8.len(s) or #s)
    if n <= 0 then return s end
    return s .. string.rep(c ~= nil and str(c) or " ", n)
  end,
  insert = function(s, pos, index, x)
    local cs = chars(s)
    local i = R.cast("int", index, pos)
    if i < 0 or i > #cs then methodError(pos, "Insert", 2, "Specified argument was out of the range of valid values. (Parameter 'startIndex')", "exception:argumentoutofrangeexception") end
    return table.concat(cs, "", 1, i) .. str(x) .. table.concat(cs, "", i + 1)
  end,
  remove = function(s, pos, index, count)
    local cs = chars(s)
    local i = R.cast("int", index, pos)
    local n = count == nil and (#cs - i) or R.cast("int", count, pos)
    if i < 0 or n < 0 or i + n > #cs then methodError(pos, "Remove", count == nil and 1 or 2, "Index and count must refer to a location within the string.", "exception:argumentoutofrangeexception") end
    return table.concat(cs, "", 1, i) .. table.concat(cs, "", i + n + 1)
  end,
  tostring = function(s) return s end,
  equals = function(s, pos, x, option)
    if ignoreCase(option) then return type(x) == "string" and lower(s) == lower(x) end
    return s == x
  end,
  compareto = function(s, pos, x) return R.compareScalar(s, x, true, pos) end,
  tochararray = function(s)
    local out = setmetatable({}, List)
    for i, c in ipairs(chars(s)) do out[i] = R.char(c) end
    return out
  end,
  normalize = function(s) return s end,
  clone = function(s) return s end,
  getenumerator = function(s) return stringMethods and R.cast("char[]", s) end,
}

local numberMethods = {
  tostring = function(n, pos, fmt)
    if fmt == nil then
      if math.type(n) == "integer" then return tostring(n) end
      return P.dotnet_number(n, "")
    end
    local text, why = P.dotnet_number(n, str(fmt))
    if not text then methodError(pos, "ToString", 1, tostring(why), "exception:formatexception") end
    return text
  end,
  equals = function(n, pos, x) return type(x) == "number" and n == x end,
  compareto = function(n, pos, x) return R.compareScalar(n, x, false, pos) end,
}

local function sameElement(x, y)
  if x == NULL then x = nil end
  return R.equalScalar(x, y, true)
end

local function fixedSize(pos, name, n)
  methodError(pos, name, n, "Collection was of a fixed size.", "exception:notsupportedexception")
end

local function whereMethod(list, pos, block, mode, count)
  mode = mode and lower(str(mode)) or "default"
  local limit = count and R.cast("int", count, pos) or 0
  local out = setmetatable({}, List)
  kinds[out] = "collection"
  local items = {}
  for i = 1, #list do
    local x = list[i]
    if x == NULL then x = nil end
    items[i] = x
  end
  local function test(x) return R.T(block(x)) end
  if mode == "default" or mode == "first" then
    for i = 1, #list do
      if test(items[i]) then
        out[#out + 1] = list[i]
        if (mode == "first" and #out >= math.max(limit, 1)) or (limit > 0 and #out >= limit) then break end
      end
    end
  elseif mode == "last" then
    for i = #list, 1, -1 do
      if test(items[i]) then
        table.insert(out, 1, list[i])
        if #out >= math.max(limit, 1) then break end
      end
    end
  elseif mode == "until" then
    for i = 1, #list do
      if test(items[i]) then break end
      out[#out + 1] = list[i]
      if limit > 0 and #out >= limit then break end
    end
  elseif mode == "skipuntil" then
    local on = false
    for i = 1, #list do
      if not on and test(items[i]) then on = true end
      if on then
        out[#out + 1] = list[i]
        if limit > 0 and #out >= limit then break end
      end
    end
  elseif mode == "split" then
    local yes, no = setmetatable({}, List), setmetatable({}, List)
    for i = 1, #list do
      if test(items[i]) and (limit == 0 or #yes < limit) then yes[#yes + 1] = list[i] else no[#no + 1] = list[i] end
    end
    return setmetatable({yes, no}, List)
  else
    methodError(pos, "Where", 2, "Cannot convert value \"" .. mode .. "\" to type \"System.Management.Automation.WhereOperatorSelectionMode\".")
  end
  return out
end

local function foreachMethod(list, pos, what, ...)
  local out = setmetatable({}, List)
  kinds[out] = "collection"
  local args = table.pack(...)
  for i = 1, #list do
    local x = list[i]
    if x == NULL then x = nil end
    local v
    if type(what) == "function" then v = what(x)
    elseif args.n > 0 or (x ~= nil and type(x) == "string" and stringMethods[lower(str(what))]) then
      v = R.call(x, str(what), pos, table.unpack(args, 1, args.n))
    else
      v = R.m(x, str(what))
    end
    R.unroll(function(y) out[#out + 1] = y end, v)
  end
  return out
end

local arrayMethods = {
  contains = function(list, pos, x)
    for i = 1, #list do if sameElement(list[i], x) then return true end end
    return false
  end,
  indexof = function(list, pos, x)
    for i = 1, #list do if sameElement(list[i], x) then return i - 1 end end
    return -1
  end,
  clear = function(list)
    for i = 1, #list do list[i] = NULL end
  end,
  where = whereMethod,
  foreach = foreachMethod,
  clone = function(list) return R.toarr(list) end,
  add = function(list, pos) fixedSize(pos, "Add", 1) end,
  remove = function(list, pos) fixedSize(pos, "Remove", 1) end,
  removeat = function(list, pos) fixedSize(pos, "RemoveAt", 1) end,
  insert = function(list, pos) fixedSize(pos, "Insert", 2) end,
  tostring = function() return "System.Object[]" end,
  getenumerator = function(list) return list end,
}

local function removeFirst(list, x)
  for i = 1, #list do
    if sameElement(list[i], x) then
      table.remove(list, i)
      return true
    end
  end
  return false
end

local function sortList(list, pos)
  table.sort(list, function(a, b)
    if a == NULL then return b ~= NULL end
    if b == NULL then return false end
    return R.compareScalar(a, b, false, pos) < 0
  end)
end

local listMethods = {
  add = function(list, pos, x) list[#list + 1] = x == nil and NULL or x end,
  addrange = function(list, pos, items) for _, x in R.each(items) do list[#list + 1] = x == nil and NULL or x end end,
  insert = function(list, pos, index, x)
    local i = R.cast("int", index, pos)
    if i < 0 or i > #list then methodError(pos, "Insert", 2, "Index must be within the bounds of the List. (Parameter 'index')", "exception:argumentoutofrangeexception") end
    table.insert(list, i + 1, x == nil and NULL or x)
  end,
  remove = function(list, pos, x) return removeFirst(list, x) end,
  removeat = function(list, pos, index)
    local i = R.cast("int", index, pos)
    if i < 0 or i >= #list then methodError(pos, "RemoveAt", 1, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", "exception:argumentoutofrangeexception") end
    table.remove(list, i + 1)
  end,
  removerange = function(list, pos, index, count)
    local i, n = R.cast("int", index, pos), R.cast("int", count, pos)
    for _ = 1, n do table.remove(list, i + 1) end
  end,
  removeall = function(list, pos, predicate)
    local removed = 0
    for i = #list, 1, -1 do
      local x = list[i]
      if x == NULL then x = nil end
      if R.T(predicate(x)) then table.remove(list, i); removed = removed + 1 end
    end
    return removed
  end,
  clear = function(list) for i = #list, 1, -1 do list[i] = nil end end,
  toarray = function(list) return R.toarr(list) end,
  sort = function(list, pos) sortList(list, pos) end,
  reverse = function(list)
    local n = #list
    for i = 1, n // 2 do list[i], list[n - i + 1] = list[n - i + 1], list[i] end
  end,
  find = function(list, pos, predicate)
    for i = 1, #list do
      local x = list[i]
      if x ~= NULL and R.T(predicate(x)) then return x end
    end
    return nil
  end,
  findall = function(list, pos, predicate)
    local out = R.newList("list")
    for i = 1, #list do
      local x = list[i]
      if x ~= NULL and R.T(predicate(x)) then out[#out + 1] = x end
    end
    return out
  end,
  exists = function(list, pos, predicate)
    for i = 1, #list do
      local x = list[i]
      if x ~= NULL and R.T(predicate(x)) then return true end
    end
    return false
  end,
  getrange = function(list, pos, index, count)
    local out = R.newList("list")
    local i, n = R.cast("int", index, pos), R.cast("int", count, pos)
    for k = i + 1, i + n do out[#out + 1] = list[k] end
    return out
  end,
  tostring = function() return "System.Collections.Generic.List`1[System.Object]" end,
}

local arrayListMethods = setmetatable({
  add = function(list, pos, x)
    list[#list + 1] = x == nil and NULL or x
    return #list - 1
  end,
  tostring = function() return "System.Collections.ArrayList" end,
}, {__index = listMethods})

local hashsetMethods = {
  add = function(list, pos, x)
    for i = 1, #list do if sameElement(list[i], x) then return false end end
    list[#list + 1] = x == nil and NULL or x
    return true
  end,
  remove = function(list, pos, x) return removeFirst(list, x) end,
  contains = arrayMethods.contains,
  clear = listMethods.clear,
  unionwith = function(list, pos, items)
    for _, x in R.each(items) do
      local seen = false
      for i = 1, #list do if sameElement(list[i], x) then seen = true break end end
      if not seen then list[#list + 1] = x end
    end
  end,
  intersectwith = function(list, pos, items)
    local keep = R.toarr(items)
    for i = #list, 1, -1 do
      local found = false
      for j = 1, #keep do if sameElement(keep[j], list[i]) then found = true break end end
      if not found then table.remove(list, i) end
    end
  end,
  toarray = listMethods.toarray,
}

local queueMethods = {
  enqueue = function(list, pos, x) list[#list + 1] = x == nil and NULL or x end,
  dequeue = function(list, pos)
    if #list == 0 then methodError(pos, "Dequeue", 0, "Queue empty.", "exception:invalidoperationexception") end
    local x = table.remove(list, 1)
    if x == NULL then return nil end
    return x
  end,
  peek = function(list, pos)
    if #list == 0 then methodError(pos, "Peek", 0, "Queue empty.", "exception:invalidoperationexception") end
    local x = list[1]
    if x == NULL then return nil end
    return x
  end,
  clear = listMethods.clear,
  contains = arrayMethods.contains,
  toarray = listMethods.toarray,
}

local collectionMethods = {list = listMethods, arraylist = arrayListMethods, hashset = hashsetMethods, queue = queueMethods}

local hashMethods = {
  containskey = function(h, pos, k) return R.hasKey(h, k) end,
  contains = function(h, pos, k) return R.hasKey(h, k) end,
  containsvalue = function(h, pos, v)
    for _, x in R.each(R.values(h)) do if R.equalScalar(x, v, false) then return true end end
    return false
  end,
  add = function(h, pos, k, v)
    if R.hasKey(h, k) then
      methodError(pos, "Add", 2, string.format("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'", str(k), str(k)), "exception:argumentexception")
    end
    R.hset(h, k, v)
  end,
  remove = function(h, pos, k) R.hremove(h, k) end,
  clear = function(h) for _, k in ipairs(R.keys(h)) do R.hremove(h, k) end end,
  clone = function(h) return R.hashCopy(h) end,
  getenumerator = function(h) return R.entries(h) end,
  tostring = function(h) return str(h) end,
  item = function(h, pos, k) return R.get(h, k) end,
}

local builderMethods = {
  append = function(b, pos, x)
    b.parts[#b.parts + 1] = str(x)
    return b
  end,
  appendline = function(b, pos, x)
    b.parts[#b.parts + 1] = (x ~= nil and str(x) or "") .. "\n"
    return b
  end,
  appendformat = function(b, pos, fmt, ...)
    b.parts[#b.parts + 1] = R.fmt(fmt, R.arr(...), pos)
    return b
  end,
  insert = function(b, pos, index, x)
    local text = table.concat(b.parts)
    local i = R.cast("int", index, pos)
    b.parts = {text:sub(1, i) .. str(x) .. text:sub(i + 1)}
    return b
  end,
  replace = function(b, pos, old, new)
    b.parts = {stringMethods.replace(table.concat(b.parts), pos, old, new)}
    return b
  end,
  clear = function(b)
    b.parts = {}
    return b
  end,
  tostring = function(b) return table.concat(b.parts) end,
}
R.BuilderMeta.__members_ps = {length = function(b) return #table.concat(b.parts) end}

local blockMethods = {
  invoke = function(fn, pos, ...)
    R.cs = true
    local ok, v = pcall(fn, nil, ...)
    R.cs = false
    if not ok then error(v, 0) end
    return R.toarr(v)
  end,
  invokereturnasis = function(fn, pos, ...)
    R.cs = true
    local ok, v = pcall(fn, nil, ...)
    R.cs = false
    if not ok then error(v, 0) end
    return v
  end,
  getnewclosure = function(fn) return fn end,
  tostring = function(fn) return R.blockText(fn) end,
}

local TypeInfo = P.type("TypeInfo", {"Name", "FullName", "BaseType"})
TypeInfo.__scalar = true
TypeInfo.__pstext = function(t) return t.FullName end
TypeInfo.__tostring = TypeInfo.__pstext
local function typeOf(v)
  return setmetatable({Name = R.typeName(v), FullName = R.fullTypeName(v)}, TypeInfo)
end
R.typeOf = typeOf

-- Methods every object has.
local common = {
  tostring = function(v, pos, fmt)
    local mt = type(v) == "table" and getmetatable(v)
    if fmt ~= nil and mt and mt.__format_ps then return mt.__format_ps(v, str(fmt), pos) end
    if R.isDecimal(v) and fmt ~= nil then return P.dotnet_number(R.decimalValue(v), str(fmt)) end
    return str(v)
  end,
  gettype = function(v) return typeOf(v) end,
  equals = function(v, pos, x) return R.equalScalar(v, x, true) end,
  gethashcode = function(v) return #str(v) end,
  compareto = function(v, pos, x) return R.compareScalar(v, x, false, pos) end,
}

local function methodsOf(obj)
  local t = type(obj)
  if t == "string" then return stringMethods end
  if t == "number" then return numberMethods end
  if t == "function" then return blockMethods end
  if t ~= "table" then return nil end
  local mt = getmetatable(obj)
  if mt == List then
    local kind = kinds[obj]
    return collectionMethods[kind] or arrayMethods
  end
  if R.isDictionary(obj) then return hashMethods end
  if mt == R.BuilderMeta then return builderMethods end
  return mt and mt.__methods_ps
end

-- $obj.Method(args): pos names the method for errors.
function R.call(obj, name, pos, ...)
  if type(name) ~= "string" then name = str(name) end
  if obj == nil or obj == NULL then
    R.fail(pos, "InvokeMethodOnNull", "You cannot call a method on a null-valued expression.", "InvalidOperation", "exception:runtimeexception")
  end
  local lname = lower(name)
  local methods = methodsOf(obj)
  local f = methods and methods[lname]
  if f then return f(obj, pos, ...) end
  if isList(obj) and kinds[obj] ~= nil then
    f = arrayMethods[lname]
    if f then return f(obj, pos, ...) end
  end
  f = common[lname]
  if f then return f(obj, pos, ...) end
  if type(obj) == "table" and not isList(obj) then
    local v = obj[name]
    if type(v) == "function" then return v(obj, ...) end
  end
  -- a method an array lacks is called on each element (member enumeration)
  if isList(obj) and #obj > 0 then
    local out = setmetatable({}, List)
    for i = 1, #obj do
      local x = obj[i]
      if x ~= NULL then R.unroll(function(y) out[#out + 1] = y end, R.call(x, name, pos, ...)) end
    end
    return out
  end
  R.fail(pos, "MethodNotFound",
    string.format("Method invocation failed because [%s] does not contain a method named '%s'.", R.fullTypeName(obj), name),
    "InvalidOperation", "exception:runtimeexception")
end

-- $obj?.Method(): $null when the object is $null.
function R.callq(obj, name, pos, ...)
  if obj == nil or obj == NULL then return nil end
  return R.call(obj, name, pos, ...)
end

-- The text of a script block, for "$block" and .ToString().
R.blockTexts = setmetatable({}, {__mode = "k"})
function R.blockText(fn) return R.blockTexts[fn] or "" end

---------------------------------------------------------------------------------------------------
-- [switch]

local Switch = P.type("SwitchParameter", {"IsPresent"})
Switch.__scalar = true
Switch.__psname = "SwitchParameter"
Switch.__pstext = function(s) return s.IsPresent and "True" or "False" end
Switch.__tostring = Switch.__pstext
Switch.__truth = function(s) return s.IsPresent end
Switch.__equal_ps = function(a, b) return a.IsPresent == R.T(b) end
Switch.__methods_ps = {tobool = function(s) return s.IsPresent end}
local present, absent = setmetatable({IsPresent = true}, Switch), setmetatable({IsPresent = false}, Switch)
function R.switch(on) return on and present or absent end
R.typeTests.switch = function(v) return getmetatable(v) == Switch end

return R
