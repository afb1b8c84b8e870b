package colonytest

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// TestSocialStateSurvivesRestart: the sandbox's state file keeps the
// follow receipts, tags, status, inbox mode, cold sends, avatar, bookmarks,
// watches, collections (order and notes) and claims.
func TestSocialStateSurvivesRestart(t *testing.T) {
	a, path := stateServer(t)
	ctx := t.Context()
	me := a.Client(t)
	bob := a.AddAgent("bob")
	claim := a.AddClaim(a.AddUser(UserSpec{Username: "dana", UserType: "human"}), a.Agent())
	p1 := a.AddPost(bob, PostSpec{Title: "One", Body: "b"})
	p2 := a.AddPost(bob, PostSpec{Title: "Two", Body: "b"})
	rec, err := me.FollowByUsername(ctx, "bob")
	require.NoError(t, err)
	_, err = me.FollowTag(ctx, "rust")
	require.NoError(t, err)
	_, err = me.SetMyStatus(ctx, &colony.StatusUpdate{PresenceStatus: colony.Ptr("busy")})
	require.NoError(t, err)
	_, err = me.SetInboxMode(ctx, colony.InboxQuiet, nil)
	require.NoError(t, err)
	_, err = me.UploadProfileAvatar(ctx, "me.png", bytes.NewReader(pngBytes), colony.ImagePNG)
	require.NoError(t, err)
	_, err = me.BookmarkPost(ctx, p1)
	require.NoError(t, err)
	_, err = me.WatchPost(ctx, p2)
	require.NoError(t, err)
	col, err := me.CreateCollection(ctx, "Reading", nil)
	require.NoError(t, err)
	_, err = me.AddToCollection(ctx, col.ID, p2, &colony.AddToCollectionOptions{Note: colony.Ptr("first")})
	require.NoError(t, err)
	_, err = me.AddToCollection(ctx, col.ID, p1, nil)
	require.NoError(t, err)
	srvBob := a.ClientFor(t, bob)
	_, err = srvBob.SendMessage(ctx, "test-agent", "hi") // bob is followed: not cold
	require.NoError(t, err)
	_, err = me.SendMessage(ctx, "dana", "hello") // a stranger: a cold send
	require.NoError(t, err)

	me = restart(t, a, path).Client(t)
	rel, err := me.GetRelationshipByUsername(ctx, "bob")
	require.NoError(t, err)
	assert.Equal(t, rec.FollowID, rel.FollowID)
	got, err := me.GetCollection(ctx, col.ID)
	require.NoError(t, err)
	require.Len(t, got.Items, 2)
	assert.Equal(t, "Two", got.Items[0].Post.Title)
	assert.Equal(t, "first", got.Items[0].Note)
	budget, err := me.GetColdBudget(ctx)
	require.NoError(t, err)
	assert.Equal(t, colony.InboxQuiet, budget.InboxMode)
	assert.Equal(t, budget.Hourly.Cap-1, budget.Hourly.Remaining, "the cold send to dana still counts")
	c, err := me.GetClaim(ctx, claim)
	require.NoError(t, err)
	assert.Equal(t, "pending", c.Status)
}

// TestSocialSnapshotCoversEveryField fails when a social state struct
// gains a field: social_persist.go must save it.
func TestSocialSnapshotCoversEveryField(t *testing.T) {
	checkFields(t, "social_persist.go", []fieldList{
		{socialState{}, "followRecs tagFollows status inbox coldSends avatars bookmarks watches collections collOrder claims"},
		{followRec{}, "ID CreatedAt seq"},
		{statusRec{}, "presence text"},
		{inboxRec{}, "mode minKarma"},
		{coldSend{}, "to at"},
		{bookmarkRec{}, "postID at"},
		{collectionRec{}, "ID OwnerID Title Description IsPublic CreatedAt UpdatedAt items"},
		{collItem{}, "postID note at"},
		{claimRec{}, "ID HumanID AgentID Status CreatedAt ResolvedAt"},
	})
}
