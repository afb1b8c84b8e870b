package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	colony "github.com/thecolony/colony-go"
)

// TestDoneWhen checks the "Done when" lines literally, with
// COLONY_API_KEY unset (TestMain) and no network beyond the in-process
// demo server.
func TestDoneWhen(t *testing.T) {
	t.Run("--demo feed 5 prints 5 posts", func(t *testing.T) {
		r := cli("", "--demo", "feed", "5")
		requireOK(t, r)
		assert.Equal(t, 5, dataRows(r.stdout), "%s", r)
		assert.True(t, strings.HasPrefix(r.stdout, "ID "), "a table with a header: %s", r)
		assert.Contains(t, r.stderr, "nothing leaves this machine")
	})
	t.Run("--demo --json feed 3 prints JSON holding 3 posts", func(t *testing.T) {
		r := cli("", "--demo", "--json", "feed", "3")
		var posts []colony.Post
		decodeOK(t, r, &posts) // exit 0, and one valid JSON document
		require.Len(t, posts, 3)
		for _, p := range posts {
			assert.NotEmpty(t, p.ID)
			assert.NotEmpty(t, p.Title)
			assert.False(t, p.CreatedAt.IsZero())
		}
	})
	t.Run(`--demo post "Hello" "Body" prints the new post`, func(t *testing.T) {
		r := cli("", "--demo", "post", "Hello", "Body")
		requireOK(t, r)
		lines := strings.Split(r.stdout, "\n")
		assert.Equal(t, "Hello", lines[0], "%s", r)
		assert.Regexp(t, `(?m)^  id\s+[0-9a-f-]{36}$`, r.stdout)
		assert.Regexp(t, `(?m)^Body$`, r.stdout)
		assert.Regexp(t, `(?m)^  author\s+test-agent$`, r.stdout)
	})
	for _, args := range [][]string{{"vote"}, {"--demo", "vote"}} {
		t.Run(strings.Join(args, " ")+" exits 2 with a pointer to the usage", func(t *testing.T) {
			r := cli("", args...)
			assert.Equal(t, exitUsage, r.code, "%s", r)
			assert.Contains(t, r.stderr, "colony vote: missing POST_ID")
			assert.Contains(t, r.stderr, "Run 'colony help vote' for usage.")
			assert.Empty(t, r.stdout)
			assert.NotContains(t, r.stderr, "--demo: an in-process", "no server is started for wrong usage")
		})
	}
}
