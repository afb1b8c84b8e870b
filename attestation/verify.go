package attestation

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"time"
)

// MaxEnvelopeSize bounds the envelopes Verify reads (1 MiB).
const MaxEnvelopeSize = 1 << 20

// VerifyOptions adjust Verify.
type VerifyOptions struct {
	// Now is the time validity is checked at (default time.Now()).
	Now time.Time
}

// VerificationResult is the outcome of Verify.
type VerificationResult struct {
	// OK: the envelope is well formed, every signature of its sigchain
	// verifies over its peeled RFC 8785 bytes, and it is valid at Now.
	OK bool
	// IssuerBound: sigchain[0]'s key is cryptographically the issuer's
	// (only a did:key issuer can bind in v0.1). Separate from OK so the
	// caller chooses how strict to be: unbound means "key K signed this",
	// not "issuer I signed this".
	IssuerBound bool
	// Reasons say why OK is false (empty when it is true).
	Reasons []string
	// Notes say what was checked and what was skipped (revocation and
	// evidence are never fetched: Verify does no I/O).
	Notes []string
}

var requiredMembers = []string{"issuer", "subject", "witnessed_claim", "evidence", "validity", "sigchain"}

// Verify checks a v0.1 envelope offline, in the spec's order: structure,
// then each sigchain signature i over JCS(envelope with sigchain =
// sigchain[0..i-1]) (peel, never replace), then validity at Now, then
// whether a did:key issuer is the key of sigchain[0]. It never panics on
// hostile input and does no I/O.
func Verify(envelope []byte, opts *VerifyOptions) VerificationResult {
	now := time.Now()
	if opts != nil && !opts.Now.IsZero() {
		now = opts.Now
	}
	fail := func(reason string) VerificationResult { return VerificationResult{Reasons: []string{reason}} }
	if len(envelope) > MaxEnvelopeSize {
		return fail(fmt.Sprintf("envelope is larger than %d bytes", MaxEnvelopeSize))
	}
	parsed, err := parseJSON(envelope)
	if err != nil {
		return fail("envelope is not canonicalizable JSON: " + err.Error())
	}
	obj, ok := parsed.([]member)
	if !ok {
		return fail("envelope is not a JSON object")
	}
	r := &VerificationResult{}
	if v, _ := get(obj, "envelope_version").(string); v != SpecVersion {
		r.Reasons = append(r.Reasons, fmt.Sprintf("unsupported envelope_version %s (expected %q)", describe(get(obj, "envelope_version")), SpecVersion))
	}
	for _, name := range requiredMembers {
		if !has(obj, name) {
			r.Reasons = append(r.Reasons, "missing required field: "+name)
		}
	}
	if ev, _ := get(obj, "evidence").([]any); len(ev) == 0 {
		r.Reasons = append(r.Reasons, "evidence must be a non-empty list (a self-signed claim is not evidence)")
	}
	chain, _ := get(obj, "sigchain").([]any)
	if len(chain) == 0 {
		r.Reasons = append(r.Reasons, "sigchain must be a non-empty list")
	}
	if len(r.Reasons) > 0 {
		return *r // structural failures are fatal: no crypto on a malformed envelope
	}
	sigOK := verifySigchain(obj, chain, r)
	valOK := verifyValidity(get(obj, "validity"), now, r)
	r.IssuerBound = issuerBinding(chain[0], get(obj, "issuer"), r)
	r.OK = sigOK && valOK
	return *r
}

func verifySigchain(obj []member, chain []any, r *VerificationResult) bool {
	ok := true
	bad := func(format string, args ...any) {
		r.Reasons = append(r.Reasons, fmt.Sprintf(format, args...))
		ok = false
	}
	if first, isObj := chain[0].([]member); isObj && has(first, "role") {
		if role, _ := get(first, "role").(string); role != RoleIssuer {
			bad("sigchain[0].role must be %q or unset, got %s", RoleIssuer, describe(get(first, "role")))
		}
	}
	for i, e := range chain {
		entry, isObj := e.([]member)
		if !isObj {
			bad("sigchain[%d] is not an object", i)
			continue
		}
		// A sigchain entry is outside the bytes it signs, so every member
		// is checked here: none may be added or renamed unnoticed.
		if name, ok := unknownMember(entry, signatureMembers); ok {
			bad("sigchain[%d]: unknown member %q", i, truncate(name))
			continue
		}
		if i > 0 && has(entry, "role") && !signatureRoles[describeRole(entry)] {
			bad("sigchain[%d]: unknown role %s", i, describe(get(entry, "role")))
			continue
		}
		if alg, _ := get(entry, "alg").(string); alg != AlgEd25519 {
			bad("sigchain[%d]: unsupported or missing alg %s (v0.1 here: ed25519 only)", i, describe(get(entry, "alg")))
			continue
		}
		keyID, _ := get(entry, "key_id").(string)
		pub, err := DIDKeyToPublicKey(keyID)
		if err != nil {
			bad("sigchain[%d]: key_id is not a resolvable Ed25519 did:key (%v)", i, err)
			continue
		}
		sigText, _ := get(entry, "sig").(string)
		sig, err := decodeSig(sigText)
		if err != nil || len(sig) != ed25519.SignatureSize {
			bad("sigchain[%d]: sig is not a base64url Ed25519 signature", i)
			continue
		}
		var msg bytes.Buffer
		if err := writeCanonical(&msg, with(obj, "sigchain", chain[:i])); err != nil {
			bad("sigchain[%d]: envelope cannot be canonicalized: %v", i, err)
			continue
		}
		if !ed25519.Verify(pub, msg.Bytes(), sig) {
			bad("sigchain[%d]: signature does not verify over the envelope", i)
			continue
		}
		role, _ := get(entry, "role").(string)
		if role == "" {
			role = "?"
		}
		r.Notes = append(r.Notes, fmt.Sprintf("sigchain[%d] (%s) verified against %s", i, role, keyID))
	}
	return ok
}

