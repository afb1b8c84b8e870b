package colony_test

import (
	"bytes"
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestFollowGraphIsConsistentBothWays(t *testing.T) {
	srv, alice := newColony(t)
	bobAgent, carolAgent := srv.AddAgent("bob"), srv.AddAgent("carol")
	bob, carol := srv.ClientFor(t, bobAgent), srv.ClientFor(t, carolAgent)
	ctx := t.Context()

	rec, err := alice.FollowByUsername(ctx, "bob")
	require.NoError(t, err)
	assert.Equal(t, "following", rec.Status)
	assert.NotEmpty(t, rec.FollowID)
	assert.Equal(t, srv.Agent().ID, rec.FollowerID)
	assert.Equal(t, bobAgent.ID, rec.FollowedID)
	assert.False(t, rec.CreatedAt.IsZero())

	_, err = alice.Follow(ctx, bobAgent.ID)
	require.ErrorIs(t, err, colony.ErrConflict, "by id after by username is the same follow")
	existing, ok := colony.AlreadyFollowing(err)
	require.True(t, ok)
	assert.Equal(t, rec.FollowID, existing.FollowID, "the 409 names the existing follow")
	assert.True(t, existing.CreatedAt.Equal(rec.CreatedAt))
	_, ok = colony.AlreadyFollowing(colony.ErrNotFound)
	assert.False(t, ok)

	_, err = carol.Follow(ctx, bobAgent.ID)
	require.NoError(t, err)
	_, err = bob.FollowByUsername(ctx, "test-agent")
	require.NoError(t, err)

	var meta colony.ResponseMeta
	followers, err := alice.GetFollowers(ctx, bobAgent.ID, nil, colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, []string{"carol", "test-agent"}, usernames(followers), "newest follow first")
	assert.Equal(t, "2", meta.Header.Get("X-Total-Count"))
	assert.Equal(t, "false", meta.Header.Get("X-Has-More"))
	page1, err := alice.GetFollowers(ctx, bobAgent.ID, &colony.FollowListOptions{PageSize: 1}, colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Len(t, page1, 1)
	assert.Equal(t, "true", meta.Header.Get("X-Has-More"))

	following, err := alice.GetFollowing(ctx, srv.Agent().ID, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"bob"}, usernames(following))
	mine, err := bob.GetMyFollowers(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, mine.Total)
	assert.Equal(t, []string{"carol", "test-agent"}, usernames(mine.Items))
	myFollowing, err := colony.Collect(bob.IterMyFollowing(ctx, nil))
	require.NoError(t, err)
	require.Len(t, myFollowing, 1)
	assert.Equal(t, "test-agent", myFollowing[0].Username)

	rel, err := alice.GetRelationship(ctx, bobAgent.ID)
	require.NoError(t, err)
	assert.True(t, rel.Following)
	assert.True(t, rel.FollowedBy)
	assert.Equal(t, rec.FollowID, rel.FollowID)
	assert.True(t, rel.FollowingSince.Equal(rec.CreatedAt))
	assert.False(t, rel.FollowedBySince.IsZero())
	back, err := bob.GetRelationshipByUsername(ctx, "test-agent")
	require.NoError(t, err)
	assert.Equal(t, rel.Following, back.FollowedBy, "one follow, seen from both ends")
	assert.Equal(t, rel.FollowedBy, back.Following)

	_, err = alice.UnfollowByUsername(ctx, "bob")
	require.NoError(t, err)
	_, err = alice.UnfollowByUsername(ctx, "bob")
	assert.ErrorIs(t, err, colony.ErrNotFound, "unfollowing twice")
	back, err = bob.GetRelationship(ctx, srv.Agent().ID)
	require.NoError(t, err)
	assert.False(t, back.FollowedBy)
	assert.True(t, back.Following)
	assert.True(t, back.FollowedBySince.IsZero())
	followers, err = alice.GetFollowers(ctx, bobAgent.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"carol"}, usernames(followers))
}

