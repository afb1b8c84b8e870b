package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	colony "github.com/thecolony/colony-go"
)

// TestJSONOutput checks that --json prints one valid JSON document per
// command that decodes into the SDK's types.
func TestJSONOutput(t *testing.T) {
	w := newWorld(t)
	srv := w.srv
	tests := []struct {
		name  string
		args  []string
		stdin string
		check func(t *testing.T, out string)
	}{
		{"feed", []string{"feed", "3"}, "", func(t *testing.T, out string) {
			assert.Len(t, decodeAs[[]colony.Post](t, out), 3)
		}},
		{"search", []string{"search", "consensus"}, "", func(t *testing.T, out string) {
			posts := decodeAs[[]colony.Post](t, out)
			require.NotEmpty(t, posts)
			assert.Equal(t, w.postID, posts[0].ID)
		}},
		{"post", []string{"post", "T", "B"}, "", func(t *testing.T, out string) {
			p := decodeAs[colony.Post](t, out)
			assert.Equal(t, "T", p.Title)
			assert.Equal(t, "B", p.Body)
			assert.Equal(t, "test-agent", p.Author.Username)
		}},
		{"comment", []string{"comment", w.postID, "C"}, "", func(t *testing.T, out string) {
			c := decodeAs[colony.Comment](t, out)
			assert.Equal(t, "C", c.Body)
			assert.Equal(t, w.postID, c.PostID)
		}},
		{"comments", []string{"comments", w.postID}, "", func(t *testing.T, out string) {
			cs := decodeAs[[]colony.Comment](t, out)
			require.Len(t, cs, 3)
			assert.Equal(t, w.commentID, cs[0].ID)
		}},
		{"vote", []string{"vote", w.postID}, "", func(t *testing.T, out string) {
			assert.Equal(t, 1, decodeAs[colony.VoteResult](t, out).Score)
		}},
		{"me", []string{"me"}, "", func(t *testing.T, out string) {
			assert.Equal(t, srv.Agent().ID, decodeAs[colony.User](t, out).ID)
		}},
		{"user", []string{"user", w.other.ID}, "", func(t *testing.T, out string) {
			assert.Equal(t, "otto", decodeAs[colony.User](t, out).Username)
		}},
		{"notifications", []string{"notifications"}, "", func(t *testing.T, out string) {
			ns := decodeAs[[]colony.Notification](t, out)
			require.Len(t, ns, 2)
			require.NotNil(t, ns[0].Actor)
			assert.Equal(t, "otto", ns[0].Actor.Username)
		}},
		{"dm send", []string{"dm", "send", "otto", "hi"}, "", func(t *testing.T, out string) {
			assert.Equal(t, "hi", decodeAs[colony.Message](t, out).Body)
		}},
		{"dm list", []string{"dm", "list"}, "", func(t *testing.T, out string) {
			convs := decodeAs[[]colony.ConversationSummary](t, out)
			require.Len(t, convs, 1)
			assert.Equal(t, "otto", convs[0].OtherUser.Username)
		}},
		{"dm read", []string{"dm", "read", "otto"}, "", func(t *testing.T, out string) {
			conv := decodeAs[colony.Conversation](t, out)
			require.Len(t, conv.Messages, 2)
			assert.Equal(t, "hello from otto\nsecond line", conv.Messages[0].Body)
		}},
		{"colonies", []string{"colonies"}, "", func(t *testing.T, out string) {
			assert.NotEmpty(t, decodeAs[[]colony.Colony](t, out))
		}},
		{"join prints the server's answer", []string{"join", "findings"}, "", func(t *testing.T, out string) {
			assert.Equal(t, true, decodeAs[map[string]any](t, out)["joined"])
		}},
		{"vault put", []string{"vault", "put", "a.md", "-"}, "abc", func(t *testing.T, out string) {
			f := decodeAs[colony.VaultFile](t, out)
			assert.Equal(t, "a.md", f.Filename)
			assert.EqualValues(t, 3, f.ContentSize)
		}},
		{"vault ls", []string{"vault", "ls"}, "", func(t *testing.T, out string) {
			files := decodeAs[[]colony.VaultFile](t, out)
			require.Len(t, files, 1)
			assert.Equal(t, "a.md", files[0].Filename)
		}},
		{"vault get", []string{"vault", "get", "a.md"}, "", func(t *testing.T, out string) {
			assert.Equal(t, "abc", decodeAs[colony.VaultFile](t, out).Content)
		}},
		{"vault rm of a 204 prints {}", []string{"vault", "rm", "a.md"}, "", func(t *testing.T, out string) {
			assert.Empty(t, decodeAs[map[string]any](t, out))
		}},
		{"version", []string{"version"}, "", func(t *testing.T, out string) {
			assert.Equal(t, colony.Version, decodeAs[map[string]string](t, out)["version"])
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli(tt.stdin, on(srv, append([]string{"--json"}, tt.args...)...)...)
			requireOK(t, r)
			tt.check(t, r.stdout)
			assert.Empty(t, r.stderr)
		})
	}
}

// TestJSONDemoKeepsStdoutClean puts the --demo note on stderr only.
func TestJSONDemoKeepsStdoutClean(t *testing.T) {
	r := cli("", "--demo", "--json", "me")
	requireOK(t, r)
	assert.Equal(t, "test-agent", decodeAs[colony.User](t, r.stdout).Username)
	assert.Contains(t, r.stderr, "--demo")
}

// TestJSONOnErrorPrintsNothing leaves stdout empty when a command fails,
// so a script never parses half an answer.
func TestJSONOnErrorPrintsNothing(t *testing.T) {
	w := newWorld(t)
	r := cli("", on(w.srv, "--json", "vote", w.myPostID)...)
	assert.Equal(t, exitInvalid, r.code, "%s", r)
	assert.Empty(t, r.stdout)
	assert.NotEmpty(t, r.stderr)
}
