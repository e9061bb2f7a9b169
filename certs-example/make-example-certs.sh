#!/usr/bin/env bash
# Makes the EXAMPLE trust material for Family Gateway: a partnership CA, the gateway's TLS and
# signing certificates and SSH host key, and four example partners, each with a signing
# certificate and an SSH key pair.
#
#   EXAMPLE ONLY. These private keys are published in a public repository. Never use them for
#   real data: a deployment makes its own CA (or uses the partnership's) and its own keys.
#
# Usage: certs-example/make-example-certs.sh           make any example partner that is missing
#        certs-example/make-example-certs.sh --force   make everything afresh, CA included
# Needs: openssl (3.x), ssh-keygen.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

fresh=false
if [[ ! -f ca/ca.crt || "${1:-}" == "--force" ]]; then
  fresh=true
fi

# Long validity so that tests do not rot (tests make expired certificates on the fly).
days=10950
org="Family Gateway Example Partnership (EXAMPLE ONLY)"

ext() { # writes an extensions file to stdout
  case "$1" in
    ca) cat <<EOF
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
    ;;
    signing) cat <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
    ;;
    tls) cat <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
    ;;
  esac
}

newkey() { # newkey <file> <rsa:BITS|ec:CURVE>
  local out=$1 spec=$2
  case "$spec" in
    rsa:*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${spec#rsa:}" -out "$out" 2>/dev/null ;;
    ec:*) openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:${spec#ec:}" -pkeyopt ec_param_enc:named_curve -out "$out" ;;
  esac
  chmod 600 "$out"
}

issue() { # issue <dir/name> <subject> <profile> <keyspec>
  local base=$1 subject=$2 profile=$3 keyspec=$4
  newkey "$base.key" "$keyspec"
  openssl req -new -key "$base.key" -subj "$subject" -out "$base.csr"
  openssl x509 -req -in "$base.csr" -CA ca/ca.crt -CAkey ca/ca.key -CAcreateserial \
    -days "$days" -sha256 -extfile <(ext "$profile") -out "$base.crt" 2>/dev/null
  rm -f "$base.csr"
}

if $fresh; then
  rm -rf ca gateway partners
  mkdir -p ca gateway partners
  # The partnership CA: the trust anchor partners and gateway share.
  newkey ca/ca.key ec:secp384r1
  openssl req -new -x509 -key ca/ca.key -sha384 -days "$days" \
    -subj "/O=$org/CN=Example Partnership CA (EXAMPLE ONLY)" \
    -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\n'; ext ca) -out ca/ca.crt

  # The gateway: TLS (SOAP over HTTPS) and receipt signing are separate keys with separate usages.
  # ECDSA P-256 for both: the gateway signs a receipt for every message and RSA signing is slow.
  issue gateway/tls "/O=$org/OU=gateway/CN=localhost" tls ec:prime256v1
  issue gateway/signing "/O=$org/OU=gateway/CN=Family Gateway receipts (EXAMPLE ONLY)" signing ec:prime256v1
  ssh-keygen -q -t ed25519 -N '' -C 'family-gateway SFTP host key (EXAMPLE ONLY)' -f gateway/ssh_host_ed25519_key
fi

# Four example partners. Their key types differ on purpose, so that the algorithm policy is
# exercised with every family a real partner may use (RSA and ECDSA).
partner() { # partner <id> <display name> <keyspec>
  local id=$1 name=$2 keyspec=$3
  [[ -f "partners/$id/signing.crt" ]] && return 0
  mkdir -p "partners/$id"
  issue "partners/$id/signing" "/O=$org/OU=$id/CN=$name (EXAMPLE ONLY)" signing "$keyspec"
  ssh-keygen -q -t ed25519 -N '' -C "$id (EXAMPLE ONLY)" -f "partners/$id/id_ed25519"
}
partner example-school "Example Primary School" rsa:2048
partner example-police "Example Constabulary" ec:prime256v1
partner example-housing "Example Housing Association" rsa:3072
partner example-jobcentre "Example Jobcentre Plus" ec:secp384r1
partner example-childrens-services "Example Children's Services" ec:prime256v1
partner example-health "Example NHS Trust" rsa:2048
partner example-probation "Example Probation Service" ec:prime256v1

# An empty CRL from the CA: revocation is always checked, so a deployment must supply current CRLs
# (or an OCSP responder). Long-lived here so that the example does not rot; a real CA's is days.
if $fresh || [[ ! -f ca/ca.crl ]]; then
  crlwork=$(mktemp -d)
  : > "$crlwork/index.txt"
  echo 01 > "$crlwork/crlnumber"
  openssl ca -gencrl -keyfile ca/ca.key -cert ca/ca.crt -out ca/ca.crl -crldays "$days" -md sha384 \
    -config <(printf '[ca]\ndefault_ca=example\n[example]\ndatabase=%s/index.txt\ncrlnumber=%s/crlnumber\n' "$crlwork" "$crlwork") 2>/dev/null
  rm -rf "$crlwork"
fi

rm -f ca/ca.srl
echo "made example trust material in $here (EXAMPLE ONLY: never use for real data)"