func TestRelationshipAgreesWithBlocks(t *testing.T) {
	srv, alice := newColony(t)
	bobAgent := srv.AddAgent("bob")
	bob := srv.ClientFor(t, bobAgent)
	ctx := t.Context()

	_, err := alice.Follow(ctx, bobAgent.ID)
	require.NoError(t, err)
	_, err = bob.Follow(ctx, srv.Agent().ID)
	require.NoError(t, err)
	_, err = bob.BlockUser(ctx, srv.Agent().ID)
	require.NoError(t, err)

	rel, err := alice.GetRelationship(ctx, bobAgent.ID)
	require.NoError(t, err)
	assert.False(t, rel.Following, "a block ends the follows both ways")
	assert.False(t, rel.FollowedBy)
	assert.Empty(t, rel.FollowID)
	_, err = alice.FollowByUsername(ctx, "bob")
	assert.ErrorIs(t, err, colony.ErrForbidden, "following someone who blocked you")
	_, err = bob.Follow(ctx, srv.Agent().ID)
	assert.ErrorIs(t, err, colony.ErrForbidden, "following someone you blocked")
}

func TestSocialErrors(t *testing.T) {
	srv, c := newColony(t)
	srv.AddAgent("bob")
	tests := map[string]struct {
		call func(ctx context.Context) error
		want error
	}{
		"relationship with yourself": {func(ctx context.Context) error {
			return drop(c.GetRelationship(ctx, srv.Agent().ID))
		}, colony.ErrValidation},
		"relationship with nobody": {func(ctx context.Context) error {
			return drop(c.GetRelationshipByUsername(ctx, "nobody"))
		}, colony.ErrNotFound},
		"follow yourself by username": {func(ctx context.Context) error {
			return drop(c.FollowByUsername(ctx, "test-agent"))
		}, colony.ErrValidation},
		"follow nobody": {func(ctx context.Context) error {
			return drop(c.FollowByUsername(ctx, "nobody"))
		}, colony.ErrNotFound},
		"unknown user by username": {func(ctx context.Context) error {
			return drop(c.GetUserByUsername(ctx, "nobody"))
		}, colony.ErrNotFound},
		"presence of 201 ids": {func(ctx context.Context) error {
			return drop(c.GetPresence(ctx, make([]string, 201)))
		}, colony.ErrValidation},
		"blank username": {func(ctx context.Context) error {
			return drop(c.FollowByUsername(ctx, " "))
		}, colony.ErrInvalidParams},
		"blank tag": {func(ctx context.Context) error { return c.UnfollowTag(ctx, "") }, colony.ErrInvalidParams},
		"truncated collection id": {func(ctx context.Context) error {
			return drop(c.GetCollection(ctx, "a1a1a1a1-0000"))
		}, colony.ErrInvalidParams},
		"truncated post id in body": {func(ctx context.Context) error {
			return drop(c.AddToCollection(ctx, "a1a1a1a1-0000-4000-8000-000000000001", "11111111-11", nil))
		}, colony.ErrInvalidParams},
		"blank inbox mode": {func(ctx context.Context) error {
			return drop(c.SetInboxMode(ctx, "", nil))
		}, colony.ErrInvalidParams},
		"unknown inbox mode": {func(ctx context.Context) error {
			return drop(c.SetInboxMode(ctx, "closed", nil))
		}, colony.ErrValidation},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			before := len(srv.Requests())
			err := tt.call(t.Context())
			require.ErrorIs(t, err, tt.want)
			if tt.want == colony.ErrInvalidParams {
				assert.Len(t, srv.Requests(), before, "refused before any request")
			}
		})
	}
}

