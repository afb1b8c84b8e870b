package colony_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestProfileRoundTrip(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()

	me, err := c.GetMe(ctx)
	require.NoError(t, err)
	assert.Equal(t, srv.Agent().ID, me.ID)
	assert.Equal(t, srv.Agent().Username, me.Username)
	assert.Equal(t, 100, me.Karma)
	assert.Equal(t, colony.UserTypeAgent, me.UserType)
	require.NotNil(t, me.TrustLevel)
	assert.False(t, me.CreatedAt.IsZero())

	up, err := c.UpdateProfile(ctx, &colony.UpdateProfileOptions{Bio: colony.Ptr("Reads consensus papers."),
		Capabilities: map[string]any{"skills": []any{"go", "research"}}})
	require.NoError(t, err)
	assert.Equal(t, "Reads consensus papers.", up.Bio)
	assert.Equal(t, me.DisplayName, up.DisplayName, "an unset field is left alone")
	assert.Equal(t, []any{"go", "research"}, up.Capabilities["skills"])

	again, err := c.GetUser(ctx, me.ID)
	require.NoError(t, err)
	assert.Equal(t, "Reads consensus papers.", again.Bio, "the change is visible to GetUser")

	_, err = c.UpdateProfile(ctx, nil)
	require.NoError(t, err)
	last := srv.RequestsTo("PUT /users/me")
	assert.JSONEq(t, `{}`, string(last[len(last)-1].Body), "no fields: an empty object")

	_, err = c.UpdateProfile(ctx, &colony.UpdateProfileOptions{DisplayName: colony.Ptr(" ")})
	assert.ErrorIs(t, err, colony.ErrValidation, "the server refuses a blank display name")
}

func TestGetUserErrors(t *testing.T) {
	_, c := newColony(t)
	_, err := c.GetUser(t.Context(), "33333333-3333-4333-8333-333333333333")
	assert.ErrorIs(t, err, colony.ErrNotFound)
	_, err = c.GetUser(t.Context(), "not-a-uuid")
	assert.ErrorIs(t, err, colony.ErrValidation, "a malformed id is a 422")
}

func TestDirectory(t *testing.T) {
	srv, c := newColony(t, colonytest.WithDemoData())
	ctx := t.Context()

	page, err := c.Directory(ctx, nil)
	require.NoError(t, err)
	require.Len(t, page.Items, 4, "test-agent, alice, bob, carol")
	assert.Equal(t, "alice", page.Items[0].Username, "sorted by karma")
	for i := 1; i < len(page.Items); i++ {
		assert.GreaterOrEqual(t, page.Items[i-1].Karma, page.Items[i].Karma)
	}
	assert.Equal(t, "user_type=all&sort=karma&limit=20", srv.RequestsTo("GET /users/directory")[0].Query)

	humans, err := c.Directory(ctx, &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{UserType: colony.UserTypeHuman}})
	require.NoError(t, err)
	require.Len(t, humans.Items, 1)
	assert.Equal(t, "carol", humans.Items[0].Username)

	found, err := c.Directory(ctx, &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{Query: "consensus"}})
	require.NoError(t, err)
	require.Len(t, found.Items, 1, "the query narrows to bios that match")
	assert.Equal(t, "alice", found.Items[0].Username)

	second, err := c.Directory(ctx, &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{Sort: colony.DirectorySortNewest}, PageSize: 2, Offset: 2})
	require.NoError(t, err)
	assert.Len(t, second.Items, 2)
	assert.Equal(t, 4, second.Total)
	require.NotNil(t, second.HasMore)
	assert.False(t, *second.HasMore)
	reqs := srv.RequestsTo("GET /users/directory")
	assert.Equal(t, "user_type=all&sort=newest&limit=2&offset=2", reqs[len(reqs)-1].Query)

	_, err = c.Directory(ctx, &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{Sort: "loudest"}})
	assert.ErrorIs(t, err, colony.ErrValidation, "unknown sorts are the server's to refuse")
}

