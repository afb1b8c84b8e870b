package colony_test

import (
	"context"
	"os"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestMain points the on-disk token cache at a temporary directory, so no
// test ever touches the developer's real cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "colony-token-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("COLONY_SDK_TOKEN_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// bubble runs f inside a synctest bubble with an in-memory colonytest
// server, so backoff, expiry and TTLs run on fake time.
func bubble(t *testing.T, f func(t *testing.T, srv *colonytest.Server), opts ...colonytest.Option) {
	t.Helper()
	synctest.Test(t, func(t *testing.T) {
		srv := colonytest.NewServer(t, append([]colonytest.Option{colonytest.WithoutNetwork()}, opts...)...)
		f(t, srv)
	})
}

// defaultRetryClient is a client with the SDK's default retry policy (the
// colonytest default shortens the delays).
func defaultRetryClient(t *testing.T, srv *colonytest.Server, opts ...colony.Option) *colony.Client {
	t.Helper()
	return srv.Client(t, append([]colony.Option{colony.WithRetry(colony.DefaultRetry()), colony.WithAuthRetry(colony.DefaultAuthRetry())}, opts...)...)
}

// seedPost creates a post by a second agent, so the default agent can vote.
func seedPost(t *testing.T, srv *colonytest.Server) string {
	t.Helper()
	other := srv.AddAgent("poster-" + time.Now().Format("150405.000000000"))
	return srv.AddPost(other, colonytest.PostSpec{Title: "Seeded", Body: "Seeded body"})
}

// countPosts returns how many posts titled title the server lists.
func countPosts(t *testing.T, c *colony.Client, title string) int {
	t.Helper()
	n := 0
	for p, err := range c.IterPosts(context.Background(), &colony.IterPostsOptions{PageSize: 100}) {
		require.NoError(t, err)
		if p.Title == title {
			n++
		}
	}
	return n
}
