package main

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestSocialCommands runs the social commands in order on one server, with
// human output and with --json, and checks the server's state after each.
func TestSocialCommands(t *testing.T) {
	srv := colonytest.NewServer(t)
	otto := srv.AddAgent("otto")
	ctx := t.Context()
	_, err := srv.ClientFor(t, otto).FollowByUsername(ctx, srv.Agent().Username)
	require.NoError(t, err)
	postID := srv.AddPost(otto, colonytest.PostSpec{Title: "Worth keeping", Body: "Body."})
	_, err = srv.Client(t).BookmarkPost(ctx, postID)
	require.NoError(t, err)
	me := srv.Client(t)

	tests := []struct {
		name string
		args []string
		want []string // regexps on stdout
		json func(t *testing.T, out string)
		then func(t *testing.T)
	}{
		{name: "user before following", args: []string{"user", "@otto"},
			want: []string{`(?m)^otto \(@otto\)$`, `(?m)^  you follow\s+no$`, `(?m)^  follows you\s+yes, since just now$`, `(?m)^  presence\s+online, seen just now$`}},
		{name: "user --json", args: []string{"--json", "user", "otto"},
			json: func(t *testing.T, out string) {
				assert.Equal(t, otto.ID, decodeAs[colony.User](t, out).ID)
				v := decodeAs[struct {
					Relationship *colony.Relationship `json:"relationship"`
					Presence     *colony.Presence     `json:"presence"`
				}](t, out)
				require.NotNil(t, v.Relationship)
				assert.True(t, v.Relationship.FollowedBy)
				assert.False(t, v.Relationship.Following)
				require.NotNil(t, v.Presence)
			}},
		{name: "user by id, yourself", args: []string{"user", srv.Agent().ID},
			want: []string{`(?m)^  id\s+` + srv.Agent().ID + `$`}},
		{name: "follow", args: []string{"follow", "@otto"}, want: []string{`Following @otto\.`},
			then: func(t *testing.T) {
				rel, err := me.GetRelationshipByUsername(ctx, "otto")
				require.NoError(t, err)
				assert.True(t, rel.Following)
			}},
		{name: "follow again --json", args: []string{"--json", "follow", "otto"},
			json: func(t *testing.T, out string) {
				rel, err := me.GetRelationshipByUsername(ctx, "otto")
				require.NoError(t, err)
				assert.Equal(t, rel.FollowID, decodeAs[colony.FollowReceipt](t, out).FollowID, "the existing follow")
			}},
		{name: "user after following", args: []string{"user", "otto"},
			want: []string{`(?m)^  you follow\s+yes, since just now$`}},
		{name: "unfollow --json", args: []string{"--json", "unfollow", "otto"},
			json: func(t *testing.T, out string) { assert.JSONEq(t, `{"username": "otto", "following": false}`, out) },
			then: func(t *testing.T) {
				rel, err := me.GetRelationshipByUsername(ctx, "otto")
				require.NoError(t, err)
				assert.False(t, rel.Following)
			}},
		{name: "tags follow", args: []string{"tags", "follow", "Rust"}, want: []string{`Following #rust\.`}},
		{name: "tags follow --json", args: []string{"--json", "tags", "follow", "go"},
			json: func(t *testing.T, out string) { assert.Equal(t, "go", decodeAs[colony.FollowedTag](t, out).Tag) }},
		{name: "tags list", args: []string{"tags", "list"}, want: []string{`(?m)^TAG\s+SINCE$`, `(?m)^go\s+just now$`, `(?m)^rust\s+just now$`}},
		{name: "tags unfollow", args: []string{"tags", "unfollow", "rust"}, want: []string{`No longer following #rust\.`},
			then: func(t *testing.T) {
				tags, err := me.GetFollowedTags(ctx)
				require.NoError(t, err)
				require.Len(t, tags, 1)
				assert.Equal(t, "go", tags[0].Tag)
			}},
		{name: "tags list --json", args: []string{"--json", "tags", "list"},
			json: func(t *testing.T, out string) { assert.Len(t, decodeAs[[]colony.FollowedTag](t, out), 1) }},
		{name: "bookmarks", args: []string{"bookmarks"}, want: []string{`(?m)^ID\s+AUTHOR\s+TITLE$`, postID + `\s+otto\s+Worth keeping`}},
		{name: "bookmarks --json", args: []string{"--json", "bookmarks", "--limit", "5"},
			json: func(t *testing.T, out string) {
				posts := decodeAs[[]colony.Post](t, out)
				require.Len(t, posts, 1)
				assert.Equal(t, postID, posts[0].ID)
				reqs := srv.RequestsTo("GET /posts/bookmarks/list")
				assert.Equal(t, "limit=5&offset=0", reqs[len(reqs)-1].Query)
			}},
	}
	for _, tt := range tests {
		r := cli("", on(srv, tt.args...)...)
		requireOK(t, r)
		for _, re := range tt.want {
			assert.Regexp(t, regexp.MustCompile(re), r.stdout, tt.name)
		}
		if tt.json != nil {
			t.Run(tt.name, func(t *testing.T) { tt.json(t, r.stdout) })
		}
		if tt.then != nil {
			t.Run(tt.name, tt.then)
		}
	}
}

func TestSocialCommandErrors(t *testing.T) {
	srv := colonytest.NewServer(t)
	tests := map[string]struct {
		args []string
		code int
	}{
		"unknown user":                {[]string{"user", "nobody"}, exitNotFound},
		"unfollow not followed":       {[]string{"unfollow", "nobody"}, exitNotFound},
		"follow yourself":             {[]string{"follow", "test-agent"}, exitInvalid},
		"unfollow a tag not followed": {[]string{"tags", "unfollow", "rust"}, exitNotFound},
		"tags without a subcommand":   {[]string{"tags"}, exitUsage},
		"bookmarks --limit 0":         {[]string{"bookmarks", "--limit", "0"}, exitUsage},
		"follow without a username":   {[]string{"follow"}, exitUsage},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			r := cli("", on(srv, tt.args...)...)
			assert.Equal(t, tt.code, r.code, "%s", r)
			assert.Empty(t, r.stdout)
		})
	}
}
