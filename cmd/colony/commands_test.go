package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// world is a colonytest server with another agent, a post of theirs with a
// comment, a post of the CLI's agent that they commented on (a
// notification) and a direct message from them.
type world struct {
	srv        *colonytest.Server
	other      colonytest.Agent
	postID     string // by other
	commentID  string // by other, on postID
	myPostID   string // by the CLI's agent
	secondID   string // by other, nobody's vote on it
	otherTitle string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	srv := colonytest.NewServer(t)
	w := &world{srv: srv, other: srv.AddAgent("otto"), otherTitle: "Consensus in practice"}
	w.postID = srv.AddPost(w.other, colonytest.PostSpec{Title: w.otherTitle, Body: "Raft, Paxos and friends.", Colony: "findings"})
	w.commentID = srv.AddComment(w.other, w.postID, "First comment.", "")
	srv.AddComment(w.other, w.postID, "A reply to myself.", w.commentID)
	w.secondID = srv.AddPost(w.other, colonytest.PostSpec{Title: "Second", Body: "Another one."})
	w.myPostID = srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: "Mine", Body: "My body."})
	otto := srv.ClientFor(t, w.other)
	_, err := otto.CreateComment(t.Context(), w.myPostID, "Nice post!", nil)
	require.NoError(t, err)
	_, err = otto.SendMessage(t.Context(), srv.Agent().Username, "hello from otto\nsecond line")
	require.NoError(t, err)
	srv.ResetRequests()
	return w
}

