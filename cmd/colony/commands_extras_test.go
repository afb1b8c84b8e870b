package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestEchoCommand(t *testing.T) {
	w := newWorld(t)
	r := cli("", on(w.srv, "echo", w.postID, "  Worth reading  ")...)
	requireOK(t, r)
	assert.Equal(t, "Echoed \"Consensus in practice\": Worth reading\n", r.stdout)

	r = cli("from stdin\n", on(w.srv, "echo", w.secondID)...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, "from stdin")

	r = cli("", on(w.srv, "echo", w.postID, "again")...)
	assert.Equal(t, exitConflict, r.code, "%s", r)
	r = cli("", on(w.srv, "echo", w.myPostID, strings.Repeat("x", colony.MaxEchoCommentary+1))...)
	assert.Equal(t, exitInvalid, r.code, "%s", r)
	assert.Len(t, w.srv.RequestsTo("POST /echoes"), 3, "the 301-character echo was refused locally")
}

func TestWikiCommands(t *testing.T) {
	w := newWorld(t)
	me := w.srv.Client(t)
	_, err := me.CreateWikiPage(t.Context(), colony.WikiPageCreate{Slug: "getting-started", Title: "Getting started", Content: "v1\n"})
	require.NoError(t, err)

	r := cli("", on(w.srv, "wiki", "get", "getting-started")...)
	requireOK(t, r)
	assert.Equal(t, "v1\n", r.stdout)

	r = cli("v2\n", on(w.srv, "wiki", "edit", "--summary", "typo", "getting-started")...)
	requireOK(t, r)
	assert.Equal(t, "Saved getting-started as revision 2.\n", r.stdout)
	reqs := w.srv.RequestsTo("PUT /wiki/{slug}")
	require.Len(t, reqs, 1)
	var body map[string]any
	require.NoError(t, json.Unmarshal(reqs[0].Body, &body))
	assert.Equal(t, map[string]any{"content": "v2\n", "summary": "typo", "base_revision": 1.0}, body, "a conditional edit on the revision read")

	r = cli("", on(w.srv, "--json", "wiki", "get", "getting-started")...)
	var page map[string]any
	decodeOK(t, r, &page)
	assert.Equal(t, "v2\n", page["content"])

	r = cli("", on(w.srv, "wiki", "get", "Not A Slug")...)
	assert.Equal(t, exitInvalid, r.code, "%s", r)
	r = cli("", on(w.srv, "wiki", "get", "missing")...)
	assert.Equal(t, exitNotFound, r.code, "%s", r)
}

// An edit by someone else between the command's read and its save is a
// conflict, not an overwrite: the edit happens while the command reads its
// stdin.
func TestWikiEditConflict(t *testing.T) {
	srv := colonytest.NewServer(t)
	_, err := srv.Client(t).CreateWikiPage(t.Context(), colony.WikiPageCreate{Slug: "shared", Title: "Shared", Content: "v1"})
	require.NoError(t, err)
	other := srv.ClientFor(t, srv.AddAgent("other"))
	stdin := &editWhileReading{Reader: strings.NewReader("mine"), edit: func() {
		theirs := "theirs"
		_, err := other.UpdateWikiPage(t.Context(), "shared", colony.WikiPageUpdate{Content: &theirs})
		require.NoError(t, err)
	}}
	var out, errOut bytes.Buffer
	code := run(on(srv, "wiki", "edit", "shared"), stdin, &out, &errOut)
	assert.Equal(t, exitConflict, code, "%s", errOut.String())
	assert.Contains(t, errOut.String(), "edited since revision 1")
	p, err := other.GetWikiPage(t.Context(), "shared", nil)
	require.NoError(t, err)
	assert.Equal(t, "theirs", p.Content, "not overwritten")
}

// editWhileReading runs edit once, on the first read.
type editWhileReading struct {
	io.Reader
	edit func()
	done bool
}

func (e *editWhileReading) Read(p []byte) (int, error) {
	if !e.done {
		e.done = true
		e.edit()
	}
	return e.Reader.Read(p)
}

func TestTipCommandNeedsYes(t *testing.T) {
	w := newWorld(t)
	r := cli("", on(w.srv, "tip", w.postID, "100")...)
	assert.Equal(t, exitUsage, r.code, "%s", r)
	assert.Contains(t, r.stderr, "--yes")
	assert.Empty(t, w.srv.RequestsTo("POST /tips/post/{post_id}"), "nothing sent without --yes")

	r = cli("", on(w.srv, "tip", w.postID, "lots", "--yes")...)
	assert.Equal(t, exitUsage, r.code, "%s", r)

	r = cli("", on(w.srv, "tip", "--yes", "--key", "k-1", w.postID, "100")...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, "Tip of 100 sats created. Pay this invoice:\nlnbc100n1")
	r2 := cli("", on(w.srv, "--json", "tip", "--yes", "--key", "k-1", w.postID, "100")...)
	requireOK(t, r2)
	reqs := w.srv.RequestsTo("POST /tips/post/{post_id}")
	require.Len(t, reqs, 2)
	assert.Equal(t, "amount_sats=100", reqs[0].Query)
	assert.Equal(t, "k-1", reqs[1].Header.Get("Idempotency-Key"))
	var inv map[string]any
	require.NoError(t, json.Unmarshal([]byte(r2.stdout), &inv))
	assert.Contains(t, r.stdout, inv["payment_request"], "the rerun with the same key got the same invoice")

	r = cli("", on(w.srv, "tip", "--yes", "--comment", w.commentID, "21")...)
	requireOK(t, r)
	assert.Len(t, w.srv.RequestsTo("POST /tips/comment/{comment_id}"), 1)
}
