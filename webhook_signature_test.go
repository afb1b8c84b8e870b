package colony_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func TestWebhookVectors(t *testing.T) {
	vec := loadPeopleVectors(t)
	require.Len(t, vec.Webhook, 16)
	for _, v := range vec.Webhook {
		payload, err := hex.DecodeString(v.PayloadUTF8Hex)
		require.NoError(t, err)
		require.Equal(t, v.Payload, string(payload), v.Name)
		assert.Equal(t, v.HMACSHA256Hex, sign(v.Secret, payload), "%s: HMAC", v.Name)
		assert.Equal(t, v.ExpectedValid, colony.VerifyWebhook(payload, v.SignatureHeader, v.Secret), v.Name)
		err = colony.VerifySignature(payload, v.SignatureHeader, v.Secret)
		if v.ExpectedValid {
			assert.NoError(t, err, v.Name)
		} else {
			assert.Error(t, err, v.Name)
		}
	}
}

func TestVerifySignatureReasons(t *testing.T) {
	body := []byte("hello")
	const secret = "this-is-a-test-secret-1234"
	good := sign(secret, body)
	cases := []struct {
		name, sig, secret string
		want              error
	}{
		{"valid", good, secret, nil},
		{"prefixed", "sha256=" + good, secret, nil},
		{"missing", "", secret, colony.ErrNoSignature},
		{"bare prefix", "sha256=", secret, colony.ErrNoSignature},
		{"mismatch", sign("wrong-secret", body), secret, colony.ErrBadSignature},
		{"upper case", strings.ToUpper(good), secret, colony.ErrBadSignature},
		{"non-ASCII", "é" + good[2:], secret, colony.ErrBadSignature},
		{"empty secret", sign("", body), "", colony.ErrEmptySecret},
	}
	for _, c := range cases {
		err := colony.VerifySignature(body, c.sig, c.secret)
		if c.want == nil {
			assert.NoError(t, err, c.name)
			continue
		}
		assert.ErrorIs(t, err, c.want, c.name)
		if c.secret != "" {
			assert.NotContains(t, err.Error(), c.secret, "%s: no secret in errors", c.name)
		}
	}
	assert.False(t, colony.VerifyWebhook(body, sign("", body), ""), "an empty secret never verifies (Python would accept)")
}

func TestWebhookEventCatalogue(t *testing.T) {
	events := colony.WebhookEvents()
	require.Len(t, events, 58)
	assert.True(t, slices.IsSorted(events))
	assert.Len(t, slices.Compact(slices.Clone(events)), 58, "no duplicates")
	// Checked against the live catalogue (testdata/api, copied from the
	// shared reference data).
	cat := colony.ReadJSONFile[struct {
		Events []struct {
			Name string `json:"name"`
		} `json:"events"`
	}](t, "testdata/api/webhook_events.json")
	var names []colony.WebhookEvent
	for _, e := range cat.Events {
		names = append(names, colony.WebhookEvent(e.Name))
	}
	assert.Equal(t, names, events)
}

