// Package totp is the RFC 6238 time-based one-time password algorithm
// (HOTP of RFC 4226 over 30-second steps), stdlib only.
//
// The SDK itself never derives codes: a client holding both the API key and
// the TOTP secret would defeat the second factor. colonytest uses this
// package to check codes the way the live server does, and tests use it to
// play the authenticator app.
package totp

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"hash"
	"strings"
	"time"
)

// Step is the RFC 6238 time step the Colony uses.
const Step = 30 * time.Second

// Digits is the code length the Colony uses.
const Digits = 6

// Counter is the RFC 6238 moving factor T for t: whole steps since the Unix
// epoch.
func Counter(t time.Time, step time.Duration) uint64 {
	return uint64(t.Unix()) / uint64(step/time.Second)
}

// HOTP is RFC 4226's value for key and counter, with digits digits, using
// the hash h (sha1.New for the standard TOTP).
func HOTP(h func() hash.Hash, key []byte, counter uint64, digits int) string {
	mac := hmac.New(h, key)
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	bin := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	mod := uint32(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, bin%mod)
}

// Code is the standard TOTP (HMAC-SHA1, 30 s, 6 digits) of a base32 secret
// at t. An undecodable secret is an error.
func Code(secret string, t time.Time) (string, error) {
	key, err := DecodeSecret(secret)
	if err != nil {
		return "", err
	}
	return HOTP(sha1.New, key, Counter(t, Step), Digits), nil
}

// DecodeSecret decodes a base32 secret as authenticator apps accept it:
// case-insensitive, padding optional.
func DecodeSecret(secret string) ([]byte, error) {
	s := strings.ToUpper(strings.TrimRight(secret, "="))
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("totp: secret is not base32")
	}
	return key, nil
}

// EncodeSecret is the unpadded base32 form of key, as otpauth URIs carry it.
func EncodeSecret(key []byte) string {
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(key)
}
