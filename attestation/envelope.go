package attestation

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SpecVersion is the envelope_version this package mints and verifies.
const SpecVersion = "0.1"

// SpecURL is where the envelope spec lives.
const SpecURL = "https://github.com/TheColonyCC/attestation-envelope-spec"

// DefaultPlatformID names The Colony in platform_receipt evidence.
const DefaultPlatformID = "thecolony.ai"

// DefaultBaseURL is The Colony's site, the root of artifact URIs.
const DefaultBaseURL = "https://thecolony.ai"

// defaultValidity is how long ExportAttestation's default validity lasts.
const defaultValidity = 365 * 24 * time.Hour

// ErrAttestation is matched (errors.Is) by every error of this package:
// invalid builder input, a bad seed or did:key, an envelope that cannot be
// signed.
var ErrAttestation = errors.New("attestation")

// RoleIssuer is the role of sigchain[0].
const RoleIssuer = "issuer"

// AlgEd25519 is the only signature algorithm of v0.1 this package handles.
const AlgEd25519 = "ed25519"

// Signature is one entry of an envelope's sigchain.
type Signature struct {
	Alg   string `json:"alg"`
	KeyID string `json:"key_id"`
	Sig   string `json:"sig"`
	Role  string `json:"role,omitempty"`
}

// Envelope is a signed attestation envelope, spec v0.1. Marshal it with
// encoding/json for the wire; Verify takes those bytes (the signature
// covers the RFC 8785 form of every member, known to this type or not).
type Envelope struct {
	EnvelopeVersion string              `json:"envelope_version"`
	EnvelopeID      string              `json:"envelope_id"`
	Issuer          Identity            `json:"issuer"`
	Subject         Identity            `json:"subject"`
	WitnessedClaim  Claim               `json:"witnessed_claim"`
	Evidence        []Evidence          `json:"evidence"`
	IssuedAt        string              `json:"issued_at"`
	Validity        Validity            `json:"validity"`
	Coverage        *CoverageCommitment `json:"coverage,omitempty"`
	// Extensions holds extra members. Numbers in it must be integers of at
	// most 2^53 in magnitude: other numbers have different canonical
	// forms in the Python and JS implementations.
	Extensions map[string]any `json:"extensions,omitempty"`
	Sigchain   []Signature    `json:"sigchain"`
}

// EnvelopeParams are the parts of an envelope BuildEnvelope assembles.
type EnvelopeParams struct {
	Issuer         Identity
	Subject        Identity
	WitnessedClaim Claim
	Evidence       []Evidence // at least one: a self-signed claim is not evidence
	Validity       Validity
	Signer         *Ed25519Signer
	// IssuedAt defaults to now; EnvelopeID to a fresh UUIDv7.
	IssuedAt   time.Time
	EnvelopeID string
	Coverage   *CoverageCommitment
	Extensions map[string]any
	// Role of sigchain[0]; "" means RoleIssuer. Use NoRole to leave it out.
	Role string
}

// NoRole leaves the role out of sigchain[0] in EnvelopeParams.Role.
const NoRole = "-"

