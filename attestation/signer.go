package attestation

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
)

// Ed25519Signer is an Ed25519 signing key for minting envelopes. Persist
// its Seed securely: losing it means no more envelopes under the same
// did:key, leaking it lets anyone mint envelopes as you. Its String and
// GoString never print the seed.
type Ed25519Signer struct {
	priv ed25519.PrivateKey
	did  string
}

// GenerateSigner makes a signer from a fresh random seed (crypto/rand).
func GenerateSigner() (*Ed25519Signer, error) {
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, fmt.Errorf("%w: reading a random seed: %v", ErrAttestation, err)
	}
	return SignerFromSeed(seed)
}

// SignerFromSeed rebuilds a signer from its persisted 32-byte seed.
func SignerFromSeed(seed []byte) (*Ed25519Signer, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: Ed25519 seed must be %d bytes, got %d", ErrAttestation, ed25519.SeedSize, len(seed))
	}
	priv := ed25519.NewKeyFromSeed(seed)
	did, err := PublicKeyToDIDKey(priv.Public().(ed25519.PublicKey))
	if err != nil {
		return nil, err
	}
	return &Ed25519Signer{priv: priv, did: did}, nil
}

// Seed returns a copy of the 32-byte seed (the private key).
func (s *Ed25519Signer) Seed() []byte { return s.priv.Seed() } // ed25519 returns a copy

// PublicKey returns the 32-byte Ed25519 public key, a copy.
func (s *Ed25519Signer) PublicKey() ed25519.PublicKey { return s.priv.Public().(ed25519.PublicKey) }

// DIDKey returns the signer's did:key identifier.
func (s *Ed25519Signer) DIDKey() string { return s.did }

// Sign returns the 64-byte Ed25519 signature of message.
func (s *Ed25519Signer) Sign(message []byte) []byte { return ed25519.Sign(s.priv, message) }

// String names the signer by its did:key, never its seed.
func (s *Ed25519Signer) String() string { return "attestation.Ed25519Signer(" + s.did + ")" }

// GoString is String, so %#v cannot print the seed either.
func (s *Ed25519Signer) GoString() string { return s.String() }
