-- busted helper: loads zprime and provides rel_near(a, b, rtol) (luassert's near is absolute)
-- and error-message assertions.
_G.zp = require "zprime"

function _G.rel_near(got, want, rtol, what)
  local ok = type(got) == "number" and got == got and math.abs(got - want) <= rtol * math.abs(want)
  if not ok then
    error(string.format("%s: got %.10g, want %.10g (rtol %g)", what or "rel_near", tonumber(got) or 0 / 0, want, rtol), 2)
  end
  return true
end

--- Assert that f(...) raises an error whose message contains every given plain substring.
function _G.assert_error_matches(f, ...)
  local ok, err = pcall(f)
  if ok then error("expected an error, got success", 2) end
  err = tostring(err)
  for _, s in ipairs({ ... }) do
    if not err:find(s, 1, true) then
      error("error message '" .. err .. "' does not mention '" .. s .. "'", 2)
    end
  end
  return err
end

--- Source and binary locations (set by ctest).
_G.ZP_SOURCE = os.getenv("ZPRIME_SOURCE") or "."
_G.ZP_BIN = os.getenv("ZPRIME_BIN") or "./build/zprime"

--- Run the zprime binary with a shell argument string; returns stdout, exit status.
function _G.run_zprime(args)
  local p = io.popen(ZP_BIN .. " " .. args .. " 2>&1; echo \"__rc=$?\"")
  local out = p:read("a")
  p:close()
  local rc = tonumber(out:match("__rc=(%d+)%s*$"))
  return out:gsub("__rc=%d+%s*$", ""), rc
end

--- A fresh empty directory under /tmp.
function _G.tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir -p '" .. d .. "'"))
  return d
end

--- The whole content of a file.
function _G.slurp(path)
  local f = assert(io.open(path, "rb"))
  local t = f:read("a")
  f:close()
  return t
end
