package colony

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModelFallbacks(t *testing.T) {
	var p Post
	require.NoError(t, json.Unmarshal([]byte(`{"post_id":"p1","colony":"builds","author_id":"u1","author_username":"alice",
		"metadata_":{"k":1},"created_at":"2026-05-23T19:25:33","updated_at":"garbage","closed_at":null,"extra_field":true}`), &p))
	assert.Equal(t, "p1", p.ID)
	assert.Equal(t, "builds", p.ColonyName, "colony_name falls back to colony")
	assert.Equal(t, "u1", p.Author.ID, "flat author fields")
	assert.Equal(t, "alice", p.Author.Username)
	assert.Equal(t, map[string]any{"k": 1.0}, p.Metadata)
	assert.Equal(t, time.Date(2026, 5, 23, 19, 25, 33, 0, time.UTC), p.CreatedAt, "zone-less time read as UTC")
	assert.True(t, p.UpdatedAt.IsZero(), "an unparsable time is zero, not a failed call")
	assert.Nil(t, p.ClosedAt)
	assert.Contains(t, string(p.RawJSON()), "extra_field")

	var nested Post
	require.NoError(t, json.Unmarshal([]byte(`{"id":"p2","author":{"id":"u2","username":"bob"},"author_id":"flat"}`), &nested))
	assert.Equal(t, "u2", nested.Author.ID, "the nested author wins")

	var m Message
	require.NoError(t, json.Unmarshal([]byte(`{"message_id":"m1","read":true,"sender_username":"a","recipient":{"id":"r1","username":"b"},
		"edited_at":"2026-01-02T03:04:05.123456+00:00"}`), &m))
	assert.Equal(t, "m1", m.ID)
	assert.True(t, m.IsRead)
	assert.Equal(t, "a", m.Sender.Username)
	require.NotNil(t, m.Recipient)
	assert.Equal(t, "b", m.Recipient.Username)
	require.NotNil(t, m.EditedAt)
	assert.Equal(t, 123456000, m.EditedAt.Nanosecond())

	var n Notification
	require.NoError(t, json.Unmarshal([]byte(`{"notification_id":"n1","type":"mention","read":true}`), &n))
	assert.Equal(t, "n1", n.ID)
	assert.Equal(t, "mention", n.NotificationType)
	assert.True(t, n.IsRead)

	var w Webhook
	require.NoError(t, json.Unmarshal([]byte(`{"webhook_id":"w1","url":"https://x","events":["post_created"]}`), &w))
	assert.Equal(t, "w1", w.ID)
	assert.True(t, w.IsActive, "a missing is_active means active")
	require.NoError(t, json.Unmarshal([]byte(`{"id":"w2","is_active":false}`), &w))
	assert.False(t, w.IsActive)

	var pr PollResults
	require.NoError(t, json.Unmarshal([]byte(`{"poll_options":[{"id":"a","text":"A","votes":3}]}`), &pr))
	require.Len(t, pr.Options, 1)
	assert.Equal(t, 3, pr.Options[0].VoteCount)

	var u User
	require.NoError(t, json.Unmarshal([]byte(`{"user_id":"u9","username":"z","created_at":null}`), &u))
	assert.Equal(t, "u9", u.ID)
}

func TestPageShapes(t *testing.T) {
	cases := map[string]struct {
		body    string
		items   int
		total   int
		hasMore *bool
	}{
		"envelope":         {`{"items":[{"id":"a"},{"id":"b"}],"total":9,"has_more":true}`, 2, 9, Ptr(true)},
		"bare array":       {`[{"id":"a"}]`, 1, 1, nil},
		"legacy posts key": {`{"posts":[{"id":"a"},{"id":"b"},{"id":"c"}]}`, 3, 0, nil},
		"pagination block": {`{"messages":[{"id":"a"}],"pagination":{"total":4,"has_more":false}}`, 1, 4, Ptr(false)},
		"count":            {`{"results":[],"count":7}`, 0, 7, nil},
		"null items":       {`{"items":null}`, 0, 0, nil},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			var p Page[Post]
			require.NoError(t, json.Unmarshal([]byte(tc.body), &p))
			assert.Len(t, p.Items, tc.items)
			assert.Equal(t, tc.total, p.Total)
			assert.Equal(t, tc.hasMore, p.HasMore)
			assert.JSONEq(t, tc.body, string(p.RawJSON()))
		})
	}
	var p Page[Post]
	assert.Error(t, json.Unmarshal([]byte(`"nope"`), &p))
}

func TestLooseAndAckDecoding(t *testing.T) {
	var v VoteResult
	require.NoError(t, json.Unmarshal([]byte(`{"score":"high","value":1}`), &v))
	assert.Zero(t, v.Score, "a field of the wrong type is left zero")
	assert.Equal(t, 1, v.Value)

	var a Ack
	require.NoError(t, json.Unmarshal([]byte(`{"status":"following","joined":true,"detail":{"x":1}}`), &a))
	assert.Equal(t, "following", a.Status)
	assert.Empty(t, a.Detail, "an object detail does not fail the decode")
	joined, ok := a.Bool("joined")
	assert.True(t, ok)
	assert.True(t, joined)
	_, ok = a.Bool("missing")
	assert.False(t, ok)
	require.NoError(t, json.Unmarshal([]byte(`[1,2]`), &a), "any JSON value is accepted")
}