// BuildEnvelope assembles and signs an envelope: sigchain[0] is the
// Ed25519 signature, base64url without padding, of the RFC 8785 bytes of
// the envelope with sigchain = [], and its key_id is the signer's did:key.
func BuildEnvelope(p EnvelopeParams) (*Envelope, error) {
	if p.Signer == nil {
		return nil, fmt.Errorf("%w: a signer is required", ErrAttestation)
	}
	if len(p.Evidence) == 0 {
		return nil, fmt.Errorf("%w: evidence must contain at least one pointer (a self-signed claim is not evidence)", ErrAttestation)
	}
	if p.WitnessedClaim.ClaimType == "" || p.Issuer.ID == "" || p.Subject.ID == "" || p.Validity.ValidityModel == "" {
		return nil, fmt.Errorf("%w: issuer, subject, witnessed_claim and validity are required (use the builders)", ErrAttestation)
	}
	issued := p.IssuedAt
	if issued.IsZero() {
		issued = time.Now()
	}
	id := p.EnvelopeID
	if id == "" {
		var err error
		if id, err = uuid7(issued); err != nil {
			return nil, err
		}
	}
	env := &Envelope{
		EnvelopeVersion: SpecVersion,
		EnvelopeID:      id,
		Issuer:          p.Issuer,
		Subject:         p.Subject,
		WitnessedClaim:  p.WitnessedClaim,
		Evidence:        append([]Evidence(nil), p.Evidence...),
		IssuedAt:        timestamp(issued),
		Validity:        p.Validity,
		Coverage:        p.Coverage,
		Extensions:      p.Extensions,
		Sigchain:        []Signature{},
	}
	if err := checkPortableNumbers(env.Extensions); err != nil {
		return nil, err
	}
	msg, err := Canonicalize(env)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrAttestation, err)
	}
	role := p.Role
	switch role {
	case "":
		role = RoleIssuer
	case NoRole:
		role = ""
	}
	env.Sigchain = []Signature{{
		Alg:   AlgEd25519,
		KeyID: p.Signer.DIDKey(),
		Sig:   base64.RawURLEncoding.EncodeToString(p.Signer.Sign(msg)),
		Role:  role,
	}}
	return env, nil
}

// checkPortableNumbers refuses numbers whose canonical form differs
// between implementations (fractions, exponents, beyond 2^53).
func checkPortableNumbers(ext map[string]any) error {
	if len(ext) == 0 {
		return nil
	}
	raw, err := json.Marshal(ext)
	if err != nil {
		return fmt.Errorf("%w: extensions: %v", ErrAttestation, err)
	}
	v, err := parseJSON(raw)
	if err != nil {
		return fmt.Errorf("%w: extensions: %v", ErrAttestation, err)
	}
	return walkNumbers(v, "extensions")
}