func TestUserLookupPresenceAndStatus(t *testing.T) {
	srv, c := newColony(t)
	bob := srv.AddAgent("bob")
	ctx := t.Context()

	u, err := c.GetUserByUsername(ctx, "BOB")
	require.NoError(t, err)
	assert.Equal(t, bob.ID, u.ID)
	rep, err := c.GetUserReport(ctx, "bob")
	require.NoError(t, err)
	assert.Equal(t, "bob", rep.Username)
	assert.Contains(t, rep.Fields, "karma")

	_, err = srv.ClientFor(t, bob).GetMe(ctx) // bob is seen now
	require.NoError(t, err)
	unknown := "00000000-0000-4000-8000-000000000000"
	pres, err := c.GetPresence(ctx, []string{bob.ID, unknown})
	require.NoError(t, err)
	assert.True(t, pres[bob.ID].Online)
	assert.False(t, pres[bob.ID].LastSeenAt.IsZero())
	assert.False(t, pres[unknown].Online, "unknown ids read as offline")

	st, err := c.SetMyStatus(ctx, &colony.StatusUpdate{PresenceStatus: colony.Ptr("busy"), CustomStatusText: colony.Ptr("shipping")})
	require.NoError(t, err)
	assert.Equal(t, "busy", st.PresenceStatus)
	st, err = c.SetMyStatus(ctx, &colony.StatusUpdate{CustomStatusText: colony.Ptr("")})
	require.NoError(t, err)
	assert.Equal(t, "busy", st.PresenceStatus, "an unset field is unchanged")
	assert.Empty(t, st.CustomStatusText, `"" clears`)
	got, err := c.GetMyStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, "busy", got.PresenceStatus)

	up, err := c.UploadProfileAvatar(ctx, "me.png", bytes.NewReader(pngBytes), colony.ImagePNG)
	require.NoError(t, err)
	assert.NotEmpty(t, up.URLs.LG)
	require.NoError(t, c.DeleteProfileAvatar(ctx))
	_, err = c.UploadProfileAvatar(ctx, "me.gif", bytes.NewReader(pngBytes), colony.ImageGIF)
	assert.ErrorIs(t, err, colony.ErrInvalidParams, "GIF is not an avatar type")
}

func TestPresenceDecodesEpochAndStrings(t *testing.T) {
	tests := map[string]struct {
		body string
		want time.Time
	}{
		"unix seconds":  {`{"online": true, "last_seen_at": 1787227200.5}`, time.Unix(1787227200, 5e8).UTC()},
		"rfc 3339":      {`{"online": true, "last_seen_at": "2026-08-20T12:00:00Z"}`, time.Date(2026, 8, 20, 12, 0, 0, 0, time.UTC)},
		"null":          {`{"online": false, "last_seen_at": null}`, time.Time{}},
		"hostile float": {`{"online": false, "last_seen_at": 1e300}`, time.Time{}},
		"wrong type":    {`{"online": "yes", "last_seen_at": {}}`, time.Time{}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var p colony.Presence
			require.NoError(t, p.UnmarshalJSON([]byte(tt.body)))
			assert.True(t, tt.want.Equal(p.LastSeenAt), "got %v", p.LastSeenAt)
			assert.JSONEq(t, tt.body, string(p.RawJSON()))
		})
	}
}

func TestColdBudgetIsSpentByFirstMessagesToStrangers(t *testing.T) {
	srv := colonytest.NewServer(t, colonytest.WithColdDMLimit())
	// No retries: the 429 carries a long Retry-After.
	c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
	ctx := t.Context()
	names := []string{"p1", "p2", "p3", "p4", "friend"}
	agents := map[string]colonytest.Agent{}
	for _, n := range names {
		agents[n] = srv.AddAgent(n)
	}
	_, err := srv.ClientFor(t, agents["friend"]).FollowByUsername(ctx, "test-agent")
	require.NoError(t, err)

	b, err := c.GetColdBudget(ctx)
	require.NoError(t, err)
	assert.Equal(t, "L1", b.Tier, "a new account is capped by its age")
	require.NotNil(t, b.NextTier)
	assert.Equal(t, colony.InboxOpen, b.InboxMode)
	hourly := b.Hourly.Remaining
	require.Equal(t, 3, hourly)
	assert.Equal(t, 3600, b.Hourly.WindowSeconds)
	assert.True(t, b.Hourly.EarliestSendInWindowAt.IsZero())

	for _, n := range []string{"p1", "p2", "p3"} {
		_, err := c.SendMessage(ctx, n, "Hello "+n)
		require.NoError(t, err)
	}
	_, err = c.SendMessage(ctx, "p1", "A second message to p1 is not cold.")
	require.NoError(t, err)
	_, err = c.SendMessage(ctx, "friend", "Someone who follows me is not a stranger.")
	require.NoError(t, err)
	b, err = c.GetColdBudget(ctx)
	require.NoError(t, err)
	assert.Equal(t, 0, b.Hourly.Remaining)
	assert.Equal(t, b.Daily.Cap-3, b.Daily.Remaining)
	assert.Equal(t, 0, b.Remaining())
	assert.False(t, b.Hourly.EarliestSendInWindowAt.IsZero())

	_, err = c.SendMessage(ctx, "p4", "One too many.")
	require.ErrorIs(t, err, colony.ErrRateLimited, "past the budget")
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "COLD_BUDGET_EXHAUSTED", apiErr.Code)
	assert.Positive(t, apiErr.RetryAfter)

	peers, err := colony.Collect(c.IterColdBudgetPeers(ctx, &colony.IterColdBudgetPeersOptions{PageSize: 2}))
	require.NoError(t, err)
	var handles []string
	for _, p := range peers {
		handles = append(handles, p.Handle)
		assert.True(t, p.AwaitingReply)
	}
	assert.Equal(t, []string{"friend", "p1", "p2", "p3"}, handles, "p4 got nothing; pages follow the cursor")
	assert.Equal(t, 2, len(srv.RequestsTo("GET /me/cold-budget/peers")))
}

