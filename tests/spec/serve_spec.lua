-- `zprime --serve`, the protocol behind the Jupyter kernel (docs/notebook.md), driven through
-- files: requests on standard input, reply frames on standard output (no ZPRIME_SERVE_FD).
local cjson = require "cjson"

local function frame(t) local s = cjson.encode(t); return #s .. "\n" .. s end

--- Run requests through one zprime --serve process; returns the reply frames and the raw output.
local function serve(requests, raw_input)
  local dir = tmpdir()
  local input = raw_input or ""
  for _, r in ipairs(requests) do input = input .. frame(r) end
  local f = assert(io.open(dir .. "/in", "wb")); f:write(input); f:close()
  local out = run_zprime("--serve < " .. dir .. "/in")
  local frames, pos = {}, 1
  while true do
    local len, nl = out:match("^(%d+)\n()", pos)
    if not len then break end
    local body = out:sub(nl, nl + tonumber(len) - 1)
    local ok, t = pcall(cjson.decode, body)
    if ok then frames[#frames + 1] = t end
    pos = nl + tonumber(len)
  end
  return frames, out
end

local function of(frames, id, kind)
  local r = {}
  for _, f in ipairs(frames) do if f.id == id and f.type == kind then r[#r + 1] = f end end
  return r
end

describe("zprime --serve", function()
  it("evaluates expressions and statements in one persistent interpreter", function()
    local frames = serve{
      { id = 1, op = "execute", code = "m = zp.model{ mZp = 600, gq = 0.29, gl = 0.145, thetaD = 0.004 }" },
      { id = 2, op = "execute", code = "m.mZp * 2" },
    }
    assert.equal(0, #of(frames, 1, "result"))
    assert.equal(1, #of(frames, 1, "done"))
    assert.equal("1200.0", of(frames, 2, "result")[1].data["text/plain"])
  end)

  it("reports an error as the message, without a stack trace, and goes on", function()
    local frames = serve{
      { id = 1, op = "execute", code = "zp.model{ mZp = -3 }" },
      { id = 2, op = "execute", code = "1 + 1" },
      { id = 3, op = "execute", code = "x = = 1" },
    }
    local e = of(frames, 1, "error")[1]
    assert.truthy(e.evalue:find("mZp", 1, true))
    for _, line in ipairs(e.traceback) do assert.falsy(line:find("stack traceback", 1, true)) end
    assert.equal("2", of(frames, 2, "result")[1].data["text/plain"])
    assert.equal("syntax error", of(frames, 3, "error")[1].ename)
  end)

  it("completes with the prompt's completion and inspects with zp.help", function()
    local frames = serve{
      { id = 1, op = "execute", code = "m = zp.model{}" },
      { id = 2, op = "complete", code = "y = m.DeltaM_", cursor = 13 },
      { id = 3, op = "complete", code = "zp.model{ gq = 1, thet", cursor = 22 },
      { id = 4, op = "inspect", code = "m.DeltaM_s + 1", cursor = 4 },
      { id = 5, op = "inspect", code = "???", cursor = 1 },
    }
    local c = of(frames, 2, "complete")[1]
    assert.same({ "m.DeltaM_s", "m.DeltaM_s_SM", "m.DeltaM_s_SM_err" }, { c.matches[1], c.matches[2], c.matches[3] })
    assert.equal(4, c.start)
    assert.equal("thetaD", of(frames, 3, "complete")[1].matches[1])
    local i = of(frames, 4, "inspect")[1]
    assert.is_true(i.found)
    assert.truthy(i.text:find("ps^-1", 1, true))
    assert.is_false(of(frames, 5, "inspect")[1].found)
  end)

  it("renders scan results and registry listings as HTML tables", function()
    local frames = serve{
      { id = 1, op = "execute", code = "zp.scan{ model = zp.model{}, over = { mZp = zp.range(200, 400, 3) }, observe = { 'C9_bsmumu' }, quiet = true }" },
      { id = 2, op = "execute", code = "zp.observables()" },
    }
    local html = of(frames, 1, "result")[1].data["text/html"]
    assert.truthy(html:find("<th>mZp [GeV]</th>", 1, true))
    assert.truthy(html:find("3 rows", 1, true))
    assert.truthy(of(frames, 2, "result")[1].data["text/html"]:find("<td>DeltaM_s</td>", 1, true))
  end)

  it("refuses malformed frames with a message and keeps serving", function()
    local frames = serve({ { id = 7, op = "execute", code = "40 + 2" } }, "abc\n" .. "2\n[]" .. frame{ id = 6, op = "nope" })
    local protocol = 0
    for _, f in ipairs(frames) do if f.type == "error" and f.ename == "protocol" then protocol = protocol + 1 end end
    assert.equal(3, protocol)
    assert.equal("42", of(frames, 7, "result")[1].data["text/plain"])
  end)
end)