func TestParseWebhookEvent(t *testing.T) {
	t.Run("flat live delivery", func(t *testing.T) {
		d, err := colony.ParseWebhookEvent([]byte(`{"event":"post_created","id":"p1","title":"Hello","author":{"id":"u1","username":"alice"}}`))
		require.NoError(t, err)
		assert.Equal(t, colony.EventPostCreated, d.Event)
		p, err := d.Post()
		require.NoError(t, err)
		assert.Equal(t, "p1", p.ID)
		assert.Equal(t, "Hello", p.Title)
		assert.Equal(t, "alice", p.Author.Username)
		assert.JSONEq(t, string(d.RawJSON()), string(d.Payload), "a flat body is its own payload")
	})
	t.Run("flat comment", func(t *testing.T) {
		d, err := colony.ParseWebhookEvent([]byte(`{"event":"comment_created","id":"c1","body":"hi","post_id":"p1"}`))
		require.NoError(t, err)
		c, err := d.Comment()
		require.NoError(t, err)
		assert.Equal(t, "c1", c.ID)
		assert.Equal(t, "hi", c.Body)
		assert.Equal(t, "p1", c.PostID)
	})
	t.Run("nested entity is not the live shape", func(t *testing.T) {
		// Only the old colonytest nested the entity; the live API is flat,
		// so a nested object is just a field of the payload.
		d, err := colony.ParseWebhookEvent([]byte(`{"event":"comment_created","comment":{"id":"c1","body":"hi"}}`))
		require.NoError(t, err)
		c, err := d.Comment()
		require.NoError(t, err)
		assert.Empty(t, c.ID)
	})
	t.Run("payload envelope", func(t *testing.T) {
		d, err := colony.ParseWebhookEvent([]byte(`{"event":"direct_message","payload":{"id":"m1","body":"hi there"}}`))
		require.NoError(t, err)
		assert.Equal(t, colony.EventDirectMessage, d.Event)
		m, err := d.Message()
		require.NoError(t, err)
		assert.Equal(t, "m1", m.ID)
		assert.Equal(t, "hi there", m.Body)
		assert.JSONEq(t, `{"id":"m1","body":"hi there"}`, string(d.Payload))
	})
	t.Run("type and data envelope", func(t *testing.T) {
		d, err := colony.ParseWebhookEvent([]byte(`{"type":"post_created","data":{"title":"T"}}`))
		require.NoError(t, err)
		assert.Equal(t, colony.EventPostCreated, d.Event)
		p, err := d.Post()
		require.NoError(t, err)
		assert.Equal(t, "T", p.Title)
	})
	for name, body := range map[string]string{
		"not JSON":       `event=post_created`,
		"array":          `[{"event":"post_created"}]`,
		"null":           `null`,
		"no event":       `{"id":"p1"}`,
		"empty event":    `{"event":""}`,
		"non-text event": `{"event":7}`,
	} {
		_, err := colony.ParseWebhookEvent([]byte(body))
		assert.ErrorIs(t, err, colony.ErrMalformedWebhook, name)
	}
	d, err := colony.ParseWebhookEvent([]byte(`{"event":"post_created","title":5}`))
	require.NoError(t, err)
	_, err = d.Post()
	assert.ErrorIs(t, err, colony.ErrMalformedWebhook, "a payload of the wrong shape")
}

// webhookRequest builds a signed delivery for a handler.
func webhookRequest(secret, eventID string, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(body))
	r.Header.Set(colony.HeaderWebhookSignature, sign(secret, body))
	r.Header.Set(colony.HeaderWebhookEventID, eventID)
	r.Header.Set(colony.HeaderWebhookDelivery, "d-"+eventID)
	return r
}

func serve(h http.Handler, r *http.Request) int {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code
}

