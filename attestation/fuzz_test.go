package attestation

import (
	"bytes"
	"testing"
)

// Canonical output is a fixed point, and nothing panics on hostile input.
func FuzzCanonicalize(f *testing.F) {
	for _, seed := range []string{`{"b":[1,2.5e-7,{"\u00e9":null}],"a":"<&>\u2028"}`, `[1e400]`, `"\ud800"`, `{"a":1,"a":2}`, `[[[[`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := CanonicalizeJSON(data)
		if err != nil {
			return
		}
		again, err := CanonicalizeJSON(out)
		if err != nil || !bytes.Equal(out, again) {
			t.Fatalf("not a fixed point: %q -> %q (%v)", out, again, err)
		}
	})
}

func FuzzVerify(f *testing.F) {
	f.Add([]byte(interopFixture))
	f.Add([]byte(`{"envelope_version":"0.1","issuer":{},"subject":{},"witnessed_claim":{},"evidence":[1],"validity":{},"sigchain":[{"alg":"ed25519","key_id":"did:key:z1","sig":"=="}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if res := Verify(data, nil); res.OK && len(res.Reasons) > 0 {
			t.Fatalf("OK with reasons %v", res.Reasons)
		}
	})
}
