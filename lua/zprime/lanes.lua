--- Run independent programs in parallel lanes, each with its own log, without a shell.
---
---   local lanes = require "zprime.lanes"
---   local res = lanes.run({ { argv = { "zprime", "a.lua", "out" }, log = "out/logs/a.txt" }, ... },
---                         { jobs = 2, unset = { "ZPRIME_JOBS" }, on_start = fn(i, step), on_done = fn(i, r) })
---   -- res[i] = { code = exit status (0 ok; 127 when it could not start), seconds = wall time,
---   --            error = message when it could not start }, in the order of the steps
---
--- opts.meanwhile(poll), when given, runs in this process while the lanes work (call poll() now
--- and then to refill freed lanes); run returns res, ok, err with its pcall status.
---
--- At most `jobs` programs run at once; a freed lane takes the next step in list order, so put the
--- longest steps first.  Results come back in the order of the list whatever the finishing order.
local core = require "zprime.core"

local M = {}

local POLL_S = 0.01

function M.run(steps, opts)
  opts = opts or {}
  local jobs = opts.jobs or 1
  if math.type(jobs) ~= "integer" or jobs < 1 then
    error("lanes.run: jobs must be a whole number >= 1, got " .. tostring(jobs), 2)
  end
  local res, running, nrun, nexts = {}, {}, 0, 1
  local function start(i)
    local s = steps[i]
    if opts.on_start then opts.on_start(i, s) end
    local t0 = core.now()
    local pid, err = core.spawn(s.argv, s.log, opts.unset)
    if not pid then
      res[i] = { code = 127, seconds = 0, error = err }
      if s.log then
        local f = io.open(s.log, "w")
        if f then f:write(err, "\n"); f:close() end
      end
      if opts.on_done then opts.on_done(i, res[i]) end
      return
    end
    running[pid] = { i = i, t0 = t0 }
    nrun = nrun + 1
  end
  -- reap finished programs and start the next steps in the freed lanes; true when one finished
  local function poll()
    local finished = false
    for pid, r in pairs(running) do
      local code = core.wait(pid, true)
      if code then
        res[r.i] = { code = code, seconds = core.now() - r.t0 }
        running[pid], nrun, finished = nil, nrun - 1, true
        if opts.on_done then opts.on_done(r.i, res[r.i]) end
      end
    end
    while nrun < jobs and nexts <= #steps do
      start(nexts)
      nexts = nexts + 1
    end
    return finished
  end
  poll()
  local ok, err = true, nil
  if opts.meanwhile then ok, err = pcall(opts.meanwhile, poll) end
  while nexts <= #steps or nrun > 0 do
    if not poll() and nrun > 0 then core.sleep(POLL_S) end
  end
  return res, ok, err
end

return M