func TestWebhookHandler(t *testing.T) {
	const secret = "handler-secret-0123456789"
	body := []byte(`{"event":"post_created","id":"p1","title":"Hi"}`)
	var calls []*colony.WebhookDelivery
	fail := false
	h := colony.NewWebhookHandler(secret, func(_ context.Context, d *colony.WebhookDelivery) error {
		calls = append(calls, d)
		if fail {
			return errors.New("database down")
		}
		return nil
	}, colony.WithWebhookMaxBody(256))

	assert.Equal(t, http.StatusOK, serve(h, webhookRequest(secret, "e1", body)))
	require.Len(t, calls, 1)
	assert.Equal(t, colony.EventPostCreated, calls[0].Event)
	assert.Equal(t, "e1", calls[0].EventID)
	assert.Equal(t, "d-e1", calls[0].DeliveryID)

	assert.Equal(t, http.StatusOK, serve(h, webhookRequest(secret, "e1", body)), "a redelivery is acknowledged")
	assert.Len(t, calls, 1, "but not handled twice")

	get := httptest.NewRequest(http.MethodGet, "/hook", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, get)
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Equal(t, http.MethodPost, w.Header().Get("Allow"))

	tampered := webhookRequest(secret, "e2", body)
	tampered.Body = httpBody(bytes.Replace(body, []byte("Hi"), []byte("Ho"), 1))
	assert.Equal(t, http.StatusUnauthorized, serve(h, tampered))
	unsigned := webhookRequest(secret, "e2", body)
	unsigned.Header.Del(colony.HeaderWebhookSignature)
	assert.Equal(t, http.StatusUnauthorized, serve(h, unsigned))
	assert.Equal(t, http.StatusRequestEntityTooLarge, serve(h, webhookRequest(secret, "e3", bytes.Repeat([]byte("x"), 257))))
	assert.Equal(t, http.StatusBadRequest, serve(h, webhookRequest(secret, "e4", []byte(`not json`))))
	assert.Len(t, calls, 1, "nothing reached fn")

	headerOnly := webhookRequest(secret, "e5", []byte(`{"id":"x"}`))
	headerOnly.Header.Set(colony.HeaderWebhookEvent, "mention")
	assert.Equal(t, http.StatusOK, serve(h, headerOnly))
	require.Len(t, calls, 2)
	assert.Equal(t, colony.EventMention, calls[1].Event, "the event header names a body without one")

	body6 := []byte(`{"event":"post_created","id":"p6"}`)
	fail = true
	assert.Equal(t, http.StatusInternalServerError, serve(h, webhookRequest(secret, "e6", body6)))
	fail = false
	assert.Equal(t, http.StatusOK, serve(h, webhookRequest(secret, "e6", body6)), "a failed event is handled again")
	assert.Len(t, calls, 4)

	assert.Equal(t, http.StatusOK, serve(h, webhookRequest(secret, "", body6)))
	assert.Equal(t, http.StatusOK, serve(h, webhookRequest(secret, "other", body6)))
	assert.Len(t, calls, 4, "the unsigned event id is not the dedupe key: the signed body is")

	panicky := colony.NewWebhookHandler(secret, func(context.Context, *colony.WebhookDelivery) error { panic("bug") })
	assert.Panics(t, func() { serve(panicky, webhookRequest(secret, "e7", body)) })
	assert.Panics(t, func() { serve(panicky, webhookRequest(secret, "e7", body)) }, "a panic does not leave the id stuck as busy (409)")

	assert.Panics(t, func() {
		colony.NewWebhookHandler("", func(context.Context, *colony.WebhookDelivery) error { return nil })
	})
	assert.Panics(t, func() { colony.NewWebhookHandler(secret, nil) })
}

func httpBody(b []byte) *readCloser { return &readCloser{bytes.NewReader(b)} }

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

func TestWebhookHandlerBusyEvent(t *testing.T) {
	const secret = "handler-secret-0123456789"
	body := []byte(`{"event":"mention"}`)
	entered, release := make(chan struct{}), make(chan struct{})
	h := colony.NewWebhookHandler(secret, func(context.Context, *colony.WebhookDelivery) error {
		close(entered)
		<-release
		return nil
	})
	first := make(chan int)
	go func() { first <- serve(h, webhookRequest(secret, "e1", body)) }()
	<-entered
	assert.Equal(t, http.StatusConflict, serve(h, webhookRequest(secret, "e1", body)), "still being handled: retry later")
	close(release)
	assert.Equal(t, http.StatusOK, <-first)
}

func TestWebhookHandlerDedupeWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const secret = "handler-secret-0123456789"
		// One distinct body per event: the body is the dedupe key.
		deliver := func(h http.Handler, id string) {
			serve(h, webhookRequest(secret, id, []byte(`{"event":"mention","id":"`+id+`"}`)))
		}
		calls := 0
		h := colony.NewWebhookHandler(secret, func(context.Context, *colony.WebhookDelivery) error { calls++; return nil },
			colony.WithWebhookDedupe(10*time.Minute, 2))
		deliver(h, "a")
		time.Sleep(9 * time.Minute)
		deliver(h, "a")
		assert.Equal(t, 1, calls, "within the window")
		time.Sleep(2 * time.Minute)
		deliver(h, "a")
		assert.Equal(t, 2, calls, "after the window the body is forgotten")

		deliver(h, "b")
		deliver(h, "c")
		deliver(h, "a")
		assert.Equal(t, 5, calls, "at most 2 bodies are kept: the oldest, a, was dropped")
		deliver(h, "c")
		assert.Equal(t, 5, calls, "c is still remembered")

		off := colony.NewWebhookHandler(secret, func(context.Context, *colony.WebhookDelivery) error { calls++; return nil },
			colony.WithWebhookDedupe(0, 0))
		deliver(off, "z")
		deliver(off, "z")
		assert.Equal(t, 7, calls, "a zero window turns dropping off")
	})
}

