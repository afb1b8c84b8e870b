package attestation

import (
	"fmt"
	"strings"
	"time"
)

// Identity is an issuer or subject (the spec's AgentIdentity).
type Identity struct {
	IDScheme    string `json:"id_scheme"`
	ID          string `json:"id"`
	DisplayName string `json:"display_name,omitempty"`
}

// Identity schemes the builders make.
const (
	SchemeDIDKey         = "did:key"
	SchemePlatformHandle = "platform-handle"
)

// DIDKeyIdentity is an identity with id_scheme did:key: the only v0.1
// scheme whose key binding closes cryptographically (sigchain[0].key_id ==
// issuer.id), so the right issuer of a verifiable envelope.
func DIDKeyIdentity(didKey, displayName string) (Identity, error) {
	if !strings.HasPrefix(didKey, didKeyPrefix) {
		return Identity{}, fmt.Errorf("%w: not a base58btc did:key: %q", ErrAttestation, truncate(didKey))
	}
	return Identity{IDScheme: SchemeDIDKey, ID: didKey, DisplayName: displayName}, nil
}

// PlatformHandleIdentity is an identity with id_scheme platform-handle,
// "platform:handle" (for example "thecolony.ai:colonist-one"). v0.1 has no
// key publication for handles, so as an issuer it cannot be bound to the
// signing key; use it as a subject.
func PlatformHandleIdentity(handle, displayName string) (Identity, error) {
	p, h, ok := strings.Cut(handle, ":")
	if !ok || p == "" || h == "" {
		return Identity{}, fmt.Errorf("%w: platform handle must be \"platform:handle\", got %q", ErrAttestation, truncate(handle))
	}
	return Identity{IDScheme: SchemePlatformHandle, ID: handle, DisplayName: displayName}, nil
}

// Claim types of a witnessed claim.
const (
	ClaimArtifactPublished  = "artifact_published"
	ClaimActionExecuted     = "action_executed"
	ClaimStateTransition    = "state_transition"
	ClaimCapabilityCoverage = "capability_coverage"
)

// Claim is the witnessed claim, one of four types told apart by ClaimType;
// only the fields of that type are set (the builders fill them).
type Claim struct {
	ClaimType string `json:"claim_type"`
	// artifact_published
	ArtifactURI string `json:"artifact_uri,omitempty"`
	ContentHash string `json:"content_hash,omitempty"`
	PublishedAt string `json:"published_at,omitempty"`
	// action_executed
	ActionKind       string `json:"action_kind,omitempty"`
	ActionReceiptURI string `json:"action_receipt_uri,omitempty"`
	ExecutedAt       string `json:"executed_at,omitempty"`
	// state_transition
	SubjectStateBefore   string `json:"subject_state_before,omitempty"`
	SubjectStateAfter    string `json:"subject_state_after,omitempty"`
	TransitionWitnessURI string `json:"transition_witness_uri,omitempty"`
	// capability_coverage
	CapabilityID string `json:"capability_id,omitempty"`
	CoverageURI  string `json:"coverage_uri,omitempty"`
}

// ArtifactPublished claims the subject published artifactURI, whose bytes
// at publication hash to contentHash ("sha256:<lowercase hex>"). A zero
// publishedAt is left out.
func ArtifactPublished(artifactURI, contentHash string, publishedAt time.Time) (Claim, error) {
	if err := requireAll("artifact_published", "artifact_uri", artifactURI); err != nil {
		return Claim{}, err
	}
	if err := checkMultihash("content_hash", contentHash); err != nil {
		return Claim{}, err
	}
	return Claim{ClaimType: ClaimArtifactPublished, ArtifactURI: artifactURI, ContentHash: contentHash, PublishedAt: timestamp(publishedAt)}, nil
}

// ActionExecuted claims the subject executed an action of kind actionKind
// ("namespace.verb", e.g. "colony.post.create"), with a platform-side
// receipt at actionReceiptURI. A zero executedAt is left out.
func ActionExecuted(actionKind, actionReceiptURI string, executedAt time.Time) (Claim, error) {
	if err := requireAll("action_executed", "action_kind", actionKind, "action_receipt_uri", actionReceiptURI); err != nil {
		return Claim{}, err
	}
	return Claim{ClaimType: ClaimActionExecuted, ActionKind: actionKind, ActionReceiptURI: actionReceiptURI, ExecutedAt: timestamp(executedAt)}, nil
}

// StateTransition claims the subject moved from one externally observable
// state to another, witnessed at witnessURI.
func StateTransition(before, after, witnessURI string) (Claim, error) {
	if err := requireAll("state_transition", "subject_state_before", before, "subject_state_after", after, "transition_witness_uri", witnessURI); err != nil {
		return Claim{}, err
	}
	return Claim{ClaimType: ClaimStateTransition, SubjectStateBefore: before, SubjectStateAfter: after, TransitionWitnessURI: witnessURI}, nil
}

// CapabilityCoverage claims coverage of the capability capabilityID,
// described at coverageURI.
func CapabilityCoverage(capabilityID, coverageURI string) (Claim, error) {
	if err := requireAll("capability_coverage", "capability_id", capabilityID, "coverage_uri", coverageURI); err != nil {
		return Claim{}, err
	}
	return Claim{ClaimType: ClaimCapabilityCoverage, CapabilityID: capabilityID, CoverageURI: coverageURI}, nil
}

// Evidence pointer types (a closed set: evidence is a pointer, never a
// self-assertion).
const (
	PointerImmutableURI    = "immutable_uri"
	PointerPlatformReceipt = "platform_receipt"
	PointerCommitHash      = "commit_hash"
	PointerTranscriptID    = "transcript_id"
)

