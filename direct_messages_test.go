package colony_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestSendMessageAndConversation(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	var mu sync.Mutex
	var events []colonytest.Event
	e.srv.OnEvent(func(ev colonytest.Event) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, ev)
	})

	m, err := e.bob.SendMessage(ctx, "ALICE", "Hello **alice**") // usernames are case-insensitive
	require.NoError(t, err)
	assert.Equal(t, "bob", m.Sender.Username)
	assert.Equal(t, "Hello **alice**", m.Body)
	assert.False(t, m.IsRead)
	assert.Equal(t, e.clock.Now(), m.CreatedAt)
	assert.Equal(t, 1, unread(t, e.alice))
	assert.Equal(t, 0, unread(t, e.bob), "your own messages are never unread")

	back, err := e.alice.SendMessage(ctx, "bob", "Hi bob")
	require.NoError(t, err)
	assert.Equal(t, m.ConversationID, back.ConversationID, "one conversation per pair")

	conv, err := e.alice.GetConversation(ctx, "bob")
	require.NoError(t, err)
	assert.Equal(t, m.ConversationID, conv.ID)
	assert.Equal(t, "bob", conv.OtherUser.Username)
	require.Len(t, conv.Messages, 2)
	assert.Equal(t, []string{m.ID, back.ID}, []string{conv.Messages[0].ID, conv.Messages[1].ID}, "oldest first")
	assert.Equal(t, 1, unread(t, e.alice), "reading the thread does not mark it read")

	_, err = e.alice.MarkMessageRead(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, 0, unread(t, e.alice))
	conv, err = e.bob.GetConversation(ctx, "alice")
	require.NoError(t, err)
	assert.True(t, conv.Messages[0].IsRead, "bob sees alice read his message")
	require.NotNil(t, conv.Messages[0].ReadAt)

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, events, 2)
	assert.Equal(t, "direct_message", events[0].Name)
	assert.Equal(t, []string{e.aliceA.ID}, events[0].Recipients)
	assert.Equal(t, m.ConversationID, events[0].Payload["conversation_id"])
}

func TestSendMessageErrors(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	_, err := e.alice.SendMessage(ctx, "nobody", "hi")
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")
	_, err = e.alice.SendMessage(ctx, "alice", "hi")
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")
	_, err = e.alice.GetConversation(ctx, "bob")
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND")

	e.srv.SetKarma("carol", 4)
	_, err = e.carol.SendMessage(ctx, "alice", "hi")
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "KARMA_TOO_LOW")
	assert.Contains(t, err.Error(), "karma")
}

// TestSendMessageIdempotencyKey: the same key sends one message; the
// replay returns the stored one.
func TestSendMessageIdempotencyKey(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	key := colony.GenerateIdempotencyKey()
	first, err := e.alice.SendMessage(ctx, "bob", "exactly once", colony.WithIdempotencyKey(key))
	require.NoError(t, err)
	var meta colony.ResponseMeta
	again, err := e.alice.SendMessage(ctx, "bob", "exactly once", colony.WithIdempotencyKey(key), colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, first.ID, again.ID)
	assert.True(t, meta.Replayed)
	conv, err := e.bob.GetConversation(ctx, "alice")
	require.NoError(t, err)
	assert.Len(t, conv.Messages, 1)
}

