-- Paths and files for scripts: Join-Path, Split-Path, Resolve-Path, New-Item, Remove-Item, Get-ChildItem (files).
local P = __plush

local function fileError(s, id, category, path, message)
  s:error({Id = id, Category = category, Target = path, Message = message})
end

local function strings(v)
  if v == nil then return {} end
  if P.issequence(v) then
    local out = {}
    for i = 1, #v do out[i] = P.str(v[i]) end
    return out
  end
  return {P.str(v)}
end

local function join(a, b)
  if b:sub(1, 1) == "/" then b = b:sub(2) end
  if a == "" then return b end
  if a:sub(-1) == "/" then return a .. b end
  return a .. "/" .. b
end

P.register {
  name = "Join-Path",
  synopsis = "Join a path and child paths into one path.",
  description = "Joins -Path and -ChildPath (and any -AdditionalChildPath) with one / between each, as PowerShell does on Linux. The path need not exist.",
  parameters = {
    {name = "Path", type = "string", list = true, position = 1, mandatory = true, pipeline = "both", complete = "path", pathText = true, help = "The parent path (several give one result each)."},
    {name = "ChildPath", type = "string", position = 2, mandatory = true, help = "The path to add."},
    {name = "AdditionalChildPath", type = "string", list = true, position = 3, remaining = true, help = "More parts to add, in order."},
  },
  examples = {{code = "Join-Path reports licenses.csv", text = "reports/licenses.csv"},
              {code = "Join-Path $PSScriptRoot 'out' 'today.csv'", text = "A file beside the script, in out/."}},
  process = function(s)
    for _, base in ipairs(strings(s.args.Path)) do
      local out = join(base, s.args.ChildPath)
      for _, more in ipairs(strings(s.args.AdditionalChildPath)) do out = join(out, more) end
      if not s.emit(out) then return end
    end
  end,
}

local function parent(path)
  local trimmed = path:gsub("(.)/+$", "%1")
  local dir = trimmed:match("^(.*)/[^/]*$")
  if dir == nil then return "" end
  if dir == "" then return "/" end
  return dir
end

local function leaf(path)
  local trimmed = path:gsub("(.)/+$", "%1")
  return trimmed:match("([^/]*)$")
end

P.register {
  name = "Split-Path",
  synopsis = "The parent folder, the file name or another part of a path.",
  description = "By default the parent (-Parent); -Leaf gives the last part, -LeafBase the last part without its extension, -Extension the extension, -IsAbsolute whether the path starts at /. The path need not exist.",
  parameters = {
    {name = "Path", type = "string", list = true, position = 1, mandatory = true, pipeline = "both", complete = "path", pathText = true},
    {name = "Parent", type = "switch", sets = {"Parent"}, help = "The folder the path is in (the default)."},
    {name = "Leaf", type = "switch", sets = {"Leaf"}, help = "The last part: the file name."},
    {name = "LeafBase", type = "switch", sets = {"LeafBase"}, help = "The file name without its extension."},
    {name = "Extension", type = "switch", sets = {"Extension"}, help = "The extension, with its dot."},
    {name = "IsAbsolute", type = "switch", sets = {"IsAbsolute"}, help = "True when the path starts at /."},
    {name = "Qualifier", type = "switch", sets = {"Qualifier"}, help = "The drive (Windows only): refused on Linux."},
  },
  defaultSet = "Parent",
  examples = {{code = "Split-Path /data/reports/licenses.csv -Leaf", text = "licenses.csv"},
              {code = "Split-Path $PSCommandPath -Parent", text = "The script's folder."}},
  process = function(s)
    local a = s.args
    for _, path in ipairs(strings(a.Path)) do
      local out
      if a.Leaf then out = leaf(path)
      elseif a.LeafBase then out = (leaf(path):gsub("%.[^.]*$", ""))
      elseif a.Extension then out = leaf(path):match("(%.[^.]*)$") or ""
      elseif a.IsAbsolute then out = path:sub(1, 1) == "/"
      elseif a.Qualifier then
        fileError(s, "DriveNotFound", "InvalidArgument", path, "Cannot parse the path '" .. path .. "': there are no drives on Linux.")
        return
      else out = parent(path) end
      if not s.emit(out) then return end
    end
  end,
}

