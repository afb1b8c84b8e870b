package colonytest

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

func TestFaultPatterns(t *testing.T) {
	cases := []struct {
		pattern string
		hitsGet bool
		hitsPut bool
	}{
		{"GET /posts/{post_id}", true, false},
		{"/posts/{post_id}", true, true},
		{"PUT *", false, true},
		{"*", true, true},
		{"GET /posts", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.pattern, func(t *testing.T) {
			srv := NewServer(t)
			c := srv.Client(t, noRetry())
			p, err := c.CreatePost(t.Context(), "t", "b", nil)
			require.NoError(t, err)
			srv.FailNext(tc.pattern, 2, Fault{Status: 418})
			_, errGet := c.GetPost(t.Context(), p.ID)
			_, errPut := c.UpdatePost(t.Context(), p.ID, &colony.UpdatePostOptions{Title: colony.Ptr("x")})
			assert.Equal(t, tc.hitsGet, errGet != nil, "GET failed")
			assert.Equal(t, tc.hitsPut, errPut != nil, "PUT failed")
		})
	}
}

func TestFaultAfterHandlerCommitsTheWrite(t *testing.T) {
	srv := NewServer(t)
	c := srv.Client(t, noRetry())
	srv.FailNext("POST /posts", 1, Fault{Status: 502, AfterHandler: true})
	_, err := c.CreatePost(t.Context(), "Ghost", "b", nil)
	require.ErrorIs(t, err, colony.ErrServer)
	page, err := c.GetPosts(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, page.Items, 1, "the post exists although the client saw a 502")
	assert.Equal(t, "Ghost", page.Items[0].Title)
	assert.Equal(t, 502, srv.RequestsTo("POST /posts")[0].Status)
}

func TestDropNextResetsTheConnection(t *testing.T) {
	for _, mode := range []string{"network", "memory"} {
		t.Run(mode, func(t *testing.T) {
			var opts []Option
			if mode == "memory" {
				opts = append(opts, WithoutNetwork())
			}
			srv := NewServer(t, opts...)
			c := srv.Client(t, noRetry())
			// Two drops: net/http itself resends a keyed POST once when a
			// reused connection resets before any answer.
			srv.DropNext("POST /posts", 2)
			_, err := c.CreatePost(t.Context(), "t", "b", nil)
			assert.ErrorIs(t, err, colony.ErrNetwork)
			reqs := srv.RequestsTo("POST /posts")
			require.NotEmpty(t, reqs)
			for _, r := range reqs {
				assert.Equal(t, -1, r.Status)
			}
			page, err := c.GetPosts(t.Context(), nil)
			require.NoError(t, err)
			assert.Empty(t, page.Items, "a dropped request writes nothing")
		})
	}
}

func TestFailRandomlyIsRepeatable(t *testing.T) {
	count := func() int {
		srv := NewServer(t)
		c := srv.Client(t, noRetry())
		srv.FailRandomly("POST /posts", 0.5, 42, Fault{Status: 503})
		failed := 0
		for range 40 {
			if _, err := c.CreatePost(t.Context(), "t", "b", nil); err != nil {
				failed++
			}
		}
		return failed
	}
	first := count()
	assert.Equal(t, first, count(), "same seed, same failures")
	assert.True(t, first > 5 && first < 35, "about half fail: %d", first)
}

func TestFaultDelayRespectsTheRequestContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := NewServer(t, WithoutNetwork())
		c := srv.Client(t, noRetry())
		srv.FailNext("GET /posts", 1, Fault{Status: 200, Delay: time.Hour})
		ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.GetPosts(ctx, nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 50*time.Millisecond, time.Since(start))
	})
}
