"""Period reports: papermill runs in warm kernels, HTML and PDF pages, atomic swaps."""
