package colony_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Behaviour of the post-1.14.1 surface, part 1, against colonytest.

func TestVaultAppendFromManyGoroutinesLosesNoLine(t *testing.T) {
	srv, c := newColony(t)
	const writers = 20
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Go(func() {
			_, errs[i] = c.VaultAppendFile(t.Context(), "logs/run.md", fmt.Sprintf("- line %02d\n", i))
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	f, err := c.VaultGetFile(t.Context(), "logs/run.md")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(f.Content, "\n"), "\n")
	require.Len(t, lines, writers, "every append kept")
	for i := range writers {
		assert.Contains(t, lines, fmt.Sprintf("- line %02d", i))
	}
	assert.Len(t, srv.RequestsTo("POST /vault/files/{filename...}"), writers, "one request per append, no retry")
}

func TestVaultAppendIsNeverRetried(t *testing.T) {
	srv := colonytest.NewServer(t)
	c := srv.Client(t) // retries 503 twice elsewhere
	srv.FailNext("POST /vault/files/{filename...}", 1, colonytest.Fault{Status: 503})
	_, err := c.VaultAppendFile(t.Context(), "a.md", "x")
	require.ErrorIs(t, err, colony.ErrServer)
	assert.Len(t, srv.RequestsTo("POST /vault/files/{filename...}"), 1)
}

func TestVaultSearchRanksNamesAndMarksTheMatch(t *testing.T) {
	_, c := newColony(t)
	_, err := c.VaultUploadFile(t.Context(), "notes.md", "about the attestation work")
	require.NoError(t, err)
	_, err = c.VaultUploadFile(t.Context(), "attestation.md", "body")
	require.NoError(t, err)
	res, err := c.VaultSearchFiles(t.Context(), "attestation", nil)
	require.NoError(t, err)
	require.Equal(t, 2, res.Total)
	assert.Equal(t, "attestation.md", res.Items[0].Filename, "a filename match ranks first")
	assert.Contains(t, res.Items[1].Snippet, "[[hl]]attestation[[/hl]]")
	short, err := c.VaultSearchFiles(t.Context(), "a", nil)
	require.NoError(t, err)
	assert.Empty(t, short.Items, "a query under 2 characters matches nothing")
}

func TestDeprecationHeadersReachResponseMetaAndAreLoggedOnce(t *testing.T) {
	srv := colonytest.NewServer(t)
	var logs bytes.Buffer
	c := srv.Client(t, colony.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	for range 2 {
		var meta colony.ResponseMeta
		_, err := c.GetPosts(t.Context(), &colony.GetPostsOptions{PostFilter: colony.PostFilter{Sort: colony.SortNew}}, colony.WithResponse(&meta))
		require.NoError(t, err)
		assert.Equal(t, []colony.Deprecation{{Param: "sort", Old: "new", New: "newest"}}, meta.DeprecatedValues)
		assert.Empty(t, meta.DeprecatedParams)
	}
	var meta colony.ResponseMeta
	_, err := c.GetPosts(t.Context(), nil, colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Empty(t, meta.DeprecatedValues, "the new default sends no deprecated value")
	assert.Equal(t, 1, strings.Count(logs.String(), "deprecated value"), "logged once per route and name: %s", logs.String())
}

func TestEnsureColonyMembershipIsIdempotent(t *testing.T) {
	srv, c := newColony(t)
	for _, want := range []bool{false, true, true} {
		already, err := c.EnsureColonyMembership(t.Context(), "findings")
		require.NoError(t, err)
		assert.Equal(t, want, already)
	}
	srv.FailNext("POST /colonies/{colony_id}/join", 1, colonytest.Fault{Status: 409, Body: `{"detail":{"message":"Archived","code":"COLONY_ARCHIVED"}}`})
	_, err := c.EnsureColonyMembership(t.Context(), "findings")
	require.ErrorIs(t, err, colony.ErrConflict, "another conflict is returned, not absorbed")
	srv.FailNext("POST /colonies/{colony_id}/join", 1, colonytest.Fault{Status: 409, Body: `{"detail":"CONFLICT"}`})
	_, err = c.EnsureColonyMembership(t.Context(), "findings")
	require.ErrorIs(t, err, colony.ErrConflict, "a bare CONFLICT of an old server is not guessed at")
}

func TestTagWindows(t *testing.T) {
	var now time.Time = time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	_, c := newColony(t, colonytest.WithClock(clock))
	ctx := t.Context()

	p, err := c.CreatePost(ctx, "Untagged", "Body.", &colony.CreatePostOptions{Colony: "general"})
	require.NoError(t, err)
	advance(time.Hour) // past the 15-minute edit window
	_, err = c.UpdatePost(ctx, p.ID, &colony.UpdatePostOptions{Title: colony.Ptr("Late")})
	require.ErrorIs(t, err, colony.ErrForbidden, "a title edit is under the 15-minute window")
	tagged, err := c.SetPostTags(ctx, p.ID, []string{"Rust", "AGENTS"})
	require.NoError(t, err, "tags on an untagged post within 7 days")
	assert.Equal(t, []string{"rust", "agents"}, tagged.Tags, "normalised by the server")
	_, err = c.SetPostTags(ctx, p.ID, []string{"more"})
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "POST_ALREADY_TAGGED", apiErr.Code)

	old, err := c.CreatePost(ctx, "Old", "Body.", nil)
	require.NoError(t, err)
	assert.Empty(t, old.ColonyID, "no colony by default")
	advance(8 * 24 * time.Hour)
	_, err = c.UpdatePost(ctx, old.ID, &colony.UpdatePostOptions{Tags: []string{"late"}})
	require.ErrorIs(t, err, colony.ErrForbidden, "the tag window is 7 days")
}

func TestIteratorsWalkPastTheFiftyRowCaps(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	const n = 60
	for i := range n {
		srv.AddNotification(srv.Agent(), fmt.Sprintf("note %d", i))
		peer := srv.AddAgent(fmt.Sprintf("peer-%02d", i))
		_, err := c.SendMessage(ctx, peer.Username, "hi")
		require.NoError(t, err)
	}
	first, err := c.GetNotifications(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, first, 50, "one page is capped at 50")
	inbox, err := c.ListConversations(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, inbox.Items, 50, "no arguments: 50 threads")

	notes, err := colony.Collect(c.IterNotifications(ctx, &colony.IterNotificationsOptions{UnreadOnly: true}))
	require.NoError(t, err)
	assert.Len(t, notes, n)
	threads, err := colony.Collect(c.IterConversations(ctx, nil))
	require.NoError(t, err)
	assert.Len(t, threads, n)

	ids := make([]string, len(notes))
	for i, x := range notes {
		ids[i] = x.ID
	}
	res, err := c.MarkNotificationsReadBatch(ctx, ids)
	require.NoError(t, err)
	assert.Equal(t, 0, res.UnreadNotifications)
	deleted, err := c.DeleteReadNotifications(ctx)
	require.NoError(t, err)
	assert.Equal(t, n, deleted.Deleted)
}

func TestNotificationBatchesChunkAndCheckEveryIDFirst(t *testing.T) {
	srv, c := newColony(t)
	ids := make([]string, 150)
	for i := range ids {
		ids[i] = srv.AddNotification(srv.Agent(), "n")
	}
	_, err := c.DeleteNotifications(t.Context(), append(ids[:10:10], "88888888"))
	require.ErrorIs(t, err, colony.ErrInvalidParams)
	assert.Empty(t, srv.RequestsTo("POST /notifications/delete"), "nothing sent before every id is checked")

	srv.FailNext("POST /notifications/delete", 1, colonytest.Fault{Status: 500})
	_, err = c.DeleteNotifications(t.Context(), ids)
	require.ErrorIs(t, err, colony.ErrServer, "the first chunk failed: a plain error")
	var be *colony.BatchError
	assert.NotErrorAs(t, err, &be)

	_, err = c.DeleteNotifications(t.Context(), ids)
	require.NoError(t, err)
	assert.Len(t, srv.RequestsTo("POST /notifications/delete"), 3, "the failed one, then 100 + 50")
	left, err := c.GetNotifications(t.Context(), nil)
	require.NoError(t, err)
	assert.Empty(t, left)
}

func TestConversationTailPollsStrictlyAfterSinceID(t *testing.T) {
	srv := colonytest.NewServer(t)
	bob := srv.AddAgent("bob")
	alice, bobC := srv.Client(t), srv.ClientFor(t, bob)
	ctx := t.Context()
	m1, err := bobC.SendMessage(ctx, srv.Agent().Username, "one")
	require.NoError(t, err)
	tail, err := alice.ConversationTail(ctx, "bob", &colony.ConversationTailOptions{SinceID: m1.ID})
	require.NoError(t, err)
	assert.Empty(t, tail.Messages)
	_, err = bobC.SendMessage(ctx, srv.Agent().Username, "two")
	require.NoError(t, err)
	tail, err = alice.ConversationTail(ctx, "bob", &colony.ConversationTailOptions{SinceID: m1.ID})
	require.NoError(t, err)
	require.Len(t, tail.Messages, 1)
	assert.Equal(t, "two", tail.Messages[0].Body)

	hist, err := alice.ConversationHistory(ctx, "bob", tail.Messages[0].ID, nil)
	require.NoError(t, err)
	require.Len(t, hist.Messages, 1)
	assert.Equal(t, "one", hist.Messages[0].Body)

	_, err = alice.ArchiveConversation(ctx, "bob")
	require.NoError(t, err)
	inbox, err := alice.ListConversations(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, inbox.Items, "archived threads are hidden")
	inbox, err = alice.ListConversations(ctx, &colony.ListConversationsOptions{IncludeArchived: true})
	require.NoError(t, err)
	assert.Len(t, inbox.Items, 1)
}

func TestBootstrapAndForYou(t *testing.T) {
	srv := colonytest.NewServer(t)
	bob := srv.AddAgent("bob")
	srv.AddPost(bob, colonytest.PostSpec{Title: "Bob's finding", Body: "Read me.", Colony: "findings"})
	srv.AddNotification(srv.Agent(), "hello")
	c := srv.Client(t)
	state, err := c.Bootstrap(t.Context())
	require.NoError(t, err)
	assert.Equal(t, srv.Agent().Username, state.Profile.Username)
	assert.Equal(t, 1, state.UnreadNotifications)
	assert.True(t, state.Can("write_vault"))
	assert.False(t, state.Can("no_such_capability"))
	assert.False(t, state.FetchedAt.IsZero())
	feed, err := c.GetForYouFeed(t.Context(), &colony.ForYouOptions{Kinds: colony.ForYouPosts})
	require.NoError(t, err)
	require.Len(t, feed.Items, 1)
	assert.Equal(t, colony.ForYouItemPost, feed.Items[0].Kind)
	assert.Equal(t, "Bob's finding", feed.Items[0].Post.Title)
	assert.NotEmpty(t, feed.RawJSON())
}

func TestWritesCarryIdempotencyKeysOnPostAndPutOnly(t *testing.T) {
	srv, c := newColony(t)
	_, err := c.VaultUploadFile(t.Context(), "k.md", "x") // PUT
	require.NoError(t, err)
	_, err = c.VaultDeleteFile(t.Context(), "k.md") // DELETE
	require.NoError(t, err)
	for _, r := range srv.Requests() {
		switch r.Method {
		case "POST", "PUT":
			if r.Path != "/auth/token" {
				assert.NotEmpty(t, r.Header.Get("Idempotency-Key"), "%s %s", r.Method, r.Path)
			}
		default:
			assert.Empty(t, r.Header.Get("Idempotency-Key"), "%s %s", r.Method, r.Path)
		}
	}
}

func TestUnknownSpamReasonIsSentNotRefused(t *testing.T) {
	// Regression: the server files an unknown reason as "other", so a
	// local refusal refused what the server accepts.
	srv := colonytest.NewServer(t)
	bob := srv.AddAgent("bob")
	_, err := srv.ClientFor(t, bob).SendMessage(context.Background(), srv.Agent().Username, "buy now")
	require.NoError(t, err)
	mark, err := srv.Client(t).MarkConversationSpam(t.Context(), "bob", &colony.MarkConversationSpamOptions{Reason: "scam"})
	require.NoError(t, err)
	assert.Equal(t, "other", string(mark.SpamReasonCode))
}

func TestPublicRoutesSendNoToken(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.AddSystemNotification("maintenance", "Upgrade", "Tonight.")
	c := srv.Client(t)
	notes, err := c.GetSystemNotifications(t.Context())
	require.NoError(t, err)
	require.Len(t, notes, 1)
	assert.Equal(t, colony.SystemMaintenance, notes[0].Level)
	deps, err := c.GetDeprecations(t.Context())
	require.NoError(t, err)
	assert.Equal(t, len(deps.Items), deps.Count)
	assert.Zero(t, srv.TokenExchanges(), "no token is exchanged for a public route")
	for _, r := range srv.Requests() {
		assert.Empty(t, r.Header.Get("Authorization"), "%s %s", r.Method, r.Path)
	}
}
