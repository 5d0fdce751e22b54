--- Safe text for gnuplot scripts.  Every string zp.plot writes into a .gp file goes through
--- this module, so no title, label, colour, key or file name can run a command when the script
--- is rendered (now, or later with `gnuplot fig.gp`).
---
--- gnuplot runs the next line after a newline and substitutes `...` (a shell command) inside
--- double-quoted strings, but takes single-quoted strings literally except that '' is a quote.
--- A leading quote does not survive that rule ('''t Hooft' is a syntax error), so text with a
--- quote is written as a concatenation: ("'" . 't Hooft').  Not a public API.
local M = {}

--- Text with every control character (newline, CR, tab, ESC, DEL, ...) replaced by a space.
function M.clean(s)
  return (tostring(s):gsub("%c", " "))
end

--- A gnuplot string expression whose value is exactly M.clean(s).
function M.str(s)
  s = M.clean(s)
  if not s:find("'", 1, true) then return "'" .. s .. "'" end
  local parts, i = {}, 1
  while true do
    local j = s:find("'", i, true)
    local piece = s:sub(i, j and j - 1 or #s)
    if piece ~= "" then parts[#parts + 1] = "'" .. piece .. "'" end
    if not j then break end
    parts[#parts + 1] = [["'"]]
    i = j + 1
  end
  return "(" .. table.concat(parts, " . ") .. ")"
end

--- A colour for `lc rgb`: "#rrggbb", "#aarrggbb" or a gnuplot colour name ("dark-red").
--- Returns the quoted colour, or nil and a message.
function M.color(c)
  if type(c) ~= "string" then return nil, "must be a string such as '#1f77b4', got " .. type(c) end
  if c:match("^#%x%x%x%x%x%x$") or c:match("^#%x%x%x%x%x%x%x%x$") or c:match("^%a[%w%-]*$") then
    return "'" .. c .. "'"
  end
  return nil, "'" .. M.clean(c) .. "' is not a colour ('#rrggbb', '#aarrggbb' or a gnuplot colour name such as 'dark-red')"
end

--- Words `set key` accepts (gnuplot 5.4 `help set key`), besides numbers and commas.
local KEY_WORDS = {}
for w in ([[on off default inside outside fixed lmargin rmargin tmargin bmargin above over below
  under left right center top bottom vertical horizontal Left Right opaque noopaque reverse
  noreverse invert noinvert samplen spacing width height autotitle noautotitle box nobox
  maxcols maxrows auto at graph screen first second character enhanced noenhanced]]):gmatch("%S+") do
  KEY_WORDS[w] = true
end

--- A key position such as "top left" or "at graph 0.1, graph 0.9": only gnuplot's key words
--- and numbers.  Returns the text, or nil and a message naming the first bad word.
function M.key(k)
  if type(k) ~= "string" then return nil, "must be a gnuplot key position such as 'top left', got " .. type(k) end
  for word in k:gmatch("[^%s,]+") do
    if not KEY_WORDS[word] and not word:match("^[-+]?%d*%.?%d+[eE]?[-+]?%d*$") then
      return nil, "'" .. M.clean(word) .. "' is not a gnuplot key word (use words such as top, bottom, left, " ..
        "right, center, inside, outside, box, reverse, or 'at graph 0.1, graph 0.9')"
    end
  end
  if k:find("[^%w%s,%.%-+]") then
    return nil, "'" .. M.clean(k) .. "' may hold only gnuplot key words, numbers and commas"
  end
  return k
end

--- A file name for the .gp script: no control characters (refused rather than changed, so the
--- name on disk is the name asked for).
function M.check_path(p, what)
  if p:find("%c") then
    return nil, what .. " must not contain control characters (newline, tab, ...): " .. string.format("%q", p)
  end
  return p
end

--- Quote a word for /bin/sh (single quotes; an embedded quote becomes '\'').
function M.shell(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

return M