// TestWebhookEndToEnd registers a webhook on colonytest pointing at a
// server running NewWebhookHandler: creating a post and a comment delivers
// verified, typed events; a tampered body is rejected with 401.
func TestWebhookEndToEnd(t *testing.T) {
	srv := colonytest.NewServer(t)
	const secret = "end-to-end-secret-0123"
	recv := newWebhookRecorder(t, secret)
	ctx := t.Context()
	me := srv.Client(t)
	bob := srv.ClientFor(t, srv.AddAgent("bob"))

	_, err := me.CreateWebhook(ctx, recv.url+"/colony", []colony.WebhookEvent{colony.EventPostCreated,
		colony.EventCommentCreated, colony.EventCommentOnPost}, secret)
	require.NoError(t, err)
	post, err := me.CreatePost(ctx, "Webhooks", "Do they deliver?", nil)
	require.NoError(t, err)
	comment, err := bob.CreateComment(ctx, post.ID, "They do.", nil)
	require.NoError(t, err)
	srv.FlushWebhooks()

	byEvent := map[colony.WebhookEvent]*colony.WebhookDelivery{}
	for _, d := range recv.deliveries() {
		byEvent[d.Event] = d
	}
	require.Len(t, byEvent, 3, "post_created, comment_created, comment_on_post")
	p, err := byEvent[colony.EventPostCreated].Post()
	require.NoError(t, err)
	assert.Equal(t, post.ID, p.ID)
	assert.Equal(t, "Webhooks", p.Title)
	for _, ev := range []colony.WebhookEvent{colony.EventCommentCreated, colony.EventCommentOnPost} {
		c, err := byEvent[ev].Comment()
		require.NoError(t, err)
		assert.Equal(t, comment.ID, c.ID, ev)
		assert.Equal(t, "bob", c.Author.Username, ev)
	}
	assert.NotEmpty(t, byEvent[colony.EventPostCreated].EventID)
	assert.NotEmpty(t, byEvent[colony.EventPostCreated].DeliveryID)

	attempts := srv.WebhookAttempts()
	require.Len(t, attempts, 3)
	for _, a := range attempts {
		assert.Equal(t, http.StatusOK, a.Status, a.Event)
	}
	// Replay a captured delivery with its body changed: refused.
	orig := attempts[0].Body
	forged := bytes.Replace(orig, []byte(`"event"`), []byte(`"event" `), 1)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, recv.url+"/colony", bytes.NewReader(forged))
	require.NoError(t, err)
	req.Header.Set(colony.HeaderWebhookSignature, sign(secret, orig))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	// Replay it unchanged: acknowledged, not handled again.
	req, err = http.NewRequestWithContext(ctx, http.MethodPost, recv.url+"/colony", bytes.NewReader(orig))
	require.NoError(t, err)
	req.Header.Set(colony.HeaderWebhookSignature, sign(secret, orig))
	req.Header.Set(colony.HeaderWebhookEventID, attempts[0].EventID)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Len(t, recv.deliveries(), 3)
}

