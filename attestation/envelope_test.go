package attestation

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	t0      = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	zero32  = make([]byte, 32)
	postID  = "11111111-1111-4111-8111-111111111111"
	withinT = &VerifyOptions{Now: t0.Add(time.Hour)}
)

func zeroSigner(t *testing.T) *Ed25519Signer {
	t.Helper()
	s, err := SignerFromSeed(zero32)
	require.NoError(t, err)
	return s
}

// smallEnvelope is a minimal signed envelope, marshalled.
func smallEnvelope(t *testing.T) []byte {
	t.Helper()
	env, err := BuildPostAttestation(PostContent{Body: "B <&> é", CreatedAt: t0}, postID, zeroSigner(t),
		&PostAttestationOptions{ExportOptions: ExportOptions{IssuedAt: t0, EnvelopeID: "019ee8c0-7a12-7d40-b8e1-4c3f0a9d21e7"}})
	require.NoError(t, err)
	raw, err := json.Marshal(env)
	require.NoError(t, err)
	return raw
}

func TestDIDKey(t *testing.T) {
	s := zeroSigner(t)
	// The Ed25519 public key of the all-zero seed.
	assert.Equal(t, "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29", hex.EncodeToString(s.PublicKey()))
	did := s.DIDKey()
	assert.True(t, strings.HasPrefix(did, "did:key:z6Mk"), did) // every Ed25519 did:key starts z6Mk
	pub, err := DIDKeyToPublicKey(did)
	require.NoError(t, err)
	assert.Equal(t, s.PublicKey(), pub)

	// A did:key from the spec's interop fixture decodes and re-encodes.
	const fixture = "did:key:z6MkmSdSDvfA3AbhL3DtaTgDi8t4kjRzACYk9Rxj6wnTMdhf"
	pub, err = DIDKeyToPublicKey(fixture)
	require.NoError(t, err)
	back, err := PublicKeyToDIDKey(pub)
	require.NoError(t, err)
	assert.Equal(t, fixture, back)

	// Leading zero bytes are '1's in base58.
	assert.Equal(t, "11", base58Encode([]byte{0, 0}))
	dec, err := base58Decode("11z")
	require.NoError(t, err)
	assert.Equal(t, []byte{0, 0, 57}, dec)

	for name, bad := range map[string]string{
		"no prefix":      "z6MkmSdSDvfA3AbhL3DtaTgDi8t4kjRzACYk9Rxj6wnTMdhf",
		"not base58":     "did:key:z6Mk0OIl",
		"short key":      "did:key:z6Mk",
		"other codec":    "did:key:" + "z" + base58Encode(append([]byte{0xe7, 0x01}, pub...)),
		"too long":       "did:key:z" + strings.Repeat("2", 200),
		"empty payload":  "did:key:z",
		"wrong key size": "did:key:z" + base58Encode(append([]byte{0xed, 0x01}, pub[:31]...)),
	} {
		_, err := DIDKeyToPublicKey(bad)
		assert.ErrorIs(t, err, ErrAttestation, name)
	}
	_, err = PublicKeyToDIDKey(pub[:31])
	assert.ErrorIs(t, err, ErrAttestation)
}

func TestSignerNeverPrintsItsSeed(t *testing.T) {
	seed := bytes.Repeat([]byte{0xab}, 32)
	s, err := SignerFromSeed(seed)
	require.NoError(t, err)
	for _, out := range []string{s.String(), fmt.Sprintf("%v", s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s)} {
		assert.NotContains(t, out, "abab", out)
		assert.Contains(t, out, s.DIDKey())
	}
	assert.Equal(t, seed, s.Seed())
	_, err = SignerFromSeed(seed[:31])
	assert.ErrorIs(t, err, ErrAttestation)
	g, err := GenerateSigner()
	require.NoError(t, err)
	assert.NotEqual(t, s.DIDKey(), g.DIDKey())
}

