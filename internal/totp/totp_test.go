package totp

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test vectors of RFC 6238 Appendix B: 8-digit codes, 30 s steps, with
// the ASCII seeds the RFC gives for each hash.
func TestRFC6238Vectors(t *testing.T) {
	seeds := map[string]struct {
		h    func() hash.Hash
		seed string
	}{
		"SHA1":   {sha1.New, "12345678901234567890"},
		"SHA256": {sha256.New, "12345678901234567890123456789012"},
		"SHA512": {sha512.New, "1234567890123456789012345678901234567890123456789012345678901234"},
	}
	vectors := []struct {
		unix int64
		mode string
		want string
	}{
		{59, "SHA1", "94287082"}, {59, "SHA256", "46119246"}, {59, "SHA512", "90693936"},
		{1111111109, "SHA1", "07081804"}, {1111111109, "SHA256", "68084774"}, {1111111109, "SHA512", "25091201"},
		{1111111111, "SHA1", "14050471"}, {1111111111, "SHA256", "67062674"}, {1111111111, "SHA512", "99943326"},
		{1234567890, "SHA1", "89005924"}, {1234567890, "SHA256", "91819424"}, {1234567890, "SHA512", "93441116"},
		{2000000000, "SHA1", "69279037"}, {2000000000, "SHA256", "90698825"}, {2000000000, "SHA512", "38618901"},
		{20000000000, "SHA1", "65353130"}, {20000000000, "SHA256", "77737706"}, {20000000000, "SHA512", "47863826"},
	}
	for _, v := range vectors {
		s := seeds[v.mode]
		got := HOTP(s.h, []byte(s.seed), Counter(time.Unix(v.unix, 0), Step), 8)
		assert.Equal(t, v.want, got, "T=%d %s", v.unix, v.mode)
	}
}

// RFC 4226 Appendix D: HOTP values of the same SHA1 seed for counters 0-9.
func TestRFC4226Vectors(t *testing.T) {
	want := []string{"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"}
	for i, w := range want {
		assert.Equal(t, w, HOTP(sha1.New, []byte("12345678901234567890"), uint64(i), 6), "counter %d", i)
	}
}

func TestCodeFromBase32Secret(t *testing.T) {
	secret := EncodeSecret([]byte("12345678901234567890"))
	for _, s := range []string{secret, secret + "====", "gezdgnbvgy3tqojqgezdgnbvgy3tqojq"} {
		got, err := Code(s, time.Unix(59, 0))
		require.NoError(t, err)
		assert.Equal(t, "287082", got, "the 6-digit form of the RFC's T=59 value")
	}
	_, err := Code("not base32!", time.Unix(59, 0))
	assert.Error(t, err)
}
