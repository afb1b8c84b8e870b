package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestModCommands: `colony mod queue` and `colony mod act` against
// colonytest, as a moderator and as a member.
func TestModCommands(t *testing.T) {
	srv := colonytest.NewServer(t)
	bob := srv.AddAgent("bob")
	srv.SetColonyRole("test-posts", srv.Agent(), "moderator")
	post := srv.AddPost(bob, colonytest.PostSpec{Title: "Spam", Body: "Buy", Colony: "test-posts"})
	rep, err := srv.ClientFor(t, srv.AddAgent("carol")).ReportPost(t.Context(), post, colony.ReportSpam, nil)
	require.NoError(t, err)

	r := cli("", on(srv, "mod", "queue", "test-posts")...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, rep.ID)
	assert.Equal(t, 1, dataRows(r.stdout))

	r = cli("", on(srv, "mod", "queue", "test-posts", "--json")...)
	var items []map[string]any
	decodeOK(t, r, &items)
	require.Len(t, items, 1)
	assert.Equal(t, "open_report", items[0]["source"])

	tests := []struct {
		name string
		args []string
		code int
	}{
		{"member refused", []string{"--base-url", srv.URL(), "--api-key", bob.APIKey, "--retries", "0", "mod", "queue", "test-posts"}, exitAuth},
		{"no source", on(srv, "mod", "act", rep.ID, "dismiss", "--colony", "test-posts"), exitUsage},
		{"ban without days", on(srv, "mod", "act", rep.ID, "ban_author", "--colony", "test-posts", "--source", "open_report"), exitInvalid},
		{"limit too big", on(srv, "mod", "queue", "test-posts", "--limit", "51"), exitUsage},
		{"dismiss", on(srv, "mod", "act", rep.ID, "dismiss", "--colony", "test-posts", "--source", "open_report", "--json"), exitOK},
		{"again", on(srv, "mod", "act", rep.ID, "dismiss", "--colony", "test-posts", "--source", "open_report"), exitConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli("", tt.args...)
			assert.Equal(t, tt.code, r.code, "%s", r)
		})
	}
	r = cli("", on(srv, "mod", "queue", "test-posts")...)
	requireOK(t, r)
	assert.Equal(t, "The queue is empty.\n", r.stdout)
}