func TestSignedEnvelopeRoundTrips(t *testing.T) {
	raw := smallEnvelope(t)
	res := Verify(raw, withinT)
	assert.True(t, res.OK, "%v", res.Reasons)
	assert.True(t, res.IssuerBound, "%v", res.Notes)
	assert.Empty(t, res.Reasons)

	var env Envelope
	require.NoError(t, json.Unmarshal(raw, &env))
	assert.Equal(t, SpecVersion, env.EnvelopeVersion)
	assert.Equal(t, "https://thecolony.ai/post/"+postID, env.WitnessedClaim.ArtifactURI)
	assert.Equal(t, "sha256:"+sha256hex("B <&> é"), env.WitnessedClaim.ContentHash)
	assert.Equal(t, "2026-09-01T12:00:00Z", env.WitnessedClaim.PublishedAt)
	assert.Equal(t, []Evidence{{PointerType: PointerPlatformReceipt, URI: "https://thecolony.ai/api/v1/posts/" + postID, PlatformID: "thecolony.ai"}}, env.Evidence)
	assert.Equal(t, Validity{ValidityModel: ValidityModelTimeBounded, NotBefore: "2026-09-01T12:00:00Z", NotAfter: "2027-09-01T12:00:00Z"}, env.Validity)
	assert.Equal(t, env.Issuer, env.Subject, "self-attestation by default")
	require.Len(t, env.Sigchain, 1)
	assert.Equal(t, Signature{Alg: "ed25519", KeyID: zeroSigner(t).DIDKey(), Sig: env.Sigchain[0].Sig, Role: "issuer"}, env.Sigchain[0])

	// Signing is deterministic (Ed25519), and the signature is over the
	// canonical bytes with sigchain [], not over encoding/json's bytes.
	assert.Equal(t, raw, smallEnvelope(t))
	env.Sigchain = []Signature{}
	msg, err := Canonicalize(env)
	require.NoError(t, err)
	sig, err := decodeSig(strings.Split(strings.Split(string(raw), `"sig":"`)[1], `"`)[0])
	require.NoError(t, err)
	assert.True(t, ed25519.Verify(zeroSigner(t).PublicKey(), msg, sig))

	// Re-serialising in another member order or with whitespace verifies
	// too: the signature covers the canonical form, not these bytes.
	var generic map[string]any
	require.NoError(t, json.Unmarshal(raw, &generic))
	indented, err := json.MarshalIndent(generic, "", "  ")
	require.NoError(t, err)
	assert.True(t, Verify(indented, withinT).OK)
}

// Changing any single byte of a signed envelope fails Verify, with a
// reason: the structure breaks, a name changes, or a signature stops
// verifying.
func TestTamperingWithAnyByteFailsVerify(t *testing.T) {
	s := zeroSigner(t)
	id := Identity{IDScheme: SchemeDIDKey, ID: s.DIDKey()}
	env, err := BuildEnvelope(EnvelopeParams{
		Issuer: id, Subject: id, Signer: s, IssuedAt: t0, EnvelopeID: "019ee8c0-7a12-7d40-b8e1-4c3f0a9d21e7",
		WitnessedClaim: Claim{ClaimType: ClaimCapabilityCoverage, CapabilityID: "c<é>", CoverageURI: "u:c"},
		Evidence:       []Evidence{{PointerType: PointerCommitHash, URI: "u:e"}},
		Validity:       Validity{ValidityModel: ValidityModelPerpetual, NotBefore: "2026-09-01T12:00:00Z", NotAfter: "2026-09-01T12:00:00Z"},
	})
	require.NoError(t, err)
	raw, err := json.Marshal(env)
	require.NoError(t, err)
	require.True(t, Verify(raw, withinT).OK)
	for i := range raw {
		// XOR 0x01 keeps ASCII ASCII and a UTF-8 continuation byte a
		// continuation byte, so most flips still parse: the signature,
		// the names and the structure checks must catch each one.
		bad := bytes.Clone(raw)
		bad[i] ^= 0x01
		res := Verify(bad, withinT)
		if res.OK || len(res.Reasons) == 0 {
			t.Fatalf("byte %d (%q): Verify = %+v on %s", i, raw[i], res, bad)
		}
	}
}