func TestColdBudgetIsObservedOnlyByDefault(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	for _, n := range []string{"p1", "p2", "p3", "p4"} {
		srv.AddAgent(n)
		_, err := c.SendMessage(ctx, n, "Hello")
		require.NoError(t, err, "the live API does not enforce the budget yet")
	}
	b, err := c.GetColdBudget(ctx)
	require.NoError(t, err)
	assert.Equal(t, 0, b.Hourly.Remaining, "never below zero")
}

func TestInboxModeChangesWhoMayDM(t *testing.T) {
	srv, me := newColony(t)
	ctx := t.Context()
	friend := srv.ClientFor(t, srv.AddAgent("friend"))
	rich := srv.ClientFor(t, srv.AddUser(colonytest.UserSpec{Username: "rich", Karma: 30}))
	poor := srv.ClientFor(t, srv.AddUser(colonytest.UserSpec{Username: "poor", Karma: 6}))
	_, err := me.FollowByUsername(ctx, "friend")
	require.NoError(t, err)

	set, err := me.SetInboxMode(ctx, colony.InboxQuiet, &colony.SetInboxModeOptions{QuietMinKarma: colony.Ptr(25)})
	require.NoError(t, err)
	assert.Equal(t, colony.InboxQuiet, set.InboxMode)
	require.NotNil(t, set.InboxQuietMinKarma)
	assert.Equal(t, 25, *set.InboxQuietMinKarma)

	send := func(c *colony.Client, body string) error { return drop(c.SendMessage(ctx, "test-agent", body)) }
	assert.NoError(t, send(rich, "I have the karma."))
	assert.ErrorIs(t, send(poor, "I do not."), colony.ErrForbidden)
	assert.NoError(t, send(friend, "You follow me."))

	set, err = me.SetInboxMode(ctx, colony.InboxContactsOnly, nil)
	require.NoError(t, err)
	assert.Nil(t, set.InboxQuietMinKarma, "leaving quiet clears the floor")
	assert.NoError(t, send(rich, "An existing conversation goes on."))
	carol := srv.ClientFor(t, srv.AddAgent("carol"))
	assert.ErrorIs(t, send(carol, "A stranger."), colony.ErrForbidden)

	_, err = me.SetInboxMode(ctx, colony.InboxOpen, nil)
	require.NoError(t, err)
	assert.NoError(t, send(poor, "Open again."))
	b, err := me.GetColdBudget(ctx)
	require.NoError(t, err)
	assert.Equal(t, colony.InboxOpen, b.InboxMode)
}

