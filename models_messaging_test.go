package colony_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// TestMessagingModelShapes: the messaging results decode every shape the
// spec records (live, docstring and older servers) and keep their JSON.
func TestMessagingModelShapes(t *testing.T) {
	decode := func(t *testing.T, raw string, v any) {
		t.Helper()
		require.NoError(t, json.Unmarshal([]byte(raw), v))
	}
	t.Run("conversation as a bare array", func(t *testing.T) {
		var c colony.Conversation
		decode(t, `[{"id":"m1","body":"hi","sender":{"id":"u1","username":"bob"}}]`, &c)
		require.Len(t, c.Messages, 1)
		assert.Equal(t, "bob", c.Messages[0].Sender.Username)
		assert.JSONEq(t, `[{"id":"m1","body":"hi","sender":{"id":"u1","username":"bob"}}]`, string(c.RawJSON()))
	})
	t.Run("conversation as an items envelope", func(t *testing.T) {
		var c colony.Conversation
		decode(t, `{"items":[{"message_id":"m1","body":"hi","sender_username":"bob"}]}`, &c)
		require.Len(t, c.Messages, 1)
		assert.Equal(t, "m1", c.Messages[0].ID)
		assert.Equal(t, "bob", c.Messages[0].Sender.Username)
	})
	t.Run("conversation with a surprising field", func(t *testing.T) {
		var c colony.Conversation
		decode(t, `{"id":"c1","other_user":"bob","messages":[{"id":"m1","body":"hi"}]}`, &c)
		assert.Equal(t, "c1", c.ID)
		assert.Empty(t, c.OtherUser.Username, "left zero, not failed")
		assert.Len(t, c.Messages, 1)
	})
	t.Run("conversation summary with a plain username", func(t *testing.T) {
		var p colony.Page[colony.ConversationSummary]
		decode(t, `{"conversations":[{"id":"c1","username":"bob","unread_count":3,"last_message_at":"2026-05-26T11:00:00"}]}`, &p)
		require.Len(t, p.Items, 1)
		assert.Equal(t, "bob", p.Items[0].OtherUser.Username)
		assert.Equal(t, 3, p.Items[0].UnreadCount)
		assert.Equal(t, time.Date(2026, 5, 26, 11, 0, 0, 0, time.UTC), p.Items[0].LastMessageAt)
	})
	t.Run("unread count keys", func(t *testing.T) {
		for raw, want := range map[string]int{`{"unread_count":4}`: 4, `{"count":2}`: 2, `{}`: 0, `{"unread_count":null}`: 0} {
			var u colony.UnreadCount
			decode(t, raw, &u)
			assert.Equal(t, want, u.Count, raw)
		}
	})
	t.Run("mark all read keys", func(t *testing.T) {
		for raw, want := range map[string]int{`{"marked":5}`: 5, `{"marked_read":6}`: 6} {
			var r colony.GroupReadAll
			decode(t, raw, &r)
			assert.Equal(t, want, r.Marked, raw)
		}
	})
	t.Run("invite answer keys", func(t *testing.T) {
		for raw, want := range map[string]string{`{"invite_status":"accepted"}`: "accepted", `{"status":"declined"}`: "declined"} {
			var r colony.GroupInviteResponse
			decode(t, raw, &r)
			assert.Equal(t, want, r.InviteStatus, raw)
		}
	})
	t.Run("attachment upload id keys", func(t *testing.T) {
		for _, raw := range []string{`{"attachment_id":"a1","size_bytes":9,"width":4}`, `{"id":"a1","size_bytes":9,"width":4}`} {
			var a colony.AttachmentUpload
			decode(t, raw, &a)
			assert.Equal(t, "a1", a.ID, raw)
			assert.EqualValues(t, 9, a.SizeBytes)
			require.NotNil(t, a.Width)
			assert.Equal(t, 4, *a.Width)
			assert.Nil(t, a.Height)
		}
	})
	t.Run("group search, docstring shape", func(t *testing.T) {
		var r colony.GroupSearchResults
		decode(t, `{"hits":[{"message":{"id":"m1","body":"deploy"},"highlight":"<mark>deploy</mark>"}],"total":9,"has_more":true}`, &r)
		require.Len(t, r.Hits, 1)
		assert.Equal(t, "m1", r.Hits[0].Message.ID)
		assert.Equal(t, "<mark>deploy</mark>", r.Hits[0].BodyHighlight)
		assert.Equal(t, 9, r.Total)
		require.NotNil(t, r.HasMore)
		assert.True(t, *r.HasMore)
	})
	t.Run("group search, live shape", func(t *testing.T) {
		var r colony.GroupSearchResults
		decode(t, `{"q":"release","count":1,"results":[{"id":"m1","body":"the release","body_highlight":"the [[hl]]release[[/hl]]"}],"pagination":{"total":1,"has_more":false}}`, &r)
		require.Len(t, r.Hits, 1)
		assert.Equal(t, "the [[hl]]release[[/hl]]", r.Hits[0].BodyHighlight)
		assert.Equal(t, "release", r.Query)
		assert.Equal(t, 1, r.Total)
		require.NotNil(t, r.HasMore)
		assert.False(t, *r.HasMore)
	})
	t.Run("template role labels", func(t *testing.T) {
		var tp colony.GroupTemplate
		decode(t, `{"slug":"s","title":"T","description":"D","role_labels":["lead"]}`, &tp)
		assert.Equal(t, []string{"lead"}, tp.SuggestedRoles)
	})
	t.Run("group conversation with undocumented fields", func(t *testing.T) {
		var g colony.GroupConversation
		decode(t, `{"conversation_id":"g1","title":"T","member_count":"many","pinned":[{"id":"m1","body":"x"}],"my_role":"admin"}`, &g)
		assert.Equal(t, "g1", g.ID)
		assert.Zero(t, g.MemberCount, "a wrong type is left zero")
		require.Len(t, g.Pinned, 1)
		assert.Contains(t, string(g.RawJSON()), `"my_role":"admin"`)
	})
	t.Run("saved messages page", func(t *testing.T) {
		var p colony.Page[colony.SavedMessage]
		decode(t, `{"messages":[{"saved_at":"2026-05-26T11:00:00Z","message":{"id":"m1"},"is_group":true,"conversation_title":"T"}],"pagination":{"total":7,"has_more":true}}`, &p)
		require.Len(t, p.Items, 1)
		assert.Equal(t, "m1", p.Items[0].Message.ID)
		assert.Equal(t, 7, p.Total)
		assert.True(t, *p.HasMore)
		assert.NotEmpty(t, p.Items[0].RawJSON())
	})
	t.Run("message reads with nulls", func(t *testing.T) {
		var r colony.MessageReads
		decode(t, `{"is_group":false,"total_others":1,"seen_count":0,"seen":[],"unseen":[{"user_id":"u","username":"bob","display_name":"Bob","read_at":null}]}`, &r)
		require.Len(t, r.Unseen, 1)
		assert.Nil(t, r.Unseen[0].ReadAt)
	})
}

// TestListGroupTemplatesShapes: the template list decodes as the live
// envelope and as a bare array.
func TestListGroupTemplatesShapes(t *testing.T) {
	for name, body := range map[string]string{
		"envelope":   `{"templates":[{"slug":"software-team","title":"Software team","description":"d"}],"pagination":{"total":1}}`,
		"bare array": `[{"slug":"software-team","title":"Software team","description":"d"}]`,
	} {
		t.Run(name, func(t *testing.T) {
			client, _ := newRawServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(body))
			})
			got, err := client.ListGroupTemplates(t.Context())
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, "software-team", got[0].Slug)
			assert.NotEmpty(t, got[0].RawJSON())
		})
	}
}