// Evidence points at an independently checkable record.
type Evidence struct {
	PointerType string `json:"pointer_type"`
	URI         string `json:"uri"`
	ContentHash string `json:"content_hash,omitempty"`
	PlatformID  string `json:"platform_id,omitempty"`
}

func evidence(kind, uri, contentHash, platformID string) (Evidence, error) {
	if err := requireAll(kind, "uri", uri); err != nil {
		return Evidence{}, err
	}
	if contentHash != "" {
		if err := checkMultihash("content_hash", contentHash); err != nil {
			return Evidence{}, err
		}
	}
	return Evidence{PointerType: kind, URI: uri, ContentHash: contentHash, PlatformID: platformID}, nil
}

// EvidenceImmutableURI points at a content-addressed or tamper-evident URL;
// contentHash ("" for none) lets a verifier detect drift.
func EvidenceImmutableURI(uri, contentHash string) (Evidence, error) {
	return evidence(PointerImmutableURI, uri, contentHash, "")
}

// EvidencePlatformReceipt points at a platform-issued record; platformID
// (e.g. "thecolony.ai") is required.
func EvidencePlatformReceipt(uri, platformID, contentHash string) (Evidence, error) {
	if err := requireAll(PointerPlatformReceipt, "platform_id", platformID); err != nil {
		return Evidence{}, err
	}
	return evidence(PointerPlatformReceipt, uri, contentHash, platformID)
}

// EvidenceCommitHash points at a version-control commit.
func EvidenceCommitHash(uri, contentHash string) (Evidence, error) {
	return evidence(PointerCommitHash, uri, contentHash, "")
}

// EvidenceTranscriptID points at a platform-scoped transcript; platformID
// is required.
func EvidenceTranscriptID(uri, platformID string) (Evidence, error) {
	if err := requireAll(PointerTranscriptID, "platform_id", platformID); err != nil {
		return Evidence{}, err
	}
	return evidence(PointerTranscriptID, uri, "", platformID)
}

// Validity models.
const (
	ValidityModelTimeBounded       = "time_bounded"
	ValidityModelPerpetual         = "perpetual"
	ValidityModelRevocationChecked = "revocation_checked"
)

// Validity is the envelope's mandatory validity triple.
type Validity struct {
	ValidityModel string `json:"validity_model"`
	NotBefore     string `json:"not_before"`
	NotAfter      string `json:"not_after"`
	RevocationURI string `json:"revocation_uri,omitempty"`
}

func validity(model string, notBefore, notAfter time.Time) (Validity, error) {
	if notBefore.IsZero() || notAfter.IsZero() {
		return Validity{}, fmt.Errorf("%w: %s validity needs not_before and not_after", ErrAttestation, model)
	}
	if notAfter.Before(notBefore) {
		return Validity{}, fmt.Errorf("%w: %s validity: not_after is before not_before", ErrAttestation, model)
	}
	return Validity{ValidityModel: model, NotBefore: timestamp(notBefore), NotAfter: timestamp(notAfter)}, nil
}

// ValidityTimeBounded is valid from notBefore to notAfter, both included.
func ValidityTimeBounded(notBefore, notAfter time.Time) (Validity, error) {
	return validity(ValidityModelTimeBounded, notBefore, notAfter)
}

// ValidityPerpetual is valid from notBefore on; notAfter is informational.
func ValidityPerpetual(notBefore, notAfter time.Time) (Validity, error) {
	return validity(ValidityModelPerpetual, notBefore, notAfter)
}

// ValidityRevocationChecked obliges consumers to query revocationURI;
// Verify cannot do that offline and says so in its notes.
func ValidityRevocationChecked(notBefore, notAfter time.Time, revocationURI string) (Validity, error) {
	if err := requireAll(ValidityModelRevocationChecked, "revocation_uri", revocationURI); err != nil {
		return Validity{}, err
	}
	v, err := validity(ValidityModelRevocationChecked, notBefore, notAfter)
	v.RevocationURI = revocationURI
	return v, err
}

// CoverageCommitment is the optional signed commitment to attest a class
// of claims, which makes an absence meaningful.
type CoverageCommitment struct {
	CoverageURI       string   `json:"coverage_uri"`
	CoveredClaimTypes []string `json:"covered_claim_types"`
	CoverageSignedAt  string   `json:"coverage_signed_at,omitempty"`
}

// Coverage builds a coverage commitment; at least one claim type is
// required, and a zero signedAt is left out.
func Coverage(coverageURI string, coveredClaimTypes []string, signedAt time.Time) (CoverageCommitment, error) {
	if err := requireAll("coverage", "coverage_uri", coverageURI); err != nil {
		return CoverageCommitment{}, err
	}
	if len(coveredClaimTypes) == 0 {
		return CoverageCommitment{}, fmt.Errorf("%w: coverage.covered_claim_types must have at least one entry", ErrAttestation)
	}
	return CoverageCommitment{CoverageURI: coverageURI, CoveredClaimTypes: append([]string(nil), coveredClaimTypes...), CoverageSignedAt: timestamp(signedAt)}, nil
}

// timestamp is t as RFC 3339 in UTC with a trailing Z, or "" for zero.
func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// requireAll refuses blank values; pairs are name, value.
func requireAll(what string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return fmt.Errorf("%w: %s: %s is required", ErrAttestation, what, pairs[i])
		}
	}
	return nil
}

// checkMultihash requires "<alg>:<lowercase hex>".
func checkMultihash(field, v string) error {
	alg, digest, ok := strings.Cut(v, ":")
	if ok && alg != "" && digest != "" && strings.Trim(digest, "0123456789abcdef") == "" {
		return nil
	}
	return fmt.Errorf("%w: %s must be a \"<alg>:<lowercase hex>\" multihash, got %q", ErrAttestation, field, truncate(v))
}