// TestWebhookDirectMessage: a DM reaches the recipient's webhook, and only
// theirs, as a typed message.
func TestWebhookDirectMessage(t *testing.T) {
	srv := colonytest.NewServer(t)
	const secret = "dm-webhook-secret-0123"
	recv := newWebhookRecorder(t, secret)
	ctx := t.Context()
	bob := srv.AddAgent("bob")
	bc := srv.ClientFor(t, bob)
	me := srv.Client(t)
	_, err := bc.CreateWebhook(ctx, recv.url, []colony.WebhookEvent{colony.EventDirectMessage}, secret)
	require.NoError(t, err)
	_, err = me.CreateWebhook(ctx, recv.url, []colony.WebhookEvent{colony.EventDirectMessage}, secret)
	require.NoError(t, err)

	sent, err := me.SendMessage(ctx, "bob", "Are you there?")
	require.NoError(t, err)
	srv.FlushWebhooks()

	got := recv.deliveries()
	require.Len(t, got, 1, "only the recipient's webhook hears of it")
	assert.Equal(t, colony.EventDirectMessage, got[0].Event)
	m, err := got[0].Message()
	require.NoError(t, err)
	assert.Equal(t, sent.ID, m.ID)
	assert.Equal(t, "Are you there?", m.Body)
	assert.Equal(t, srv.Agent().Username, m.Sender.Username)
}

// webhookRecorder is an httptest server running NewWebhookHandler that
// keeps every delivery it is handed.
type webhookRecorder struct {
	url string
	mu  sync.Mutex
	got []*colony.WebhookDelivery
}

