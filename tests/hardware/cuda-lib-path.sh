#!/usr/bin/env bash
# Prints, colon-separated, the CUDA library folders of Python's pip wheels (nvidia/*/lib, nvidia/cu13/lib) and
# torch/lib, where NVRTC, cuBLASLt and NCCL live on machines that have them only through PyTorch. Shared by the
# hardware check scripts, which put the result on LD_LIBRARY_PATH.
#   tests/hardware/cuda-lib-path.sh [PYTHON]
exec "${1:-python3}" - <<'PY' 2>/dev/null
import glob, os, site, sys
roots = []
try:
    roots += site.getsitepackages()
except Exception:
    pass
try:
    roots.append(site.getusersitepackages())
except Exception:
    pass
roots += [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
try:
    import torch
    roots.append(os.path.dirname(os.path.dirname(torch.__file__)))
except Exception:
    pass
seen, dirs = set(), []
for root in roots:
    for d in sorted(glob.glob(os.path.join(root, "nvidia", "*", "lib"))) + [os.path.join(root, "torch", "lib")]:
        d = os.path.realpath(d)
        if os.path.isdir(d) and d not in seen:
            seen.add(d)
            dirs.append(d)
print(":".join(dirs))
PY
