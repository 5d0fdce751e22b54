-- Tables and files from the Lua side: the reproducers of the reliability audit (64 tables then
-- zp.cmb_feff, zp.data_path after a read, special files, size caps).
local core = zp.core

local function write(path, text)
  local f = assert(io.open(path, "wb")); f:write(text); f:close()
end

describe("data tables", function()
  local dir = tmpdir()
  local shipped = zp.data_path()

  it("reads 70 distinct tables and a 600-character name, then zp.cmb_feff still works", function()
    local f0 = zp.cmb_feff{ m = 100 }
    rel_near(f0, 0.204, 0.003, "f_eff(b, 100 GeV)")
    for i = 1, 70 do
      write(dir .. "/t" .. i .. ".dat", "1 2\n3 " .. i .. "\n")
      assert.are.equal(i, core.read_table(dir .. "/t" .. i .. ".dat").columns[2][2])
    end
    local long = dir .. "/" .. string.rep("d/", 300)
    os.execute("mkdir -p '" .. long .. "'")
    write(long .. "x.dat", "5 6\n")
    assert.are.equal(6, core.read_table(long .. "x.dat").columns[2][1])
    assert.are.equal(f0, zp.cmb_feff{ m = 100 })
    rel_near(zp.cmb_feff{ m = 101 }, f0, 0.02, "f_eff(b, 101 GeV)")
  end)

  it("zp.data_path(new) affects a table already read", function()
    os.execute("mkdir -p '" .. dir .. "/a/x' '" .. dir .. "/b/x'")
    write(dir .. "/a/x/t.dat", "1 10\n")
    write(dir .. "/b/x/t.dat", "1 20\n")
    zp.data_path(dir .. "/a:" .. shipped)
    local va = core.read_table("x/t.dat").columns[2][1]
    zp.data_path(dir .. "/b:" .. shipped)
    local vb = core.read_table("x/t.dat").columns[2][1]
    zp.data_path(shipped)
    assert.are.equal(10, va)
    assert.are.equal(20, vb)
  end)

  it("refuses separator-only rows and a last line cut short, naming file and line", function()
    write(dir .. "/sep.dat", ",\n,\n")
    assert_error_matches(function() core.read_table(dir .. "/sep.dat") end, "sep.dat' line 1 holds separators but no numbers")
    write(dir .. "/cut.dat", "1 0.204\n2 0.2")
    assert_error_matches(function() core.read_table(dir .. "/cut.dat") end, "cut.dat' line 2 is cut short")
  end)

  it("reports an unreadable table as unreadable, not as missing", function()
    write(dir .. "/locked.dat", "1 2\n")
    os.execute("chmod 000 '" .. dir .. "/locked.dat' && chmod 755 '" .. dir .. "'")
    local code = "print(select(2, pcall(zp.core.read_table, '" .. dir .. "/locked.dat')))"
    local cmd = ZP_BIN .. " -e \"" .. code .. "\" 2>&1"
    -- root reads anything: run the reader as nobody when the test runs as root
    local p = io.popen("id -u"); local uid = p:read("l"); p:close()
    if uid == "0" then
      if not os.execute("command -v setpriv >/dev/null 2>&1") then pending("needs setpriv (util-linux) to drop root") return end
      local drop = "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp "
      local q = io.popen(drop .. ZP_BIN .. " -e \"print('runs-as-nobody')\" 2>&1"); local o = q:read("a"); q:close()
      if not o:find("runs-as-nobody", 1, true) then pending("the build tree is not readable by nobody: " .. o) return end
      cmd = drop .. cmd
    end
    p = io.popen(cmd); local out = p:read("a"); p:close()
    assert.is_truthy(out:find("locked.dat' cannot be read: Permission denied", 1, true), out)
  end)

  it("refuses a FIFO without blocking and /dev/zero without reading it", function()
    assert.is_true(os.execute("mkfifo '" .. dir .. "/fifo'"))
    assert_error_matches(function() core.read_table(dir .. "/fifo") end, "is a FIFO (named pipe); only regular files are read")
    assert_error_matches(function() core.read_table("/dev/zero") end, "'/dev/zero' is a character device")
  end)
end)

describe("zp.read_csv and zp.read_json", function()
  local dir = tmpdir()
  it("refuse devices, FIFOs and directories, naming what the path is", function()
    assert_error_matches(function() zp.read_csv("/dev/zero") end, "zp.read_csv: cannot read /dev/zero: it is a character device, not a regular file")
    assert_error_matches(function() zp.read_json("/dev/zero") end, "zp.read_json: cannot read /dev/zero: it is a character device")
    assert.is_true(os.execute("mkfifo '" .. dir .. "/p.csv'"))
    assert_error_matches(function() zp.read_csv(dir .. "/p.csv") end, "is a FIFO (named pipe), not a regular file")
    assert_error_matches(function() zp.read_csv(dir) end, "is a directory, not a regular file")
    assert_error_matches(function() zp.read_csv(dir .. "/none.csv") end, "cannot open", "No such file or directory")
  end)
  it("cap the size (zp.read_max_bytes)", function()
    write(dir .. "/t.csv", "x,y\n1,2\n3,4\n")
    local old = zp.read_max_bytes
    zp.read_max_bytes = 8
    local ok, err = pcall(zp.read_csv, dir .. "/t.csv")
    zp.read_max_bytes = old
    assert.is_false(ok)
    assert.is_truthy(tostring(err):find("it has 12 bytes, more than zp.read_max_bytes = 8", 1, true), err)
    assert.are.same({ 1, 3 }, zp.read_csv(dir .. "/t.csv").x)
  end)
end)