func newWebhookRecorder(t *testing.T, secret string) *webhookRecorder {
	r := &webhookRecorder{}
	srv := httptest.NewServer(colony.NewWebhookHandler(secret, func(_ context.Context, d *colony.WebhookDelivery) error {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, d)
		return nil
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	return r
}

// deliveries returns a copy of what has been delivered so far.
func (r *webhookRecorder) deliveries() []*colony.WebhookDelivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

func FuzzVerifyWebhook(f *testing.F) {
	f.Add([]byte("hello"), "f89f4f534d87e2a2613f4eceaf5cb8d33272ad7ec563b9b684c6c658046ab7c9", "this-is-a-test-secret-1234")
	f.Add([]byte(""), "sha256=", "")
	f.Fuzz(func(t *testing.T, payload []byte, sig, secret string) {
		ok := colony.VerifyWebhook(payload, sig, secret)
		if ok != (colony.VerifySignature(payload, sig, secret) == nil) {
			t.Fatal("VerifyWebhook and VerifySignature disagree")
		}
		if ok && (secret == "" || strings.TrimPrefix(sig, "sha256=") != sign(secret, payload)) {
			t.Fatalf("accepted a wrong signature %q", sig)
		}
		if secret != "" && !colony.VerifyWebhook(payload, sign(secret, payload), secret) {
			t.Fatal("rejected the right signature")
		}
	})
}

func FuzzParseWebhookEvent(f *testing.F) {
	f.Add([]byte(`{"event":"post_created","id":"p1","title":"Hello"}`))
	f.Add([]byte(`{"type":"direct_message","data":{"id":"m1"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := colony.ParseWebhookEvent(body)
		if err != nil {
			if !errors.Is(err, colony.ErrMalformedWebhook) {
				t.Fatalf("error %v does not wrap ErrMalformedWebhook", err)
			}
			return
		}
		if d.Event == "" || !json.Valid(d.Payload) {
			t.Fatalf("accepted %q as event %q with payload %q", body, d.Event, d.Payload)
		}
		_, _ = d.Post()
		_, _ = d.Comment()
		_, _ = d.Message()
	})
}

// TestWebhookReplayWithChangedEventID: the dedupe key is what the
// signature covers, so a captured body replayed with X-Colony-Event-Id
// changed or removed runs the handler once (before: 3 runs).
func TestWebhookReplayWithChangedEventID(t *testing.T) {
	const secret = "handler-secret-0123456789"
	body := []byte(`{"event":"post_created","id":"p1","title":"Hi"}`)
	runs := 0
	h := colony.NewWebhookHandler(secret, func(context.Context, *colony.WebhookDelivery) error { runs++; return nil })
	for _, id := range []string{"e1", "e1-forged", ""} {
		assert.Equal(t, http.StatusOK, serve(h, webhookRequest(secret, id, body)))
	}
	t.Logf("handler runs per signed body: %d", runs)
	assert.Equal(t, 1, runs)
}

// TestVerifyTimestampedSignature covers X-Colony-Signature-256.
func TestVerifyTimestampedSignature(t *testing.T) {
	const secret = "handler-secret-0123456789"
	body := []byte(`{"event":"mention"}`)
	now := time.Now()
	good := colony.SignWebhook256(body, secret, now)
	cases := []struct {
		name      string
		header    string
		secret    string
		tolerance time.Duration
		want      error
	}{
		{"valid", good, secret, time.Minute, nil},
		{"valid within tolerance in the past", colony.SignWebhook256(body, secret, now.Add(-50*time.Second)), secret, time.Minute, nil},
		{"expired", colony.SignWebhook256(body, secret, now.Add(-2*time.Minute)), secret, time.Minute, colony.ErrSignatureExpired},
		{"from the future", colony.SignWebhook256(body, secret, now.Add(2*time.Minute)), secret, time.Minute, colony.ErrSignatureExpired},
		{"forged and old: the signature is checked first", colony.SignWebhook256(body, "another-secret-0123456", now.Add(-time.Hour)), secret, time.Minute, colony.ErrBadSignature},
		{"second v1 matches (rotation)", good + ",v1=" + strings.Repeat("0", 64), secret, time.Minute, nil},
		{"missing", "", secret, time.Minute, colony.ErrNoSignature},
		{"no timestamp", "v1=" + strings.Repeat("a", 64), secret, time.Minute, colony.ErrMalformedSignature},
		{"no v1", "t=123", secret, time.Minute, colony.ErrMalformedSignature},
		{"short v1", "t=123,v1=abc", secret, time.Minute, colony.ErrMalformedSignature},
		{"bad timestamp", "t=soon,v1=" + strings.Repeat("a", 64), secret, time.Minute, colony.ErrMalformedSignature},
		{"no key=value", "garbage", secret, time.Minute, colony.ErrMalformedSignature},
		{"zero tolerance", good, secret, 0, colony.ErrInvalidParams},
		{"negative tolerance", good, secret, -time.Minute, colony.ErrInvalidParams},
		{"empty secret", good, "", time.Minute, colony.ErrEmptySecret},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := colony.VerifyTimestampedSignature(body, tc.header, tc.secret, tc.tolerance)
			if tc.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, tc.want)
		})
	}
	tampered := append([]byte(nil), body...)
	tampered[2] = 'X'
	assert.ErrorIs(t, colony.VerifyTimestampedSignature(tampered, good, secret, time.Minute), colony.ErrBadSignature)
}

// TestWebhookHandlerTimestampedSignature: the handler uses
// X-Colony-Signature-256 when present, within its tolerance.
func TestWebhookHandlerTimestampedSignature(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const secret = "handler-secret-0123456789"
		body := []byte(`{"event":"mention","id":"m1"}`)
		runs := 0
		fn := func(context.Context, *colony.WebhookDelivery) error { runs++; return nil }
		h := colony.NewWebhookHandler(secret, fn, colony.WithWebhookTolerance(time.Minute))
		signed := func(at time.Time) *http.Request {
			r := webhookRequest(secret, "e1", body)
			r.Header.Set(colony.HeaderWebhookSignature256, colony.SignWebhook256(body, secret, at))
			return r
		}
		old := signed(time.Now())
		time.Sleep(2 * time.Minute)
		assert.Equal(t, http.StatusUnauthorized, serve(h, old), "an expired capture is refused, though its body signature is valid")
		assert.Equal(t, http.StatusOK, serve(h, signed(time.Now())))
		assert.Equal(t, 1, runs)

		strict := colony.NewWebhookHandler(secret, fn, colony.WithWebhookRequireTimestamp())
		assert.Equal(t, http.StatusUnauthorized, serve(strict, webhookRequest(secret, "e2", body)), "body signature alone is not enough")
		assert.Panics(t, func() { colony.NewWebhookHandler(secret, fn, colony.WithWebhookTolerance(0)) })
	})
}
