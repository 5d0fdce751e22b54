"""Write examples/workshop.ipynb from examples/01-06: each example is a section, its comment
paragraphs become markdown cells and its code paragraphs code cells, followed by one exercise
with its solution in a collapsed cell.  Run it after editing an example:
    /usr/bin/python3 scripts/notebook/make_workshop.py"""
import glob
import json
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

EXERCISES = {
    "01": ("How does C9 scale with the Z' mass? Compute the ratio of `C9_bsmumu` at 1800 GeV and at "
           "600 GeV, with the couplings of `m`, and compare with (600/1800)^2.",
           "r = m:with{ mZp = 1800 }.C9_bsmumu / m.C9_bsmumu\n"
           "print(r, (600 / 1800)^2)      -- C9 ~ g_q g_l theta_D / m_Z'^2 (eq. 15)"),
    "02": ("Which mixing angles does b -> s mu mu allow at m_Z' = 1 TeV for g_q g_l = 0.045? Use "
           "`zp.show` on a model inside and one outside the window.",
           "inside = zp.model{ mZp = 1000, gq = 0.3, gl = 0.15, thetaD = 0.01 }\n"
           "zp.show(inside, \"C9_bsmumu\")\n"
           "zp.show(inside:with{ thetaD = 0.001 }, \"C9_bsmumu\")   -- -0.18 >= C9 >= -1.12 (eq. 13)"),
    "03": ("Save the heavy benchmark `h` to a file and read it back: is it the same model?",
           "zp.save(outdir .. \"/h.lua\", h)\n"
           "back = zp.load(outdir .. \"/h.lua\")\n"
           "print(back == h, back)"),
    "04": ("Search the registry for everything about the Sommerfeld factor.",
           "zp.apropos \"Sommerfeld\""),
    "05": ("Draw where B_s mixing alone allows the grid points of `region` (its column "
           "`pass_B_s_mixing`), with a logarithmic theta_D axis.",
           "zp.plot{ data = region, x = \"mZp\", y = \"thetaD\", z = \"pass_B_s_mixing\", logy = true,\n"
           "  out = outdir .. \"/ex_bs.png\" }"),
    "06": ("Define a variant with n_q = 4 from `heavy_nq3` and compare g_l at 600 GeV.",
           "m4 = heavy_nq3{ nq = 4 }\n"
           "print(m4.gl, heavy_nq3{}.gl, m4)"),
}


def md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def code(text, hidden=False):
    meta = {"jupyter": {"source_hidden": True}, "tags": ["solution"]} if hidden else {}
    return {"cell_type": "code", "metadata": meta, "execution_count": None, "outputs": [], "source": text}


def section(path):
    num = os.path.basename(path)[:2]
    lines = open(path).read().split("\n")
    title = lines[0].lstrip("- ").strip()
    i = 1
    while i < len(lines) and lines[i].startswith("--"):
        i += 1
    cells = [md("## " + title)]
    body = "\n".join(l for l in lines[i:] if not re.match(r"^(zp = zp or require|outdir = )", l))
    for para in re.split(r"\n\s*\n", body):
        para = para.strip("\n")
        if not para.strip():
            continue
        pl = para.split("\n")
        k = 0
        while k < len(pl) and pl[k].startswith("--"):
            k += 1
        if k:
            cells.append(md("\n".join(re.sub(r"^-- ?", "", l) for l in pl[:k])))
        if pl[k:]:
            cells.append(code("\n".join(pl[k:])))
    task, solution = EXERCISES[num]
    cells.append(md("**Exercise.** " + task + " (The solution is in the collapsed cell below.)"))
    cells.append(code(solution, hidden=True))
    return cells


def main():
    cells = [md("# zprime workshop\n\nThe Z' portal model of Cline, Cornell, London & Watanabe "
                "(arXiv:1702.00395) in a notebook: the six example scripts of `examples/`, one section "
                "each, with an exercise at the end of every section.  Every cell runs in one zprime "
                "interpreter, as at the `zprime>` prompt: `zp` is loaded, the last expression of a cell "
                "is shown, figures appear inline, Tab completes and Shift-Tab shows `zp.help`."),
             code("outdir = \"out/workshop\"          -- files (CSV, figures, WCxf) go here\n"
                  "do os.execute(\"mkdir -p \" .. outdir) end")]
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "0[1-6]_*.lua"))):
        cells += section(path)
    nb = {"cells": cells, "metadata": {
        "kernelspec": {"name": "zprime", "display_name": "zprime", "language": "lua"},
        "language_info": {"name": "lua", "file_extension": ".lua", "mimetype": "text/x-lua",
                          "codemirror_mode": "lua"}},
        "nbformat": 4, "nbformat_minor": 5}
    for n, c in enumerate(nb["cells"]):
        c["id"] = "cell-%03d" % n
    with open(os.path.join(ROOT, "examples", "workshop.ipynb"), "w") as f:
        json.dump(nb, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