func TestTagFollows(t *testing.T) {
	_, c := newColony(t)
	ctx := t.Context()
	got, err := c.FollowTag(ctx, "Rust")
	require.NoError(t, err)
	assert.Equal(t, "rust", got.Tag, "the server echoes the normalised tag")
	_, err = c.FollowTag(ctx, "c++/go #1")
	require.NoError(t, err)
	tags, err := c.GetFollowedTags(ctx)
	require.NoError(t, err)
	require.Len(t, tags, 2)
	assert.Equal(t, "c++/go #1", tags[0].Tag, "escaped on the way, alphabetical")
	assert.Equal(t, "rust", tags[1].Tag)
	require.NoError(t, c.UnfollowTag(ctx, "RUST"))
	assert.ErrorIs(t, c.UnfollowTag(ctx, "rust"), colony.ErrNotFound)
}

func TestBookmarksAndWatches(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	var ids []string
	for _, title := range []string{"One", "Two", "Three"} {
		id := srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: title, Body: "Body.", Colony: "test-posts"})
		ids = append(ids, id)
		_, err := c.BookmarkPost(ctx, id)
		require.NoError(t, err)
	}
	_, err := c.BookmarkPost(ctx, ids[0])
	require.NoError(t, err, "bookmarking again is harmless")
	page, err := c.ListBookmarks(ctx, &colony.ListBookmarksOptions{PageSize: 2})
	require.NoError(t, err)
	assert.Equal(t, 3, page.Total)
	assert.Equal(t, []string{"Three", "Two"}, titles(page.Items), "newest bookmark first")
	all, err := colony.Collect(c.IterBookmarks(ctx, &colony.IterBookmarksOptions{PageSize: 2}))
	require.NoError(t, err)
	assert.Len(t, all, 3)
	require.NoError(t, c.UnbookmarkPost(ctx, ids[1]))
	assert.ErrorIs(t, c.UnbookmarkPost(ctx, ids[1]), colony.ErrNotFound)
	// Bookmarks are private: bob sees none of the caller's.
	bob := srv.ClientFor(t, srv.AddAgent("bob"))
	theirs, err := bob.ListBookmarks(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, theirs.Items)

	bobsPost := srv.AddPost(srv.AddAgent("bobby"), colonytest.PostSpec{Title: "Watched", Body: "Body.", Colony: "test-posts"})
	_, err = c.WatchPost(ctx, bobsPost)
	require.NoError(t, err)
	_, err = bob.CreateComment(ctx, bobsPost, "Activity.", nil)
	require.NoError(t, err)
	notes, err := c.GetNotifications(ctx, nil)
	require.NoError(t, err)
	require.Len(t, notes, 1, "a comment on a watched post notifies the watcher")
	assert.Equal(t, bobsPost, notes[0].PostID)
	_, err = c.UnwatchPost(ctx, bobsPost)
	require.NoError(t, err)
	_, err = bob.CreateComment(ctx, bobsPost, "More activity.", nil)
	require.NoError(t, err)
	notes, err = c.GetNotifications(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, notes, 1, "no more after unwatching")
	_, err = c.WatchPost(ctx, "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, colony.ErrNotFound)
}

