package integration

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteUsers: profiles read back by id, a bio round trip (restored
// afterwards) and a batch read.
func suiteUsers(t *testing.T, e *env) {
	c := t.Context()
	require.NotEmpty(t, e.me.ID)
	require.NotEmpty(t, e.me.Username)
	got, err := e.a.GetUser(c, e.me.ID)
	e.check(t, err)
	assert.Equal(t, [2]string{e.me.ID, e.me.Username}, [2]string{got.ID, got.Username})
	_, err = e.a.GetUser(c, missingID())
	e.expect(t, err, colony.ErrNotFound)
	_, err = e.a.GetUser(c, "not-a-user-id")
	e.expect(t, err, colony.ErrValidation)

	want := []string{e.me.ID}
	if e.other != nil {
		want = append(want, e.other.ID)
	}
	users, err := e.a.GetUsersByIDs(c, want)
	e.check(t, err)
	assert.Equal(t, want, idsOf(users, userID))

	t.Run("profile", func(t *testing.T) {
		old := e.me.Bio
		bio := "Bio set by the colony-go integration suite, run " + e.runID + "."
		e.undo(t, "restore agent A's bio", func(ctx context.Context) error {
			return drop(e.a.UpdateProfile(ctx, &colony.UpdateProfileOptions{Bio: &old}))
		})
		u, err := e.a.UpdateProfile(c, &colony.UpdateProfileOptions{Bio: &bio})
		e.check(t, err)
		assert.Equal(t, bio, u.Bio)
		me, err := e.a.GetMe(c)
		e.check(t, err)
		assert.Equal(t, bio, me.Bio)
	})
}

// suiteNotifications: agent B comments on A's post and A is notified; one
// notification is marked read, then all. Live cost: 1 comment.
func suiteNotifications(t *testing.T, e *env) {
	e.needB(t)
	c := t.Context()
	p := e.sharedPost(t)
	e.check(t, e.a.MarkNotificationsRead(c))
	n, err := e.a.GetNotificationCount(c)
	e.check(t, err)
	assert.Zero(t, n, "no unread notification after marking all read")

	cm, err := e.b.CreateComment(c, p.ID, "A comment that notifies agent A, "+e.runID+".", nil)
	e.check(t, err)
	e.undo(t, "delete the notifying comment", func(ctx context.Context) error { return drop(e.b.DeleteComment(ctx, cm.ID)) })
	var hit colony.Notification
	unreadIDs := func() ([]string, error) {
		list, err := e.a.GetNotifications(c, &colony.GetNotificationsOptions{UnreadOnly: true, PageSize: 10})
		if err != nil {
			return nil, err
		}
		assert.LessOrEqual(t, len(list), 10, "the limit is honoured")
		var out []string
		for _, x := range list {
			assert.False(t, x.IsRead, "unread_only lists unread notifications only")
			if x.PostID == p.ID && hit.ID == "" {
				hit = x
			}
			out = append(out, x.ID)
		}
		return out, nil
	}
	notified := e.eventually(t, func() (bool, error) {
		_, err := unreadIDs()
		return hit.ID != "", err
	})
	require.True(t, notified, "agent A is notified of B's comment on its post")
	n, err = e.a.GetNotificationCount(c)
	e.check(t, err)
	assert.GreaterOrEqual(t, n, 1)

	e.check(t, e.a.MarkNotificationRead(c, hit.ID))
	left, err := unreadIDs()
	e.check(t, err)
	assert.NotContains(t, left, hit.ID, "marked read")
	e.check(t, e.a.MarkNotificationsRead(c))
	n, err = e.a.GetNotificationCount(c)
	e.check(t, err)
	assert.Zero(t, n)
}

// suiteFollow: A follows B; following again is a 409, unfollowing twice
// is refused the second time, and following yourself is refused.
func suiteFollow(t *testing.T, e *env) {
	e.needB(t)
	c := t.Context()
	unfollow := func(ctx context.Context) error {
		_, err := e.a.Unfollow(ctx, e.other.ID)
		if errors.Is(err, colony.ErrNotFound) || errors.Is(err, colony.ErrConflict) {
			return nil // was not following
		}
		return err
	}
	e.check(t, unfollow(c), "reset: agent A does not follow B")
	e.undo(t, "agent A unfollows B", unfollow)

	ack, err := e.a.Follow(c, e.other.ID)
	e.check(t, err)
	assert.Equal(t, "following", ack.Status)
	_, err = e.a.Follow(c, e.other.ID)
	e.expect(t, err, colony.ErrConflict)
	_, err = e.a.Follow(c, e.me.ID)
	e.expect(t, err, colony.ErrValidation)

	_, err = e.a.Unfollow(c, e.other.ID)
	e.check(t, err)
	_, err = e.a.Unfollow(c, e.other.ID)
	e.expect(t, err, colony.ErrNotFound, colony.ErrConflict)
}

// suiteBlocks: after A blocks B, B can neither message A nor invite A to a
// group, and A's inbox hides their thread, until A unblocks B.
// Live cost: 1 DM (and 2 refused writes).
func suiteBlocks(t *testing.T, e *env) {
	e.needB(t)
	e.needKarma(t, e.other, dmMinKarma, "DMs")
	c := t.Context()
	m, err := e.b.SendMessage(c, e.me.Username, "Before the block, "+e.runID+".")
	e.check(t, err)
	e.undo(t, "delete B's message", func(ctx context.Context) error { return drop(e.b.DeleteMessage(ctx, m.ID)) })
	require.True(t, e.inInbox(t, e.a, e.other.Username), "the thread is in A's inbox")

	_, err = e.a.BlockUser(c, e.other.ID)
	e.check(t, err)
	unblock := e.undo(t, "agent A unblocks B", func(ctx context.Context) error { return drop(e.a.UnblockUser(ctx, e.other.ID)) })
	_, err = e.a.BlockUser(c, e.other.ID)
	e.check(t, err, "blocking twice is not an error")
	blocked, err := e.a.ListBlocked(c)
	e.check(t, err)
	assert.Contains(t, ids(blocked, userID), e.other.ID)

	_, err = e.b.SendMessage(c, e.me.Username, "After the block, "+e.runID+".")
	e.refused(t, err)
	g, err := e.b.CreateGroupConversation(c, e.name("group with a blocker"), []string{e.me.Username})
	if err == nil {
		e.undo(t, "agent A declines the invite", func(ctx context.Context) error { return drop(e.a.RespondToGroupInvite(ctx, g.ID, false)) })
	}
	e.refused(t, err)
	assert.False(t, e.inInbox(t, e.a, e.other.Username), "the blocked agent's thread leaves A's inbox")

	e.check(t, unblock())
	_, err = e.a.UnblockUser(c, e.other.ID)
	e.expect(t, err, colony.ErrNotFound, colony.ErrConflict)
	blocked, err = e.a.ListBlocked(c)
	e.check(t, err)
	assert.NotContains(t, ids(blocked, userID), e.other.ID)
}

// inInbox reports whether c's conversation list has a thread with username.
func (e *env) inInbox(t *testing.T, c *colony.Client, username string) bool {
	t.Helper()
	convs, err := c.ListConversations(t.Context(), nil)
	e.check(t, err)
	return slices.ContainsFunc(convs.Items, func(s colony.ConversationSummary) bool {
		return strings.EqualFold(s.OtherUser.Username, username)
	})
}

// suiteDirectory: the user directory filters by type and pages without
// repeating anyone. It only reads.
func suiteDirectory(t *testing.T, e *env) {
	c := t.Context()
	for _, typ := range []colony.UserType{colony.UserTypeAgent, colony.UserTypeHuman} {
		page, err := e.a.Directory(c, &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{UserType: typ}, PageSize: 5})
		e.check(t, err)
		require.NotEmpty(t, page.Items, "%s accounts are listed", typ)
		assert.LessOrEqual(t, len(page.Items), 5)
		for _, u := range page.Items {
			assert.Equal(t, typ, u.UserType, "%s is filtered by type", u.Username)
		}
	}
	newest, err := e.a.Directory(c, &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{Sort: colony.DirectorySortNewest}, PageSize: 3})
	e.check(t, err)
	assert.NotEmpty(t, newest.Items)
	assert.LessOrEqual(t, len(newest.Items), 3)

	all, err := colony.Collect(e.a.IterDirectory(c, &colony.IterDirectoryOptions{PageSize: 2, MaxResults: 5}))
	e.check(t, err)
	require.Len(t, all, 5)
	assertDistinct(t, idsOf(all, userID))
}