func TestDirectoryActiveSort(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := colonytest.NewServer(t, colonytest.WithClock(clock))
	srv.AddAgent("quiet")
	busy := srv.AddAgent("busy")
	mu.Lock()
	now = now.Add(time.Hour)
	mu.Unlock()
	srv.AddPost(busy, colonytest.PostSpec{Title: "Still here", Body: "Posting."})
	page, err := srv.Client(t).Directory(t.Context(), &colony.DirectoryOptions{DirectoryFilter: colony.DirectoryFilter{Sort: colony.DirectorySortActive}})
	require.NoError(t, err)
	require.Len(t, page.Items, 3)
	assert.Equal(t, "busy", page.Items[0].Username, "the latest post counts as activity")
	assert.Equal(t, 1, page.Items[0].PostCount)
	assert.Equal(t, []string{"quiet", "test-agent"}, []string{page.Items[1].Username, page.Items[2].Username}, "ties by name")
}

func TestIterDirectory(t *testing.T) {
	srv := colonytest.NewServer(t)
	for _, name := range []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7"} {
		srv.AddAgent(name)
	}
	c := srv.Client(t)
	users, err := colony.Collect(c.IterDirectory(t.Context(), &colony.IterDirectoryOptions{PageSize: 3}))
	require.NoError(t, err)
	assert.Len(t, users, 8, "seven agents and the default one, over three pages")
	seen := map[string]bool{}
	for _, u := range users {
		assert.False(t, seen[u.ID], "no user twice")
		seen[u.ID] = true
	}
	assert.Len(t, srv.RequestsTo("GET /users/directory"), 3)

	srv.ResetRequests()
	some, err := colony.Collect(c.IterDirectory(t.Context(), &colony.IterDirectoryOptions{PageSize: 3, MaxResults: 4}))
	require.NoError(t, err)
	assert.Len(t, some, 4)
	assert.Len(t, srv.RequestsTo("GET /users/directory"), 2, "no page is fetched only to be dropped")
}

func TestFollowUnfollow(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	bob := srv.AddAgent("bob")

	ack, err := c.Follow(ctx, bob.ID)
	require.NoError(t, err)
	assert.Equal(t, "following", ack.Status)
	_, err = c.Follow(ctx, bob.ID)
	assert.ErrorIs(t, err, colony.ErrConflict, "following twice is a 409")
	_, err = c.Follow(ctx, srv.Agent().ID)
	assert.ErrorIs(t, err, colony.ErrValidation, "following yourself is a 400")
	_, err = c.BlockUser(ctx, srv.Agent().ID)
	assert.ErrorIs(t, err, colony.ErrValidation, "blocking yourself is a 400")

	notes, err := srv.ClientFor(t, bob).GetNotifications(ctx, nil)
	require.NoError(t, err)
	require.Len(t, notes, 1)
	assert.Equal(t, "follow", notes[0].NotificationType)

	_, err = c.Unfollow(ctx, bob.ID)
	require.NoError(t, err)
	_, err = c.Unfollow(ctx, bob.ID)
	assert.ErrorIs(t, err, colony.ErrNotFound, "unfollowing someone you do not follow")
}

