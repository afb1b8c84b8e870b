package colonytest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
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

func TestMessageRouteDispatchUnknownActions(t *testing.T) {
	s := NewServer(t)
	a := s.Agent()
	const id = "55555555-5555-4555-8555-555555555555"
	for _, tc := range []struct{ method, path string }{
		{http.MethodGet, "/messages/" + id + "/bogus"},
		{http.MethodPost, "/messages/" + id + "/bogus"},
		{http.MethodDelete, "/messages/" + id + "/bogus/x"},
	} {
		status, body := rawCall(t, s, a, tc.method, tc.path, "", nil)
		assert.Equal(t, http.StatusNotFound, status, "%s %s: %s", tc.method, tc.path, body)
	}
	status, _ := rawCall(t, s, a, http.MethodPost, "/messages/"+id+"/read", "", nil)
	assert.Equal(t, http.StatusNotFound, status, "a known action on an unknown message")
	assert.Equal(t, MessagePostRoute, s.Requests()[len(s.Requests())-1].Pattern)
}

func TestDirectMessageNotifies(t *testing.T) {
	s := NewServer(t)
	bob := s.AddAgent("bob")
	_, err := s.Client(t).SendMessage(t.Context(), "bob", "ping")
	require.NoError(t, err)
	s.mu.Lock()
	defer s.mu.Unlock()
	require.Len(t, s.notifs[bob.ID], 1)
	n := s.notifs[bob.ID][0]
	assert.Equal(t, "direct_message", n.Type)
	assert.Equal(t, s.Agent().ID, n.ActorID)
	assert.Contains(t, n.Message, "test-agent")
}

func TestAttachmentUploadChecks(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\nrest")
	gif := []byte("GIF89a\x03\x00\x02\x00\x00\x00\x00;") // 3×2 logical screen
	webp := []byte("RIFF\x10\x00\x00\x00WEBPVP8 ")
	cases := []struct {
		name         string
		field, ct    string
		data         []byte
		status       int
		code         string
		wantW, wantH any
	}{
		{"png", "file", "image/png", png, http.StatusCreated, "", nil, nil},
		{"gif with its size", "file", "image/gif", gif, http.StatusCreated, "", 3.0, 2.0},
		{"webp", "file", "image/webp", webp, http.StatusCreated, "", nil, nil},
		{"bytes are not the declared type", "file", "image/jpeg", png, http.StatusBadRequest, "INVALID_INPUT", nil, nil},
		{"unsupported type", "file", "image/bmp", []byte("BM...."), http.StatusBadRequest, "INVALID_INPUT", nil, nil},
		{"empty file", "file", "image/png", nil, http.StatusBadRequest, "INVALID_INPUT", nil, nil},
		{"too large", "file", "image/png", append(bytes.Clone(png), make([]byte, MaxAttachmentBytes)...), http.StatusRequestEntityTooLarge, "LIMIT_EXCEEDED", nil, nil},
		{"no file part", "image", "image/png", png, http.StatusUnprocessableEntity, "", nil, nil},
	}
	s := NewServer(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ct, body := multipartFile(t, tc.field, tc.ct, tc.data)
			status, out := rawCall(t, s, s.Agent(), http.MethodPost, "/messages/attachments/upload", ct, body)
			require.Equal(t, tc.status, status, "%s", out)
			var got map[string]any
			require.NoError(t, json.Unmarshal(out, &got))
			if tc.code != "" {
				assert.Equal(t, tc.code, got["detail"].(map[string]any)["code"])
			}
			if status == http.StatusCreated {
				assert.Equal(t, tc.ct, got["mime_type"])
				assert.EqualValues(t, len(tc.data), got["size_bytes"])
				assert.Equal(t, tc.wantW, got["width"])
				assert.Equal(t, tc.wantH, got["height"])
				assert.Equal(t, "/messages/attachments/"+got["attachment_id"].(string)+"/thumb", got["thumb_url"])
			}
		})
	}
	status, _ := rawCall(t, s, s.Agent(), http.MethodPost, "/messages/attachments/upload", "application/json", []byte(`{}`))
	assert.Equal(t, http.StatusUnprocessableEntity, status, "not multipart")
}

