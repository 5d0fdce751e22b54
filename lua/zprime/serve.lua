--- The Lua half of `zprime --serve` (the Jupyter kernel's interpreter, docs/notebook.md).
--- src/repl/serve.c reads each request and calls M.handle(kind, payload); the replies are frames
--- "KIND LENGTH\n" + LENGTH bytes written to the descriptor $ZPRIME_SERVE_FD:
---   text     the results of a cell, as the prompt prints them
---   html     the same, for tables (check results, listings): a <pre> block
---   png      the path of a PNG that zp.plot wrote during the cell (shown inline)
---   error    an error, as the prompt shows it (message and suggestion; traceback with zp.debug)
---   complete completion candidates, one a line, then a line "@START" (replace from START)
---   inspect  the zp.help text of a name (empty when there is none)
---   done     the request is finished
local M = {}

local out

local function emit(kind, payload)
  payload = payload or ""
  if out == nil then
    local fd = os.getenv("ZPRIME_SERVE_FD")
    out = fd and fd:match("^%d+$") and io.open("/dev/fd/" .. fd, "wb")
    if not out then error("zprime --serve: ZPRIME_SERVE_FD must name an open descriptor for the replies", 0) end
    out:setvbuf("no")
  end
  out:write(kind, " ", #payload, "\n", payload)
  out:flush()
end
M.emit = emit

local plot_wrapped = false

--- zp.plot during a cell also shows its PNG inline.
local function wrap_plot(zp)
  if plot_wrapped then return end
  plot_wrapped = true
  local plot = zp.plot
  zp.plot = function(...)
    local r = plot(...)
    if type(r) == "table" and type(r.png) == "string" then emit("png", r.png) end
    return r
  end
end

local function html_escape(s)
  return (s:gsub("[&<>]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;" }))
end

local function exec(code)
  local zp = require "zprime"
  local repl, pretty = require "zprime.repl", require "zprime.pretty"
  wrap_plot(zp)
  -- like the prompt, an expression prints its value; in a cell of several lines, the last line
  -- if it is an expression (as in IPython)
  local f, err = load("return " .. code .. ";", "=cell", "t")
  if not f then
    local head, last = code:match("^(.*\n)([^\n]+)\n*$")
    if head and not last:match("^%s*%-%-") then f = load(head .. "return " .. last .. ";", "=cell", "t") end
  end
  if not f then f, err = load(code, "=cell", "t") end
  if not f then emit("error", repl.format_error(err)) return end
  local function handler(m)
    if zp.debug() then return debug.traceback(tostring(m), 2) end
    return m
  end
  local res = table.pack(xpcall(f, handler))
  io.stdout:flush()
  if not res[1] then emit("error", repl.format_error(res[2])) return end
  local parts, tabular = {}, false
  for i = 2, res.n do
    local v = res[i]
    if not (type(v) == "table" and zp.printed_now[v]) then
      local s = pretty.show(v)
      parts[#parts + 1] = s
      if s:find("\n%-%-%-%-") then tabular = true end -- an aligned table with a rule under its header
    end
  end
  zp.printed_now = setmetatable({}, { __mode = "k" })
  if #parts > 0 then
    local text = table.concat(parts, "\t")
    emit("text", text)
    if tabular then emit("html", "<pre>" .. html_escape(text) .. "</pre>") end
  end
end

local function complete(before)
  local word = before:match("[%w_%.:]*$")
  local list = require("zprime.repl").complete(before:sub(1, #before - #word), word)
  list[#list + 1] = "@" .. (#before - #word)
  emit("complete", table.concat(list, "\n"))
end

local function inspect(name)
  local zp = require "zprime"
  local ok, text = pcall(zp.help_text, name)
  emit("inspect", ok and text or "")
end

--- One request; always ends with a "done" frame.
function M.handle(kind, payload)
  if kind == "exec" then exec(payload)
  elseif kind == "complete" then complete(payload)
  elseif kind == "inspect" then inspect(payload)
  else emit("error", "error: unknown request '" .. tostring(kind) .. "' (exec, complete or inspect)") end
  emit("done")
end

--- A request that failed outside its own protection (an interrupt between two steps).
function M.fail(msg)
  emit("error", require("zprime.repl").format_error(msg))
  emit("done")
end

return M
