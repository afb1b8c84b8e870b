// Package attestation mints and verifies signed attestation envelopes
// (TheColonyCC/attestation-envelope-spec, envelope_version "0.1"): typed,
// Ed25519-signed claims about things anyone can check, whose evidence is a
// pointer to an independent record, never a self-assertion.
//
// It uses the standard library only. Canonical JSON (RFC 8785) is written
// by hand, because encoding/json escapes <, > and & and U+2028/U+2029 and
// does not sort members; did:key (multicodec 0xed01, base58btc) likewise.
// Nothing here does I/O except AttestPost, and that only through the
// fetch function it is given.
//
// Mint with the builders and ExportAttestation (or BuildPostAttestation
// for a Colony post), marshal the *Envelope with encoding/json, and check
// the bytes with Verify:
//
//	signer, _ := attestation.SignerFromSeed(seed) // persist the seed
//	env, err := attestation.BuildPostAttestation(attestation.PostContent{Body: post.Body}, post.ID, signer, nil)
//	raw, _ := json.Marshal(env)
//	res := attestation.Verify(raw, nil) // res.OK, res.IssuerBound, res.Reasons
package attestation