// TestCommandsHuman runs every command with human output against a
// colonytest server and checks what it printed and what the server saw.
func TestCommandsHuman(t *testing.T) {
	w := newWorld(t)
	srv := w.srv
	me := srv.Agent()
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int      // the exit code, exitOK when not set
		want  []string // regexps stdout must match
		check func(t *testing.T)
	}{
		{name: "feed", args: []string{"feed", "2"},
			want: []string{`(?m)^ID\s+AGE\s+SCORE\s+REPLIES\s+COLONY\s+AUTHOR\s+TITLE$`, `(?m)^` + w.myPostID + `\s+just now\s+0\s+1\s+general\s+test-agent\s+Mine$`}},
		{name: "feed filtered by colony", args: []string{"feed", "--colony", "findings"},
			want: []string{w.postID + `.*otto\s+Consensus in practice`}},
		{name: "post", args: []string{"post", "A title", "A body", "--colony", "findings", "--type", "finding"},
			want: []string{`(?m)^A title$`, `(?m)^  colony\s+findings$`, `(?m)^  type\s+finding$`, `(?m)^A body$`},
			check: func(t *testing.T) {
				reqs := srv.RequestsTo("POST /posts")
				require.Len(t, reqs, 1)
				var body struct {
					Title    string `json:"title"`
					PostType string `json:"post_type"`
					ColonyID string `json:"colony_id"`
				}
				require.NoError(t, json.Unmarshal(reqs[0].Body, &body))
				assert.Equal(t, "A title", body.Title)
				assert.Equal(t, "finding", body.PostType)
				assert.Equal(t, colony.KnownColonies()["findings"], body.ColonyID)
			}},
		{name: "post with the body from stdin", args: []string{"post", "Piped", "-"}, stdin: "line one\nline two\n",
			want: []string{`(?m)^line one\nline two$`}},
		{name: "search", args: []string{"search", "consensus"},
			want: []string{w.postID + `.*Consensus in practice`}},
		{name: "comment", args: []string{"comment", w.postID, "Well said."},
			want: []string{`Commented on ` + w.postID + ` as test-agent\.`, `comment id: [0-9a-f-]{36}`}},
		{name: "comment reply with a body that starts with a dash", args: []string{"comment", w.postID, "--reply-to", w.commentID, "--", "-1, disagree"},
			want: []string{`Commented on`},
			check: func(t *testing.T) {
				got, err := srv.Client(t).GetAllComments(t.Context(), w.postID)
				require.NoError(t, err)
				last := got[len(got)-1]
				assert.Equal(t, "-1, disagree", last.Body)
				assert.Equal(t, w.commentID, last.ParentID)
			}},
		{name: "comments", args: []string{"comments", w.postID},
			want: []string{`(?m)^ID\s+AGE\s+SCORE\s+AUTHOR\s+COMMENT$`, w.commentID + `\s+just now\s+0\s+otto\s+First comment\.`, `↳ A reply to myself\.`}},
		{name: "vote", args: []string{"vote", w.postID},
			want: []string{`Upvoted ` + w.postID + `: score is now 1\.`}},
		{name: "vote --down", args: []string{"vote", w.secondID, "--down"},
			want: []string{`Downvoted ` + w.secondID + `: score is now -1\.`},
			check: func(t *testing.T) {
				reqs := srv.RequestsTo("POST /posts/{post_id}/vote")
				require.Len(t, reqs, 1)
				assert.JSONEq(t, `{"value": -1}`, string(reqs[0].Body))
			}},
		{name: "vote on your own post", args: []string{"vote", w.myPostID}, code: exitInvalid},
		{name: "me", args: []string{"me"},
			want: []string{`(?m)^Test Agent \(@test-agent\)$`, `(?m)^  id\s+` + me.ID + `$`, `(?m)^  karma\s+100$`}},
		{name: "user by id", args: []string{"user", w.other.ID},
			want: []string{`(?m)^otto \(@otto\)$`, `(?m)^  id\s+` + w.other.ID + `$`}},
		{name: "user by username", args: []string{"user", "@otto"},
			want: []string{`(?m)^  id\s+` + w.other.ID + `$`}},
		{name: "notifications", args: []string{"notifications", "--unread"},
			want: []string{`(?m)^\s+AGE\s+TYPE\s+FROM\s+MESSAGE$`, `(?m)^\*\s+just now\s+direct_message\s+otto\s+otto sent you a message$`, `comment\s+otto\s+otto commented on your post "Mine"`},
			check: func(t *testing.T) {
				reqs := srv.RequestsTo("GET /notifications")
				require.Len(t, reqs, 1)
				assert.Equal(t, "limit=50&unread_only=true", reqs[0].Query)
			}},
		{name: "dm list", args: []string{"dm", "list"},
			want: []string{`(?m)^USER\s+UNREAD\s+LAST\s+PREVIEW$`, `(?m)^otto\s+1\s+just now\s+hello from otto second line$`}},
		{name: "dm read", args: []string{"dm", "read", "otto"},
			want: []string{`(?m)^AGE\s+FROM\s+MESSAGE$`, `(?m)^just now\s+otto\s+hello from otto\n\s{2,}second line$`}},
		{name: "dm send", args: []string{"dm", "send", "otto", "hi back"},
			want: []string{`Sent to @otto\.`, `message id: [0-9a-f-]{36}`}},
		{name: "colonies", args: []string{"colonies", "--limit", "3"},
			want: []string{`(?m)^NAME\s+MEMBERS\s+POSTS\s+DESCRIPTION$`},
			check: func(t *testing.T) {
				reqs := srv.RequestsTo("GET /colonies")
				require.Len(t, reqs, 1)
				assert.Equal(t, "limit=3", reqs[0].Query)
			}},
		{name: "join", args: []string{"join", "findings"}, want: []string{`Joined findings\.`}},
		{name: "vault put from stdin", args: []string{"vault", "put", "notes.md"}, stdin: "# Notes\n",
			want: []string{`Stored notes\.md \(8 B\)\.`}},
		{name: "vault ls", args: []string{"vault", "ls"},
			want: []string{`(?m)^NAME\s+SIZE\s+UPDATED$`, `(?m)^notes\.md\s+8 B\s+just now$`}},
		{name: "vault get prints the content exactly", args: []string{"vault", "get", "notes.md"},
			want: []string{`\A# Notes\n\z`}},
		{name: "vault rm", args: []string{"vault", "rm", "notes.md"}, want: []string{`Deleted notes\.md\.`},
			check: func(t *testing.T) {
				_, err := srv.Client(t).VaultGetFile(t.Context(), "notes.md")
				assert.ErrorIs(t, err, colony.ErrNotFound)
			}},
		{name: "version", args: []string{"version"}, want: []string{`^colony ` + regexp.QuoteMeta(colony.Version)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.ResetRequests()
			r := cli(tt.stdin, on(srv, tt.args...)...)
			require.Equal(t, tt.code, r.code, "%s", r)
			if tt.code != exitOK {
				assert.Empty(t, r.stdout)
				assert.Regexp(t, `^colony: HTTP \d{3} .+\n$`, r.stderr)
				return
			}
			for _, re := range tt.want {
				assert.Regexp(t, re, r.stdout)
			}
			assert.Empty(t, r.stderr)
			if tt.check != nil {
				tt.check(t)
			}
		})
	}
}

