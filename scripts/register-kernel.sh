#!/usr/bin/env bash
# Register the project's Deno (node_modules/deno, a devDependency) as a Jupyter
# kernel named "deno", in a project-local folder rather than in ~/.local:
#
#   bash scripts/register-kernel.sh [--dir DIR] [--user]
#
#   --dir DIR   where to write kernels/deno/ (default: node_modules/.jupyter;
#               Jupyter finds it when DIR is on JUPYTER_PATH)
#   --user      also copy it to ~/.local/share/jupyter/kernels/deno, for
#               editors that do not read JUPYTER_PATH (VS Code)
#
# `deno jupyter --install` always writes to ~/.local/share/jupyter (it ignores
# JUPYTER_DATA_DIR), so it is run with HOME pointing at a temporary folder and
# the kernelspec is copied from there; argv[0] is then pinned to the project's
# deno binary. Prints the kernelspec folder on stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/node_modules/.jupyter"
user=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --user) user=1; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "register-kernel: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$dir" in /*) ;; *) dir="$root/$dir" ;; esac

deno="$root/node_modules/deno/deno"
if [ ! -x "$deno" ]; then
  echo "register-kernel: $deno not found; run npm ci first (deno is a devDependency)" >&2
  exit 1
fi

spec="$dir/kernels/deno"
tmp_home="$(mktemp -d)"
trap 'rm -rf "$tmp_home"' EXIT
mkdir -p "$spec"
if HOME="$tmp_home" DENO_NO_UPDATE_CHECK=1 "$deno" jupyter --install >/dev/null 2>&1 \
   && [ -f "$tmp_home/.local/share/jupyter/kernels/deno/kernel.json" ]; then
  cp "$tmp_home/.local/share/jupyter/kernels/deno/"* "$spec/"
fi

# kernel.json, argv pinned to this project's deno whatever `deno jupyter --install` wrote
# (node is always there: this is an npm project).
node - "$spec/kernel.json" "$deno" <<'EOF'
const [file, deno] = process.argv.slice(2);
const fs = require('node:fs');
let spec = {};
try { spec = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* write it from scratch */ }
spec.argv = [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'];
spec.display_name = 'Deno (Mechanism Atlas)';
spec.language = 'typescript';
spec.env = { ...(spec.env ?? {}), DENO_NO_UPDATE_CHECK: '1' };
fs.writeFileSync(file, JSON.stringify(spec, null, 2) + '\n');
EOF

if [ "$user" = 1 ]; then
  mkdir -p "$HOME/.local/share/jupyter/kernels/deno"
  cp "$spec/"* "$HOME/.local/share/jupyter/kernels/deno/"
  echo "register-kernel: also copied to $HOME/.local/share/jupyter/kernels/deno" >&2
fi
echo "$spec"
