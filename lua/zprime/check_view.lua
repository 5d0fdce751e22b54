--- How constraint checks read: the m:check() table (what is compared with what, in units, with
--- tags and footnotes) and the zp.constraints listing (bounds as numbers, also when a bound is a
--- function of the model).  Display only: zprime.check computes the rows.
local M = {}

local function fmt(x)
  if x == nil then return "" end
  if type(x) ~= "number" then return tostring(x) end
  return string.format("%.4g", x)
end
M.fmt = fmt

--- M.align(cells, right) -> lines: columns padded to their widest cell, right[j] right-aligns
--- column j, a rule under row 1 (set by zprime.check, which owns it).

--- Tags a constraint may carry, and the footnote each one gets under the table.
M.TAG_NOTES = {
  ["post-paper"] = "post-paper: published after arXiv:1702.00395; the paper's points need not pass it",
  projection = "projection: a future experiment's expected reach, not a measurement",
  ["not in paper"] = "not in paper: a bound the paper does not use (section 4.1.3 quotes PandaX-II)",
  ["paper: tension"] = "paper: tension: the paper shows this tension and discusses it (section 4.1.1)",
}

local function margin_text(r)
  if not r.margin or r.margin ~= r.margin or math.abs(r.margin) == math.huge then return "" end
  if r.kind == "window" then return string.format("%.0f%% of window", 100 * r.margin) end
  if r.kind == "band" then return string.format("%.2f of allowed", r.margin) end
  return string.format("%.3g x bound", r.margin)
end

--- An HTML table of the same cells (a notebook shows it; footer lines become paragraphs).
function M.html(cells, right, footer)
  local function esc(x) return (tostring(x):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" })) end
  local out = { '<table class="zprime">' }
  for i, row in ipairs(cells) do
    local tag = i == 1 and "th" or "td"
    local parts = {}
    for j, c in ipairs(row) do
      parts[j] = "<" .. tag .. (right[j] and ' style="text-align:right"' or ' style="text-align:left"') .. ">" ..
        esc(c) .. "</" .. tag .. ">"
    end
    out[#out + 1] = "<tr>" .. table.concat(parts) .. "</tr>"
  end
  out[#out + 1] = "</table>"
  for _, l in ipairs(footer or {}) do out[#out + 1] = "<p>" .. esc(l) .. "</p>" end
  return table.concat(out, "\n")
end

--- The m:check() table as cells, right-aligned columns and footer lines.  A failing row with a
--- tag is marked, and the footer says how many of the failures are tagged, so "10 of 14 pass"
--- reads as what it is.
local function check_table(rows)
  local zp = package.loaded.zprime
  local dchi2 = type(zp) == "table" and zp.stats_dchi2_text or nil -- the statistics extension's column
  local cells = { { "constraint", "quantity", "value", "unit", "bound", "CL", "status", "margin", "pull",
                    dchi2 and "dchi2" or nil } }
  local notes, tagged_fail, npass = {}, 0, 0
  for _, r in ipairs(rows) do
    local status = r.error and "ERROR" or (r.pass and "pass" or "FAIL")
    if r.tag then
      status = status .. " [" .. r.tag .. "]"
      notes[r.tag] = true
      if not r.pass then tagged_fail = tagged_fail + 1 end
    end
    if r.pass then npass = npass + 1 end
    local bound = r.bound or ""
    if bound == "none here" and r.note then bound = "none here (a)"; notes.a = r.note end
    cells[#cells + 1] = {
      r.name, r.quantity or r.observable or "", r.error and "error" or fmt(r.value),
      r.unit ~= "" and r.unit or "-", bound, r.cl or "", status, margin_text(r),
      r.pull and string.format("%+.2f sigma", r.pull) or "",
      dchi2 and dchi2(r) or nil,
    }
  end
  local out = {}
  for _, r in ipairs(rows) do
    if r.error then out[#out + 1] = "  " .. r.name .. ": " .. r.error end
  end
  local line = string.format("%d of %d constraints pass", npass, #rows)
  if tagged_fail > 0 then
    line = line .. string.format("; %d of the %d failures are tagged (not constraints of the paper's analysis)",
      tagged_fail, #rows - npass)
  end
  out[#out + 1] = line
  if notes.a then out[#out + 1] = "  (a) " .. notes.a end
  local tags = {}
  for t in pairs(notes) do if M.TAG_NOTES[t] then tags[#tags + 1] = t end end
  table.sort(tags)
  for _, t in ipairs(tags) do out[#out + 1] = "  [" .. M.TAG_NOTES[t] .. "]" end
  return cells, { [3] = true }, out
end

--- The aligned text of cells with footer lines under it.
function M.text(cells, right, footer)
  local out = M.align(cells, right)
  for _, l in ipairs(footer or {}) do out[#out + 1] = l end
  return table.concat(out, "\n")
end

function M.render(rows) return M.text(check_table(rows)) end

function M.render_html(rows) return M.html(check_table(rows)) end

--- A bound as numbers: function bounds are evaluated at model m (a point where the constraint
--- applies); nil m or a failing function gives "f(m)".
function M.bound_text(c, m)
  local none = false -- an infinite bound: the constraint does not apply at that point
  local function b(x)
    if type(x) ~= "function" then return fmt(x) end
    if m == nil then return "f(m)" end
    local ok, v = pcall(x, m)
    if not ok or type(v) ~= "number" then return "f(m)" end
    if v == math.huge or v == -math.huge then none = true end
    return fmt(v) .. "*"
  end
  local text
  if c.kind == "upper" then text = "<= " .. b(c.max)
  elseif c.kind == "lower" then text = ">= " .. b(c.min)
  elseif c.kind == "window" then text = "[" .. b(c.min) .. ", " .. b(c.max) .. "]"
  else text = b(c.central) .. " +- " .. (c.nsigma and c.nsigma ~= 1 and (fmt(c.nsigma) .. " x ") or "") .. b(c.sigma) end
  return none and "none here*" or text
end

--- Metatable of an entry returned by zp.constraint(name): prints as its listing row (set by
--- zprime.check, which knows the default points).
M.entry_mt = {}

--- The zp.constraints listing.  point(c) returns the model at which a function bound is shown
--- (the default point of the variant the constraint applies to).
local function listing_table(list, point)
  local cells = { { "constraint", "quantity", "kind", "bound", "CL", "applies to", "reference" } }
  local starred = false
  for _, c in ipairs(list) do
    local text = M.bound_text(c, point(c))
    starred = starred or text:find("*", 1, true) ~= nil
    cells[#cells + 1] = { tostring(c.name),
      c.quantity or (type(c.observable) == "string" and c.observable or "f(m)"),
      tostring(c.kind), text, c.cl or "", (c.applies and table.concat(c.applies, ", ") or "all") ..
      (c.tag and (" [" .. c.tag .. "]") or ""), c.ref or "" }
  end
  local footer = {}
  if starred then
    footer[1] = "* the bound is a function of the model: its value at the default point of the variant " ..
      "(zp.model{} for 'all'); m:check() shows it at your model"
  end
  return cells, {}, footer
end

function M.listing(list, point) return M.text(listing_table(list, point)) end

function M.listing_html(list, point) return M.html(listing_table(list, point)) end

return M
