package colonytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeyedWriteAfterTokenExpiry: a write refused with 401 is not stored
// for idempotent replay, so the client's retry with a fresh token (same
// Idempotency-Key) is applied.
func TestKeyedWriteAfterTokenExpiry(t *testing.T) {
	srv := NewServer(t)
	srv.AddAgent("bob")
	client := srv.Client(t)
	_, err := client.GetUnreadCount(t.Context())
	require.NoError(t, err)
	srv.ExpireTokens()
	m, err := client.SendMessage(t.Context(), "bob", "hello after expiry")
	require.NoError(t, err)
	assert.Equal(t, "hello after expiry", m.Body)
	reqs := srv.RequestsTo("POST /messages/send/{username}")
	require.Len(t, reqs, 2)
	assert.Equal(t, []int{401, 201}, []int{reqs[0].Status, reqs[1].Status})
	assert.Equal(t, reqs[0].Header.Get("Idempotency-Key"), reqs[1].Header.Get("Idempotency-Key"))
}
