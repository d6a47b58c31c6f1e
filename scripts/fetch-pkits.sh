#!/usr/bin/env bash
# Fetches the NIST PKITS test data (certificates, CRLs and the S/MIME
# messages Signed*.eml) once into target/pkits-cache/PKITS_data, from the
# PyPI package cryptography_vectors (the test vectors of pyca/cryptography),
# which ships them under x509/PKITS_data. Needs python3 with pip (Debian:
# python3-pip) and access to PyPI; tests/pkits.rs runs it when the data is
# missing. The wheel (56 MB) is checked against a pinned SHA-256 and
# deleted once the 7 MB of PKITS data are extracted.
set -euo pipefail
cd "$(dirname "$0")/.."

version=50.0.2
sha256=51641f03a3eb4edbe9fb68e3a3574d25f86aa502d06391fffa886330d02778a0
cache=target/pkits-cache
data="$cache/PKITS_data"

[ -f "$data/.complete" ] && exit 0

if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "fetch-pkits: python3 with pip is needed (Debian: apt-get install python3-pip)" >&2
  exit 1
fi

mkdir -p "$cache"
rm -rf "$data"
wheel="$cache/cryptography_vectors-$version-py3-none-any.whl"
if [ ! -f "$wheel" ]; then
  echo "fetch-pkits: downloading cryptography_vectors $version from PyPI ..." >&2
  python3 -m pip download --quiet --no-deps --only-binary=:all: \
    "cryptography_vectors==$version" -d "$cache"
fi
echo "$sha256  $wheel" | sha256sum --check --quiet

# Only x509/PKITS_data/ is extracted, flattened to $data.
python3 - "$wheel" "$data" <<'EOF'
import sys, zipfile, pathlib
wheel, dest = sys.argv[1], pathlib.Path(sys.argv[2])
prefix = "cryptography_vectors/x509/PKITS_data/"
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith(prefix) and not name.endswith("/"):
            out = dest / name[len(prefix):]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(name))
EOF
rm -f "$wheel"
touch "$data/.complete"
echo "fetch-pkits: PKITS data in $data" >&2
