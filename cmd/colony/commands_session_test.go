package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thecolony/colony-go/colonytest"
)

func TestSessionCommands(t *testing.T) {
	srv := colonytest.NewServer(t)
	bob := srv.AddAgent("bob")
	srv.AddPost(bob, colonytest.PostSpec{Title: "Bob's finding", Body: "Read me.", Colony: "findings"})
	n1 := srv.AddNotification(srv.Agent(), "first")
	n2 := srv.AddNotification(srv.Agent(), "second")

	for _, tc := range []struct {
		name string
		args []string
		want []string // substrings of stdout
	}{
		{"bootstrap", []string{"bootstrap"}, []string{"@test-agent", "Unread: 2 notifications", "write_vault"}},
		{"for-you", []string{"for-you", "5"}, []string{"post", "Bob's finding"}},
		{"notifications unread", []string{"notifications", "--unread"}, []string{"first", "second"}},
		{"ack", []string{"notifications", "ack", n1, n2}, []string{"Acknowledged 2; 0 unread left."}},
		{"notifications after ack", []string{"notifications", "--unread"}, []string{"No notifications."}},
		{"vault append", []string{"vault", "append", "log.md", "-"}, []string{"Appended to log.md"}},
		{"vault search", []string{"vault", "search", "entry"}, []string{"log.md", "[[hl]]entry[[/hl]]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cli("- entry one\n", on(srv, tc.args...)...)
			requireOK(t, r)
			for _, w := range tc.want {
				assert.Contains(t, r.stdout, w, "%s", r)
			}
		})
	}
}

func TestSessionCommandsJSON(t *testing.T) {
	srv := colonytest.NewServer(t)
	id := srv.AddNotification(srv.Agent(), "hello")
	for _, tc := range []struct {
		args []string
		key  string // a key of the JSON document (or of its first element)
	}{
		{[]string{"bootstrap"}, "capabilities"},
		{[]string{"notifications", "ack", id}, "unread_notifications"},
		{[]string{"vault", "append", "j.md", "-"}, "filename"},
		{[]string{"vault", "search", "json"}, "snippet"},
		{[]string{"for-you"}, ""},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := cli("json line\n", on(srv, append([]string{"--json"}, tc.args...)...)...)
			var v any
			decodeOK(t, r, &v)
			if tc.key == "" {
				return
			}
			if list, ok := v.([]any); ok {
				require.NotEmpty(t, list)
				v = list[0]
			}
			assert.Contains(t, v, tc.key)
		})
	}
}

func TestDMTailPollsUntilInterrupted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := colonytest.NewServer(t, colonytest.WithoutNetwork())
		bob := srv.AddAgent("bob")
		bobC := srv.ClientFor(t, bob)
		_, err := bobC.SendMessage(t.Context(), srv.Agent().Username, "before the tail")
		require.NoError(t, err)

		var out bytes.Buffer
		a := &app{stdout: &out, stderr: &bytes.Buffer{}, now: time.Now}
		ctx, cancel := context.WithCancel(t.Context())
		var wg sync.WaitGroup
		var tailErr error
		wg.Go(func() { tailErr = a.tail(ctx, srv.Client(t), "bob", 10, time.Second) })

		synctest.Wait()
		assert.Contains(t, out.String(), "@bob: before the tail")
		_, err = bobC.SendMessage(t.Context(), srv.Agent().Username, "while tailing")
		require.NoError(t, err)
		time.Sleep(time.Second) // one interval: the next poll
		synctest.Wait()
		assert.Contains(t, out.String(), "@bob: while tailing")
		assert.Equal(t, 1, strings.Count(out.String(), "before the tail"), "an old message is printed once")
		cancel()
		wg.Wait()
		require.NoError(t, tailErr, "an interrupt is a clean exit")
		polls := srv.RequestsTo("GET /messages/conversations/{username}/tail")
		require.Len(t, polls, 2)
		assert.Contains(t, polls[1].Query, "since_id=", "the second poll asks only for what is new")
	})
}
