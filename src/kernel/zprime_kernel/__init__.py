"""The zprime Jupyter kernel: one `zprime --serve` interpreter behind ipykernel (docs/notebook.md)."""
__version__ = "0.1.0"
