--- Interrupts (Ctrl-C) reach Lua as errors: "interrupted!" from the REPL's hook, or
--- "<what>: interrupted" from a core loop that polled the stop request.  Code that turns errors
--- into data (a constraint row, a fallback value) must let them through, or Ctrl-C would be
--- recorded as one row's error and the work would go on.
local M = {}

--- True when the error object e is an interrupt.
function M.is(e)
  return type(e) == "string" and (e:find("interrupted!%s*$") ~= nil or e:find(": interrupted%s*$") ~= nil)
end

--- Raise e again (unchanged) when it is an interrupt; otherwise return it.
function M.reraise(e)
  if M.is(e) then error(e, 0) end
  return e
end

--- pcall that lets interrupts through: pcall(f, ...) for every other error.
function M.pcall(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] then M.reraise(r[2]) end
  return table.unpack(r, 1, r.n)
end

return M