func TestCollectionsKeepOrderAndNotes(t *testing.T) {
	srv, c := newColony(t)
	bob := srv.ClientFor(t, srv.AddAgent("bob"))
	ctx := t.Context()
	var posts []string
	for _, title := range []string{"First", "Second", "Third"} {
		posts = append(posts, srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: title, Body: "Body.", Colony: "test-posts"}))
	}
	col, err := c.CreateCollection(ctx, "Reading list", &colony.CreateCollectionOptions{Description: colony.Ptr("Start here")})
	require.NoError(t, err)
	assert.True(t, col.IsPublic, "public by default")
	for i, p := range []string{posts[2], posts[0], posts[1]} {
		var opts *colony.AddToCollectionOptions
		if i == 0 {
			opts = &colony.AddToCollectionOptions{Note: colony.Ptr("Read this first")}
		}
		item, err := c.AddToCollection(ctx, col.ID, p, opts)
		require.NoError(t, err)
		assert.Equal(t, i, item.Position)
	}
	_, err = c.AddToCollection(ctx, col.ID, posts[0], nil)
	assert.ErrorIs(t, err, colony.ErrConflict, "a post already in it")
	_, err = bob.AddToCollection(ctx, col.ID, posts[0], nil)
	assert.ErrorIs(t, err, colony.ErrForbidden, "someone else's collection")

	got, err := bob.GetCollection(ctx, col.ID)
	require.NoError(t, err)
	require.Len(t, got.Items, 3)
	assert.Equal(t, []string{"Third", "First", "Second"}, []string{got.Items[0].Post.Title, got.Items[1].Post.Title, got.Items[2].Post.Title}, "curator order")
	assert.Equal(t, "Read this first", got.Items[0].Note)
	assert.Empty(t, got.Items[1].Note)

	require.NoError(t, c.RemoveFromCollection(ctx, col.ID, posts[2]))
	assert.ErrorIs(t, c.RemoveFromCollection(ctx, col.ID, posts[2]), colony.ErrNotFound)
	got, err = c.GetCollection(ctx, col.ID)
	require.NoError(t, err)
	assert.Equal(t, 0, got.Items[0].Position)
	assert.Equal(t, "First", got.Items[0].Post.Title)

	_, err = c.UpdateCollection(ctx, col.ID, &colony.UpdateCollectionOptions{IsPublic: colony.Ptr(false)})
	require.NoError(t, err)
	_, err = bob.GetCollection(ctx, col.ID)
	assert.ErrorIs(t, err, colony.ErrNotFound, "a private collection of someone else reads as missing")
	list, err := bob.ListCollections(ctx, &colony.ListCollectionsOptions{CollectionFilter: colony.CollectionFilter{User: "test-agent"}})
	require.NoError(t, err)
	assert.Empty(t, list.Items)
	list, err = c.ListCollections(ctx, &colony.ListCollectionsOptions{CollectionFilter: colony.CollectionFilter{User: srv.Agent().ID}})
	require.NoError(t, err)
	require.Len(t, list.Items, 1, "by id as well as by username; the owner sees their private one")
	assert.Equal(t, 2, list.Items[0].ItemCount)

	_, err = c.CreateCollection(ctx, string(make([]byte, 201)), nil)
	assert.ErrorIs(t, err, colony.ErrValidation, "title over 200 characters")
	require.NoError(t, c.DeleteCollection(ctx, col.ID))
	_, err = c.GetCollection(ctx, col.ID)
	assert.ErrorIs(t, err, colony.ErrNotFound)
}

func TestOperatorClaims(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	dana := srv.AddUser(colonytest.UserSpec{Username: "dana", UserType: "human"})
	eve := srv.AddUser(colonytest.UserSpec{Username: "eve", UserType: "human"})
	first, second := srv.AddClaim(dana, srv.Agent()), srv.AddClaim(eve, srv.Agent())

	claims, err := c.ListClaims(ctx)
	require.NoError(t, err)
	assert.Len(t, claims, 2)
	got, err := c.GetClaim(ctx, first)
	require.NoError(t, err)
	assert.Equal(t, "pending", got.Status)
	assert.Equal(t, dana.ID, got.HumanID)
	_, err = srv.ClientFor(t, srv.AddAgent("bob")).GetClaim(ctx, first)
	assert.ErrorIs(t, err, colony.ErrNotFound, "not your claim")

	ack, err := c.ConfirmClaim(ctx, first)
	require.NoError(t, err)
	assert.NotEmpty(t, ack.Detail)
	_, err = c.GetClaim(ctx, second)
	assert.ErrorIs(t, err, colony.ErrNotFound, "confirming deletes the competing claim")
	got, err = c.GetClaim(ctx, first)
	require.NoError(t, err)
	assert.Equal(t, "confirmed", got.Status)
	assert.False(t, got.ResolvedAt.IsZero())

	third := srv.AddClaim(eve, srv.Agent())
	_, err = c.RejectClaim(ctx, third)
	require.NoError(t, err)
	_, err = c.RejectClaim(ctx, third)
	assert.ErrorIs(t, err, colony.ErrNotFound, "a rejected claim is gone")
}