P.type("PathInfo", {"Path"})
P.views.PathInfo = {"Path"}
P.displayKeys.PathInfo = "Path"

P.register {
  name = "Resolve-Path", aliases = {"rvpa"},
  synopsis = "The absolute path of a file or folder that exists.",
  description = "Gives a PathInfo (its Path) for each path that exists; a missing one is an error (ItemNotFound). -Relative gives the path relative to the current folder.",
  parameters = {
    {name = "Path", type = "string", list = true, position = 1, mandatory = true, pipeline = "both", complete = "path"},
    {name = "Relative", type = "switch", help = "Relative to the current folder."},
  },
  examples = {{code = "Resolve-Path ./users.csv", text = "The full path of users.csv."}},
  process = function(s)
    for _, path in ipairs(strings(s.args.Path)) do
      if not P.fs_stat(path) then
        fileError(s, "PathNotFound", "ObjectNotFound", path, "Cannot find path '" .. path .. "' because it does not exist.")
      else
        local full = P.fs_absolute(path)
        if s.args.Relative then
          local here = P.fs_absolute(".")
          local rel = full:sub(1, #here + 1) == here .. "/" and ("./" .. full:sub(#here + 2)) or full
          if not s.emit(rel) then return end
        elseif not s.emit(P.object("PathInfo", {Path = full})) then
          return
        end
      end
    end
  end,
}

P.type("FileInfo", {"Name", "FullName", "Length", "LastWriteTime", "Extension", "BaseName", "DirectoryName", "Mode"})
P.views.FileInfo = {"Mode", "LastWriteTime", "Length", "Name"}
P.displayKeys.FileInfo = "FullName"

local function fileInfo(path, st)
  local full = P.fs_absolute(path)
  local name = leaf(full)
  return P.object("FileInfo", {Name = name, FullName = full, Length = st.size,
    LastWriteTime = st.mtime and P.date and P.date(st.mtime) or nil, Extension = name:match("(%.[^.]*)$") or "",
    BaseName = (name:gsub("%.[^.]*$", "")), DirectoryName = parent(full), Mode = st.type == "directory" and "d----" or "-a---"})
end

P.register {
  name = "New-Item", aliases = {"ni"},
  synopsis = "Create a file (or a folder).",
  description = "-ItemType File (the default) creates a file, with -Value as its text; an existing file is an error unless -Force, which replaces it. -ItemType Directory creates a folder and its parents. Passes on the new item.",
  changesState = false,
  parameters = {
    {name = "Path", type = "string", list = true, position = 1, mandatory = true, pipeline = "property", complete = "path"},
    {name = "ItemType", aliases = {"Type"}, type = "string", values = {"File", "Directory"}, help = "File or Directory."},
    {name = "Value", type = "object", pipeline = "value", help = "The new file's text."},
    {name = "Force", type = "switch", help = "Replace an existing file; accept an existing folder."},
    {name = "Name", type = "string", help = "The name, joined to -Path."},
  },
  examples = {{code = "New-Item -ItemType Directory -Path reports", text = "A reports folder."},
              {code = "New-Item -Path run.log -Value 'started' -Force", text = "A file with one line."}},
  process = function(s)
    local a = s.args
    for _, base in ipairs(strings(a.Path)) do
      local path = a.Name and join(base, a.Name) or base
      local existing = P.fs_stat(path)
      if (a.ItemType or "File") == "Directory" then
        if existing and not a.Force then
          fileError(s, "DirectoryExist", "ResourceExists", path, "An item with the specified name " .. path .. " already exists.")
        else
          local ok, why = P.fs_mkdir(path)
          if not ok then fileError(s, "CreateDirectoryIOError", "WriteError", path, "Cannot create folder " .. path .. ": " .. tostring(why))
          elseif not s.emit(fileInfo(path, P.fs_stat(path))) then return end
        end
      elseif existing and not a.Force then
        fileError(s, "NewItemIOError", "WriteError", path, "The file '" .. path .. "' already exists (use -Force to replace it).")
      else
        local f, why = io.open(path, "wb")
        if not f then
          fileError(s, "NewItemIOError", "WriteError", path, "Cannot create " .. path .. ": " .. tostring(why))
        else
          if a.Value ~= nil then f:write(P.str(a.Value)) end
          f:close()
          if not s.emit(fileInfo(path, P.fs_stat(path))) then return end
        end
      end
    end
  end,
}

P.register {
  name = "Remove-Item", aliases = {"ri", "rm", "del"},
  synopsis = "Delete files (or folders with -Recurse).",
  description = "Deletes each file named. A folder needs -Recurse (it goes with what is in it). A path that does not exist is an error (PathNotFound).",
  parameters = {
    {name = "Path", type = "string", list = true, position = 1, mandatory = true, pipeline = "property", aliases = {"FullName"}, complete = "path"},
    {name = "Recurse", type = "switch", help = "Also folders, with everything in them."},
    {name = "Force", type = "switch", help = "Accepted for PowerShell scripts."},
  },
  examples = {{code = "Remove-Item old-report.csv", text = "Deletes the file."}},
  process = function(s)
    for _, path in ipairs(strings(s.args.Path)) do
      local st = P.fs_stat(path)
      if not st then
        fileError(s, "PathNotFound", "ObjectNotFound", path, "Cannot find path '" .. path .. "' because it does not exist.")
      elseif st.type == "directory" and not s.args.Recurse then
        fileError(s, "DirectoryNotEmpty", "WriteError", path, "The item at " .. path .. " is a folder: add -Recurse to delete it with what is in it.")
      else
        local ok, why = P.fs_remove(path, st.type == "directory")
        if not ok then fileError(s, "RemoveItemIOError", "WriteError", path, "Cannot remove " .. path .. ": " .. tostring(why)) end
      end
    end
  end,
}

local function walk(s, dir, filter, recurse)
  local names, why = P.fs_list(dir)
  if not names then
    fileError(s, "DirUnauthorizedAccessError", "PermissionDenied", dir, "Cannot read the folder " .. dir .. ": " .. tostring(why))
    return true
  end
  for _, name in ipairs(names) do
    local path = dir == "." and name or join(dir, name)
    local st = P.fs_stat(path)
    if st and st.type == "file" and (not filter or P.like(name, filter)) then
      if not s.emit(fileInfo(path, st)) then return false end
    elseif st and st.type == "directory" and recurse then
      if not walk(s, path, filter, recurse) then return false end
    end
  end
  return true
end

P.register {
  name = "Get-ChildItem", aliases = {"gci", "ls", "dir"},
  synopsis = "The files in a folder.",
  description = "Lists the files (not folders) in -Path (default the current folder), as FileInfo objects: Name, FullName, Length, LastWriteTime, Extension, BaseName. -Filter keeps names matching a wildcard; -Recurse looks in folders below too.",
  parameters = {
    {name = "Path", type = "string", list = true, position = 1, pipeline = "both", complete = "path"},
    {name = "Filter", type = "string", position = 2, help = "A wildcard for the names, e.g. *.csv."},
    {name = "Recurse", type = "switch", help = "Also the folders below."},
    {name = "File", type = "switch", help = "Files only (what Get-ChildItem lists anyway)."},
  },
  examples = {{code = "Get-ChildItem -Filter *.csv", text = "The CSV files here."},
              {code = "Get-ChildItem reports -Recurse | Measure-Object Length -Sum", text = "How big the reports are."}},
  process = function(s)
    local paths = s.args.Path and strings(s.args.Path) or {"."}
    for _, path in ipairs(paths) do
      local st = P.fs_stat(path)
      if not st then
        fileError(s, "PathNotFound", "ObjectNotFound", path, "Cannot find path '" .. path .. "' because it does not exist.")
      elseif st.type == "file" then
        if not s.emit(fileInfo(path, st)) then return end
      elseif not walk(s, path, s.args.Filter, s.args.Recurse) then
        return
      end
    end
  end,
}