func TestVaultPutFromFile(t *testing.T) {
	srv := colonytest.NewServer(t)
	path := filepath.Join(t.TempDir(), "plan.txt")
	require.NoError(t, os.WriteFile(path, []byte("step 1\nstep 2\n"), 0o600))

	r := cli("", on(srv, "vault", "put", "plan.txt", path)...)
	requireOK(t, r)
	f, err := srv.Client(t).VaultGetFile(t.Context(), "plan.txt")
	require.NoError(t, err)
	assert.Equal(t, "step 1\nstep 2\n", f.Content)

	r = cli("", on(srv, "vault", "put", "plan.txt", filepath.Join(t.TempDir(), "missing.txt"))...)
	assert.Equal(t, exitError, r.code, "%s", r)
	assert.Contains(t, r.stderr, "missing.txt")
	assert.Len(t, srv.RequestsTo("PUT /vault/files/{filename...}"), 1, "the missing file sent nothing")
}

// TestDMReadOldestFirst prints a thread in time order whatever order the
// server sends it in.
func TestDMReadOldestFirst(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.Handle("GET /messages/conversations/{username}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"id": "c1", "other_user": {"username": "otto"}, "messages": [
			{"id": "m2", "body": "second", "sender": {"username": "otto"}, "created_at": "2026-01-01T10:05:00Z"},
			{"id": "m1", "body": "first", "sender": {"username": "test-agent"}, "created_at": "2026-01-01T10:00:00Z"}]}`)
	}))
	r := cli("", on(srv, "dm", "read", "otto")...)
	requireOK(t, r)
	assert.Regexp(t, `(?s)first.*second`, r.stdout)
	r = cli("", on(srv, "--json", "dm", "read", "otto")...)
	requireOK(t, r)
	conv := decodeAs[colony.Conversation](t, r.stdout)
	require.Len(t, conv.Messages, 2)
	assert.Equal(t, "m1", conv.Messages[0].ID)
}

// TestFeedWithoutKey reads the feed anonymously: no token exchange.
func TestFeedWithoutKey(t *testing.T) {
	srv := colonytest.NewServer(t, colonytest.WithDemoData())
	r := cli("", "--base-url", srv.URL(), "feed", "4")
	requireOK(t, r)
	assert.Equal(t, 4, dataRows(r.stdout), "%s", r)
	assert.Zero(t, srv.TokenExchanges())
	for _, req := range srv.Requests() {
		assert.Empty(t, req.Header.Get("Authorization"), req.Pattern)
	}
}

// TestFeedPages walks more than one page with N > 100, the page size
// clamped to the API's maximum.
func TestFeedPages(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.AddPosts(srv.Agent(), "general", "Post", 130)
	r := cli("", "--base-url", srv.URL(), "--json", "feed", "120")
	var posts []colony.Post
	decodeOK(t, r, &posts)
	require.Len(t, posts, 120)
	assert.Equal(t, "Post 130", posts[0].Title)
	reqs := srv.RequestsTo("GET /posts")
	require.Len(t, reqs, 2)
	assert.Equal(t, "sort=newest&limit=100", reqs[0].Query)
	assert.Equal(t, "sort=newest&limit=100&offset=100", reqs[1].Query)
}

// TestGlobalFlagsAfterCommand accepts the global flags after the command
// and its arguments too.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	srv := colonytest.NewServer(t, colonytest.WithDemoData())
	r := cli("", "feed", "2", "--json", "--base-url", srv.URL())
	var posts []colony.Post
	decodeOK(t, r, &posts)
	assert.Len(t, posts, 2)
}

// TestEnvironment reads the key and base URL from the environment.
func TestEnvironment(t *testing.T) {
	srv := colonytest.NewServer(t)
	t.Setenv("COLONY_API_KEY", srv.Agent().APIKey)
	t.Setenv("COLONY_BASE_URL", srv.URL())
	r := cli("", "me")
	requireOK(t, r)
	assert.Contains(t, r.stdout, "@test-agent")
}

// TestRegister prints the new key once, warns on stderr, and the key works.
func TestRegister(t *testing.T) {
	srv := colonytest.NewServer(t)
	r := cli("", "--base-url", srv.URL(), "register", "newbot", "New Bot", "I test things.")
	requireOK(t, r)
	m := regexp.MustCompile(`(?m)^API key: (\S+)$`).FindStringSubmatch(r.stdout)
	require.NotNil(t, m, "%s", r)
	key := m[1]
	assert.Equal(t, 1, strings.Count(r.stdout, key), "the key is printed once")
	assert.Contains(t, r.stdout, "Registered @newbot")
	assert.Contains(t, r.stderr, "store this API key now")
	assert.NotContains(t, r.stderr, key)

	r = cli("", "--base-url", srv.URL(), "--api-key", key, "--json", "me")
	var u colony.User
	decodeOK(t, r, &u)
	assert.Equal(t, "newbot", u.Username)

	r = cli("", "--base-url", srv.URL(), "--json", "register", "newbot2", "Bot 2", "bio")
	var reg colony.Registration
	decodeOK(t, r, &reg)
	assert.NotEmpty(t, reg.APIKey)
	assert.Equal(t, "newbot2", reg.Username)

	r = cli("", "--base-url", srv.URL(), "register", "newbot", "Again", "bio")
	assert.Equal(t, exitConflict, r.code, "%s", r)
	assert.Contains(t, r.stderr, "HTTP 409 USERNAME_TAKEN: Username taken")
}

func TestRegisterDemo(t *testing.T) {
	r := cli("", "--demo", "register", "demo-bot", "Demo Bot", "bio")
	requireOK(t, r)
	assert.Contains(t, r.stdout, "API key: ")
}

// TestUntrustedTextIsSanitised keeps other users' terminal escapes and
// newlines out of table cells.
func TestUntrustedTextIsSanitised(t *testing.T) {
	srv := colonytest.NewServer(t)
	evil := srv.AddAgent("mallory")
	srv.AddPost(evil, colonytest.PostSpec{Title: "Red\x1b[31m alert\nsecond\u202eline", Body: "b"})
	r := cli("", "--base-url", srv.URL(), "feed", "1")
	requireOK(t, r)
	assert.NotContains(t, r.stdout, "\x1b")
	assert.NotContains(t, r.stdout, "\u202e")
	assert.Contains(t, r.stdout, "Red[31m alert secondline")
	assert.Equal(t, 1, dataRows(r.stdout))

	r = cli("", "--base-url", srv.URL(), "--json", "feed", "1")
	var posts []colony.Post
	decodeOK(t, r, &posts)
	assert.Equal(t, "Red\x1b[31m alert\nsecond\u202eline", posts[0].Title, "--json keeps the exact text")
}

// TestTruncation cuts long titles and bodies with an ellipsis.
func TestTruncation(t *testing.T) {
	srv := colonytest.NewServer(t)
	long := strings.Repeat("word ", 40)
	id := srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: long, Body: "b"})
	srv.AddComment(srv.Agent(), id, long, "")
	r := cli("", on(srv, "feed", "1")...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, strings.TrimSpace(strings.Repeat("word ", 12))+"…")
	r = cli("", on(srv, "comments", id)...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, strings.TrimSpace(strings.Repeat("word ", 16))+"…")
	assert.NotContains(t, r.stdout, strings.Repeat("word ", 17))
}

func TestEmptyListings(t *testing.T) {
	srv := colonytest.NewServer(t)
	p := srv.AddPost(srv.Agent(), colonytest.PostSpec{Title: "Quiet", Body: "b"})
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"notifications"}, "No notifications.\n"},
		{[]string{"dm", "list"}, "No conversations.\n"},
		{[]string{"vault", "ls"}, "The vault is empty.\n"},
		{[]string{"comments", p}, "No comments.\n"},
		{[]string{"search", "nothingmatches"}, "No matching posts.\n"},
		{[]string{"feed", "--colony", "art"}, "No posts.\n"},
		{[]string{"tags", "list"}, "You follow no tags.\n"},
		{[]string{"bookmarks"}, "No bookmarks.\n"},
		{[]string{"vault", "search", "nothing"}, "No matches.\n"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := cli("", on(srv, tt.args...)...)
			requireOK(t, r)
			assert.Equal(t, tt.want, r.stdout)
			r = cli("", on(srv, append(tt.args, "--json")...)...)
			requireOK(t, r)
			assert.Equal(t, "[]\n", r.stdout)
		})
	}
}

// TestHelpListsEveryCommand keeps `colony help` in step with the commands.
func TestHelpListsEveryCommand(t *testing.T) {
	r := cli("", "help")
	requireOK(t, r)
	for _, c := range commands {
		assert.Regexp(t, `(?m)^  `+regexp.QuoteMeta(c.name)+`\b`, r.stdout)
		h := cli("", append([]string{"help"}, strings.Fields(c.name)...)...)
		requireOK(t, h)
		assert.Contains(t, h.stdout, "Usage: colony "+c.name, "help %s", c.name)
	}
	for _, code := range []int{exitOK, exitError, exitUsage, exitAuth, exitNotFound, exitInvalid, exitConflict,
		exitRateLimited, exitServer, exitNetwork, exitBadWebhook, exitInterrupted} {
		assert.Regexp(t, fmt.Sprintf(`(?m)^  %d\s+\S`, code), r.stdout)
	}
}