func walkNumbers(v any, path string) error {
	switch x := v.(type) {
	case json.Number:
		s := strings.TrimPrefix(string(x), "-")
		if strings.ContainsAny(s, ".eE") || len(s) > 16 || (len(s) == 16 && s > "9007199254740992") {
			return fmt.Errorf("%w: %s: number %s is not a portable integer (use a string)", ErrAttestation, path, x)
		}
	case []any:
		for i, e := range x {
			if err := walkNumbers(e, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case []member:
		for _, m := range x {
			if err := walkNumbers(m.val, path+"."+m.name); err != nil {
				return err
			}
		}
	}
	return nil
}

// ExportOptions fill in ExportAttestation's defaults.
type ExportOptions struct {
	// Issuer defaults to the signer's did:key identity (so the binding
	// closes); Subject defaults to the issuer (a self-attestation).
	Issuer  *Identity
	Subject *Identity
	// Validity defaults to time_bounded for a year from IssuedAt.
	Validity    *Validity
	Coverage    *CoverageCommitment
	IssuedAt    time.Time
	EnvelopeID  string
	DisplayName string // of the default issuer
	Extensions  map[string]any
}

// ExportAttestation mints a signed envelope with defaults for the common
// self-attestation: bring a claim and at least one evidence pointer.
func ExportAttestation(signer *Ed25519Signer, claim Claim, evidence []Evidence, opts *ExportOptions) (*Envelope, error) {
	if signer == nil {
		return nil, fmt.Errorf("%w: a signer is required", ErrAttestation)
	}
	var o ExportOptions
	if opts != nil {
		o = *opts
	}
	issued := o.IssuedAt
	if issued.IsZero() {
		issued = time.Now()
	}
	var issuer Identity
	if o.Issuer != nil {
		issuer = *o.Issuer
	} else {
		issuer = Identity{IDScheme: SchemeDIDKey, ID: signer.DIDKey(), DisplayName: o.DisplayName}
	}
	subject := issuer
	if o.Subject != nil {
		subject = *o.Subject
	}
	var val Validity
	if o.Validity != nil {
		val = *o.Validity
	} else {
		var err error
		if val, err = ValidityTimeBounded(issued, issued.Add(defaultValidity)); err != nil {
			return nil, err
		}
	}
	return BuildEnvelope(EnvelopeParams{
		Issuer: issuer, Subject: subject, WitnessedClaim: claim, Evidence: evidence, Validity: val,
		Signer: signer, IssuedAt: issued, EnvelopeID: o.EnvelopeID, Coverage: o.Coverage, Extensions: o.Extensions,
	})
}

// PostContent is what an attestation of a post needs from the post.
type PostContent struct {
	Body      string
	CreatedAt time.Time
}

// PostAttestationOptions adjust BuildPostAttestation.
type PostAttestationOptions struct {
	ExportOptions
	// BaseURL is the site artifact URIs live under (default
	// DefaultBaseURL); APIBaseURL the API root of the receipt (default
	// BaseURL + "/api/v1").
	BaseURL    string
	APIBaseURL string
	// PlatformID names the platform in the receipt (default
	// DefaultPlatformID).
	PlatformID string
}

// BuildPostAttestation mints an artifact_published envelope for a post
// already fetched: content_hash is the sha256 of its body as UTF-8, the
// artifact is BaseURL/post/{id}, and the evidence is a platform_receipt
// pointing at the post's API URL, which anyone can fetch to re-hash.
func BuildPostAttestation(post PostContent, postID string, signer *Ed25519Signer, opts *PostAttestationOptions) (*Envelope, error) {
	if strings.TrimSpace(postID) == "" {
		return nil, fmt.Errorf("%w: post id is required", ErrAttestation)
	}
	var o PostAttestationOptions
	if opts != nil {
		o = *opts
	}
	base := strings.TrimRight(o.BaseURL, "/")
	if base == "" {
		base = DefaultBaseURL
	}
	api := strings.TrimRight(o.APIBaseURL, "/")
	if api == "" {
		api = base + "/api/v1"
	}
	platform := o.PlatformID
	if platform == "" {
		platform = DefaultPlatformID
	}
	sum := sha256.Sum256([]byte(post.Body))
	claim, err := ArtifactPublished(base+"/post/"+postID, "sha256:"+hex.EncodeToString(sum[:]), post.CreatedAt)
	if err != nil {
		return nil, err
	}
	ev, err := EvidencePlatformReceipt(api+"/posts/"+postID, platform, "")
	if err != nil {
		return nil, err
	}
	return ExportAttestation(signer, claim, []Evidence{ev}, &o.ExportOptions)
}

// PostFetcher fetches the post an attestation is about; colony.Client's
// AttestPost supplies one built on GetPost.
type PostFetcher func(ctx context.Context, postID string) (PostContent, error)

// AttestPost fetches a post with fetch and mints its attestation with
// BuildPostAttestation: the one function of this package that may do I/O,
// and only through fetch.
func AttestPost(ctx context.Context, fetch PostFetcher, postID string, signer *Ed25519Signer, opts *PostAttestationOptions) (*Envelope, error) {
	post, err := fetch(ctx, postID)
	if err != nil {
		return nil, err
	}
	return BuildPostAttestation(post, postID, signer, opts)
}

// uuid7 is an RFC 9562 UUIDv7: 48 bits of Unix milliseconds, version 7,
// variant 10, the rest random.
func uuid7(t time.Time) (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[6:]); err != nil {
		return "", fmt.Errorf("%w: reading randomness: %v", ErrAttestation, err)
	}
	ms := uint64(t.UnixMilli())
	for i := range 6 {
		b[i] = byte(ms >> (40 - 8*i))
	}
	b[6] = 0x70 | b[6]&0x0f
	b[8] = 0x80 | b[8]&0x3f
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}
