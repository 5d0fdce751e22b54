--- Seeded random numbers for the statistics code (random fit starts, the Lua path of
--- m:predict) that leave math.random alone: xorshift64* (Vigna, ACM TOMS 42 (2016) 8) for
--- uniforms in (0, 1) and Box-Muller for standard normals.
local M = {}

function M.uniform(seed)
  local s = (math.tointeger(seed) or 1) ~ 0x2545F4914F6CDD1D
  if s == 0 then s = 1 end
  return function()
    s = s ~ (s >> 12); s = s ~ (s << 25); s = s ~ (s >> 27)
    return (((s * 0x2545F4914F6CDD1D) >> 11) + 0.5) / 9007199254740992.0
  end
end

function M.normal(seed)
  local u, spare = M.uniform(seed), nil
  return function()
    if spare then local z = spare; spare = nil; return z end
    local r, a = math.sqrt(-2 * math.log(u())), 2 * math.pi * u()
    spare = r * math.sin(a)
    return r * math.cos(a)
  end
end

return M
