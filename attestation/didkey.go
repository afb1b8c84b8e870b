package attestation

import (
	"crypto/ed25519"
	"fmt"
	"math/big"
	"strings"
)

// didKeyPrefix starts every base58btc did:key ("z" is the multibase code of
// base58btc).
const didKeyPrefix = "did:key:z"

// ed25519Multicodec is the multicodec varint of an Ed25519 public key
// (0xed, as the two-byte varint 0xed 0x01).
var ed25519Multicodec = [2]byte{0xed, 0x01}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// maxDIDKeyLen bounds what DIDKeyToPublicKey decodes: an Ed25519 did:key
// is 56 characters after the prefix.
const maxDIDKeyLen = 128

// PublicKeyToDIDKey encodes a 32-byte Ed25519 public key as a did:key
// (multicodec 0xed01, then base58btc): "did:key:z6Mk...".
func PublicKeyToDIDKey(pub ed25519.PublicKey) (string, error) {
	if len(pub) != ed25519.PublicKeySize {
		return "", fmt.Errorf("%w: Ed25519 public key must be %d bytes, got %d", ErrAttestation, ed25519.PublicKeySize, len(pub))
	}
	buf := make([]byte, 0, 2+len(pub))
	buf = append(buf, ed25519Multicodec[:]...)
	buf = append(buf, pub...)
	return didKeyPrefix + base58Encode(buf), nil
}

// DIDKeyToPublicKey is the inverse of PublicKeyToDIDKey: the raw Ed25519
// public key of a did:key. Other key types (another multicodec) are errors.
func DIDKeyToPublicKey(did string) (ed25519.PublicKey, error) {
	rest, ok := strings.CutPrefix(did, didKeyPrefix)
	if !ok {
		return nil, fmt.Errorf("%w: not a base58btc did:key: %q", ErrAttestation, truncate(did))
	}
	if len(rest) > maxDIDKeyLen {
		return nil, fmt.Errorf("%w: did:key is too long (%d characters)", ErrAttestation, len(did))
	}
	raw, err := base58Decode(rest)
	if err != nil {
		return nil, fmt.Errorf("%w: did:key: %v", ErrAttestation, err)
	}
	if len(raw) < 2 || raw[0] != ed25519Multicodec[0] || raw[1] != ed25519Multicodec[1] {
		return nil, fmt.Errorf("%w: did:key multicodec is not Ed25519 (0xed01)", ErrAttestation)
	}
	pub := raw[2:]
	if len(pub) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: Ed25519 public key must be %d bytes, got %d", ErrAttestation, ed25519.PublicKeySize, len(pub))
	}
	return ed25519.PublicKey(pub), nil
}

// base58Encode is Bitcoin's base58 (the alphabet without 0 O I l): each
// leading zero byte becomes a '1', the rest is the number in base 58.
func base58Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	n := new(big.Int).SetBytes(b)
	radix, mod := big.NewInt(58), new(big.Int)
	var out []byte
	for n.Sign() > 0 {
		n.DivMod(n, radix, mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	for range zeros {
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

func base58Decode(s string) ([]byte, error) {
	if s == "" {
		return nil, fmt.Errorf("empty base58")
	}
	n, radix := new(big.Int), big.NewInt(58)
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(base58Alphabet, s[i])
		if d < 0 {
			return nil, fmt.Errorf("%q is not a base58 character", s[i])
		}
		n.Mul(n, radix)
		n.Add(n, big.NewInt(int64(d)))
	}
	return append(make([]byte, zeros), n.Bytes()...), nil
}

// truncate shortens s for an error message.
func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}