func TestVerifyReasons(t *testing.T) {
	raw := smallEnvelope(t)
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		require.NoError(t, json.Unmarshal(raw, &m))
		f(m)
		out, err := json.Marshal(m)
		require.NoError(t, err)
		return out
	}
	other, err := SignerFromSeed(bytes.Repeat([]byte{1}, 32))
	require.NoError(t, err)
	for name, tc := range map[string]struct {
		in     []byte
		opts   *VerifyOptions
		reason string
	}{
		"not JSON":      {[]byte("{"), withinT, "not canonicalizable JSON"},
		"not an object": {[]byte(`[]`), withinT, "not a JSON object"},
		"too large":     {make([]byte, MaxEnvelopeSize+1), withinT, "larger than"},
		"version":       {edit(func(m map[string]any) { m["envelope_version"] = "0.2" }), withinT, "unsupported envelope_version"},
		"no evidence":   {edit(func(m map[string]any) { m["evidence"] = []any{} }), withinT, "evidence must be a non-empty list"},
		"no sigchain":   {edit(func(m map[string]any) { delete(m, "sigchain") }), withinT, "missing required field: sigchain"},
		"empty chain":   {edit(func(m map[string]any) { m["sigchain"] = []any{} }), withinT, "sigchain must be a non-empty list"},
		"expired":       {raw, &VerifyOptions{Now: t0.AddDate(2, 0, 0)}, "validity: expired"},
		"not yet":       {raw, &VerifyOptions{Now: t0.Add(-time.Second)}, "validity: not yet valid"},
		"other key": {edit(func(m map[string]any) {
			m["sigchain"].([]any)[0].(map[string]any)["key_id"] = other.DIDKey()
		}), withinT, "signature does not verify"},
		"alg": {edit(func(m map[string]any) {
			m["sigchain"].([]any)[0].(map[string]any)["alg"] = "secp256k1"
		}), withinT, "unsupported or missing alg"},
		"role": {edit(func(m map[string]any) {
			m["sigchain"].([]any)[0].(map[string]any)["role"] = "custodian"
		}), withinT, "sigchain[0].role must be"},
		"body edited": {edit(func(m map[string]any) {
			m["witnessed_claim"].(map[string]any)["content_hash"] = "sha256:00"
		}), withinT, "signature does not verify"},
		"validity model": {edit(func(m map[string]any) {
			m["validity"].(map[string]any)["validity_model"] = "forever"
		}), withinT, "unknown validity_model"},
	} {
		res := Verify(tc.in, tc.opts)
		assert.False(t, res.OK, name)
		assert.True(t, anyContains(res.Reasons, tc.reason), "%s: %v", name, res.Reasons)
	}
}

func anyContains(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// A second signer (a custodian) signs the envelope with sigchain[0] in
// place; Verify peels the chain and checks both.
func TestSigchainPeelsInOrder(t *testing.T) {
	raw := smallEnvelope(t)
	custodian, err := SignerFromSeed(bytes.Repeat([]byte{7}, 32))
	require.NoError(t, err)
	var env Envelope
	require.NoError(t, json.Unmarshal(raw, &env))
	msg, err := Canonicalize(env) // sigchain = [entry 0]
	require.NoError(t, err)
	env.Sigchain = append(env.Sigchain, Signature{Alg: AlgEd25519, KeyID: custodian.DIDKey(), Sig: b64(custodian.Sign(msg)), Role: "custodian"})
	two, err := json.Marshal(env)
	require.NoError(t, err)
	res := Verify(two, withinT)
	assert.True(t, res.OK, "%v", res.Reasons)
	assert.True(t, anyContains(res.Notes, "sigchain[1] (custodian) verified"), "%v", res.Notes)

	// Swapping the entries breaks both signatures.
	env.Sigchain[0], env.Sigchain[1] = env.Sigchain[1], env.Sigchain[0]
	swapped, _ := json.Marshal(env)
	assert.False(t, Verify(swapped, withinT).OK)
}

// The spec repository's interop example, minted by the Python producer,
// verifies here byte for byte: it carries a member ("standing") this
// package has no field for, which the signature covers all the same.
func TestVerifyInteropFixture(t *testing.T) {
	res := Verify([]byte(interopFixture), &VerifyOptions{Now: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)})
	assert.True(t, res.OK, "%v", res.Reasons)
	assert.True(t, res.IssuerBound)
	tampered := strings.Replace(interopFixture, "ColonistOne interop", "ColonistOne Interop", 1)
	assert.False(t, Verify([]byte(tampered), &VerifyOptions{Now: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)}).OK)
}

func TestPlatformHandleIssuerIsUnbound(t *testing.T) {
	s := zeroSigner(t)
	handle, err := PlatformHandleIdentity("thecolony.ai:alice", "Alice")
	require.NoError(t, err)
	claim, err := ActionExecuted("colony.post.create", "https://thecolony.ai/api/v1/posts/"+postID, t0)
	require.NoError(t, err)
	ev, err := EvidenceImmutableURI("https://example.org/x", "sha256:ab")
	require.NoError(t, err)
	val, err := ValidityPerpetual(t0, t0.AddDate(10, 0, 0))
	require.NoError(t, err)
	env, err := ExportAttestation(s, claim, []Evidence{ev}, &ExportOptions{Issuer: &handle, Validity: &val, IssuedAt: t0})
	require.NoError(t, err)
	raw, _ := json.Marshal(env)
	res := Verify(raw, &VerifyOptions{Now: t0.AddDate(50, 0, 0)})
	assert.True(t, res.OK, "%v", res.Reasons)
	assert.False(t, res.IssuerBound)
	assert.True(t, anyContains(res.Notes, "UNBINDABLE"))
}