// TestAttachmentAccess: the uploader sees an attachment; a participant of a
// conversation carrying it does too; anyone else gets 403. Deleting is the
// uploader's, idempotent, and hides it from messages.
func TestAttachmentAccess(t *testing.T) {
	s := NewServer(t)
	alice, bob := s.AddAgent("alice"), s.AddAgent("bob")
	ac, bc := s.ClientFor(t, alice), s.ClientFor(t, bob)
	ctx := t.Context()
	png := []byte("\x89PNG\r\n\x1a\nalice's picture")
	up, err := ac.UploadMessageAttachment(ctx, "p.png", bytes.NewReader(png), colony.ImagePNG)
	require.NoError(t, err)
	again, err := ac.UploadMessageAttachment(ctx, "same.png", bytes.NewReader(png), colony.ImagePNG)
	require.NoError(t, err)
	assert.True(t, again.Deduped)
	assert.Equal(t, up.ID, again.ID)

	_, err = bc.GetMessageAttachment(ctx, up.ID, colony.AttachmentFull)
	assert.ErrorIs(t, err, colony.ErrForbidden)
	raw, err := ac.Raw(ctx, http.MethodPost, "/messages/send/bob", map[string]any{"body": "", "attachment_ids": []string{up.ID}})
	require.NoError(t, err, "an attachment alone is a message")
	var sent colony.Message
	require.NoError(t, json.Unmarshal(raw, &sent))
	require.Len(t, sent.Attachments, 1)
	assert.Equal(t, "/messages/attachments/"+up.ID+"/full", sent.Attachments[0].FullURL)
	got, err := bc.GetMessageAttachment(ctx, up.ID, colony.AttachmentThumb)
	require.NoError(t, err)
	assert.Equal(t, png, got)

	_, err = bc.Raw(ctx, http.MethodPost, "/messages/send/alice", map[string]any{"body": "mine now", "attachment_ids": []string{up.ID}})
	assert.ErrorIs(t, err, colony.ErrValidation, "only your own uploads can be attached")
	assert.ErrorIs(t, bc.DeleteMessageAttachment(ctx, up.ID), colony.ErrForbidden)
	require.NoError(t, ac.DeleteMessageAttachment(ctx, up.ID))
	require.NoError(t, ac.DeleteMessageAttachment(ctx, up.ID), "idempotent")
	_, err = ac.GetMessageAttachment(ctx, up.ID, colony.AttachmentFull)
	assert.ErrorIs(t, err, colony.ErrNotFound)
	conv, err := bc.GetConversation(ctx, "alice")
	require.NoError(t, err)
	assert.Empty(t, conv.Messages[0].Attachments)
}

func TestMsgHighlight(t *testing.T) {
	terms := map[string]bool{"deploy": true, "plan": true, "été": true}
	cases := map[string]string{
		"Deploy the plan.":             "[[hl]]Deploy[[/hl]] the [[hl]]plan[[/hl]].",
		"redeploy planner":             "redeploy planner",
		"deploy-plan, DEPLOY!":         "[[hl]]deploy[[/hl]]-[[hl]]plan[[/hl]], [[hl]]DEPLOY[[/hl]]!",
		"Été 2026 — plan":              "[[hl]]Été[[/hl]] 2026 — [[hl]]plan[[/hl]]",
		"":                             "",
		"no match at all, just text 😀": "no match at all, just text 😀",
	}
	for in, want := range cases {
		assert.Equal(t, want, msgHighlight(in, terms), in)
	}
	assert.Equal(t, []string{"deploy", "plan", "v2"}, msgWords(" deploy,plan v2! "))
}

func TestSnoozeUntilMorning(t *testing.T) {
	for _, tc := range []struct{ now, want time.Time }{
		{time.Date(2026, 5, 26, 7, 30, 0, 0, time.UTC), time.Date(2026, 5, 26, 8, 0, 0, 0, time.UTC)},
		{time.Date(2026, 5, 26, 8, 0, 0, 0, time.UTC), time.Date(2026, 5, 27, 8, 0, 0, 0, time.UTC)},
		{time.Date(2026, 5, 31, 23, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)},
	} {
		s := NewServer(t, WithClock(func() time.Time { return tc.now }))
		bob := s.AddAgent("bob")
		g, err := s.Client(t).CreateGroupConversation(t.Context(), "G", []string{"bob"})
		require.NoError(t, err)
		bc := s.ClientFor(t, bob)
		_, err = bc.RespondToGroupInvite(t.Context(), g.ID, true)
		require.NoError(t, err)
		st, err := bc.SnoozeGroupConversation(t.Context(), g.ID, colony.SnoozeUntilMorning)
		require.NoError(t, err)
		require.NotNil(t, st.SnoozedUntil)
		assert.Equal(t, tc.want, *st.SnoozedUntil, "at %v", tc.now)
	}
}

// TestRejectedFirstMessageStartsNoThread: a refused first message leaves no
// empty conversation behind.
func TestRejectedFirstMessageStartsNoThread(t *testing.T) {
	s := NewServer(t)
	s.AddAgent("bob")
	c := s.Client(t)
	_, err := c.SendMessage(t.Context(), "bob", strings.Repeat("x", maxMessageBody+1))
	assert.ErrorIs(t, err, colony.ErrValidation)
	_, err = c.GetConversation(t.Context(), "bob")
	assert.ErrorIs(t, err, colony.ErrNotFound)
}
