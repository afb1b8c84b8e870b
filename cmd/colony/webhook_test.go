package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sign(body, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(body))
	return hex.EncodeToString(m.Sum(nil))
}

func TestWebhookVerify(t *testing.T) {
	const secret = "a-webhook-secret-of-some-length"
	const body = `{"event": "post_created", "id": "p1", "title": "Hello"}`
	good := sign(body, secret)
	tests := []struct {
		name   string
		stdin  string
		sig    string
		code   int
		stdout string
		stderr string
	}{
		{"valid", body, good, exitOK, "valid: the signature matches the body and secret\n", ""},
		{"valid with the sha256= prefix", body, "sha256=" + good, exitOK, "valid: the signature matches the body and secret\n", ""},
		{"a trailing newline changes the body", body + "\n", good, exitBadWebhook, "",
			"colony: webhook signature not valid: the signature does not match the body and secret\n"},
		{"another secret's signature", body, sign(body, "another-secret-value"), exitBadWebhook, "",
			"colony: webhook signature not valid: the signature does not match the body and secret\n"},
		{"upper-case hex", body, "AB" + good[2:], exitBadWebhook, "", "colony: webhook signature not valid: the signature does not match the body and secret\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli(tt.stdin, "webhook", "verify", "--secret", secret, "--signature", tt.sig)
			assert.Equal(t, tt.code, r.code, "%s", r)
			assert.Equal(t, tt.stdout, r.stdout)
			assert.Equal(t, tt.stderr, r.stderr)
			assert.NotContains(t, r.stdout+r.stderr, secret)
		})
	}
}

func TestWebhookVerifyJSON(t *testing.T) {
	const secret, body = "0123456789abcdef", `{"event":"mention"}`
	r := cli(body, "--json", "webhook", "verify", "--secret", secret, "--signature", sign(body, secret))
	requireOK(t, r)
	assert.Equal(t, webhookVerdict{Valid: true}, decodeAs[webhookVerdict](t, r.stdout))

	r = cli(body+" ", "webhook", "verify", "--json", "--secret", secret, "--signature", sign(body, secret))
	assert.Equal(t, exitBadWebhook, r.code)
	assert.Equal(t, webhookVerdict{Reason: "the signature does not match the body and secret"}, decodeAs[webhookVerdict](t, r.stdout))
	assert.Contains(t, r.stderr, "webhook signature not valid")
}

func TestWebhookVerifyBodyTooLarge(t *testing.T) {
	big := make([]byte, 1<<20+1)
	r := cli(string(big), "webhook", "verify", "--secret", "0123456789abcdef", "--signature", "00")
	require.Equal(t, exitError, r.code, "%s", r)
	assert.Contains(t, r.stderr, "larger than 1.0 MB")
}