func TestBuildersRefuse(t *testing.T) {
	s := zeroSigner(t)
	errs := []error{}
	add := func(_ any, err error) { errs = append(errs, err) }
	add(DIDKeyIdentity("did:web:example.org", ""))
	add(PlatformHandleIdentity("alice", ""))
	add(ArtifactPublished("", "sha256:ab", t0))
	add(ArtifactPublished("https://x", "sha256:AB", t0))
	add(ArtifactPublished("https://x", "ab", t0))
	add(ActionExecuted("colony.x", " ", t0))
	add(StateTransition("a", "", "https://w"))
	add(CapabilityCoverage("", "https://c"))
	add(EvidencePlatformReceipt("https://x", "", ""))
	add(EvidenceTranscriptID("https://x", ""))
	add(EvidenceCommitHash("", ""))
	add(ValidityTimeBounded(t0, t0.Add(-time.Second)))
	add(ValidityTimeBounded(time.Time{}, t0))
	add(ValidityRevocationChecked(t0, t0, ""))
	add(Coverage("https://c", nil, t0))
	add(BuildEnvelope(EnvelopeParams{Signer: s}))
	add(ExportAttestation(s, Claim{ClaimType: ClaimArtifactPublished}, nil, nil))
	add(ExportAttestation(s, Claim{ClaimType: ClaimArtifactPublished}, []Evidence{{PointerType: "x", URI: "u"}},
		&ExportOptions{Extensions: map[string]any{"score": 0.5}}))
	add(ExportAttestation(s, Claim{ClaimType: ClaimArtifactPublished}, []Evidence{{PointerType: "x", URI: "u"}},
		&ExportOptions{Extensions: map[string]any{"n": []any{int64(1) << 60}}}))
	add(ExportAttestation(nil, Claim{}, nil, nil))
	add(BuildPostAttestation(PostContent{}, " ", s, nil))
	for i, err := range errs {
		assert.ErrorIs(t, err, ErrAttestation, "case %d", i)
	}

	// What the builders accept, with every optional part.
	cov, err := Coverage("https://c", []string{ClaimStateTransition}, t0)
	require.NoError(t, err)
	st, err := StateTransition("draft", "published", "https://w")
	require.NoError(t, err)
	cc, err := CapabilityCoverage("colony.post", "https://c")
	require.NoError(t, err)
	assert.Equal(t, ClaimCapabilityCoverage, cc.ClaimType)
	ev, err := EvidenceTranscriptID("https://t", "thecolony.ai")
	require.NoError(t, err)
	val, err := ValidityRevocationChecked(t0, t0.AddDate(1, 0, 0), "https://r")
	require.NoError(t, err)
	env, err := ExportAttestation(s, st, []Evidence{ev}, &ExportOptions{Coverage: &cov, Validity: &val, IssuedAt: t0,
		Extensions: map[string]any{"n": 42, "tag": "x"}})
	require.NoError(t, err)
	raw, _ := json.Marshal(env)
	res := Verify(raw, withinT)
	assert.True(t, res.OK, "%v", res.Reasons)
	assert.True(t, anyContains(res.Notes, "revocation_checked: NOT confirmed offline"))
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, env.EnvelopeID, "a UUIDv7")
}

func TestAttestPostFetchesOnce(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, id string) (PostContent, error) {
		calls++
		assert.Equal(t, postID, id)
		return PostContent{Body: "B"}, nil
	}
	env, err := AttestPost(t.Context(), fetch, postID, zeroSigner(t), &PostAttestationOptions{BaseURL: "https://thecolony.cc/", PlatformID: "thecolony.cc"})
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
	assert.Equal(t, "https://thecolony.cc/post/"+postID, env.WitnessedClaim.ArtifactURI)
	assert.Equal(t, "https://thecolony.cc/api/v1/posts/"+postID, env.Evidence[0].URI)
	assert.Empty(t, env.WitnessedClaim.PublishedAt, "no created_at, no published_at")

	boom := fmt.Errorf("boom")
	_, err = AttestPost(t.Context(), func(context.Context, string) (PostContent, error) { return PostContent{}, boom }, postID, zeroSigner(t), nil)
	assert.ErrorIs(t, err, boom)
}

// interopFixture is examples/interop_colony_post_e17840cc.v0.1.json of
// TheColonyCC/attestation-envelope-spec.
var interopFixture = func() string {
	b, err := os.ReadFile("testdata/interop_colony_post_e17840cc.v0.1.json")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

func sha256hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
