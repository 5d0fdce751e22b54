--- Classify zprime's value of a printed number against the paper (used by scripts/paper.lua and
--- its tests).  A value has `paper` (the number), a stated tolerance (`abs`, `rel` or `factor`)
--- and optionally `printed` (the digits as printed, when %.6g of `paper` does not show them),
--- `formula = true` (the paper gives a formula, not digits: any difference counts) and `note`.
---
--- status:
---   "ok"                   zprime's value rounded to the printed digits is the printed number
---   "differs (explained)"  outside the quoted precision, inside the stated tolerance, with a note
---   "differs (no reason)"  the same without a note: counted as a failure
---   "differs (<why>)"      outside the stated tolerance for the reason v.differs (e.g. "newer
---                          data"), explained in v.note
---   "DRIFT"                outside the stated tolerance
---   "ERROR"                zprime could not compute it
local M = {}

--- The significant digits of a printed number: "0.00028" -> 2, "1.9e-26" -> 2, "4.81193" -> 6,
--- "10000" -> 1 (trailing zeros of an integer are not significant).
function M.sig_digits(s)
  s = tostring(s)
  local mant = s:match("^[-+]?([%d%.]+)[eE][-+]?%d+$") or s:match("^[-+]?([%d%.]+)$")
  if not mant or not mant:find("%d") then error("validate: '" .. s .. "' is not a printed number", 2) end
  local digits = mant:gsub("%.", ""):gsub("^0+", "")
  if not mant:find("%.") then digits = digits:gsub("0+$", "") end
  return math.max(#digits, 1)
end

--- The printed form of v: v.printed, else the shortest form of v.paper.
local function printed(v) return v.printed or string.format("%.6g", v.paper) end

--- True when val, rounded to as many significant digits as the paper printed, is the paper's
--- number (0.00087 against "1e-3" rounds to 0.0009: not the printed digit).  Never for a formula.
function M.same_digits(v, val)
  if v.formula then return val == v.paper end
  local n = M.sig_digits(printed(v))
  local r = tonumber(string.format("%." .. (n - 1) .. "e", val))
  return math.abs(r - v.paper) <= 1e-9 * math.abs(v.paper)
end

--- Tolerance as text: "+-0.005", "x2", "1.5%".
function M.tolerance_text(v)
  if v.abs then return string.format("+-%.2g", v.abs) end
  if v.factor then return string.format("x%.3g", v.factor) end
  return string.format("%.3g%%", 100 * v.rel)
end

--- Status and ratio of value val (nil when it could not be computed).
function M.classify(v, val)
  if type(val) ~= "number" or val ~= val then return "ERROR", nil end
  local ratio = val / v.paper
  local inside
  if v.abs then inside = math.abs(val - v.paper) <= v.abs
  elseif v.factor then inside = ratio >= 1 / v.factor and ratio <= v.factor
  else inside = math.abs(ratio - 1) <= v.rel end
  if not inside then
    -- a number the paper could not have had (newer data, ...): v.differs names why, v.note explains
    if v.differs and v.note then return "differs (" .. v.differs .. ")", ratio end
    return "DRIFT", ratio
  end
  if M.same_digits(v, val) then return "ok", ratio end
  return v.note and "differs (explained)" or "differs (no reason)", ratio
end

--- Compute every value (each in pcall; between(), when given, is called before each) and classify it.  Returns rows { v =, value =, status =,
--- ratio =, err = } and counts { total, ok, explained, unexplained, drift, error }.
function M.run(values, between)
  local rows, c = {}, { total = #values, ok = 0, explained = 0, unexplained = 0, drift = 0, error = 0 }
  for _, v in ipairs(values) do
    if between then between() end
    local okc, val = pcall(v.zprime)
    local row = { v = v }
    if okc then row.value = val else row.err = tostring(val) end
    row.status, row.ratio = M.classify(v, okc and val or nil)
    local key = ({ ok = "ok", ["differs (no reason)"] = "unexplained", DRIFT = "drift", ERROR = "error" })[row.status]
      or "explained" -- "differs (explained)" or "differs (<v.differs>)"
    c[key] = c[key] + 1
    rows[#rows + 1] = row
  end
  return rows, c
end

--- The summary lines; the first says whether every printed number was reproduced.
function M.summary(c)
  local recomputed = c.total - c.error
  local lines = {}
  if c.ok + c.explained == c.total then
    lines[1] = string.format("Every printed number was reproduced: %d of %d recomputed in this run, %d to the printed " ..
      "digits and %d differing for the reason given with it (differs (...)).", recomputed, c.total, c.ok, c.explained)
  else
    lines[1] = string.format("NOT every printed number was reproduced: of %d, %d could not be computed; of the %d " ..
      "recomputed in this run %d match the printed digits, %d differ with a reason, %d differ with no reason given " ..
      "and %d drift outside their tolerance.", c.total, c.error, recomputed, c.ok, c.explained, c.unexplained, c.drift)
  end
  return lines
end

--- True when the run is a success.
function M.passed(c) return c.ok + c.explained == c.total end

return M
