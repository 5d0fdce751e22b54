-- The docs test: every fenced ```sh and ```lua block of README.md, examples/README.md and
-- docs/*.md runs, each in a fresh temporary folder (a copy of the source tree's folders, data/
-- and the build linked as data/ and build/, so `build/zprime examples/...` works as written and
-- whatever a block writes lands in the temporary folder).  ```sh blocks run under `bash -e`; ```lua blocks run as one chunk in zprime,
-- where a line that is a bare expression (`m.C9_bsmumu`, as typed at the prompt) is printed.
--
-- A block that cannot run here is marked in the markdown, on the line just before its fence:
--   <!-- docs-test: skip: the reason -->
-- docs/cluster.md (Slurm/HTCondor recipes) is tested by tests/cluster/ and skipped here.
--
--   zprime tests/scripts/docs_blocks.lua SOURCE_DIR BUILD_DIR WORK_DIR
local fs = require "zprime.fs"
local src, build, work = arg[1], arg[2], arg[3]
if not (src and build and work) then
  io.stderr:write("usage: zprime tests/scripts/docs_blocks.lua SOURCE_DIR BUILD_DIR WORK_DIR\n")
  os.exit(2)
end
local SKIP_FILES = { ["docs/cluster.md"] = "tested by tests/cluster/", ["docs/reference.md"] = "generated, checked by docs_reference_fresh" }
-- copied, so a block that writes (e.g. regenerates a file) never touches the tree; data/ (read
-- only, 14 MB) and the build are linked
local COPY = { "scripts", "examples", "lua", "docs", "src", "tests", "README.md", "CMakeLists.txt" }
local LINK = { "data" }
local q = fs.shell_quote

--- Blocks of one markdown file: { lang, code, line, skip = reason or nil }.
local function blocks_of(path)
  local out, cur, prev = {}, nil, ""
  local n = 0
  for line in io.lines(path) do
    n = n + 1
    if cur then
      if line:match("^```%s*$") then out[#out + 1] = cur; cur = nil
      else cur.code[#cur.code + 1] = line end
    else
      local lang = line:match("^```(%w+)%s*$")
      if lang == "sh" or lang == "bash" or lang == "lua" then
        cur = { lang = lang == "lua" and "lua" or "sh", code = {}, line = n,
                skip = prev:match("^<!%-%- docs%-test: skip:%s*(.-)%s*%-%->$") }
      elseif line:match("^```") then
        cur = { lang = "other", code = {}, line = n }
      end
    end
    if line:find("%S") then prev = line end
  end
  local runnable = {}
  for _, b in ipairs(out) do if b.lang ~= "other" then runnable[#runnable + 1] = b end end
  return runnable
end

--- A lua block as one chunk: statements kept, bare expressions printed, locals carried along.
local function lua_chunk(lines)
  local out, buf = {}, {}
  for _, line in ipairs(lines) do
    buf[#buf + 1] = line
    local text = table.concat(buf, "\n")
    if load(text, "=block") then
      out[#out + 1] = text; buf = {}
    elseif load("return " .. text, "=block") then
      out[#out + 1] = "print(" .. text:gsub("%s*%-%-[^\n]*$", "") .. ")"; buf = {}
    end
  end
  if #buf > 0 then return nil, "does not parse as Lua: " .. table.concat(buf, "\n") end
  return table.concat(out, "\n") .. "\n"
end

local function run(dir, b)
  fs.mkdir_p(dir)
  for _, l in ipairs(COPY) do os.execute("cp -RL " .. q(src .. "/" .. l) .. " " .. q(dir .. "/" .. l)) end
  for _, l in ipairs(LINK) do os.execute("ln -s " .. q(src .. "/" .. l) .. " " .. q(dir .. "/" .. l)) end
  os.execute("ln -s " .. q(build) .. " " .. q(dir .. "/build"))
  local file, cmd
  if b.lang == "sh" then
    local all = table.concat(b.code, "\n")
    for _, w in ipairs({ "scripts/setup.sh", "scripts/test.sh", "cmake ", "ctest" }) do
      if all:find(w, 1, true) then
        return false, "runs '" .. w .. "', which would rebuild or test the build this test uses: " ..
          "mark the block with <!-- docs-test: skip: reason --> and cover it elsewhere"
      end
    end
    file = dir .. "/block.sh"
    cmd = "bash -e block.sh"
  else
    local chunk, err = lua_chunk(b.code)
    if not chunk then return false, err end
    file = dir .. "/block.lua"
    b.code = { chunk }
    cmd = q(build .. "/zprime") .. " block.lua"
  end
  local f = assert(io.open(file, "w"))
  f:write(table.concat(b.code, "\n"), "\n")
  f:close()
  local p = io.popen("cd " .. q(dir) .. " && PATH=" .. q(build) .. ":\"$PATH\" " .. cmd .. " 2>&1; echo \"__rc=$?\"")
  local out = p:read("a")
  p:close()
  local rc = tonumber(out:match("__rc=(%d+)%s*$"))
  return rc == 0, out:gsub("__rc=%d+%s*$", "")
end

local files = { "README.md", "examples/README.md" }
local p = io.popen("cd " .. q(src) .. " && ls docs/*.md")
for l in p:lines() do files[#files + 1] = l end
p:close()

os.execute("rm -rf " .. q(work))
local nrun, nskip, nfail = 0, 0, 0
for _, rel in ipairs(files) do
  if SKIP_FILES[rel] then
    print(string.format("skip %-28s (%s)", rel, SKIP_FILES[rel]))
  else
    for i, b in ipairs(blocks_of(src .. "/" .. rel)) do
      local where = string.format("%s:%d (```%s)", rel, b.line, b.lang)
      if b.skip then
        nskip = nskip + 1
        print("skip " .. where .. ": " .. b.skip)
      else
        local ok, out = run(work .. "/" .. rel:gsub("[/.]", "_") .. "_" .. i, b)
        nrun = nrun + 1
        if ok then print("ok   " .. where)
        else
          nfail = nfail + 1
          print("FAIL " .. where .. "\n" .. out:gsub("[^\n]+", "     | %0"))
        end
      end
    end
  end
end
print(string.format("%d blocks run, %d skipped (marked), %d failed", nrun, nskip, nfail))
if nfail == 0 then os.execute("rm -rf " .. q(work)) end
os.exit(nfail == 0 and 0 or 1)
