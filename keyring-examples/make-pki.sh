#!/usr/bin/env bash
# Re-creates the example PKI under pki/ with openssl: a test CA, and S/MIME
# certificates for alice, bob and carol issued by it (valid 2026-01-01 to
# 2036-01-01). The committed files were made with this script; running it
# again makes new keys, so the example messages must then be made again
# (make-keyrings.sh).
set -euo pipefail
cd "$(dirname "$0")/pki"
rm -rf ca-db && mkdir ca-db && touch ca-db/index.txt && echo 1000 > ca-db/serial

cat > ca.cnf <<'CNF'
[ca]
default_ca = exampleca
[exampleca]
dir = ca-db
database = $dir/index.txt
serial = $dir/serial
new_certs_dir = $dir
certificate = ca.pem
private_key = ca.key
default_md = sha256
policy = anything
copy_extensions = none
crl_extensions = crl_ext
unique_subject = no
[anything]
commonName = supplied
emailAddress = optional
organizationName = optional
[crl_ext]
authorityKeyIdentifier = keyid:always
[ca_ext]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[user_ext]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation,keyEncipherment
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = email:${ENV::MAILADDR}
CNF

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out ca.key 2>/dev/null
openssl req -new -key ca.key -subj "/O=Example Org/CN=Example Org Test CA" -out ca.csr
MAILADDR=ca@example.org openssl ca -batch -selfsign -config ca.cnf -keyfile ca.key -extensions ca_ext -in ca.csr \
  -out ca.pem -startdate 20260101000000Z -enddate 20360101000000Z -notext 2>/dev/null
rm ca.csr

for who in alice bob carol; do
  Who="$(tr '[:lower:]' '[:upper:]' <<< "${who:0:1}")${who:1}"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$who.key" 2>/dev/null
  openssl req -new -key "$who.key" -subj "/O=Example Org/CN=$Who Example" -out "$who.csr"
  MAILADDR="$who@example.org" openssl ca -batch -config ca.cnf -extensions user_ext -in "$who.csr" \
    -out "$who.pem" -startdate 20260101000000Z -enddate 20360101000000Z -notext 2>/dev/null
  # A PKCS#12 bundle as a CA hands it out, protected with the documented passphrase.
  openssl pkcs12 -export -in "$who.pem" -inkey "$who.key" -certfile ca.pem -name "$Who Example" \
    -passout "pass:$who-example" -out "$who.p12"
  rm "$who.csr"
done
# An empty CRL, so revocation is checked against something.
MAILADDR=none openssl ca -config ca.cnf -gencrl -crldays 3650 -out ca-crl.pem
rm -rf ca-db ca.cnf
# Private keys leave only inside the passphrase-protected PKCS#12 files.
rm -f ./*.key
