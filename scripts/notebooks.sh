#!/usr/bin/env bash
# npm run notebooks [-- --check]
#
# Registers the project's Deno as a Jupyter kernel (project-local kernelspec in
# node_modules/.jupyter, put on JUPYTER_PATH) and opens JupyterLab, or else
# Jupyter Notebook, on notebooks/. The notebooks read the build in $ATLAS_OUT
# (default: output/), so build first: npx tsx pipelines/build.ts
#
#   --check   only register the kernel and report what is installed (also the
#             behaviour when not run from a terminal); exits 0 when the kernel
#             is registered and Jupyter can run it
#
# Jupyter comes from the system (Debian packages), not from npm. JUPYTER=/path/to/jupyter
# picks a particular one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PYDEVD_DISABLE_FILE_VALIDATION=1 DENO_NO_UPDATE_CHECK=1

check=0
for a in "$@"; do
  case "$a" in
    --check) check=1 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "notebooks: unknown option $a (try --help)" >&2; exit 2 ;;
  esac
done
if [ "$check" = 0 ] && ! { [ -t 0 ] && [ -t 1 ]; }; then
  echo "notebooks: not a terminal, so only registering the kernel (as with --check)"
  check=1
fi

install_hint() {
  echo "  install it with:  sudo apt-get install -y jupyter-notebook"
  echo "  (or, with pip:    python3 -m pip install --user jupyterlab)"
}

# The first jupyter that answers. A pyenv python on PATH may carry a jupyter shim
# without Jupyter behind it, so each candidate is tried; /usr/bin/jupyter last.
jupyter=""
for c in "${JUPYTER:-}" "$(command -v jupyter || true)" /usr/bin/jupyter; do
  [ -n "$c" ] && [ -x "$c" ] || continue
  if "$c" --version >/dev/null 2>&1; then jupyter="$c"; break; fi
done
if [ -z "$jupyter" ]; then
  echo "notebooks: Jupyter is not installed." >&2
  install_hint >&2
  exit 1
fi

spec="$(bash scripts/register-kernel.sh)"
kernels_root="$(dirname "$(dirname "$spec")")"
export JUPYTER_PATH="$kernels_root${JUPYTER_PATH:+:$JUPYTER_PATH}"
if ! "$jupyter" kernelspec list 2>/dev/null | grep -q "^ *deno  *$spec\$"; then
  echo "notebooks: registered $spec but '$jupyter kernelspec list' does not find it there:" >&2
  "$jupyter" kernelspec list >&2 || true
  exit 1
fi

out="${ATLAS_OUT:-output}"
case "$out" in /*) ;; *) out="$root/$out" ;; esac
echo "kernel:    deno -> $spec"
echo "jupyter:   $jupyter ($("$jupyter" --version 2>/dev/null | sed -n 's/^jupyter_core *: *//p' | head -1 || true))"
echo "notebooks: $root/notebooks"
if [ -f "$out/atlas.duckdb" ]; then
  echo "tables:    $out/atlas.duckdb"
else
  echo "tables:    none yet at $out/atlas.duckdb; build first: npx tsx pipelines/build.ts"
fi
echo "headless:  JUPYTER_PATH=$kernels_root $jupyter nbconvert --to notebook --execute notebooks/01-tour.ipynb --output-dir /tmp/executed"
echo "commit:    strip outputs first: npx tsx scripts/strip-notebooks.ts (check: --check)"

front=""
if "$jupyter" lab --version >/dev/null 2>&1; then front=lab
elif "$jupyter" notebook --version >/dev/null 2>&1; then front=notebook
fi

if [ "$check" = 1 ]; then
  if [ -n "$front" ]; then echo "frontend:  jupyter $front"; else
    echo "frontend:  neither JupyterLab nor Jupyter Notebook is installed (headless runs work)"
    install_hint
  fi
  exit 0
fi

if [ -z "$front" ]; then
  echo "notebooks: Jupyter is installed but neither JupyterLab nor Jupyter Notebook is." >&2
  install_hint >&2
  exit 1
fi
exec "$jupyter" "$front" --notebook-dir="$root/notebooks"
