--- Output directories and paths for scripts, without a shell where possible.
---
---   local fs = require "zprime.fs"
---   fs.mkdir_p(outdir)              -- create outdir and its parents (no shell); error if it cannot
---   fs.join(outdir, "fig1.png")     -- "outdir/fig1.png"
---   fs.shell_quote(s)               -- s as one POSIX shell word (for the few commands that need sh)
---   fs.shell_path(p)                -- quoted, and "./"-prefixed when p starts with '-', so that no
---                                   -- command (cd, gnuplot, ...) reads it as an option or `cd -`
local core = require "zprime.core"

local M = {}

--- Create directory dir and its missing parents (like `mkdir -p`, through mkdir(2), so quotes,
--- spaces, ';' or a leading '-' in the name are just characters).  Returns dir.
function M.mkdir_p(dir)
  if type(dir) ~= "string" or dir == "" then
    error("mkdir_p expects a directory name (a non-empty string), got " .. (dir == "" and "an empty string" or type(dir)), 2)
  end
  local ok, err = core.mkdir_p(dir)
  if not ok then error(err, 2) end
  return dir
end

--- dir .. "/" .. name, without doubling a trailing slash.
function M.join(dir, name)
  if dir:sub(-1) == "/" then return dir .. name end
  return dir .. "/" .. name
end

--- s as one POSIX shell word: single-quoted, embedded quotes as '\''.
function M.shell_quote(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

--- A path as a shell word that no command takes for an option or for `cd -`.
function M.shell_path(p)
  p = tostring(p)
  if p:sub(1, 1) == "-" then p = "./" .. p end
  return M.shell_quote(p)
end

return M