// signatureMembers are the members a sigchain entry may have (spec v0.1
// Signature, additionalProperties false), and signatureRoles its roles.
var (
	signatureMembers = map[string]bool{"alg": true, "key_id": true, "sig": true, "role": true, "evidence_refs": true, "selection_grade": true}
	signatureRoles   = map[string]bool{RoleIssuer: true, "custodian": true, "countersignatory": true, "platform_witness": true}
)

func describeRole(entry []member) string { s, _ := get(entry, "role").(string); return s }

// unknownMember returns the first member of obj not in allowed.
func unknownMember(obj []member, allowed map[string]bool) (string, bool) {
	for _, m := range obj {
		if !allowed[m.name] {
			return m.name, true
		}
	}
	return "", false
}

// decodeSig reads base64url, unpadded (what producers write) or padded,
// strictly: a changed unused bit is a different, invalid signature.
func decodeSig(s string) ([]byte, error) {
	if len(s) > 200 {
		return nil, fmt.Errorf("too long")
	}
	if b, err := base64.RawURLEncoding.Strict().DecodeString(s); err == nil {
		return b, nil
	}
	return base64.URLEncoding.Strict().DecodeString(s)
}

func verifyValidity(v any, now time.Time, r *VerificationResult) bool {
	val, ok := v.([]member)
	if !ok {
		r.Reasons = append(r.Reasons, "validity is not an object")
		return false
	}
	model, _ := get(val, "validity_model").(string)
	nbText, _ := get(val, "not_before").(string)
	naText, _ := get(val, "not_after").(string)
	switch model {
	case ValidityModelPerpetual:
		r.Notes = append(r.Notes, "validity: perpetual (not_after is informational)")
		return true
	case ValidityModelRevocationChecked:
		r.Notes = append(r.Notes, "validity: revocation_checked: NOT confirmed offline; query revocation_uri yourself")
		return true
	case ValidityModelTimeBounded:
		nb, err1 := time.Parse(time.RFC3339Nano, nbText)
		na, err2 := time.Parse(time.RFC3339Nano, naText)
		switch {
		case err1 != nil || err2 != nil:
			r.Reasons = append(r.Reasons, "validity: unparseable not_before/not_after")
			return false
		case now.Before(nb):
			r.Reasons = append(r.Reasons, "validity: not yet valid (not_before "+nbText+")")
			return false
		case now.After(na):
			r.Reasons = append(r.Reasons, "validity: expired (not_after "+naText+")")
			return false
		}
		r.Notes = append(r.Notes, "validity: time_bounded, within ["+nbText+", "+naText+"]")
		return true
	}
	r.Reasons = append(r.Reasons, "validity: unknown validity_model "+describe(get(val, "validity_model")))
	return false
}

func issuerBinding(sig0, issuer any, r *VerificationResult) bool {
	iss, ok := issuer.([]member)
	if !ok {
		r.Notes = append(r.Notes, "issuer-binding: issuer is not an object")
		return false
	}
	scheme, _ := get(iss, "id_scheme").(string)
	if scheme != SchemeDIDKey {
		r.Notes = append(r.Notes, fmt.Sprintf("issuer-binding UNBINDABLE: id_scheme %s has no key publication in v0.1", describe(get(iss, "id_scheme"))))
		return false
	}
	entry, _ := sig0.([]member)
	keyID, _ := get(entry, "key_id").(string)
	if id, _ := get(iss, "id").(string); id != "" && id == keyID {
		r.Notes = append(r.Notes, "issuer-binding OK: did:key issuer, key_id == issuer.id")
		return true
	}
	r.Notes = append(r.Notes, "issuer-binding UNVERIFIED: did:key issuer but key_id != issuer.id")
	return false
}

func get(obj []member, name string) any {
	for _, m := range obj {
		if m.name == name {
			return m.val
		}
	}
	return nil
}

func has(obj []member, name string) bool {
	for _, m := range obj {
		if m.name == name {
			return true
		}
	}
	return false
}

// with is obj with member name set to v.
func with(obj []member, name string, v any) []member {
	out := make([]member, 0, len(obj))
	for _, m := range obj {
		if m.name != name {
			out = append(out, m)
		}
	}
	return append(out, member{name, v})
}

// describe renders a parsed value briefly for a reason.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null/absent"
	case string:
		return fmt.Sprintf("%q", truncate(x))
	case []member:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}
