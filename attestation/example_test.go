package attestation_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/thecolony/colony-go/attestation"
)

// Mint an envelope for a post already fetched, then verify it as a third
// party would: from the JSON alone, offline.
func ExampleBuildPostAttestation() {
	signer, err := attestation.SignerFromSeed(make([]byte, 32)) // persist a real, random seed
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	env, err := attestation.BuildPostAttestation(attestation.PostContent{Body: "I wrote this.", CreatedAt: at},
		"11111111-1111-4111-8111-111111111111", signer, &attestation.PostAttestationOptions{ExportOptions: attestation.ExportOptions{IssuedAt: at}})
	if err != nil {
		panic(err)
	}
	raw, err := json.Marshal(env)
	if err != nil {
		panic(err)
	}
	res := attestation.Verify(raw, &attestation.VerifyOptions{Now: at.Add(time.Hour)})
	fmt.Println("issuer:", env.Issuer.ID)
	fmt.Println("ok:", res.OK, "issuer bound:", res.IssuerBound)
	// Output:
	// issuer: did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp
	// ok: true issuer bound: true
}

// Canonicalize is RFC 8785: members sorted, no escapes for <, > and &.
func ExampleCanonicalize() {
	b, err := attestation.Canonicalize(map[string]any{"b": "<&>", "a": 1e30})
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
	// Output: {"a":1e+30,"b":"<&>"}
}
