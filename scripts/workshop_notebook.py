"""Build examples/workshop.ipynb from the six workshop scripts examples/0[1-6]_*.lua.

    python3 scripts/workshop_notebook.py            write examples/workshop.ipynb
    python3 scripts/workshop_notebook.py --check    exit 1 when the notebook is stale

Each script becomes one section: its comment paragraphs become markdown cells, its code the code
cells between them, and an exercise follows with its solution in a collapsed cell (tagged
"solution").  The scripts stay the single source: edit them, then run this.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "examples", "workshop.ipynb")

INTRO = """# zprime workshop: the Z′ portal model of arXiv:1702.00395

Cline, Cornell, London & Watanabe explain the b → sμμ anomalies and the AMS-02 antiproton excess
with one Z′ that couples to b quarks, muons and dark matter. This notebook walks through the model
with **zprime**: each cell runs in one persistent zprime interpreter (Lua 5.4, `zp` loaded), exactly
as at the `zprime>` prompt. Figures appear inline; `zp.help "name"` (or Shift-Tab) documents any
parameter or observable, and Tab completes names (`m.C9_<Tab>`, parameter names inside `zp.model{`).

The six sections follow the example scripts in `examples/`; each ends with an exercise whose
solution is in a collapsed cell below it."""

EXERCISES = {
    "01": ("How heavy may the Z′ be, at fixed couplings, before C9 drops below 0.2 in magnitude? "
           "Use `m:with{...}` in a loop over `mZp`.",
           "for mZp = 600, 2000, 100 do\n  if math.abs(m:with{ mZp = mZp }.C9_bsmumu) < 0.2 then\n"
           "    print(\"|C9| < 0.2 from m_Z' =\", mZp, \"GeV\")\n    break\n  end\nend"),
    "02": ("Find the largest θ_D allowed by B_s mixing for g_q = 0.5 at m_Z′ = 1 TeV, and check it with "
           "`m:check{ only = { \"B_s mixing\" } }` just below and just above.",
           "t = zp.table1_coefficients(m)\nth = 0.5 * math.asin(2 * math.sqrt(t.Bs_max) * 1.0 / 0.5)\n"
           "print(\"theta_D max =\", th)\nq = zp.model{ mZp = 1000, gq = 0.5, gl = 0.25 }\n"
           "q:with{ thetaD = 0.95 * th }:check{ only = { \"B_s mixing\" } }\n"
           "q:with{ thetaD = 1.05 * th }:check{ only = { \"B_s mixing\" } }"),
    "03": ("Which g_χ does the heavy variant need at m_Z′ = 400 GeV and 1 TeV (n_q = 2, n_χ = 5, m_χ = 70 GeV)? "
           "Is it still perturbative (α_χ = g_χ²/4π < 1)?",
           "for _, mZp in ipairs{ 400, 1000 } do\n"
           "  local v = zp.variants.heavy_dirac{ mZp = mZp, mchi = 70, nq = 2, nchi = 5 }\n"
           "  print(mZp, \"GeV: g_chi =\", v.gchi, \" alpha_chi =\", v.gchi^2 / (4 * math.pi))\nend"),
    "04": ("At f = 0.8 and v = 10⁻³, how much larger is the exact Yukawa Sommerfeld factor than the Hulthén "
           "one at m_φ = 5 GeV and at 20 GeV (m_χ = 1950 GeV)? Use `zp.core.S_hulthen` and `zp.core.S_exact`.",
           "a = 0.8^2 / (16 * math.pi)\nfor _, mphi in ipairs{ 5, 20 } do\n"
           "  print(mphi, \"GeV:\", zp.core.S_exact(a, 1e-3, 1950, mphi) / zp.core.S_hulthen(a, 1e-3, 1950, mphi))\nend"),
    "05": ("Scan θ_D from 10⁻⁴ to 10⁻² (30 points, logarithmic) at the base model and plot DeltaM_s against it.",
           "r = zp.scan{ model = base, over = { thetaD = zp.logrange(1e-4, 1e-2, 30) }, observe = { \"DeltaM_s\" }, quiet = true }\n"
           "zp.plot{ data = r, x = \"thetaD\", y = \"DeltaM_s\", out = outdir .. \"/exercise05.png\" }"),
    "06": ("Add a constraint of your own: ΔM_s below 20 ps⁻¹ (upper bound), and check the heavy benchmark against it.",
           "zp.add_constraint{ name = \"my DeltaM_s\", observable = \"DeltaM_s\", kind = \"upper\", max = 20,\n"
           "  cl = \"illustration\", ref = \"workshop\" }\n"
           "zp.variants.heavy_dirac{ mZp = 600, mchi = 70, nq = 2, nchi = 5, thetaD = 0.008 }:check{ only = { \"my DeltaM_s\" } }"),
}


def cell(kind, text, **meta):
    c = {"cell_type": kind, "metadata": meta, "source": text.splitlines(keepends=True)}
    if kind == "code":
        c["execution_count"] = None
        c["outputs"] = []
    return c


def blocks(path):
    """Paragraphs of a script: (comment text, code text) pairs."""
    lines = open(path, encoding="utf-8").read().splitlines()
    # the first comment lines are the title and how to run the script
    title = re.sub(r"^--\s*", "", lines[0])
    body = lines[1:]
    while body and body[0].startswith("--"):
        body = body[1:]
    paras, cur = [], []
    for line in body + [""]:
        if line.strip() == "":
            if cur:
                paras.append(cur)
                cur = []
        else:
            cur.append(line)
    out = []
    for p in paras:
        comments = []
        while p and p[0].startswith("--"):
            comments.append(re.sub(r"^--\s?", "", p[0]))
            p = p[1:]
        out.append((" ".join(comments).strip(), "\n".join(p)))
    return title, out


def build():
    cells = [cell("markdown", INTRO)]
    cells.append(cell("code", 'outdir = "out/workshop"   -- where the examples write their files'))
    for name in sorted(os.listdir(os.path.join(ROOT, "examples"))):
        m = re.match(r"^(0[1-6])_.*\.lua$", name)
        if not m:
            continue
        key = m.group(1)
        title, paras = blocks(os.path.join(ROOT, "examples", name))
        cells.append(cell("markdown", "## " + title + "\n\nFrom `examples/" + name + "`."))
        for text, code in paras:
            # the notebook sets outdir once; the scripts take it from their arguments
            code = re.sub(r'^outdir = \(arg and arg\[1\]\) or "out/examples"\n?', "", code, flags=re.M)
            if text:
                cells.append(cell("markdown", text))
            if code.strip():
                cells.append(cell("code", code))
        q, a = EXERCISES[key]
        cells.append(cell("markdown", "**Exercise.** " + q))
        cells.append(cell("code", "-- your code here"))
        cells.append(cell("code", "-- solution\n" + a, tags=["solution"], jupyter={"source_hidden": True}))
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "zprime", "display_name": "zprime", "language": "lua"},
            "language_info": {"name": "lua", "codemirror_mode": "lua", "file_extension": ".lua",
                              "mimetype": "text/x-lua"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for i, c in enumerate(nb["cells"]):
        c["id"] = "cell-%03d" % i
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = build()
    if "--check" in sys.argv[1:]:
        old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if old != text:
            print("examples/workshop.ipynb is stale: run python3 scripts/workshop_notebook.py")
            sys.exit(1)
        print("examples/workshop.ipynb is up to date")
        sys.exit(0)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote " + OUT)