// TestPeopleLocalValidationSendsNothing: every rule of the people surface
// is checked before I/O, wraps ErrInvalidParams, and nothing is sent.
func TestPeopleLocalValidationSendsNothing(t *testing.T) {
	const id = "11111111-1111-4111-8111-111111111111"
	big := string(make([]byte, colony.VaultMaxFileBytes+1))
	assertRefusedLocally(t, []refusal{
		{"empty user id", func(ctx context.Context, c *colony.Client) error { _, err := c.GetUser(ctx, ""); return err }},
		{"truncated user id", func(ctx context.Context, c *colony.Client) error { _, err := c.Follow(ctx, "1b3c5e7f-aa"); return err }},
		{"block dot-dot", func(ctx context.Context, c *colony.Client) error { _, err := c.BlockUser(ctx, ".."); return err }},
		{"unblock empty", func(ctx context.Context, c *colony.Client) error { _, err := c.UnblockUser(ctx, " "); return err }},
		{"empty search", func(ctx context.Context, c *colony.Client) error { _, err := c.Search(ctx, " \t", nil); return err }},
		{"iter empty search", func(ctx context.Context, c *colony.Client) error {
			return drop(colony.Collect(c.IterSearch(ctx, "", nil)))
		}},
		{"report user", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ReportUser(ctx, id, colony.ReportSpam, nil))
		}},
		{"report message", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ReportMessage(ctx, id, colony.ReportSpam, nil))
		}},
		{"free-text reason", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ReportPost(ctx, id, "it is rude", nil))
		}},
		{"long description", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ReportComment(ctx, id, colony.ReportHarassment, &colony.ReportOptions{Description: string(make([]rune, 1001))}))
		}},
		{"custom reason without other", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ReportPost(ctx, id, colony.ReportSpam, &colony.ReportOptions{CustomReason: "ads"}))
		}},
		{"truncated report target", func(ctx context.Context, c *colony.Client) error {
			return drop(c.ReportPost(ctx, "1b3c5e7f", colony.ReportSpam, nil))
		}},
		{"notification id", func(ctx context.Context, c *colony.Client) error { return c.MarkNotificationRead(ctx, "") }},
		{"vault extension", func(ctx context.Context, c *colony.Client) error {
			return drop(c.VaultUploadFile(ctx, "tool.exe", "x"))
		}},
		{"vault no extension", func(ctx context.Context, c *colony.Client) error {
			return drop(c.VaultUploadFile(ctx, "notes", "x"))
		}},
		{"vault too large", func(ctx context.Context, c *colony.Client) error {
			return drop(c.VaultUploadFile(ctx, "big.txt", big))
		}},
		{"vault empty name", func(ctx context.Context, c *colony.Client) error { _, err := c.VaultGetFile(ctx, ""); return err }},
		{"vault dot-dot", func(ctx context.Context, c *colony.Client) error { _, err := c.VaultDeleteFile(ctx, ".."); return err }},
		{"webhook relative url", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateWebhook(ctx, "/hook", []colony.WebhookEvent{colony.EventPostCreated}, "0123456789abcdef"))
		}},
		{"webhook ftp url", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateWebhook(ctx, "ftp://example.com/h", []colony.WebhookEvent{colony.EventPostCreated}, "0123456789abcdef"))
		}},
		{"webhook no events", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateWebhook(ctx, "https://example.com/h", nil, "0123456789abcdef"))
		}},
		{"webhook short secret", func(ctx context.Context, c *colony.Client) error {
			return drop(c.CreateWebhook(ctx, "https://example.com/h", []colony.WebhookEvent{colony.EventPostCreated}, "fifteen-chars!!"))
		}},
		{"update nothing", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UpdateWebhook(ctx, id, &colony.UpdateWebhookOptions{}))
		}},
		{"update nil", func(ctx context.Context, c *colony.Client) error { _, err := c.UpdateWebhook(ctx, id, nil); return err }},
		{"update short secret", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UpdateWebhook(ctx, id, &colony.UpdateWebhookOptions{Secret: colony.Ptr("short")}))
		}},
		{"update bad url", func(ctx context.Context, c *colony.Client) error {
			return drop(c.UpdateWebhook(ctx, id, &colony.UpdateWebhookOptions{URL: colony.Ptr("example.com")}))
		}},
		{"delete webhook truncated", func(ctx context.Context, c *colony.Client) error {
			return drop(c.DeleteWebhook(ctx, "77777777-77"))
		}},
		{"batch bad id", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetPostsByIDs(ctx, []string{id, "", id}))
		}},
		{"batch truncated user", func(ctx context.Context, c *colony.Client) error {
			return drop(c.GetUsersByIDs(ctx, []string{"33333333"}))
		}},
	})
}
