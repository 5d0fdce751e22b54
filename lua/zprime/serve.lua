--- `zprime --serve`: the interpreter behind the Jupyter kernel (src/jupyter/zprime_kernel.py).
---
--- Protocol (docs/notebook.md): requests arrive on standard input, replies leave on the file
--- descriptor named by $ZPRIME_SERVE_FD (standard output when unset); standard output and error
--- stay plain streams, so `print`, scripts and C code reach the notebook as they happen.  Every
--- message is one frame: the byte length of a JSON object in decimal, a newline, the object.
---   request  { id, op = "execute", code }      replies: display*, progress*, result?, error?, done
---   request  { id, op = "complete", code, cursor } reply: { type = "complete", matches, start, stop }
---   request  { id, op = "inspect", code, cursor }  reply: { type = "inspect", found, text }
--- Each reply carries the request's id.  Cursor positions count characters from 0.
local cjson = require "cjson"

local M = {}

local MAX_ROWS, MAX_REQUEST = 20, 64 * 1024 * 1024

local function esc(s)
  return (tostring(s):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }))
end

local function fmt(v)
  if type(v) == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.6g", v)
  end
  if v == nil then return "" end
  return tostring(v)
end

--- An HTML table from a header and rows of cells (already strings).
local function html_table(head, rows, note)
  local out = { '<table class="zprime">', "<thead><tr>" }
  for _, h in ipairs(head) do out[#out + 1] = "<th>" .. esc(h) .. "</th>" end
  out[#out + 1] = "</tr></thead><tbody>"
  for _, r in ipairs(rows) do
    out[#out + 1] = "<tr>"
    for j = 1, #head do out[#out + 1] = "<td>" .. esc(r[j] or "") .. "</td>" end
    out[#out + 1] = "</tr>"
  end
  out[#out + 1] = "</tbody></table>"
  if note then out[#out + 1] = "<p><small>" .. esc(note) .. "</small></p>" end
  return table.concat(out)
end

--- Rich forms of a value: { ["text/plain"] = ..., ["text/html"] = ... }.
function M.represent(zp, v)
  local data = {}
  local repl = package.loaded["zprime.repl"] or require "zprime.repl"
  local ok, text = pcall(function()
    if repl.format then return repl.format(v) end
    return tostring(v)
  end)
  data["text/plain"] = ok and text or tostring(v)
  if type(v) ~= "table" then return data end
  local mt = getmetatable(v)
  if type(mt) == "table" and mt.__html then -- a value that gives its own HTML (check results, constraint lists: zprime.check_view)
    local okh, h = pcall(mt.__html, v)
    if okh and type(h) == "string" then data["text/html"] = h; return data end
  end
  if type(v.columns) == "table" and type(v.columns[1]) == "string" and type(v[v.columns[1]]) == "table" then
    -- a scan result or a table read by zp.read_csv / zp.read_json
    local head, rows, units = {}, {}, v.units or {}
    for j, c in ipairs(v.columns) do
      head[j] = units[c] and units[c] ~= "1" and (c .. " [" .. units[c] .. "]") or c
    end
    local n = v.n or #v[v.columns[1]]
    for i = 1, math.min(n, MAX_ROWS) do
      local r = {}
      for j, c in ipairs(v.columns) do r[j] = fmt(v[c][i]) end
      rows[i] = r
    end
    data["text/html"] = html_table(head, rows, n > MAX_ROWS and string.format("%d rows; the first %d shown", n, MAX_ROWS)
      or string.format("%d rows", n))
  elseif type(v[1]) == "table" and v[1].name and v[1].unit and (v[1].kind == "parameter" or v[1].kind == "observable") then
    -- a registry listing (zp.params(), zp.observables())
    local rows = {}
    for i, r in ipairs(v) do rows[i] = { r.name, r.unit, r.kind == "parameter" and fmt(r.default) or "", r.doc, r.ref } end
    data["text/html"] = html_table({ "name", "unit", "default", "doc", "reference" }, rows)
  end
  return data
end

--- Split "message\ntraceback" (see serve.c) into the message and the traceback.
local function split_error(e)
  e = tostring(e)
  local msg, tb = e:match("^(.-)\n(stack traceback:.*)$")
  return msg or e, tb
end

--- The word to complete before the cursor and its start (0-based), as readline would split it.
local BREAK = " \t\n\"\\'`@$><=;|&{(,+-*/%^~[]#"
local function word_before(code, cursor)
  local before = code:sub(1, cursor)
  local i = #before
  while i > 0 and not BREAK:find(before:sub(i, i), 1, true) do i = i - 1 end
  return before:sub(1, i), before:sub(i + 1), i
end

--- The name under the cursor for inspection: a dotted path or a registry name in quotes.
local function name_at(code, cursor)
  local s, e = 1, nil
  for a, b in code:gmatch("()[%w_%.:]+()") do
    if a - 1 <= cursor and cursor <= b - 1 then s, e = a, b - 1 break end
  end
  if not e then return nil end
  return code:sub(s, e)
end

function M.main(pcall_i)
  local zp = rawget(_G, "zp") or require "zprime"
  local repl = require "zprime.repl"
  local fd = os.getenv("ZPRIME_SERVE_FD")
  local out = fd and assert(io.open("/dev/fd/" .. fd, "w")) or io.stdout
  io.stdout:setvbuf("no")
  io.stderr:setvbuf("no")
  local current -- id of the request being served
  local function send(t)
    t.id = current
    local s = cjson.encode(t)
    out:write(#s, "\n", s)
    out:flush()
  end

  -- figures appear inline: every zp.plot shows its PNG as it is drawn
  local shown = setmetatable({}, { __mode = "k" })
  local plot = zp.plot
  zp.plot = function(...)
    local r = plot(...)
    if type(r) == "table" and r.png then
      shown[r] = true
      send{ type = "display", files = { ["image/png"] = r.png }, data = { ["text/plain"] = tostring(r) } }
    end
    return r
  end
  -- scans report progress as notebook progress bars
  rawset(_G, "__zprime_progress", function(done, total, rate, eta, final)
    send{ type = "progress", done = done, total = total, rate = rate, eta = eta, final = final or false }
  end)

  local function execute(code)
    local f, err = load("return " .. code, "=cell", "t")
    if not f then f, err = load(code, "=cell", "t") end
    if not f then
      send{ type = "error", ename = "syntax error", evalue = tostring(err), traceback = { tostring(err) } }
      return
    end
    local res = table.pack(pcall_i(f))
    io.stdout:flush()
    io.stderr:flush()
    if not res[1] then
      local msg, tb = split_error(res[2])
      msg = repl.explain and repl.explain(msg) or msg -- the prompt's message: no position, a suggestion
      local debug_on = zp.debug_enabled and zp.debug_enabled() or false
      send{ type = "error", ename = msg:find("^interrupted!") and "interrupted" or "error", evalue = msg,
            traceback = debug_on and tb and { msg, tb } or { msg } }
      return
    end
    local vals = {}
    for i = 2, res.n do
      local v = res[i]
      local mt = getmetatable(v)
      if not (type(v) == "table" and shown[v]) and not (res.n == 2 and v == nil) then
        vals[#vals + 1] = v
        if type(mt) == "table" and mt.__zp_printed and res.n == 2 and not (type(v[1]) == "table" and v[1].pass ~= nil) then
          vals[#vals] = nil -- already printed by the function that returned it
        end
      end
    end
    if #vals == 1 then
      send{ type = "result", data = M.represent(zp, vals[1]) }
    elseif #vals > 1 then
      local parts = {}
      for i, v in ipairs(vals) do parts[i] = M.represent(zp, v)["text/plain"] end
      send{ type = "result", data = { ["text/plain"] = table.concat(parts, "\t") } }
    end
  end

  while true do
    local line = io.stdin:read("l")
    if not line then break end
    local len = tonumber(line)
    if not len or len < 0 or len > MAX_REQUEST then
      current = nil
      send{ type = "error", ename = "protocol", evalue = "expected a frame length, got '" .. line:sub(1, 40) .. "'",
            traceback = {} }
      send{ type = "done" }
    else
      local body = io.stdin:read(len) or ""
      local ok, req = pcall(cjson.decode, body)
      current = ok and type(req) == "table" and req.id or nil
      if not ok or type(req) ~= "table" then
        send{ type = "error", ename = "protocol", evalue = "a request must be a JSON object", traceback = {} }
      elseif req.op == "execute" then
        execute(tostring(req.code or ""))
      elseif req.op == "complete" then
        local code = tostring(req.code or "")
        local cursor = math.tointeger(req.cursor) or #code
        local before, word, start = word_before(code, cursor)
        local okc, matches = pcall(repl.complete, before, word)
        send{ type = "complete", matches = okc and matches or {}, start = start, stop = cursor }
      elseif req.op == "inspect" then
        local code = tostring(req.code or "")
        local name = name_at(code, math.tointeger(req.cursor) or #code)
        local text
        if name then
          local okh, t = pcall(zp.help_text, name)
          if not okh or not t then
            local short = name:match("[%.:]([%w_]+)$")
            if short then okh, t = pcall(zp.help_text, short) end
            if not okh or not t then okh, t = pcall(zp.help_text, "zp." .. (short or name)) end
          end
          text = okh and t or nil
        end
        send{ type = "inspect", found = text ~= nil, text = text or "" }
      else
        send{ type = "error", ename = "protocol", evalue = "unknown op '" .. tostring(req.op) .. "'", traceback = {} }
      end
      send{ type = "done" }
    end
  end
end

--- zprime --install-kernel [--user] [--prefix DIR]: write the kernelspec "zprime".
function M.install_kernel(arg)
  local user, prefix = false, nil
  local i = 1
  while arg[i] do
    local a = arg[i]
    if a == "--user" then user = true
    elseif a == "--prefix" and arg[i + 1] then prefix = arg[i + 1]; i = i + 1
    elseif a == "-h" or a == "--help" then
      print("usage: zprime --install-kernel [--user] [--prefix DIR]\n" ..
        "  registers the Jupyter kernel \"zprime\" (needs Debian's jupyter-notebook, python3-ipykernel):\n" ..
        "  --user into ~/.local/share/jupyter/kernels, --prefix DIR into DIR/share/jupyter/kernels,\n" ..
        "  else into /usr/local/share/jupyter/kernels")
      return
    else
      error("zprime --install-kernel: unknown argument '" .. tostring(a) .. "' (expected --user or --prefix DIR)", 0)
    end
    i = i + 1
  end
  local h0 = io.popen("readlink -f /proc/" .. math.tointeger(require("zprime.core").getpid()) .. "/exe")
  local exe = h0 and h0:read("l")
  if h0 then h0:close() end
  if not exe then error("zprime --install-kernel: cannot find the zprime executable (/proc/self/exe)", 0) end
  -- the kernel script: beside the Lua library (source tree: src/jupyter; installed: share/zprime/jupyter)
  local init = package.searchpath("zprime", package.path)
  local luadir = init and init:match("^(.*)/zprime/init%.lua$")
  local candidates = luadir and { luadir .. "/../src/jupyter/zprime_kernel.py", luadir .. "/../jupyter/zprime_kernel.py" } or {}
  local script
  for _, c in ipairs(candidates) do
    local f = io.open(c)
    if f then f:close(); script = c; break end
  end
  if not script then error("zprime --install-kernel: zprime_kernel.py not found beside the Lua library (" ..
    table.concat(candidates, ", ") .. ")", 0) end
  local h = io.popen("readlink -f '" .. script:gsub("'", "'\\''") .. "'")
  script = h:read("l") or script
  h:close()
  local base = prefix and (prefix .. "/share/jupyter/kernels")
    or user and ((os.getenv("HOME") or ".") .. "/.local/share/jupyter/kernels")
    or "/usr/local/share/jupyter/kernels"
  local dir = base .. "/zprime"
  local ok, err = pcall(require("zprime.fs").mkdir_p, dir)
  if not ok then error("zprime --install-kernel: cannot create " .. dir .. ": " .. tostring(err), 0) end
  local spec = {
    argv = { "/usr/bin/python3", "-Xfrozen_modules=off", script, "-f", "{connection_file}" },
    display_name = "zprime",
    language = "lua",
    interrupt_mode = "signal",
    env = { ZPRIME_BIN = exe, PYDEVD_DISABLE_FILE_VALIDATION = "1" },
    metadata = { codemirror_mode = "lua" },
  }
  local f = assert(io.open(dir .. "/kernel.json", "w"))
  f:write(cjson.encode(spec), "\n")
  f:close()
  print("installed the Jupyter kernel 'zprime' in " .. dir .. " (zprime: " .. exe .. ")")
end

return M