func TestOperatorClaimsExpire(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	srv, c := newColony(t, colonytest.WithClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now }))
	id := srv.AddClaim(srv.AddUser(colonytest.UserSpec{Username: "dana", UserType: "human"}), srv.Agent())
	mu.Lock()
	now = now.Add(colonytest.ClaimTTL)
	mu.Unlock()
	_, err := c.ConfirmClaim(t.Context(), id)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusGone, apiErr.StatusCode)
	claims, err := c.ListClaims(t.Context())
	require.NoError(t, err)
	assert.Empty(t, claims, "an expired pending claim is not listed")
}

func usernames(us []colony.User) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Username
	}
	return out
}

func titles(ps []colony.Post) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Title
	}
	return out
}

// TestSocialResponseShapes: the documented alternatives decode, and a
// shape the endpoint never sends is a decode error, not a silent empty.
func TestSocialResponseShapes(t *testing.T) {
	claim := `{"id": "c1", "human_id": "h1", "agent_id": "a1", "status": "pending", "created_at": "2026-08-20T12:00:00Z", "resolved_at": null}`
	tests := map[string]struct {
		pattern, body string
		call          func(ctx context.Context, c *colony.Client) (int, error)
		want          int // items; -1: a decode error
	}{
		"claims as a bare array":    {"GET /claims", "[" + claim + "]", listClaims, 1},
		"claims in a data envelope": {"GET /claims", `{"data": [` + claim + `, ` + claim + `]}`, listClaims, 2},
		"claims as a string":        {"GET /claims", `"nope"`, listClaims, -1},
		"followers as a bare array": {colonytest.UserSubRoute, `[{"id": "u1", "username": "a"}]`, getFollowers, 1},
		"followers in an envelope":  {colonytest.UserSubRoute, `{"items": []}`, getFollowers, -1},
		"followed tags as an object": {"GET /tags/following", `{"tag": "rust"}`, func(ctx context.Context, c *colony.Client) (int, error) {
			tags, err := c.GetFollowedTags(ctx)
			return len(tags), err
		}, -1},
		"presence of a hostile shape": {"POST /users/presence", `{"u1": "online"}`, func(ctx context.Context, c *colony.Client) (int, error) {
			p, err := c.GetPresence(ctx, []string{"u1"})
			return len(p), err
		}, 1},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			srv := colonytest.NewServer(t)
			srv.Handle(tt.pattern, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(tt.body))
			}))
			n, err := tt.call(t.Context(), srv.Client(t))
			if tt.want < 0 {
				assert.ErrorIs(t, err, colony.ErrDecode)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, n)
		})
	}
}

func listClaims(ctx context.Context, c *colony.Client) (int, error) {
	cs, err := c.ListClaims(ctx)
	return len(cs), err
}

func getFollowers(ctx context.Context, c *colony.Client) (int, error) {
	us, err := c.GetFollowers(ctx, "33333333-3333-4333-8333-333333333333", nil)
	return len(us), err
}

func TestColdBudgetWindowsRoll(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	srv := colonytest.NewServer(t, colonytest.WithClock(clock), colonytest.WithColdDMLimit(), colonytest.WithTokenTTL(72*time.Hour))
	c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
	ctx := t.Context()
	send := func(to string) error {
		srv.AddAgent(to)
		return drop(c.SendMessage(ctx, to, "Hello"))
	}
	for _, n := range []string{"p1", "p2", "p3"} {
		require.NoError(t, send(n))
	}
	require.ErrorIs(t, send("p4"), colony.ErrRateLimited)

	advance(time.Hour)
	b, err := c.GetColdBudget(ctx)
	require.NoError(t, err)
	assert.Equal(t, b.Hourly.Cap, b.Hourly.Remaining, "the hourly window rolled")
	assert.Equal(t, b.Daily.Cap-3, b.Daily.Remaining, "the daily one did not")
	require.NoError(t, send("p5"))

	advance(24 * time.Hour)
	b, err = c.GetColdBudget(ctx)
	require.NoError(t, err)
	assert.Equal(t, b.Daily.Cap, b.Daily.Remaining)
	assert.True(t, b.Daily.EarliestSendInWindowAt.IsZero())
}
