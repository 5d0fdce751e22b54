--- The command-line parser of zprime's scripts (scripts/paper.lua, scripts/figures/*, bench/,
--- gen_reference.lua), built on lua-argparse so that every script has the same --help, the same
--- usage line, and the same refusal of unknown options (usage on stderr, exit status 2).
---
---   local cli = require "zprime.cli"
---   local p = cli.parser("scripts/figures/fig1_z4mu.lua", "Figure 1: BR(Z -> 4 mu) vs g_l.")
---   cli.outdir(p)                       -- OUTDIR positional and -o/--out DIR (default "out")
---   p:option("-n --points", "grid points", "200", cli.count)
---   local a = cli.parse(p)              -- a.outdir (created, safely), a.points ...
---
--- Scripts are run as `zprime script.lua ARGS`; zprime keeps `--jobs N` and `--chunk K/N` for
--- itself (ZPRIME_JOBS, ZPRIME_CHUNK) and passes every other argument through.
local argparse = require "argparse"
local fs = require "zprime.fs"

local M = {}

--- Called with the exit status on --help (0) and on a usage error (2); tests replace it.
M.exit = function(code) os.exit(code, true) end

local function usage_error(self, msg)
  io.stderr:write(self:get_usage(), "\n\nerror: ", msg, "\nTry '", self._name, " --help' for more.\n")
  M.exit(2)
  error(msg, 0) -- only reached when M.exit returns (tests)
end

--- A parser for script name with a one-paragraph description.  -h/--help prints the help and
--- exits 0; an unknown option or a bad value prints the usage and exits 2.
function M.parser(name, description, epilog)
  local p = argparse(name, description, epilog)
  p:add_help(false)
  p:help_description_margin(26)
  p:flag("-h --help", "Show this help and exit."):action(function()
    io.stdout:write(p:get_help(), "\n")
    M.exit(0)
    error("help", 0)
  end)
  p.error = usage_error
  return p
end

--- Converters for p:option(..., convert): a whole number >= 1; a finite number.
function M.count(s)
  local n = math.tointeger(tonumber(s))
  if n == nil or n < 1 then return nil, "expected a whole number >= 1, got '" .. s .. "'" end
  return n
end
function M.number(s)
  local x = tonumber(s)
  if x == nil or x ~= x or math.abs(x) == math.huge then return nil, "expected a finite number, got '" .. s .. "'" end
  return x
end

--- The output folder of a script that writes files: OUTDIR positional and -o/--out DIR
--- (giving both with different values is an error); cli.parse creates it.
function M.outdir(p, default)
  p._zp_outdir = default or "out"
  p:argument("outdir", "Output folder (created with its parents; default " .. p._zp_outdir .. ").")
    :args("?"):argname("OUTDIR")
  p:option("-o --out", "Output folder, same as OUTDIR."):argname("DIR")
  return p
end

--- Parse argv (default: the script's global `arg`), create the output folder when the parser
--- has one, and return the arguments table.
function M.parse(p, argv)
  if argv == nil then
    argv = {}
    local a = rawget(_G, "arg") or {}
    for i = 1, #a do argv[i] = a[i] end
  end
  local args = p:parse(argv)
  if p._zp_outdir then
    if args.out and args.outdir and args.out ~= args.outdir then
      p:error("give the output folder once (OUTDIR '" .. args.outdir .. "' and --out '" .. args.out .. "')")
    end
    args.outdir = args.out or args.outdir or p._zp_outdir
    args.out = nil
    local ok, err = pcall(fs.mkdir_p, args.outdir)
    if not ok then
      io.stderr:write(p._name, ": ", tostring(err), "\n")
      M.exit(1)
      error(err, 0)
    end
  end
  return args
end

--- The one argument of a benchmark script: how many repetitions (default def).
function M.bench_count(name, what, def)
  local p = M.parser(name, "Benchmark: prints 'key value' lines (scripts/bench/run.sh collects them).")
  p:argument("count", "Number of " .. what .. " (default " .. def .. ")."):args("?"):convert(M.count)
  return M.parse(p).count or def
end

return M