func TestMarkConversationSpam(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	_, err := e.alice.MarkConversationSpam(ctx, "bob", nil)
	assertAPIError(t, err, colony.ErrNotFound, http.StatusNotFound, "NOT_FOUND") // no thread yet
	_, err = e.bob.SendMessage(ctx, "alice", "buy my course")
	require.NoError(t, err)

	var meta colony.ResponseMeta
	first, err := e.alice.MarkConversationSpam(ctx, "bob", nil, colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, colony.SpamReasonSpam, first.SpamReasonCode, "the default reason")
	assert.NotEmpty(t, first.ReportID)
	assert.False(t, first.IdempotencyReplayed)
	assert.Equal(t, http.StatusCreated, meta.StatusCode, "the caller's WithResponse is still filled")
	sent := e.srv.RequestsTo("POST /messages/conversations/{username}/spam")
	require.NotEmpty(t, sent)
	assert.JSONEq(t, `{"reason":"spam"}`, string(sent[len(sent)-1].Body), "description omitted when empty")

	again, err := e.alice.MarkConversationSpam(ctx, "bob", &colony.MarkConversationSpamOptions{Reason: colony.SpamReasonHarassment})
	require.NoError(t, err)
	assert.Empty(t, again.ReportID, "an idempotent re-mark files no new report")
	assert.Equal(t, first.SpamReportedAt, again.SpamReportedAt)
	assert.False(t, again.IdempotencyReplayed, "a re-mark is not a replay")

	key := colony.GenerateIdempotencyKey()
	opts := &colony.MarkConversationSpamOptions{Reason: colony.SpamReasonOther, Description: "see thread"}
	_, err = e.carol.SendMessage(ctx, "alice", "hello")
	require.NoError(t, err)
	stored, err := e.alice.MarkConversationSpam(ctx, "carol", opts, colony.WithIdempotencyKey(key))
	require.NoError(t, err)
	assert.False(t, stored.IdempotencyReplayed)
	meta = colony.ResponseMeta{}
	replayed, err := e.alice.MarkConversationSpam(ctx, "carol", opts, colony.WithIdempotencyKey(key), colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.True(t, replayed.IdempotencyReplayed, "read from the Idempotent-Replay header")
	assert.True(t, meta.Replayed)
	assert.Equal(t, stored.ReportID, replayed.ReportID)

	unmarked, err := e.alice.UnmarkConversationSpam(ctx, "carol")
	require.NoError(t, err)
	assert.Equal(t, stored.ConversationID, unmarked.ConversationID)
	assert.Nil(t, unmarked.SpamReportedAt)
	assert.Empty(t, unmarked.SpamReasonCode)
	_, err = e.alice.UnmarkConversationSpam(ctx, "carol")
	assert.NoError(t, err, "unmarking is idempotent")
}

// TestSpamMarkReplayedFlag: the body's idempotency_replayed wins; without
// it either replay header sets the flag.
func TestSpamMarkReplayedFlag(t *testing.T) {
	cases := []struct {
		name   string
		body   string
		header [2]string
		want   bool
	}{
		{"body true, no header", `{"conversation_id":"c","idempotency_replayed":true}`, [2]string{}, true},
		{"body false beats header", `{"conversation_id":"c","idempotency_replayed":false}`, [2]string{"Idempotent-Replay", "true"}, false},
		{"Idempotent-Replay header", `{"conversation_id":"c"}`, [2]string{"Idempotent-Replay", "TRUE"}, true},
		{"legacy header", `{"conversation_id":"c"}`, [2]string{"X-Idempotency-Replayed", "true"}, true},
		{"neither", `{"conversation_id":"c"}`, [2]string{}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			client, _ := newRawServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tc.header[0] != "" {
					w.Header().Set(tc.header[0], tc.header[1])
				}
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(tc.body))
			})
			got, err := client.MarkConversationSpam(t.Context(), "spammer", nil)
			require.NoError(t, err)
			assert.Equal(t, "c", got.ConversationID)
			assert.Equal(t, tc.want, got.IdempotencyReplayed)
			assert.JSONEq(t, tc.body, string(got.RawJSON()))
		})
	}
}

func TestListConversations(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	_, err := e.bob.SendMessage(ctx, "alice", "first from bob")
	require.NoError(t, err)
	e.clock.Advance(time.Minute)
	_, err = e.carol.SendMessage(ctx, "alice", "one from carol")
	require.NoError(t, err)
	e.clock.Advance(time.Minute)
	_, err = e.carol.SendMessage(ctx, "alice", "two from carol")
	require.NoError(t, err)

	inbox, err := e.alice.ListConversations(ctx, nil)
	require.NoError(t, err)
	require.Len(t, inbox.Items, 2)
	assert.Equal(t, 2, inbox.Total)
	latest := inbox.Items[0]
	assert.Equal(t, "carol", latest.OtherUser.Username, "most recent first")
	assert.Equal(t, 2, latest.UnreadCount)
	assert.Equal(t, "two from carol", latest.LastMessagePreview)
	assert.Equal(t, e.clock.Now(), latest.LastMessageAt)
	assert.Equal(t, "bob", inbox.Items[1].OtherUser.Username)
	assert.Equal(t, 1, inbox.Items[1].UnreadCount)
	assert.NotEmpty(t, latest.RawJSON())
}
